// Python tuples: building them, and len() of any sized value.
#include <string>

#include "runtime/kernel.h"

namespace pygraft::rt {

void kernel_make_tuple(KernelContext& ctx) {
  std::vector<Value> items;
  items.reserve(ctx.inputs.size());
  for (Value& v : ctx.inputs) items.push_back(std::move(v));
  ctx.outputs[0] = Value::tuple(std::move(items));
}

void kernel_len(KernelContext& ctx) {
  const Value& obj = ctx.inputs[0];
  if (obj.is<TupleValue>()) {
    ctx.outputs[0] = static_cast<int64_t>(obj.items().size());
    return;
  }
  if (obj.is<DictValue>()) {
    ctx.outputs[0] = static_cast<int64_t>(obj.entries().keys.size());
    return;
  }
  if (obj.is<StrValue>()) {
    // Characters, not bytes: count the bytes that start a code point.
    int64_t count = 0;
    for (char c : *obj.as<StrValue>().text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    ctx.outputs[0] = count;
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
