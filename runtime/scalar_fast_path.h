// Operators on two Python scalars, run by the executor without a kernel call.
//
// A scalar loop (`while n != 1: n = n // 2 ...`) is a handful of operator
// nodes per iteration whose operands are Python ints or floats. Through the
// kernel interface each costs an operand gather, a KernelContext and the
// kernel's own type dispatch; here the executor checks the two operands'
// types and calls the very functions the kernels call for Python scalars
// (py_binary, py_compare; inplace_result passes a scalar's new value on), so
// the result, and any exception, is the same.
// Any other operand (an array, a tuple, None, an unbound name) takes the
// kernel. tests/unit/runtime/scalar_fast_path_test.cc holds the two to each other.
#pragma once

#include <cstdint>

#include "graph/ir.h"
#include "runtime/pyscalar.h"
#include "runtime/value.h"

namespace pygraft::rt {

struct ScalarFastOp {
  // Rebind: inplace_result on a Python-scalar target (`n += 1` rebinds n).
  enum class Kind : uint8_t { None, Binary, Compare, Rebind };
  Kind kind = Kind::None;
  uint8_t code = 0;  // a BinaryOp or a CompareOp
};

// The fast form of `op`; Kind::None for ops the executor always runs through
// their kernel.
ScalarFastOp scalar_fast_op(OpCode op);

// Writes `a op b` to `out` and returns true when a and b are Python scalars;
// returns false (out untouched) otherwise. Throws what the kernel throws.
inline bool try_scalar_fast(ScalarFastOp op, const Value& a, const Value& b, Value& out) {
  if (!a.is_py_scalar() || !b.is_py_scalar()) return false;
  // Note: a slot keeps its type from one iteration to the next, so storing
  // the scalar in place spares the variant's generic assignment.
  auto store = [&out](Value&& result) {
    if (!assign_same_scalar(out, result)) out = std::move(result);
  };
  switch (op.kind) {
    case ScalarFastOp::Kind::Binary:
      store(py_binary(static_cast<BinaryOp>(op.code), a, b));
      break;
    case ScalarFastOp::Kind::Compare:
      store(Value(py_compare(static_cast<CompareOp>(op.code), a, b)));
      break;
    case ScalarFastOp::Kind::Rebind:
      if (!assign_same_scalar(out, b)) out = b;
      break;
    case ScalarFastOp::Kind::None:
      return false;
  }
  return true;
}

// The same operators on a NumPy float64 scalar (a 0-d float64 tensor) and a
// Python number or another float64 scalar, in either order: `s * 2.0`,
// `s > 1.0` on the result of np.sum in a loop. NEP 50 makes the Python
// number weak, so the operation is IEEE double arithmetic with a float64 (or
// a NumPy bool) result, as the kernel computes it; + - * / and the
// comparisons only (// % ** keep their kernel). The result reuses the 0-d
// tensor already in `out`, or an operand's at its last use (move_a,
// move_b: those operands are released), when nothing else holds it.
// Returns false (nothing touched) for anything else.
bool try_numpy_float_scalar_fast(ScalarFastOp op, Value& a, bool move_a, Value& b, bool move_b,
                                 Value& out);

}  // namespace pygraft::rt
