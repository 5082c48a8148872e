// Optimisation of typed scalar code (runtime/scalar_code.h) before it runs.
#pragma once

#include "runtime/scalar_code.h"

namespace pygraft::rt {

// Shortens `code` without changing what it computes:
//  - moves whose source and destination are never live at once (a value
//    yielded to a loop argument, a cond's output, `x += 1`'s rebinding) go
//    away, both registers becoming one (coalescing on the liveness of the
//    code's control-flow graph); so does an array store whose array is dead
//    after it, which then updates the array in place;
//  - a comparison read only by the conditional jump right after it becomes
//    one compare-and-jump;
//  - a loop's Count, when only jumps reach it, is done by those jumps;
//  - an array move whose source is dead after it moves the handle.
// Registers keep their kinds; live_in_regs and output_regs are renamed too.
void optimize_scalar_code(TypedScalarCode& code);

}  // namespace pygraft::rt
