#include "runtime/cast.h"

#include "runtime/promotion.h"

namespace pygraft::rt {

Tensor cast(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = Tensor::empty(dtype, t.shape());
  dispatch_dtype(t.dtype(), [&](auto from_tag) {
    using From = decltype(from_tag);
    dispatch_dtype(dtype, [&](auto to_tag) {
      using To = decltype(to_tag);
      const From* src = t.data<From>();
      To* dst = out.data<To>();
      for (int64_t i = 0, n = t.numel(); i < n; ++i) dst[i] = convert_element<To>(src[i]);
    });
  });
  return out;
}

bool can_cast_same_kind(DType from, DType to) { return dtype_kind(from) <= dtype_kind(to); }

}  // namespace pygraft::rt
