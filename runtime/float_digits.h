// Decimal digits of floats for printing: the shortest round-trip digits (as
// Python's repr and NumPy's Dragon4 in unique mode produce) and those digits
// cut to a precision with correct rounding. Internal to format*.cc.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace pygraft::rt {

// |value| == 0.DIGITS * 10^(exponent + 1): exponent is the power of ten of
// the first digit. digits has no trailing zeros beyond the first digit.
struct Digits {
  std::string digits;
  int exponent = 0;
};

// Parses "d.ddde[+-]xx" (to_chars or printf %e output) into Digits.
inline Digits parse_scientific(std::string_view text) {
  Digits d;
  size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') d.digits.push_back(c);
  }
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  std::string_view exp_text = text.substr(e + 1);
  if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), d.exponent);
  return d;
}

// Shortest digits that round-trip in T (float or double); value finite.
template <class T>
Digits shortest_digits(T value) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
  return parse_scientific(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

// Shortest digits, cut to at most `precision` digits after the point of the
// scientific form (precision + 1 significant digits) with correct rounding.
template <class T>
Digits scientific_digits(T value, int precision) {
  Digits d = shortest_digits(value);
  if (static_cast<int>(d.digits.size()) <= precision + 1) return d;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", precision, std::fabs(static_cast<double>(value)));
  return parse_scientific(buf);
}

struct PositionalParts {
  std::string integer;   // at least one digit
  std::string fraction;  // possibly empty
};

// The positional spelling of |value| given its digits.
inline PositionalParts positional_parts(const Digits& d) {
  PositionalParts p;
  const int point = d.exponent + 1;  // digits before the decimal point
  if (point <= 0) {
    p.integer = "0";
    p.fraction = std::string(static_cast<size_t>(-point), '0') + d.digits;
  } else if (static_cast<size_t>(point) >= d.digits.size()) {
    p.integer = d.digits + std::string(static_cast<size_t>(point) - d.digits.size(), '0');
  } else {
    p.integer = d.digits.substr(0, static_cast<size_t>(point));
    p.fraction = d.digits.substr(static_cast<size_t>(point));
  }
  if (p.fraction.find_first_not_of('0') == std::string::npos) p.fraction.clear();
  return p;
}

// |value| positionally with at most `precision` fractional digits, rounded
// correctly, trailing zeros trimmed (Dragon4 unique mode with a cutoff).
template <class T>
PositionalParts positional_digits(T value, int precision) {
  if (value == 0) return {"0", ""};
  PositionalParts p = positional_parts(shortest_digits(value));
  if (static_cast<int>(p.fraction.size()) <= precision) return p;
  std::string text(512, '\0');
  int n = std::snprintf(text.data(), text.size(), "%.*f", precision,
                        std::fabs(static_cast<double>(value)));
  text.resize(static_cast<size_t>(n));
  size_t dot = text.find('.');
  p.integer = text.substr(0, dot);
  p.fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  while (!p.fraction.empty() && p.fraction.back() == '0') p.fraction.pop_back();
  return p;
}

}  // namespace pygraft::rt
