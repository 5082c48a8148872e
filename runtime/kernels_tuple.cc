// Python tuples: building them and len().
#include <string>

#include "runtime/kernel.h"

namespace pygraft::rt {

void kernel_make_tuple(KernelContext& ctx) {
  std::vector<Value> items;
  items.reserve(ctx.inputs.size());
  for (Value& v : ctx.inputs) items.push_back(std::move(v));
  Value tuple = Value::tuple(std::move(items));
  if (tuple.as<TupleValue>().depth > kMaxTupleDepth) {
    throw RuntimeError(PyExc::LimitExceeded, "tuples are nested more than " +
                                                 std::to_string(kMaxTupleDepth) + " levels deep");
  }
  ctx.outputs[0] = std::move(tuple);
}

void kernel_len(KernelContext& ctx) {
  const Value& obj = ctx.inputs[0];
  if (obj.is<TupleValue>()) {
    ctx.outputs[0] = static_cast<int64_t>(obj.items().size());
    return;
  }
  if (obj.is<StrValue>()) {
    ctx.outputs[0] = static_cast<int64_t>(obj.as<StrValue>().text->size());
    return;
  }
  if (!obj.is_tensor()) {
    throw RuntimeError(PyExc::TypeError, "object of type '" + type_name(obj) + "' has no len()");
  }
  const Tensor& t = obj.as<Tensor>();
  if (t.rank() == 0) throw RuntimeError(PyExc::TypeError, "len() of unsized object");
  ctx.outputs[0] = t.shape()[0];
}

}  // namespace pygraft::rt
