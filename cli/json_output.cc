// run's JSON document (see cli/json_output.h).
#include "cli/json_output.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/run_outputs.h"
#include "runtime/format.h"
#include "runtime/half.h"

namespace pygraft::cli {
namespace {

using rt::Tensor;
using rt::Value;

template <class F>
std::string format_floating(F value) {
  if (std::isnan(value)) return "\"nan\"";
  if (std::isinf(value)) return value > 0 ? "\"inf\"" : "\"-inf\"";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  // "1" would read back as an int; keep the float kind visible.
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string json_string(std::string_view text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_element(const Tensor& tensor, int64_t index, std::string& out) {
  rt::dispatch_any_dtype(tensor.dtype(), [&](auto tag) {
    using E = decltype(tag);
    E value = tensor.data<E>()[index];
    if constexpr (std::is_same_v<E, rt::Half>) {
      out += format_floating(rt::half_display_value(value));
    } else if constexpr (std::is_same_v<E, bool>) {
      out += value ? "true" : "false";
    } else if constexpr (std::is_same_v<E, float>) {
      out += format_float(value);
    } else if constexpr (std::is_same_v<E, double>) {
      out += format_double(value);
    } else {
      out += std::to_string(value);
    }
  });
}

// Nested lists for axes [axis, rank) starting at flat element `offset`.
void append_axis(const Tensor& tensor, int axis, int64_t offset, int64_t stride, std::string& out) {
  if (axis == tensor.rank()) {
    append_element(tensor, offset, out);
    return;
  }
  int64_t dim = tensor.shape()[axis];
  int64_t inner = dim == 0 ? 0 : stride / dim;
  out += '[';
  for (int64_t i = 0; i < dim; ++i) {
    if (i > 0) out += ", ";
    append_axis(tensor, axis + 1, offset + i * inner, inner, out);
  }
  out += ']';
}

std::string shape_json(const rt::Shape& shape) {
  std::string out = "[";
  for (int axis = 0; axis < shape.rank(); ++axis) {
    if (axis > 0) out += ", ";
    out += std::to_string(shape[axis]);
  }
  return out + "]";
}

std::string out_object(std::string_view dtype, const std::string& shape, const std::string& data) {
  return "{\"dtype\": \"" + std::string(dtype) + "\", \"shape\": " + shape + ", \"data\": " + data +
         "}";
}

std::string format_tensor(const Tensor& tensor) {
  std::string data;
  append_axis(tensor, 0, 0, tensor.numel(), data);
  return out_object(dtype_name(tensor.dtype()), shape_json(tensor.shape()), data);
}

std::string format_tuple(const std::vector<Value>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += format_out(items[i]);
  }
  return out + "]";
}

// A dict key as a JSON object key: a str as itself, anything else as its
// repr (1 -> "1", (0, 1) -> "(0, 1)").
std::string key_json(const Value& key) {
  if (key.is<rt::StrValue>()) return json_string(*key.as<rt::StrValue>().text);
  return json_string(rt::repr_value(key));
}

// {"key": OUT, ...}, each value formatted by `format`.
template <class Format>
std::string format_dict(const rt::DictEntries& dict, Format&& format) {
  std::string out = "{";
  for (size_t i = 0; i < dict.keys.size(); ++i) {
    if (i > 0) out += ", ";
    out += key_json(dict.keys[i]) + ": " + format(dict.values[i], i);
  }
  return out + "}";
}

// One OUT naming its file in place of the values (run --out).
std::string file_out(const Value& value, const std::string& path) {
  std::string dtype, shape = "[]";
  if (const auto* tensor = std::get_if<Tensor>(&value.storage())) {
    dtype = dtype_name(tensor->dtype());
    shape = shape_json(tensor->shape());
  } else {
    dtype = dtype_name(rt::to_tensor(value).dtype());  // a Python scalar: cheap
  }
  return "{\"dtype\": \"" + dtype + "\", \"shape\": " + shape + ", \"file\": " + json_string(path) +
         "}";
}

// format_out, with "file" in place of "data" for the outputs written to `dir`.
std::string format_out_to_file(const Value& value, const std::string& number,
                               const std::string& dir) {
  if (value.is<rt::TupleValue>()) {
    const std::vector<Value>& items = value.items();
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      out += format_out_to_file(items[i], number + "." + std::to_string(i), dir);
    }
    return out + "]";
  }
  if (value.is_dict()) {
    return format_dict(value.entries(), [&](const Value& item, size_t i) {
      return format_out_to_file(item, number + "." + std::to_string(i), dir);
    });
  }
  if (has_output_file(value)) return file_out(value, output_file(dir, number));
  return format_out(value);
}

std::string format_outputs(const Value& result, const std::optional<std::string>& out_dir) {
  if (!out_dir) return format_tuple(split_outputs(result));
  std::vector<Value> outputs = split_outputs(result);
  std::string out = "[";
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (i > 0) out += ", ";
    out += format_out_to_file(outputs[i], std::to_string(i), *out_dir);
  }
  return out + "]";
}

}  // namespace

Timing summarize_timing(std::vector<int64_t> durations_ns) {
  Timing timing;
  timing.runs = static_cast<int64_t>(durations_ns.size());
  if (durations_ns.empty()) return timing;
  std::sort(durations_ns.begin(), durations_ns.end());
  size_t n = durations_ns.size();
  timing.min_ns = durations_ns.front();
  timing.max_ns = durations_ns.back();
  timing.median_ns =
      n % 2 == 1 ? durations_ns[n / 2] : durations_ns[n / 2 - 1] / 2 + durations_ns[n / 2] / 2;
  return timing;
}

std::vector<Value> split_outputs(const Value& result) {
  if (result.is_plain_tuple()) return result.items();
  return {result};
}

std::string format_double(double value) {
  return format_floating(value);
}
std::string format_float(float value) {
  return format_floating(value);
}

std::string format_out(const Value& value) {
  const Value::Storage& storage = value.storage();
  if (auto* b = std::get_if<bool>(&storage)) return out_object("bool", "[]", *b ? "true" : "false");
  if (auto* i = std::get_if<int64_t>(&storage))
    return out_object("int64", "[]", std::to_string(*i));
  if (auto* d = std::get_if<double>(&storage))
    return out_object("float64", "[]", format_double(*d));
  if (auto* t = std::get_if<Tensor>(&storage)) return format_tensor(*t);
  if (value.is<rt::TupleValue>()) return format_tuple(value.items());
  if (value.is_dict()) {
    return format_dict(value.entries(), [](const Value& item, size_t) { return format_out(item); });
  }
  if (auto* s = std::get_if<rt::StrValue>(&storage)) {
    return out_object("str", "[]", json_string(s->text ? *s->text : std::string()));
  }
  if (auto* dtype = std::get_if<DType>(&storage)) {
    return out_object("dtype", "[]", json_string(dtype_name(*dtype)));
  }
  return "null";  // None (an unbound value never leaves a successful call)
}

std::string format_run_document(const Value& result, const std::optional<Timing>& timing,
                                const std::optional<std::string>& out_dir) {
  std::string out = "{\"outputs\": " + format_outputs(result, out_dir);
  if (timing) {
    out += ", \"timing\": {\"runs\": " + std::to_string(timing->runs) +
           ", \"min_ns\": " + std::to_string(timing->min_ns) +
           ", \"median_ns\": " + std::to_string(timing->median_ns) +
           ", \"max_ns\": " + std::to_string(timing->max_ns) + "}";
  }
  return out + "}\n";
}

}  // namespace pygraft::cli
