// str() and repr() of runtime values (see runtime/format.h). Arrays of rank
// >= 1 are laid out by format_array.cc.
#include "runtime/format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "runtime/float_digits.h"
#include "runtime/half.h"

namespace pygraft::rt {
namespace {

// Python switches to exponent notation outside 1e-4 <= |x| < 1e16.
constexpr int kMinFixedExponent = -4;
constexpr int kMaxFixedExponent = 15;

template <class T>
std::string scalar_float_repr(T value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  const std::string sign = std::signbit(value) ? "-" : "";
  if (value == 0) return sign + "0.0";
  Digits d = shortest_digits(value);
  if (d.exponent < kMinFixedExponent || d.exponent > kMaxFixedExponent) {
    std::string out = d.digits.substr(0, 1);
    if (d.digits.size() > 1) out += "." + d.digits.substr(1);
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", d.exponent < 0 ? '-' : '+', std::abs(d.exponent));
    return sign + out + buf;
  }
  PositionalParts parts = positional_parts(d);
  return sign + parts.integer + "." + (parts.fraction.empty() ? "0" : parts.fraction);
}

std::string quote_string(const std::string& text) {
  const bool has_single = text.find('\'') != std::string::npos;
  const bool has_double = text.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c == quote)
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out + quote;
}

// str() of a NumPy scalar (a 0-d tensor).
std::string scalar_str(const Tensor& t) {
  switch (t.dtype()) {
    case DType::Bool:
      return t.data<bool>()[0] ? "True" : "False";
    case DType::Int32:
      return std::to_string(t.data<int32_t>()[0]);
    case DType::Int64:
      return std::to_string(t.data<int64_t>()[0]);
    case DType::Float32:
      return float32_repr(t.data<float>()[0]);
    case DType::Float16:
      return float32_repr(half_display_value(t.data<Half>()[0]));
    case DType::Float64:
      break;
    default:  // the narrow integers
      return std::to_string(t.get_as_int(0));
  }
  return python_float_repr(t.data<double>()[0]);
}

// repr() of a NumPy 2 scalar: np.float64(1.5), np.True_.
std::string scalar_repr(const Tensor& t) {
  if (t.dtype() == DType::Bool) return t.data<bool>()[0] ? "np.True_" : "np.False_";
  return "np." + std::string(dtype_name(t.dtype())) + "(" + scalar_str(t) + ")";
}

// (a,), (a, b), [a, b]
std::string sequence_repr(const Value& v) {
  const auto& items = v.items();
  const bool list = v.is_list();
  std::string out = list ? "[" : "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += repr_value(items[i]);
  }
  if (items.size() == 1 && !list) out += ",";
  return out + (list ? "]" : ")");
}

std::string dict_repr(const Value& v) {
  const DictEntries& d = v.entries();
  std::string out = "{";
  for (size_t i = 0; i < d.keys.size(); ++i) {
    if (i > 0) out += ", ";
    out += repr_value(d.keys[i]) + ": " + repr_value(d.values[i]);
  }
  return out + "}";
}

}  // namespace

std::string python_float_repr(double value) {
  return scalar_float_repr(value);
}
std::string float32_repr(float value) {
  return scalar_float_repr(value);
}

std::string format_value(const Value& v) {
  if (v.is<StrValue>()) return *v.as<StrValue>().text;
  if (v.is<DType>()) return std::string(dtype_name(v.as<DType>()));
  if (v.is<Tensor>()) {
    const Tensor& t = v.as<Tensor>();
    return t.rank() == 0 ? scalar_str(t) : format_array(t);
  }
  return repr_value(v);
}

std::string repr_value(const Value& v) {
  if (v.is_none()) return "None";
  if (v.is<bool>()) return v.as<bool>() ? "True" : "False";
  if (v.is<int64_t>()) return std::to_string(v.as<int64_t>());
  if (v.is<double>()) return python_float_repr(v.as<double>());
  if (v.is<StrValue>()) return quote_string(*v.as<StrValue>().text);
  if (v.is<DType>()) return "dtype('" + std::string(dtype_name(v.as<DType>())) + "')";
  if (v.is<TupleValue>()) return sequence_repr(v);
  if (v.is<DictValue>()) return dict_repr(v);
  if (v.is<UndefValue>()) return "<unbound " + *v.as<UndefValue>().name + ">";
  // Note: NumPy adds the object's address, which no output could match.
  if (v.is<GeneratorValue>()) return "Generator(PCG64)";
  const Tensor& t = v.as<Tensor>();
  return t.rank() == 0 ? scalar_repr(t) : repr_array(t);
}

}  // namespace pygraft::rt
