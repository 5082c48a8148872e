#include "runtime/cast.h"

#include <cmath>
#include <limits>
#include <string>

#include "runtime/promotion.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

Tensor cast(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = Tensor::empty(dtype, t.shape());
  dispatch_any_dtype(t.dtype(), [&](auto from_tag) {
    using From = decltype(from_tag);
    dispatch_any_dtype(dtype, [&](auto to_tag) {
      using To = decltype(to_tag);
      const From* src = t.data<From>();
      To* dst = out.data<To>();
      for (int64_t i = 0, n = t.numel(); i < n; ++i) dst[i] = convert_element<To>(src[i]);
    });
  });
  return out;
}

bool can_cast_same_kind(DType from, DType to) {
  return dtype_kind(from) <= dtype_kind(to);
}

namespace {

void check_float_fits_int(double d) {
  if (std::isnan(d)) throw RuntimeError(PyExc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) {
    throw RuntimeError(PyExc::OverflowError, "cannot convert float infinity to integer");
  }
  if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    throw RuntimeError(PyExc::OverflowError, "Python int too large to convert to C long");
  }
}

}  // namespace

namespace {

void check_items(const Value& v, DType dtype) {
  if (!v.is<TupleValue>()) return check_scalar_fits(v, dtype);
  for (const Value& item : v.items()) check_items(item, dtype);
}

}  // namespace

void check_array_scalars(const Value& v, DType dtype) {
  if (!is_integer(dtype)) return;
  if (v.is<TupleValue>() || v.is_py_scalar()) check_items(v, dtype);
}

void check_int_fits(int64_t i, DType dtype) {
  if (dtype == DType::Int64 || !is_integer(dtype)) return;
  const bool fits = dispatch_any_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      if constexpr (std::is_same_v<T, uint64_t>) return i >= 0;
      return i >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
             i <= static_cast<int64_t>(std::numeric_limits<T>::max());
    } else {
      return true;
    }
  });
  if (!fits) {
    throw RuntimeError(PyExc::OverflowError, "Python integer " + std::to_string(i) +
                                                 " out of bounds for " +
                                                 std::string(dtype_name(dtype)));
  }
}

void check_scalar_fits(const Value& v, DType dtype) {
  if (!is_integer(dtype)) return;
  if (v.is<double>()) return check_float_fits_int(v.as<double>());
  if (v.is_tensor() && v.as<Tensor>().rank() == 0 && is_float(v.as<Tensor>().dtype())) {
    return check_float_fits_int(v.as<Tensor>().get_as_double(0));
  }
  if (v.is<int64_t>()) check_int_fits(v.as<int64_t>(), dtype);
}

}  // namespace pygraft::rt
