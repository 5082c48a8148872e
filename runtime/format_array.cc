// NumPy's array2string for str(array) and repr(array) with the default print
// options, ported from numpy/core/arrayprint.py (_formatArray, _extendLine,
// FloatingFormat, IntegerFormat, BoolFormat). Widths are common to the
// elements shown (only the edges when more than 1000 elements summarise).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "runtime/cast.h"
#include "runtime/float_digits.h"
#include "runtime/format.h"

namespace pygraft::rt {
namespace {

constexpr int kPrecision = 8;
constexpr int kLineWidth = 75;
constexpr int64_t kThreshold = 1000;
constexpr int64_t kEdgeItems = 3;

using ElementFormat = std::function<std::string(int64_t offset)>;

std::string pad_left(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

// Element indices shown along an axis of size n.
std::vector<int64_t> kept_indices(int64_t n, bool summarize) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < n; ++i) {
    if (!summarize || n <= 2 * kEdgeItems || i < kEdgeItems || i >= n - kEdgeItems) {
      out.push_back(i);
    }
  }
  return out;
}

void collect_shown(const Tensor& t, bool summarize, int axis, int64_t offset,
                   const std::array<int64_t, kMaxRank>& strides, std::vector<int64_t>& out) {
  if (axis == t.rank()) {
    out.push_back(offset);
    return;
  }
  for (int64_t i : kept_indices(t.shape()[axis], summarize)) {
    collect_shown(t, summarize, axis + 1, offset + i * strides[axis], strides, out);
  }
}

// FloatingFormat in floatmode 'maxprec' with precision 8.
template <class T>
class FloatFormat {
 public:
  FloatFormat(const T* data, const std::vector<int64_t>& shown);
  std::string operator()(T x) const;

 private:
  bool exp_ = false;
  size_t pad_left_ = 0, pad_right_ = 0, precision_ = 0, exp_size_ = 0;
};

std::string exponent_digits(int exponent) {
  std::string s = std::to_string(std::abs(exponent));
  return s.size() < 2 ? "0" + s : s;
}

template <class T>
FloatFormat<T>::FloatFormat(const T* data, const std::vector<int64_t>& shown) {
  std::vector<T> finite;
  bool any_nonfinite = false, negative_inf = false;
  for (int64_t i : shown) {
    T x = data[i];
    if (std::isfinite(x)) finite.push_back(x);
    any_nonfinite |= !std::isfinite(x);
    negative_inf |= std::isinf(x) && x < 0;
  }
  double max_val = 0, min_val = 0;
  for (T x : finite) {
    double a = std::fabs(static_cast<double>(x));
    if (a == 0) continue;
    max_val = std::max(max_val, a);
    min_val = min_val == 0 ? a : std::min(min_val, a);
  }
  exp_ = max_val != 0 && (max_val >= 1e8 || min_val < 1e-4 || max_val / min_val > 1000.);
  for (T x : finite) {
    size_t sign = std::signbit(x) ? 1 : 0;
    if (exp_) {
      Digits d = scientific_digits(x, kPrecision);
      pad_left_ = std::max(pad_left_, sign + 1);
      precision_ = std::max(precision_, d.digits.size() - 1);
      exp_size_ = std::max(exp_size_, exponent_digits(d.exponent).size());
    } else {
      PositionalParts p = positional_digits(x, kPrecision);
      pad_left_ = std::max(pad_left_, sign + p.integer.size());
      pad_right_ = std::max(pad_right_, p.fraction.size());
    }
  }
  if (exp_) pad_right_ = exp_size_ + 2 + precision_;
  if (any_nonfinite) {
    const size_t offset = pad_right_ + 1;
    const size_t inf_len = negative_inf ? 4 : 3;
    if (offset < 3) pad_left_ = std::max(pad_left_, 3 - offset);
    if (offset < inf_len) pad_left_ = std::max(pad_left_, inf_len - offset);
  }
}

template <class T>
std::string FloatFormat<T>::operator()(T x) const {
  if (!std::isfinite(x)) {
    std::string text = std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf");
    return pad_left(text, pad_left_ + pad_right_ + 1);
  }
  const std::string sign = std::signbit(x) ? "-" : "";
  if (exp_) {
    // Note: padding to the common precision prints the value's exact digits
    // (min_digits in Dragon4), which differ from zeros for float32.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", static_cast<int>(precision_),
                  std::fabs(static_cast<double>(x)));
    const std::string_view text(buf);
    const size_t e = text.find('e');
    Digits d = parse_scientific(text);
    const std::string fraction(text.substr(std::min<size_t>(2, e), e - std::min<size_t>(2, e)));
    std::string exponent = exponent_digits(d.exponent);
    exponent = std::string(exp_size_ - std::min(exp_size_, exponent.size()), '0') + exponent;
    return pad_left(sign + std::string(text.substr(0, 1)), pad_left_) + "." + fraction + "e" +
           (d.exponent < 0 ? "-" : "+") + exponent;
  }
  PositionalParts p = positional_digits(x, kPrecision);
  std::string fraction = p.fraction;
  fraction.resize(std::max(fraction.size(), pad_right_), ' ');
  return pad_left(sign + p.integer, pad_left_) + "." + fraction;
}

template <class T>
ElementFormat integer_format(const T* data, const std::vector<int64_t>& shown) {
  size_t width = 0;
  for (int64_t i : shown) width = std::max(width, std::to_string(data[i]).size());
  return [data, width](int64_t i) { return pad_left(std::to_string(data[i]), width); };
}

