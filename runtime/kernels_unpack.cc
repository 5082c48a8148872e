// check_unpack: `a, b = v` where v's length is not known at compile time.
// CPython iterates v and raises before any target is assigned when the count
// differs; the lowering then reads the items with getitem, which this check
// keeps in range.
#include <string>

#include "runtime/kernel.h"

namespace pygraft::rt {
namespace {

int64_t unpacked_length(const Value& v) {
  if (v.is<TupleValue>()) return static_cast<int64_t>(v.items().size());
  if (v.is_tensor()) {
    const Tensor& t = v.as<Tensor>();
    if (t.rank() == 0) throw RuntimeError(PyExc::TypeError, "iteration over a 0-d array");
    return t.shape()[0];
  }
  throw RuntimeError(PyExc::TypeError, "cannot unpack non-iterable " + type_name(v) + " object");
}

}  // namespace

void kernel_check_unpack(KernelContext& ctx) {
  const Literal* count_attr = ctx.node.attr("count");
  const int64_t expected = count_attr != nullptr ? count_attr->as<int64_t>() : 0;
  const int64_t got = unpacked_length(ctx.inputs[0]);
  if (got > expected) {
    throw RuntimeError(PyExc::ValueError,
                       "too many values to unpack (expected " + std::to_string(expected) + ")");
  }
  if (got < expected) {
    throw RuntimeError(PyExc::ValueError, "not enough values to unpack (expected " +
                                              std::to_string(expected) + ", got " +
                                              std::to_string(got) + ")");
  }
}

}  // namespace pygraft::rt
