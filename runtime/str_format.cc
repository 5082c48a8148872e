#include "runtime/str_format.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "runtime/format.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

namespace {

const std::string& text_of(const Value& v) {
  return *v.as<StrValue>().text;
}

// A number for %d / %f / {:.2f}: Python numbers, NumPy scalars and 0-d
// arrays (whose __format__ formats the scalar).
struct Number {
  bool is_int = false;
  int64_t i = 0;
  double f = 0;
};

std::optional<Number> number_of(const Value& v) {
  if (v.is<bool>()) return Number{true, v.as<bool>() ? 1 : 0, v.as<bool>() ? 1.0 : 0.0};
  if (v.is<int64_t>()) return Number{true, v.as<int64_t>(), static_cast<double>(v.as<int64_t>())};
  if (v.is<double>()) return Number{false, 0, v.as<double>()};
  if (v.is<Tensor>() && v.as<Tensor>().rank() == 0) {
    const Tensor& t = v.as<Tensor>();
    if (is_float(t.dtype())) return Number{false, 0, t.get_as_double(0)};
    const int64_t i = t.get_as_int(0);
    return Number{true, i, static_cast<double>(i)};
  }
  return std::nullopt;
}

std::string c_format(const char* spec, double value) {
  char buffer[512];
  const int n = std::snprintf(buffer, sizeof buffer, spec, value);
  if (n < 0) return {};
  if (static_cast<size_t>(n) < sizeof buffer) return std::string(buffer, static_cast<size_t>(n));
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), spec, value);
  out.resize(static_cast<size_t>(n));
  return out;
}

// A float as %.{precision}{type} (f, e, g and their capitals); Python keeps
// a '.' with '#'.
std::string format_float(double value, int precision, char type, bool alternate) {
  std::string spec = "%";
  if (alternate) spec += '#';
  spec += "." + std::to_string(precision) + type;
  return c_format(spec.c_str(), value);
}

std::string format_int(int64_t value, char type, bool alternate) {
  const bool negative = value < 0;
  const uint64_t magnitude =
      negative ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string digits;
  const unsigned base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
  const char* alphabet = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  uint64_t rest = magnitude;
  do {
    digits.insert(digits.begin(), alphabet[rest % base]);
    rest /= base;
  } while (rest != 0);
  if (alternate && base != 10) {
    const char* prefix = base == 16 ? (type == 'X' ? "0X" : "0x") : base == 8 ? "0o" : "0b";
    digits.insert(0, prefix);
  }
  return negative ? "-" + digits : digits;
}

// Width and alignment: `fill` on the side `align` leaves ('<', '>', '^',
// or '=' for after the sign).
std::string pad(std::string body, size_t width, char fill, char align) {
  if (body.size() >= width) return body;
  const size_t missing = width - body.size();
  switch (align) {
    case '<':
      return body + std::string(missing, fill);
    case '^':
      return std::string(missing / 2, fill) + body + std::string(missing - missing / 2, fill);
    case '=': {
      const size_t sign = !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ');
      return body.substr(0, sign) + std::string(missing, fill) + body.substr(sign);
    }
    default:
      return std::string(missing, fill) + body;
  }
}

std::string with_sign(std::string body, char sign) {
  if (!body.empty() && body[0] == '-') return body;
  if (sign == '+') return "+" + body;
  if (sign == ' ') return " " + body;
  return body;
}

// "1234567.5" -> "1,234,567.5" (the digits before the point).
std::string group_thousands(const std::string& body) {
  size_t start = !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
  size_t end = start;
  while (end < body.size() && body[end] >= '0' && body[end] <= '9') ++end;
  std::string out = body.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    out += body[i];
    const size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + body.substr(end);
}

[[noreturn]] void bad_number(const Value& v, char type, bool percent) {
  if (percent) {
    const bool float_type = std::string_view("fFeEgG").find(type) != std::string_view::npos;
    throw RuntimeError(PyExc::TypeError, float_type ? "must be real number, not " + type_name(v)
                                                    : std::string("%") + type +
                                                          " format: a real number is required, "
                                                          "not " +
                                                          type_name(v));
  }
  throw RuntimeError(PyExc::ValueError, std::string("Unknown format code '") + type +
                                            "' for object of type '" + type_name(v) + "'");
}

