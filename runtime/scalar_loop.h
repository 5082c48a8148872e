// Typed execution of loops over Python scalars.
//
// A loop like Collatz's (`while n != 1: if n % 2 == 0: n = n // 2 ...`) is
// arithmetic and comparisons on Python ints and floats. Run as generic
// instructions, every one of them dispatches on the Value variant; here the
// loop, with the conds and loops nested in it, is compiled once per kind
// signature of the values it reads from outside (bool, int or float each)
// into straight-line code over unboxed 64-bit registers with jumps: typed
// instructions for the common cases (int + int with an overflow check,
// float * float, int < int, ...), and for the rest (mixed kinds, a zero
// divisor, an overflow) a call to the very functions the kernels call on
// Python scalars (py_binary, py_compare), so results and exceptions are the
// generic executor's.
//
// A loop qualifies when every instruction in it is an arithmetic operator
// (+ - * / // %), a comparison, an in-place rebinding of a scalar, a cond or a
// loop; a signature qualifies when every value keeps one kind (a loop-carried
// int that may become a float does not). Otherwise, and whenever a value read
// from outside is not a Python scalar, the generic executor runs the loop.
// Iterations count against --max-iterations / --timeout as in the generic
// executor.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "graph/ir.h"
#include "runtime/execution_limits.h"
#include "runtime/value.h"

namespace pygraft::rt {

struct CompiledRegion;
struct Instr;
struct TypedScalarCode;

class ScalarLoop {
 public:
  // The typed form of loop instruction `loop` of region `parent`, or nullptr
  // when some instruction in it has none. Both must outlive the result.
  static std::unique_ptr<ScalarLoop> analyze(const CompiledRegion& parent, const Instr& loop);

  ScalarLoop(const CompiledRegion& parent, const Instr& loop, std::vector<uint32_t> live_ins);
  ~ScalarLoop();
  ScalarLoop(const ScalarLoop&) = delete;
  ScalarLoop& operator=(const ScalarLoop&) = delete;

  // Runs the loop on `slots` and writes its outputs when the values it reads
  // from outside are Python scalars of a signature it can type; returns false,
  // having done nothing, otherwise. On a RuntimeError, `failed` is the node
  // that raised it (the loop's own node for an iteration limit).
  bool run(std::vector<Value>& slots, int64_t& iterations, const ExecutionLimits& limits,
           const Node*& failed) const;

 private:
  std::shared_ptr<const TypedScalarCode> code_for(const std::vector<uint8_t>& kinds) const;

  const CompiledRegion& parent_;
  const Instr& loop_;
  std::vector<uint32_t> live_ins_;  // slots read inside, defined outside
  // Typed code per kind signature of live_ins_ (nullptr: that signature does
  // not type). Note: a Program may be shared by threads, hence the mutex.
  mutable std::mutex mutex_;
  mutable std::vector<std::pair<std::vector<uint8_t>, std::shared_ptr<const TypedScalarCode>>>
      cache_;
};

}  // namespace pygraft::rt
