// Shared machinery of the reduction kernels (kernels_reduce.cc,
// kernels_scan.cc): reading a/axis/keepdims, and walking the input in
// row-major order together with the accumulator it folds into.
#pragma once

#include <cstdint>

#include "runtime/args.h"
#include "runtime/broadcast.h"
#include "runtime/tensor.h"
#include "runtime/value.h"

namespace pygraft::rt {

struct ReduceSetup {
  Tensor in;          // the operand as a tensor (a Python scalar becomes 0-d)
  AxisSet axes;       // the reduced axes
  Shape kept;         // the input shape with reduced axes set to 1
  Shape out_shape;    // `kept` with keepdims, else without the reduced axes
  int64_t count = 1;  // elements folded into each result
};

// Whether an int axis 0 or -1 passes on a 0-d array: NumPy's ufunc
// reductions (sum, prod, max, min, all, any) let it through and reduce
// nothing; mean, var, std and norm raise AxisError.
enum class ScalarAxis { Refuse, Allow };

// Takes operand `a` (moving a tensor out) and resolves axis and keepdims.
ReduceSetup reduce_setup(Value& a, const Value& axis, const Value& keepdims,
                         ScalarAxis scalar_axis = ScalarAxis::Refuse);

// An int axis 0 or -1 (not a tuple) given for a 0-d array.
bool is_scalar_axis(const Value& axis, int rank);

// Calls run(in_offset, acc_offset, n, acc_inner) for every innermost run of
// `in`: n input elements from in_offset fold into the accumulator (shape
// `kept`) at acc_offset, stepping with them when acc_inner, else all into one.
template <class F>
void for_each_reduce_run(const Shape& in, const Shape& kept, F&& run) {
  const Shape shapes[] = {in, kept};
  BroadcastPlan plan(shapes);
  const bool acc_inner = plan.inner_stride(1) != 0;
  // Note: short runs (np.mean(points, axis=0) over 2 coordinates) go two
  // axes per walk step, in the same order.
  constexpr int64_t kShortRun = 8;
  if (plan.inner_length() < kShortRun && plan.has_outer_axis()) {
    plan.for_each_run_pair([&](const int64_t* off, int64_t n, int64_t count, const int64_t* step) {
      for (int64_t j = 0; j < count; ++j)
        run(off[0] + j * step[0], off[1] + j * step[1], n, acc_inner);
    });
    return;
  }
  plan.for_each_run([&](const int64_t* off, int64_t n) { run(off[0], off[1], n, acc_inner); });
}

// Product of dims before, at and after `axis`, for kernels that walk one axis.
struct AxisSplit {
  int64_t outer = 1, length = 1, inner = 1;
};
AxisSplit split_at_axis(const Shape& shape, int axis);

}  // namespace pygraft::rt
