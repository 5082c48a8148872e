#include "runtime/reduce_plan.h"

#include "runtime/runtime_error.h"

namespace pygraft::rt {

bool is_scalar_axis(const Value& axis, int rank) {
  if (rank != 0 || axis.is_none() || axis.is<TupleValue>()) return false;
  int64_t ax = int_arg(axis, "axis");
  return ax == 0 || ax == -1;
}

ReduceSetup reduce_setup(Value& a, const Value& axis, const Value& keepdims,
                         ScalarAxis scalar_axis) {
  ReduceSetup s;
  if (a.is_tensor()) {
    s.in = std::move(a.as<Tensor>());
    a = Value();
  } else if (a.is_py_scalar() || a.is<TupleValue>()) {
    s.in = to_tensor(a);
  } else {
    throw RuntimeError(PyExc::TypeError,
                       "unsupported operand type for a reduction: '" + type_name(a) + "'");
  }
  const Shape& shape = s.in.shape();
  bool nothing = scalar_axis == ScalarAxis::Allow && is_scalar_axis(axis, shape.rank());
  if (!nothing) s.axes = axes_arg(axis, shape.rank());
  bool keep = bool_arg(keepdims, "keepdims");
  for (int i = 0; i < shape.rank(); ++i) {
    bool reduced = s.axes.test(i);
    s.kept.push_back(reduced ? 1 : shape[i]);
    if (reduced) s.count *= shape[i];
    if (keep || !reduced) s.out_shape.push_back(reduced ? 1 : shape[i]);
  }
  return s;
}

AxisSplit split_at_axis(const Shape& shape, int axis) {
  AxisSplit s;
  for (int i = 0; i < shape.rank(); ++i) {
    if (i < axis)
      s.outer *= shape[i];
    else if (i == axis)
      s.length = shape[i];
    else
      s.inner *= shape[i];
  }
  return s;
}

}  // namespace pygraft::rt
