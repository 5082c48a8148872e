// The emitters the op table's ONNX column names (graph/ops.def:
// `to_onnx(emitter, "OnnxOp")`). Each writes the ONNX nodes of one IR node
// from its operands' and results' static types (onnx_export/emit_context.h),
// making NumPy's and Python's semantics explicit: promotion as Cast, Python
// scalars as 0-d tensors, floor division and modulo with Python's signs.
#pragma once

#include "onnx_export/emit_context.h"

namespace pygraft::onnx_export {

// ---- values (emit_values.cc) ----
void emit_identity(EmitContext& ctx);  // the operand itself (receivers, ufunc operands, copies)
void emit_cast_result(
    EmitContext& ctx);  // operand 0 cast to the result dtype (astype, float(), int())
void emit_make_tuple(EmitContext& ctx);      // a tuple of the operands
void emit_check_bound(EmitContext& ctx);     // refused when the value may be unbound
void emit_check_unpack(EmitContext& ctx);    // nothing when the tuple's size is known
void emit_side_effect(EmitContext& ctx);     // print, raise: refused; a proven assert: dropped
void emit_truth(EmitContext& ctx);           // bool(x), not x
void emit_inplace_result(EmitContext& ctx);  // x op= y: the result cast back to x's dtype
void emit_py_round(EmitContext& ctx);        // round(x[, n])
void emit_py_minmax(EmitContext& ctx);       // min(a, b, ...), max(...)

// ---- arithmetic and comparisons (emit_arith.cc) ----
void emit_binary(EmitContext& ctx);  // operands cast to the result dtype, then the op
void emit_true_divide(EmitContext& ctx);
void emit_floor_divide(EmitContext& ctx);
void emit_remainder(EmitContext& ctx);
void emit_power(EmitContext& ctx);
void emit_compare(EmitContext& ctx);  // operands cast to their common dtype
void emit_unary(EmitContext& ctx);    // operand cast to the result dtype, then the op
void emit_abs(EmitContext& ctx);
void emit_square(EmitContext& ctx);
void emit_trunc(EmitContext& ctx);
void emit_log_base(EmitContext& ctx);  // log2, log10
void emit_isfinite(EmitContext& ctx);
void emit_logical(EmitContext& ctx);  // logical_and/or/xor/not on truth values
void emit_where(EmitContext& ctx);
void emit_clip(EmitContext& ctx);
void emit_round(EmitContext& ctx);
void emit_matmul(EmitContext& ctx);
void emit_log1p_expm1(EmitContext& ctx);  // accurate near 0 (Goldberg's, Kahan's forms)
void emit_isclose(EmitContext& ctx);      // isclose, allclose
void emit_array_equal(EmitContext& ctx);
void emit_nonzero(EmitContext& ctx);  // nonzero, flatnonzero, where(condition)
void emit_einsum(EmitContext& ctx);   // np.einsum (emit_einsum.cc)

// ---- reductions (emit_reduce.cc) ----
void emit_reduce(EmitContext& ctx);      // sum, prod, max, min, mean
void emit_arg_reduce(EmitContext& ctx);  // argmax, argmin
void emit_all_any(EmitContext& ctx);
void emit_var_std(EmitContext& ctx);
void emit_norm(EmitContext& ctx);
void emit_cumsum(EmitContext& ctx);
void emit_sort(EmitContext& ctx);  // np.sort, np.argsort

// ---- shapes and creation (emit_shape.cc) ----
void emit_shape(EmitContext& ctx);
void emit_len(EmitContext& ctx);
void emit_size(EmitContext& ctx);
void emit_reshape(EmitContext& ctx);
void emit_flatten(EmitContext& ctx);
void emit_transpose(EmitContext& ctx);
void emit_expand_dims(EmitContext& ctx);
void emit_squeeze(EmitContext& ctx);
void emit_concatenate(EmitContext& ctx);  // concatenate, stack, vstack, hstack
void emit_outer(EmitContext& ctx);
void emit_trilu(EmitContext& ctx);
void emit_diff(EmitContext& ctx);
void emit_filled(EmitContext& ctx);  // zeros, ones, empty, full and their _like forms
void emit_eye(EmitContext& ctx);
void emit_arange(EmitContext& ctx);
void emit_linspace(EmitContext& ctx);
void emit_array(EmitContext& ctx);  // np.array / np.asarray of numbers, tuples, arrays

// ---- indexing (emit_index.cc) ----
void emit_getitem(EmitContext& ctx);
void emit_setitem(EmitContext& ctx);

}  // namespace pygraft::onnx_export
