// Python repr of compile-time literals (see graph/literal.h).
#include "graph/literal.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <system_error>

namespace pygraft {
namespace {

// Python's repr switches to exponent notation outside 1e-4 <= |x| < 1e16.
constexpr int kMinFixedExponent = -4;
constexpr int kMaxFixedExponent = 15;

// Shortest round-trip digits of |value| ("12345") and its decimal exponent
// (the power of ten of the first digit).
void shortest_digits(double value, std::string& digits, int& exponent) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  size_t e = text.find('e');
  digits.clear();
  for (char c : text.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  std::string_view exp_text = text.substr(e + 1);
  if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
  exponent = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
}

std::string fixed_notation(const std::string& digits, int exponent) {
  std::string out;
  int point = exponent + 1;  // digits before the decimal point
  if (point <= 0) {
    out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, static_cast<size_t>(point)) + "." +
          digits.substr(static_cast<size_t>(point));
  }
  return out;
}

std::string exponent_notation(const std::string& digits, int exponent) {
  std::string out = digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  return out + buf;
}

std::string float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  std::string sign = std::signbit(value) ? "-" : "";
  if (value == 0) return sign + "0.0";
  std::string digits;
  int exponent = 0;
  shortest_digits(value, digits, exponent);
  if (exponent < kMinFixedExponent || exponent > kMaxFixedExponent) {
    return sign + exponent_notation(digits, exponent);
  }
  return sign + fixed_notation(digits, exponent);
}

void append_escaped(std::string& out, char c, char quote) {
  switch (c) {
    case '\\':
      out += "\\\\";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  auto byte = static_cast<unsigned char>(c);
  if (c == quote) {
    out += '\\';
    out += c;
  } else if (byte < 0x20 || byte == 0x7f) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", byte);
    out += buf;
  } else {
    out += c;  // printable ASCII and UTF-8 bytes pass through, as Python 3 does
  }
}

std::string string_repr(const std::string& text) {
  bool has_single = text.find('\'') != std::string::npos;
  bool has_double = text.find('"') != std::string::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  for (char c : text) append_escaped(out, c, quote);
  out += quote;
  return out;
}

std::string tuple_repr(const LiteralTuple& items) {
  std::string out = "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += literal_to_string(items[i]);
  }
  if (items.size() == 1) out += ",";
  return out + ")";
}

struct ReprVisitor {
  std::string operator()(NoneLiteral) const { return "None"; }
  std::string operator()(bool v) const { return v ? "True" : "False"; }
  std::string operator()(int64_t v) const { return std::to_string(v); }
  std::string operator()(double v) const { return float_repr(v); }
  std::string operator()(const std::string& v) const { return string_repr(v); }
  std::string operator()(DType v) const { return std::string(dtype_name(v)); }
  std::string operator()(const LiteralTuple& v) const { return tuple_repr(v); }
};

}  // namespace

std::string literal_to_string(const Literal& lit) {
  return std::visit(ReprVisitor{}, lit.storage());
}

}  // namespace pygraft
