// Python's operators on tuples (SPEC §3): `+` concatenates, `*` with an int
// repeats, everything else is CPython's TypeError. An operand that is an
// array makes the operation NumPy's instead (ndarray's reflected operators
// win over the tuple's sequence methods in CPython), so those are left to
// the ufunc kernels.
#pragma once

#include <optional>

#include "runtime/pyscalar.h"
#include "runtime/value.h"

namespace pygraft::rt {

// `a op b` when a tuple takes part and no array does; nullopt otherwise.
// Throws TypeError as CPython does for operators tuples do not have.
std::optional<Value> tuple_binary(BinaryOp op, const Value& a, const Value& b);

// CPython's TypeError for an operator tuples do not have (`symbol` as in
// "unsupported operand type(s) for @"), when a tuple takes part and no array
// does; does nothing otherwise.
void reject_tuple_operands(const char* symbol, const Value& a, const Value& b);

// CPython's TypeError for `op a` on a tuple; does nothing otherwise.
void reject_tuple_unary(UnaryOp op, const Value& a);

}  // namespace pygraft::rt
