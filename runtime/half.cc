#include "runtime/half.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace pygraft::rt {

float half_display_value(Half h) {
  const float value = half_to_float(h);
  if (!std::isfinite(value)) return value;
  // Note: at most 5 significant digits tell float16 values apart.
  for (int digits = 1; digits <= 6; ++digits) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                   std::chars_format::scientific, digits - 1);
    if (ec != std::errc()) break;
    const float back = std::strtof(std::string(buffer, end).c_str(), nullptr);
    if (float_to_half(back).bits == h.bits) return back;
  }
  return value;
}

}  // namespace pygraft::rt
