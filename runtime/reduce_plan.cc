#include "runtime/reduce_plan.h"

#include "runtime/runtime_error.h"

namespace pygraft::rt {

ReduceSetup reduce_setup(Value& a, const Value& axis, const Value& keepdims) {
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
  s.axes = axes_arg(axis, shape.rank());
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