// ---- printf-style ----

// Widths and precisions past these are refused (CPython's limits are far
// larger, but no message needs them and they bound the text built).
constexpr int64_t kMaxWidth = 10000;
constexpr int64_t kMaxPrecision = 1000;

// The decimal number at text[i...] (0 when there are no digits), with i
// moved past it; nullopt when it passes `limit`.
std::optional<int64_t> read_decimal(std::string_view text, size_t& i, int64_t limit) {
  int64_t value = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + (text[i++] - '0');
    if (value > limit) return std::nullopt;
  }
  return value;
}

struct PercentSpec {
  std::string flags;
  size_t width = 0;
  int precision = -1;
  char type = 's';
};

std::string percent_one(const PercentSpec& spec, const Value& v) {
  const bool left = spec.flags.find('-') != std::string::npos;
  const bool zero = spec.flags.find('0') != std::string::npos && !left;
  const bool alternate = spec.flags.find('#') != std::string::npos;
  const char sign = spec.flags.find('+') != std::string::npos   ? '+'
                    : spec.flags.find(' ') != std::string::npos ? ' '
                                                                : '-';
  std::string body;
  bool numeric = true;
  switch (spec.type) {
    case 's':
    case 'r':
    case 'a':
      body = spec.type == 's' ? format_value(v) : repr_value(v);
      if (spec.precision >= 0 && body.size() > static_cast<size_t>(spec.precision)) {
        body.resize(static_cast<size_t>(spec.precision));
      }
      numeric = false;
      break;
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      std::optional<Number> n = number_of(v);
      if (!n) bad_number(v, spec.type, true);
      if (!n->is_int && !std::isfinite(n->f)) {
        throw RuntimeError(std::isnan(n->f) ? PyExc::ValueError : PyExc::OverflowError,
                           std::isnan(n->f) ? "cannot convert float NaN to integer"
                                            : "cannot convert float infinity to integer");
      }
      const int64_t i = n->is_int ? n->i : static_cast<int64_t>(std::trunc(n->f));
      const char type = spec.type == 'i' || spec.type == 'u' ? 'd' : spec.type;
      body = format_int(i, type, alternate);
      if (spec.precision >= 0) {
        const size_t digits_at = body[0] == '-' ? 1 : 0;
        const size_t digits = body.size() - digits_at;
        if (digits < static_cast<size_t>(spec.precision)) {
          body.insert(digits_at, std::string(static_cast<size_t>(spec.precision) - digits, '0'));
        }
      }
      break;
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      std::optional<Number> n = number_of(v);
      if (!n) bad_number(v, spec.type, true);
      body = format_float(n->f, spec.precision < 0 ? 6 : spec.precision, spec.type, alternate);
      break;
    }
    default:
      throw RuntimeError(PyExc::ValueError,
                         std::string("unsupported format character '") + spec.type + "'");
  }
  if (numeric) body = with_sign(body, sign);
  return pad(body, spec.width, zero && numeric ? '0' : ' ',
             left              ? '<'
             : zero && numeric ? '='
                               : '>');
}

// ---- str.format ----

struct BraceSpec {
  char fill = ' ';
  char align = 0;
  char sign = '-';
  bool alternate = false;
  bool zero = false;
  size_t width = 0;
  bool thousands = false;
  int precision = -1;
  char type = 0;
};

[[noreturn]] void bad_spec(const std::string& spec) {
  throw RuntimeError(PyExc::ValueError, "Invalid format specifier '" + spec + "'");
}

