// The executor: runs the plan of runtime/interpreter_plan.h. One loop per
// region walks its instruction array; kernels are called through the
// function pointers resolved at load time (the single dispatch point), and
// cond / loop / call are run here. State that would otherwise be allocated per
// node (operand scratch, loop rebinding scratch, call frames) is owned by the
// Executor and reused, so a steady-state loop allocates nothing itself.
#pragma once

#include <cstdint>
#include <deque>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/execution_limits.h"
#include "runtime/interpreter_plan.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

// A runtime error already located at the node that failed.
// Note: not derived from std::exception, so enclosing regions let it pass.
struct LocatedError {
  struct Caller {
    const CompiledFunction* function;
    const Node* call;  // the call node in `function`
  };
  const CompiledFunction* function;
  const Node* node;
  PyExc exception;
  std::string message;
  // Appended by run_call as the error unwinds through it: innermost first.
  std::vector<Caller> callers;
  // Set when the error is not at node's own range (RuntimeError::range).
  std::optional<SourceRange> range = std::nullopt;
};

// The buffers an Executor works in: call frames, operand and rebinding
// scratch. Kept per thread between calls (see ScratchLease), so a warm call
// allocates none of them.
struct ExecutorScratch {
  std::deque<std::vector<Value>> frames;  // one per call depth (stable references)
  std::vector<Value> operands;            // a kernel's inputs (and extra outputs)
  std::vector<Value> carried;             // loop rebinding through scratch

  // Drops every value left behind (an error unwinds without clearing frames)
  // and keeps the capacity.
  void release_values();
};

// Borrows this thread's idle scratch for one call, or makes a new one when it
// is in use (a call from inside a call); gives it back, emptied, at the end.
class ScratchLease {
 public:
  ScratchLease();
  ~ScratchLease();
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;
  ExecutorScratch& get() { return *held_; }

 private:
  std::unique_ptr<ExecutorScratch> held_;
};

class Executor {
 public:
  Executor(const LoadedProgram& program, std::ostream& print_stream, ExecutionLimits limits);

  // Runs function `index` with one argument per parameter. Throws
  // LocatedError for failures at a node (with the calls that led there) and
  // RuntimeError for a failure of the function as a whole (an unbound return
  // value).
  Value run(size_t index, std::vector<Value> args);

 private:
  struct Frame {
    std::vector<Value>& slots;
    const CompiledFunction& function;
    int depth;
  };

  std::vector<Value>& enter(const CompiledFunction& fn, int depth);
  Value finish(const CompiledFunction& fn, std::vector<Value>& slots, int depth);
  void run_region(const CompiledRegion& r, Frame& f);
  void step(const CompiledRegion& r, const Instr& in, Frame& f);
  void run_kernel(const CompiledRegion& r, const Instr& in, Frame& f);
  void run_cond(const CompiledRegion& r, const Instr& in, Frame& f);
  void run_loop(const CompiledRegion& r, const Instr& in, Frame& f);
  // The loop `in` as typed code, from its start or (resume) after its first
  // iteration; false when its values have no typed form.
  bool run_typed(const ScalarLoop& typed, bool resume, const Instr& in, Frame& f);
  bool loop_condition(const CompiledRegion& cond, Frame& f);
  void rebind(const CompiledRegion& body, std::vector<Value>& slots);
  // Counts one loop iteration against the limits; throws past them.
  void count_iteration();
  void run_call(const CompiledRegion& r, const Instr& in, Frame& f);

  const LoadedProgram& program_;
  std::ostream& print_;
  ExecutionLimits limits_;
  int64_t iterations_ = 0;
  // Regions being run, across calls: run_region recurses once per level, so
  // a hand-made graph nesting 512-deep regions inside 256 nested calls must
  // end in an error, not a stack overflow.
  int region_nesting_ = 0;
  ScratchLease scratch_;
  std::deque<std::vector<Value>>& frames_;
  std::vector<Value>& operands_;
  std::vector<Value>& carried_;
};

// CPython 3.11's UnboundLocalError for reading an UndefValue: "cannot access
// local variable 'x' where it is not associated with a value".
[[noreturn]] void throw_unbound(const Value& undef);

}  // namespace pygraft::rt
