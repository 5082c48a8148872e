// What `compile --entry NAME` compiles: the entry functions and every
// top-level item they use, transitively (functions they call, constants and
// imports they read), as torch.jit.script does. Everything else in the file
// (other functions, classes, training loops and plotting at module level,
// imports of other modules) is left out with a note, and the problems the
// parser found in it are not errors: that code is never compiled.
//
// Without entries every function is compiled (and every problem reported);
// only imports of other modules that nothing compiled uses are left out.
#pragma once

#include <string>
#include <vector>

#include "parser/ast.h"
#include "support/source_range.h"

namespace pygraft::transform {

struct LeftOutItem {
  SourceRange range;    // the whole item: no diagnostic inside it is an error
  SourceRange head;     // where its note points
  std::string message;  // the note (PG0313)
};

// Removes from `module` the functions and constants the entries do not use
// and returns every item left out, in source order. Does nothing but list
// unused imports of other modules when `entries` is empty, and nothing at
// all when an entry names no function (the lowering reports that, PG0309).
std::vector<LeftOutItem> leave_out_unused(ast::Module& module,
                                          const std::vector<std::string>& entries);

}  // namespace pygraft::transform
