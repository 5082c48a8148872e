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
// The loops of small arrays typed too: a NumPy float64 or bool scalar (a 0-d
// array) lives in a register like a Python float or bool, with NumPy's
// rules (its arithmetic with floats is IEEE, division by zero included, and
// gives a NumPy scalar; a Python int operand is converted first, as NEP 50
// does); float64 arrays live in an array file, with typed x[i] of a vector,
// x[i, j] of a matrix, np.sum(x[i]) of a matrix's row, np.sum(v),
// x.shape[k], x.size, and x[i] = number and x[i, j] = number, which update
// x in place when no other value shares its buffer (the loop's array moves
// in when the loop reads it last). The piecewise loop over a matrix's rows
// (`s = np.sum(x[i]); if s > 1.0: out[i] = s * 2.0 ...`) runs without a
// kernel call.
//
// Whole float arrays (float32 or float64) are typed too, as array registers
// whose instructions write their result into the register's own tensor,
// reusing last iteration's buffer when nothing else holds it
// (runtime/kernels_into.h): rows x[i] of a matrix (a view), products a @ b
// and a @ b.T, fused elementwise chains and single + - * / negation abs exp
// tanh on arrays of one dtype and Python numbers, and int(np.argmax(x)).
// An RNN step (`h = np.tanh(xs[t] @ wx + h @ wh + b)`) or a greedy
// decoding step then allocates nothing. Outside their fast paths (shapes
// that broadcast or disagree) these run the node's own kernel: same results
// and errors. A moved array swaps handles with its destination, so the
// dead register keeps the other buffer for the next iteration to reuse.
//
// A call in the loop runs inline (calls nested up to 4 deep) when the
// function called is made of the same instructions and given every
// argument: an LSTM step's `i = sigmoid(z[:n])` then allocates nothing
// either, and 1-D slices z[a:b] of float vectors are views. An error in a
// function run inline names the calls that led to it, as the generic
// executor's does; a loop whose calls could exceed the call-depth limit runs
// generically, which raises the RecursionError.
//
// A loop qualifies when every instruction in it is an arithmetic operator
// (+ - * / // %), a comparison, a negation, `not`, an in-place rebinding of
// a scalar, x[i], x[i, j], x[i] = v, x[i, j] = v, a plain np.sum, x.shape[k],
// x.size, range()'s argument, one of the array ops above, a cond or a loop
// (// and % by a constant power of two become a shift and a mask); a
// signature qualifies when every
// value keeps one kind and every op has a typed form for its operands'
// kinds (an index out of range raises the generic kernel's own error). A
// value that changes kind only in the first iteration (`total = 0.0; total
// += x[i]`: a Python float, then a NumPy float64) is typed from the second,
// after the generic executor ran the first. Otherwise, and whenever a value
// read from outside is of another type, the generic executor runs the
// loop. Iterations count against --max-iterations / --timeout as in the
// generic executor.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "graph/ir.h"
#include "runtime/execution_limits.h"
#include "runtime/value.h"

namespace pygraft::rt {

struct CompiledFunction;
struct CompiledRegion;
struct Instr;
struct TypedScalarCode;

// Where typed code raised: the node, the function it belongs to, and the
// calls run inline that led there, innermost first (LocatedError's form).
struct TypedFailure {
  const Node* node = nullptr;
  const CompiledFunction* function = nullptr;  // nullptr: the loop's own function
  struct Caller {
    const CompiledFunction* function;  // nullptr: the loop's own function
    const Node* call;
  };
  std::vector<Caller> callers;
};

class ScalarLoop {
 public:
  // The typed form of loop instruction `loop` of region `parent`, or nullptr
  // when some instruction in it has none. Both must outlive the result.
  // `fn` (its constants) too, and `functions`, the program's (the callees).
  static std::unique_ptr<ScalarLoop> analyze(std::span<const CompiledFunction> functions,
                                             const CompiledFunction& fn,
                                             const CompiledRegion& parent, const Instr& loop);

  // The slots the code reads on entry, and which of them it may move out.
  struct Entry {
    std::vector<uint32_t> live_ins;
    std::vector<bool> movable;
  };

  ScalarLoop(std::span<const CompiledFunction> functions, const CompiledFunction& fn,
             const CompiledRegion& parent, const Instr& loop, Entry start, Entry resumed);
  ~ScalarLoop();
  ScalarLoop(const ScalarLoop&) = delete;
  ScalarLoop& operator=(const ScalarLoop&) = delete;

  // Runs the loop on `slots` of a function called `depth` calls deep and
  // writes its outputs when the values it reads from outside are of a
  // signature it can type; returns false, having done nothing, otherwise. On
  // a RuntimeError, `failed` says where it was raised (the loop's own node
  // for an iteration limit).
  bool run(std::vector<Value>& slots, int depth, int64_t& iterations, const ExecutionLimits& limits,
           TypedFailure& failed) const;
  // The same after the generic executor ran the first iteration (the
  // carried values in the body's argument slots): a value that changes kind
  // only in the first iteration (`total = 0.0; total += x[i]` makes a
  // Python float a NumPy float64) has one kind from then on.
  bool resume(std::vector<Value>& slots, int depth, int64_t& iterations,
              const ExecutionLimits& limits, TypedFailure& failed) const;

 private:
  bool run_from(const Entry& entry, bool resume, std::vector<Value>& slots, int depth,
                int64_t& iterations, const ExecutionLimits& limits, TypedFailure& failed) const;
  std::shared_ptr<const TypedScalarCode> code_for(const std::vector<uint8_t>& signature,
                                                  bool resume) const;

  std::span<const CompiledFunction> functions_;  // the callees
  const CompiledFunction& fn_;                   // its constants
  const CompiledRegion& parent_;
  const Instr& loop_;
  Entry start_;    // the loop's operands and what its regions read from outside
  Entry resumed_;  // the body's arguments and what the regions read from outside
  // Typed code per entry and signature of its live-ins (kinds, arrays'
  // dtypes and ranks; nullptr: that signature does not type). Note: a
  // Program may be shared by threads, hence the mutex.
  struct CachedCode {
    bool resume;
    std::vector<uint8_t> signature;
    std::shared_ptr<const TypedScalarCode> code;
  };
  mutable std::mutex mutex_;
  mutable std::vector<CachedCode> cache_;
};

}  // namespace pygraft::rt
