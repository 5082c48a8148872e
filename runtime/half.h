// IEEE 754 binary16 (NumPy's float16) as stored bits, converted to and from
// float with round-to-nearest-even, as NumPy's npy_half functions do.
// Arithmetic on float16 arrays runs in float32 and rounds each result back
// (runtime/narrow_dtypes.h), which is also how NumPy's float16 loops work.
#pragma once

#include <bit>
#include <cstdint>

namespace pygraft::rt {

struct Half {
  uint16_t bits = 0;
};

inline float half_to_float(Half h) {
  const uint32_t sign = static_cast<uint32_t>(h.bits & 0x8000u) << 16;
  const uint32_t exponent = (h.bits >> 10) & 0x1fu;
  uint32_t mantissa = h.bits & 0x3ffu;
  if (exponent == 0x1f) {  // inf or NaN, payload kept
    return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
  }
  if (exponent != 0) {
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
  if (mantissa == 0) return std::bit_cast<float>(sign);
  // Subnormal half: exactly representable as a normal float.
  const float magnitude = static_cast<float>(mantissa) * 0x1p-24f;
  return sign != 0 ? -magnitude : magnitude;
}

inline Half float_to_half(float f) {
  const uint32_t x = std::bit_cast<uint32_t>(f);
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  const uint32_t abs = x & 0x7fffffffu;
  if (abs >= 0x7f800000u) {  // inf or NaN (a NaN stays a NaN)
    const uint16_t payload = abs > 0x7f800000u ? static_cast<uint16_t>(0x200u | (abs >> 13)) : 0;
    return {static_cast<uint16_t>(sign | 0x7c00u | payload)};
  }
  if (abs >= 0x477ff000u) return {static_cast<uint16_t>(sign | 0x7c00u)};  // rounds to inf
  if (abs < 0x38800000u) {
    // Subnormal or zero half: scale so the half's unit is 1, round to even.
    const float magnitude = std::bit_cast<float>(abs) * 0x1p24f;
    const float rounded = __builtin_nearbyintf(magnitude);  // ties to even (default mode)
    return {static_cast<uint16_t>(sign | static_cast<uint16_t>(rounded))};
  }
  // Normal: drop 13 mantissa bits with round-to-nearest-even; a carry into
  // the exponent is the correct rounding.
  const uint32_t lsb = (abs >> 13) & 1u;
  const uint32_t rounded = abs + 0xfffu + lsb;
  return {static_cast<uint16_t>(sign | ((rounded - 0x38000000u) >> 13))};
}

// A double rounded once to float16: rounding to float first with the
// inexact bit kept in the last place (round-to-odd) makes the second
// rounding the correct one.
inline Half double_to_half(double d) {
  const float f = static_cast<float>(d);
  if (static_cast<double>(f) == d || !(f - f == 0.0f)) return float_to_half(f);
  uint32_t b = std::bit_cast<uint32_t>(f);
  const bool rounded_away =
      (d < 0 ? -static_cast<double>(f) : static_cast<double>(f)) > (d < 0 ? -d : d);
  if (rounded_away) b -= 1;  // toward zero: same sign, one unit smaller
  return float_to_half(std::bit_cast<float>(b | 1u));
}

// The float whose shortest digits are the shortest digits that read back as
// `h`: printing it as a float32 prints the float16 as NumPy does (14.14,
// where the float32 of the same value prints 14.140625). Finite or not.
float half_display_value(Half h);

}  // namespace pygraft::rt
