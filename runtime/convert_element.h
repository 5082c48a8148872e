// One element converted between element types the way NumPy converts it,
// without undefined behaviour (runtime/cast.h converts whole tensors).
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

#include "runtime/half.h"

namespace pygraft::rt {

// A float converted to an integer type as NumPy on x86-64 does: truncation
// toward zero; out of range or NaN, what the hardware conversion gives
// (8/16/32-bit targets go through int32, whose invalid value is INT32_MIN,
// then wrap; 64-bit through int64, invalid INT64_MIN), never undefined
// behaviour.
template <class To>
To float_to_integer(double v) {
  if constexpr (sizeof(To) < 4 || std::is_same_v<To, int32_t>) {
    const bool valid = v > -2147483649.0 && v < 2147483648.0;
    const int32_t i = valid ? static_cast<int32_t>(v) : std::numeric_limits<int32_t>::min();
    return static_cast<To>(i);
  } else if constexpr (std::is_same_v<To, uint64_t>) {
    if (v >= 9223372036854775808.0 && v < 18446744073709551616.0) {
      return static_cast<uint64_t>(v - 9223372036854775808.0) + (uint64_t{1} << 63);
    }
    if (v >= 18446744073709551616.0) return 0;
    const bool valid = v > -9223372036854775809.0 && v < 9223372036854775808.0;
    return static_cast<uint64_t>(valid ? static_cast<int64_t>(v)
                                       : std::numeric_limits<int64_t>::min());
  } else {
    const bool valid = v > -9223372036854775809.0 && v < 9223372036854775808.0;
    const int64_t i = valid ? static_cast<int64_t>(v) : std::numeric_limits<int64_t>::min();
    return static_cast<To>(i);
  }
}

// Converts one element without undefined behaviour: integers wrap as C
// does, floats to integers as float_to_integer, float16 through float.
template <class To, class From>
To convert_element(From v) {
  if constexpr (std::is_same_v<From, Half>) {
    return convert_element<To>(half_to_float(v));
  } else if constexpr (std::is_same_v<To, Half>) {
    if constexpr (std::is_same_v<From, double>) {
      return double_to_half(v);
    } else {
      return float_to_half(static_cast<float>(v));
    }
  } else if constexpr (std::is_same_v<To, bool>) {
    return v != From{};
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    return float_to_integer<To>(static_cast<double>(v));
  } else {
    return static_cast<To>(v);
  }
}

}  // namespace pygraft::rt
