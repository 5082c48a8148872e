#include "parser/literals.h"

#include <charconv>
#include <limits>

namespace pygraft::parser {

namespace {

std::string without_underscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '_') out.push_back(c);
  }
  return out;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

bool is_suffix(char c, char lower) {
  return c == lower || c == lower - 'a' + 'A';
}

// Splits `0x..`, `0o..`, `0b..` into their base and digits.
int base_of(std::string_view& digits) {
  if (digits.size() < 2 || digits[0] != '0') return 10;
  char marker = digits[1];
  int base = is_suffix(marker, 'x')   ? 16
             : is_suffix(marker, 'o') ? 8
             : is_suffix(marker, 'b') ? 2
                                      : 10;
  if (base != 10) digits.remove_prefix(2);
  return base;
}

void append_utf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Reads up to `max_digits` digits of `base` at body[i...]; returns how many.
size_t read_number(std::string_view body, size_t i, int base, size_t max_digits, uint32_t& value) {
  size_t n = 0;
  value = 0;
  while (n < max_digits && i + n < body.size() && digit_value(body[i + n]) < base) {
    value = value * static_cast<uint32_t>(base) + static_cast<uint32_t>(digit_value(body[i + n]));
    ++n;
  }
  return n;
}

char simple_escape(char c) {
  switch (c) {
    case '\\':
      return '\\';
    case '\'':
      return '\'';
    case '"':
      return '"';
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return 0;
  }
}

// Decodes the escape starting at body[i] == '\\'; returns the bytes consumed.
size_t decode_escape(std::string_view body, size_t i, std::string& out) {
  if (i + 1 >= body.size()) {
    out.push_back('\\');
    return 1;
  }
  char c = body[i + 1];
  if (char simple = simple_escape(c)) {
    out.push_back(simple);
    return 2;
  }
  if (c == '\n') return 2;  // line continuation inside the string
  if (c == '\r') return (i + 2 < body.size() && body[i + 2] == '\n') ? 3 : 2;
  uint32_t value = 0;
  if (c >= '0' && c <= '7') {
    size_t n = read_number(body, i + 1, 8, 3, value);
    append_utf8(out, value);
    return 1 + n;
  }
  size_t width = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (width != 0 && read_number(body, i + 2, 16, width, value) == width && value <= 0x10FFFF) {
    append_utf8(out, value);
    return 2 + width;
  }
  out.push_back('\\');  // unknown escapes (and \N{...}) stay as written
  return 1;
}

}  // namespace

IntLiteralValue parse_int_literal(std::string_view text, bool negated) {
  std::string cleaned = without_underscores(text);
  std::string_view digits = cleaned;
  if (!digits.empty() && is_suffix(digits.back(), 'j')) return {LiteralStatus::Imaginary, 0};
  int base = base_of(digits);
  if (digits.empty()) return {LiteralStatus::Invalid, 0};
  const uint64_t limit =
      static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (negated ? 1 : 0);
  uint64_t value = 0;
  for (char c : digits) {
    int d = digit_value(c);
    if (d >= base) return {LiteralStatus::Invalid, 0};
    if (value > (limit - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      return {LiteralStatus::TooLarge, 0};
    }
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (negated) {
    // Note: -(2^63) is representable although 2^63 is not.
    int64_t result =
        value == limit ? std::numeric_limits<int64_t>::min() : -static_cast<int64_t>(value);
    return {LiteralStatus::Ok, result};
  }
  return {LiteralStatus::Ok, static_cast<int64_t>(value)};
}

FloatLiteralValue parse_float_literal(std::string_view text) {
  std::string cleaned = without_underscores(text);
  if (!cleaned.empty() && is_suffix(cleaned.back(), 'j')) return {LiteralStatus::Imaginary, 0.0};
  double value = 0.0;
  const char* first = cleaned.data();
  const char* last = first + cleaned.size();
  auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    // Overflow reads as inf and underflow as 0.0, as CPython's float().
    bool negative_exponent =
        cleaned.find("e-") != std::string::npos || cleaned.find("E-") != std::string::npos;
    value = negative_exponent ? 0.0 : std::numeric_limits<double>::infinity();
    return {LiteralStatus::Ok, value};
  }
  if (ec != std::errc() || ptr != last) return {LiteralStatus::Invalid, 0.0};
  return {LiteralStatus::Ok, value};
}

StringPrefix parse_string_prefix(std::string_view string_start) {
  StringPrefix prefix;
  for (char c : string_start) {
    if (c == '"' || c == '\'') break;
    if (is_suffix(c, 'r')) prefix.raw = true;
    if (is_suffix(c, 'b')) prefix.bytes = true;
    if (is_suffix(c, 'f') || is_suffix(c, 't')) prefix.formatted = true;
  }
  return prefix;
}

std::string decode_string_body(std::string_view body, bool raw) {
  std::string out;
  out.reserve(body.size());
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') {
      ++i;  // CRLF reads as '\n'
      continue;
    }
    if (c == '\\' && !raw) {
      i += decode_escape(body, i, out);
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace pygraft::parser