BraceSpec parse_brace_spec(const std::string& text) {
  BraceSpec spec;
  size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (text.size() >= 2 && is_align(text[1])) {
    spec.fill = text[0];
    spec.align = text[1];
    i = 2;
  } else if (!text.empty() && is_align(text[0])) {
    spec.align = text[0];
    i = 1;
  }
  if (i < text.size() && (text[i] == '+' || text[i] == '-' || text[i] == ' '))
    spec.sign = text[i++];
  if (i < text.size() && text[i] == '#') spec.alternate = true, ++i;
  if (i < text.size() && text[i] == '0') spec.zero = true, ++i;
  std::optional<int64_t> width = read_decimal(text, i, kMaxWidth);
  if (!width) bad_spec(text);
  spec.width = static_cast<size_t>(*width);
  if (i < text.size() && text[i] == ',') spec.thousands = true, ++i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (i >= text.size() || text[i] < '0' || text[i] > '9') bad_spec(text);
    std::optional<int64_t> precision = read_decimal(text, i, kMaxPrecision);
    if (!precision) bad_spec(text);
    spec.precision = static_cast<int>(*precision);
  }
  if (i < text.size()) spec.type = text[i++];
  if (i != text.size()) bad_spec(text);
  return spec;
}

std::string brace_one(const std::string& text, const Value& v) {
  if (text.empty()) return format_value(v);
  const BraceSpec spec = parse_brace_spec(text);
  std::optional<Number> n = number_of(v);
  const bool string_like = v.is<StrValue>() || (!n && spec.type == 0) || spec.type == 's';
  std::string body;
  bool numeric = false;
  if (string_like) {
    if (spec.type != 0 && spec.type != 's') bad_number(v, spec.type, false);
    if (!v.is<StrValue>() && !n && !text.empty() && v.is<Tensor>()) {
      throw RuntimeError(PyExc::TypeError,
                         "unsupported format string passed to numpy.ndarray.__format__");
    }
    body = format_value(v);
    if (spec.precision >= 0 && body.size() > static_cast<size_t>(spec.precision)) {
      body.resize(static_cast<size_t>(spec.precision));
    }
  } else {
    if (!n) bad_number(v, spec.type, false);
    numeric = true;
    char type = spec.type;
    if (type == 0) type = n->is_int && spec.precision < 0 ? 'd' : 'g';
    switch (type) {
      case 'd':
      case 'x':
      case 'X':
      case 'o':
      case 'b':
        if (!n->is_int) bad_number(v, type, false);
        body = format_int(n->i, type, spec.alternate);
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        if (spec.type == 0 && spec.precision < 0) {
          body = format_value(v);  // {:>8} of a float: str()
        } else {
          body = format_float(n->f, spec.precision < 0 ? 6 : spec.precision, type, spec.alternate);
        }
        break;
      case '%':
        body = format_float(n->f * 100.0, spec.precision < 0 ? 6 : spec.precision, 'f',
                            spec.alternate) +
               "%";
        break;
      default:
        bad_number(v, type, false);
    }
    if (spec.thousands) body = group_thousands(body);
    body = with_sign(body, spec.sign);
  }
  char align = spec.align != 0 ? spec.align : numeric ? '>' : '<';
  char fill = spec.fill;
  if (spec.zero && spec.align == 0) {
    fill = '0';
    align = numeric ? '=' : '<';
  }
  return pad(body, spec.width, fill, align);
}

}  // namespace

std::string percent_format(const std::string& fmt, const Value& args) {
  std::vector<Value> items;
  if (args.is<TupleValue>()) {
    for (const Value& item : args.items()) items.push_back(item);
  } else {
    items.push_back(args);
  }
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) throw RuntimeError(PyExc::ValueError, "incomplete format");
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    PercentSpec spec;
    while (i < fmt.size() && std::string_view("-+ 0#").find(fmt[i]) != std::string_view::npos) {
      spec.flags += fmt[i++];
    }
    std::optional<int64_t> width = read_decimal(fmt, i, kMaxWidth);
    if (!width) throw RuntimeError(PyExc::ValueError, "width too big");
    spec.width = static_cast<size_t>(*width);
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      std::optional<int64_t> precision = read_decimal(fmt, i, kMaxPrecision);
      if (!precision) throw RuntimeError(PyExc::ValueError, "precision too big");
      spec.precision = static_cast<int>(*precision);
    }
    if (i >= fmt.size()) throw RuntimeError(PyExc::ValueError, "incomplete format");
    spec.type = fmt[i];
    if (next >= items.size()) {
      throw RuntimeError(PyExc::TypeError, "not enough arguments for format string");
    }
    out += percent_one(spec, items[next++]);
  }
  if (next < items.size()) {
    throw RuntimeError(PyExc::TypeError, "not all arguments converted during string formatting");
  }
  return out;
}

