// Executes the functions of a verified Module. Loading resolves everything
// once (kernels, callees, value slots, last uses, constants); calling runs
// one small dispatch loop per region with no lookups by name.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/ir.h"
#include "runtime/runtime_error.h"
#include "runtime/value.h"
#include "support/source_range.h"

namespace pygraft::rt {

// A call on the way to a failure: the call node `range` in `function`.
struct CallerFrame {
  std::string function;
  SourceRange range;

  friend bool operator==(const CallerFrame&, const CallerFrame&) = default;
};

// A runtime error with the source location of the node that failed.
struct ExecutionError {
  std::string function;  // the function whose node failed
  SourceRange range;     // that node's range in the user's source
  std::string message;   // e.g. "index 5 is out of bounds for axis 0 with size 3"
  // The Python exception (IndexError above); LimitExceeded for a limit of
  // RunOptions, InternalError for a bug or a malformed graph, Unspecified
  // where a kernel does not name one yet.
  PyExc exception = PyExc::Unspecified;
  // The calls that led to `function`, innermost first: where `function` was
  // called, then where that caller was called, ... up to the entry function.
  // Empty when the failure is in the function that was called.
  std::vector<CallerFrame> callers;
};

struct RunOptions {
  // Where print() writes; the CLI passes std::cerr (stdout is run's JSON).
  std::ostream* print_stream = nullptr;  // nullptr: std::cerr
  // Cap on live tensor bytes during one call; 0 means no budget.
  int64_t max_memory_bytes = 0;
  // Cap on nested calls between graph functions (recursion is rejected at
  // compile time; this guards hand-made graph files).
  int max_call_depth = 256;
  // Cap on loop iterations during one call, all loops together; 0: none.
  int64_t max_loop_iterations = 0;
  // Wall-clock limit for one call, checked at every loop iteration; 0: none.
  double timeout_seconds = 0;
};

struct CallResult {
  std::optional<Value> value;           // set on success
  std::optional<ExecutionError> error;  // set on failure
};

struct LoadedProgram;

// Thread-safety: a Program is immutable after construction; call() may run
// concurrently from several threads.
class Program {
 public:
  // The module must have passed verify_module (load_module guarantees it).
  explicit Program(Module module);
  ~Program();
  Program(Program&&) noexcept;
  Program& operator=(Program&&) noexcept;

  const Module& module() const;
  // Index of a function by name, or nullopt.
  std::optional<size_t> find_function(std::string_view name) const;

  // Calls function `index` with positional arguments; missing trailing
  // arguments take the parameters' defaults (too many or too few is an
  // error naming the function). Never throws for errors in the graph's
  // execution: they come back in CallResult::error.
  CallResult call(size_t index, std::vector<Value> args, const RunOptions& options = {}) const;

 private:
  std::unique_ptr<LoadedProgram> impl_;
};

}  // namespace pygraft::rt