ElementFormat element_format(const Tensor& t, const std::vector<int64_t>& shown) {
  switch (t.dtype()) {
    case DType::Bool: {
      const bool* data = t.data<bool>();
      return [data](int64_t i) -> std::string { return data[i] ? " True" : "False"; };
    }
    case DType::Int32:
      return integer_format(t.data<int32_t>(), shown);
    case DType::Int64:
      return integer_format(t.data<int64_t>(), shown);
    case DType::Float32: {
      const float* data = t.data<float>();
      return [data, f = FloatFormat<float>(data, shown)](int64_t i) { return f(data[i]); };
    }
    case DType::Float16: {
      // As float32 values with float16's shortest digits (runtime/half.h).
      auto values = std::make_shared<std::vector<float>>(static_cast<size_t>(t.numel()));
      for (int64_t i : shown) (*values)[i] = half_display_value(t.data<Half>()[i]);
      const float* data = values->data();
      return [values, data, f = FloatFormat<float>(data, shown)](int64_t i) { return f(data[i]); };
    }
    case DType::Float64:
      break;
    default: {  // the narrow integers, as int64
      auto values = std::make_shared<Tensor>(cast(t, DType::Int64));
      return
          [values, f = integer_format(values->data<int64_t>(), shown)](int64_t i) { return f(i); };
    }
  }
  const double* data = t.data<double>();
  return [data, f = FloatFormat<double>(data, shown)](int64_t i) { return f(data[i]); };
}

std::string rstrip(const std::string& s) {
  size_t end = s.find_last_not_of(' ');
  return end == std::string::npos ? "" : s.substr(0, end + 1);
}

// _formatArray's recursion with its line-wrapping rules.
class ArrayWriter {
 public:
  ArrayWriter(const Tensor& t, std::string separator, bool summarize, ElementFormat format)
      : t_(t),
        strides_(contiguous_strides(t.shape())),
        separator_(std::move(separator)),
        summarize_(summarize),
        format_(std::move(format)) {}

  std::string write(int axis, int64_t offset, const std::string& hanging, int width) const;

 private:
  void extend(std::string& s, std::string& line, const std::string& word, int width,
              const std::string& hanging) const {
    bool wrap = static_cast<int>(line.size() + word.size()) > width;
    if (line.size() <= hanging.size()) wrap = false;
    if (wrap) {
      s += rstrip(line) + "\n";
      line = hanging;
    }
    line += word;
  }
  std::string write_row(int64_t offset, const std::string& hanging, int width) const;

  const Tensor& t_;
  std::array<int64_t, kMaxRank> strides_;
  std::string separator_;
  bool summarize_;
  ElementFormat format_;
};

std::string ArrayWriter::write_row(int64_t offset, const std::string& hanging, int width) const {
  const int axis = t_.rank() - 1;
  const int64_t n = t_.shape()[axis];
  const bool summary = summarize_ && 2 * kEdgeItems < n;
  const int elem_width = width - std::max<int>(static_cast<int>(rstrip(separator_).size()), 1);
  std::string s, line = hanging;
  for (int64_t i = 0; i < n; ++i) {
    if (summary && i == kEdgeItems) {
      extend(s, line, "...", elem_width, hanging);
      line += separator_;
      i = n - kEdgeItems;
    }
    extend(s, line, format_(offset + i * strides_[axis]), elem_width, hanging);
    if (i + 1 < n) line += separator_;
  }
  return s + line;
}

std::string ArrayWriter::write(int axis, int64_t offset, const std::string& hanging,
                               int width) const {
  std::string s;
  if (axis == t_.rank() - 1) {
    s = write_row(offset, hanging, width);
  } else {
    const int64_t n = t_.shape()[axis];
    const bool summary = summarize_ && 2 * kEdgeItems < n;
    const std::string line_sep =
        rstrip(separator_) + std::string(static_cast<size_t>(t_.rank() - axis - 1), '\n');
    for (int64_t i = 0; i < n; ++i) {
      if (summary && i == kEdgeItems) {
        s += hanging + "..." + line_sep;
        i = n - kEdgeItems;
      }
      s += hanging + write(axis + 1, offset + i * strides_[axis], hanging + " ", width - 1);
      if (i + 1 < n) s += line_sep;
    }
  }
  return "[" + s.substr(hanging.size()) + "]";
}

std::string array_to_string(const Tensor& t, const std::string& separator, size_t prefix,
                            int width) {
  if (t.numel() == 0) return "[]";
  const bool summarize = t.numel() > kThreshold;
  std::vector<int64_t> shown;
  collect_shown(t, summarize, 0, 0, contiguous_strides(t.shape()), shown);
  ArrayWriter writer(t, separator, summarize, element_format(t, shown));
  return writer.write(0, 0, std::string(prefix + 1, ' '), width);
}

}  // namespace

std::string format_array(const Tensor& t) {
  return array_to_string(t, " ", 0, kLineWidth);
}

std::string repr_array(const Tensor& t) {
  const bool implied =
      t.dtype() == DType::Float64 || t.dtype() == DType::Int64 || t.dtype() == DType::Bool;
  std::string text = "array(";
  if (t.numel() > 0 || t.shape() == Shape{0}) {
    text += array_to_string(t, ", ", text.size(), kLineWidth - 1);
  } else {
    text += "[], shape=" + t.shape().to_string();
  }
  if (implied && t.numel() > 0) return text + ")";
  const std::string dtype = "dtype=" + std::string(dtype_name(t.dtype())) + ")";
  const size_t last_line = text.size() - (text.rfind('\n') + 1);
  const bool new_line = last_line + dtype.size() + 2 > static_cast<size_t>(kLineWidth);
  return text + "," + (new_line ? "\n      " : " ") + dtype;
}

}  // namespace pygraft::rt