std::string brace_format(const std::string& fmt, std::span<const Value> args) {
  std::string out;
  size_t auto_index = 0;
  bool numbered = false, automatic = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    const char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      throw RuntimeError(PyExc::ValueError, "Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const size_t close = fmt.find('}', i);
    if (close == std::string::npos) {
      throw RuntimeError(PyExc::ValueError, "Single '{' encountered in format string");
    }
    std::string field = fmt.substr(i + 1, close - i - 1);
    i = close;
    std::string spec;
    if (size_t colon = field.find(':'); colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field.resize(colon);
    }
    char conversion = 's';
    if (size_t bang = field.find('!'); bang != std::string::npos) {
      if (bang + 2 != field.size() || (field[bang + 1] != 's' && field[bang + 1] != 'r')) {
        throw RuntimeError(PyExc::ValueError,
                           "Unknown conversion specifier " + field.substr(bang + 1));
      }
      conversion = field[bang + 1];
      field.resize(bang);
    }
    size_t index = 0;
    if (field.empty()) {
      if (numbered) {
        throw RuntimeError(PyExc::ValueError,
                           "cannot switch from manual field specification to automatic field "
                           "numbering");
      }
      automatic = true;
      index = auto_index++;
    } else if (field.find_first_not_of("0123456789") == std::string::npos && field.size() < 9) {
      if (automatic) {
        throw RuntimeError(PyExc::ValueError,
                           "cannot switch from automatic field numbering to manual field "
                           "specification");
      }
      numbered = true;
      index = std::stoul(field);
    } else {
      throw RuntimeError(PyExc::ValueError,
                         "format field '" + field +
                             "' is not supported; pass the values by position: '{}'.format(x)");
    }
    if (index >= args.size()) {
      throw RuntimeError(PyExc::IndexError, "Replacement index " + std::to_string(index) +
                                                " out of range for positional args tuple");
    }
    const Value& v = args[index];
    if (conversion == 'r') {
      out += brace_one(spec, Value::str(repr_value(v)));
    } else {
      out += brace_one(spec, v);
    }
  }
  return out;
}

std::optional<Value> string_binary(std::string_view op, const Value& a, const Value& b) {
  const bool sa = a.is<StrValue>(), sb = b.is<StrValue>();
  if (!sa && !sb) return std::nullopt;
  if (op == "+") {
    if (sa && sb) return Value::str(text_of(a) + text_of(b));
    if (sa) {
      throw RuntimeError(PyExc::TypeError,
                         "can only concatenate str (not \"" + type_name(b) + "\") to str");
    }
    throw RuntimeError(PyExc::TypeError,
                       "unsupported operand type(s) for +: '" + type_name(a) + "' and 'str'");
  }
  if (op == "*") {
    const Value& text = sa ? a : b;
    const Value& count = sa ? b : a;
    if (!(count.is<int64_t>() || count.is<bool>())) {
      throw RuntimeError(PyExc::TypeError,
                         "can't multiply sequence by non-int of type '" + type_name(count) + "'");
    }
    const int64_t n = count.is<bool>() ? count.as<bool>() : count.as<int64_t>();
    std::string out;
    if (n > 0 && text_of(text).size() * static_cast<size_t>(n) > (size_t{1} << 30)) {
      throw RuntimeError(PyExc::MemoryError, "the repeated string would be too large");
    }
    for (int64_t i = 0; i < n; ++i) out += text_of(text);
    return Value::str(std::move(out));
  }
  if (op == "%" && sa) return Value::str(percent_format(text_of(a), b));
  throw RuntimeError(PyExc::TypeError, "unsupported operand type(s) for " + std::string(op) +
                                           ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

}  // namespace pygraft::rt
