// The fast paths of a few kernels with the result's tensor given: what typed
// loops (runtime/scalar_loop.h) run on their array registers, so a loop
// over small arrays reuses last iteration's buffers instead of allocating.
// Each gives the bits its kernel gives; each returns false, its output
// untouched, where its fast path does not apply (the caller then runs the
// kernel itself, which computes the result or raises its error).
#pragma once

#include <cstdint>
#include <span>

#include "runtime/fused_plan.h"
#include "runtime/screened_argmax.h"
#include "runtime/tensor.h"
#include "runtime/value.h"

namespace pygraft::rt {

// Makes `out` ready to be overwritten with a result of `dtype` and `shape`:
// its own buffer when it holds it alone with that dtype and shape, else a
// new one (charged to the call's memory budget as every allocation is).
void reuse_or_allocate(Tensor& out, DType dtype, const Shape& shape);

// a @ b (kernel_matmul), or a @ b.T when `transposed_b`
// (kernel_matmul_transposed_b), for float arrays of one dtype: a a vector
// or a matrix, b a matrix (or a vector, not transposed), inner dims
// agreeing. `out` must not be a or b (the product reads them as it writes).
bool matmul_floats_into(const Tensor& a, const Tensor& b, bool transposed_b, Tensor& out);

// int(np.argmax(a @ b.T)) as matmul_floats_into's product would give it,
// without making the product, when screening decides it
// (runtime/screened_argmax.h): a float32 vector, b a float32 matrix whose
// product takes the vector kernels (up to 4 MB), `screen` its screened
// copy (kept by the caller while b's elements cannot change). False: make
// the product.
bool argmax_of_product_bt(const Tensor& a, const Tensor& b, ScreenedMatrix& screen, int64_t& index);

// An operand of fused_elementwise_into: an array, or a Python scalar (the
// fast path refuses an operand that is neither).
struct FusedOperand {
  const Tensor* array = nullptr;
  const Value* scalar = nullptr;
};

// A fused_elementwise node whose one output is an array (no reduction), on
// float arrays of one dtype and shape and Python scalars (kernel_fused_
// elementwise's fast path). `out` may be one of the arrays.
bool fused_elementwise_into(const FusedPlan& plan, std::span<const FusedOperand> operands,
                            Tensor& out);

// np.argmax(x) of a float array with at least one element: the flat index
// of the first maximum, or of the first NaN (kernel_argmax).
bool argmax_floats(const Tensor& x, int64_t& index);

}  // namespace pygraft::rt
