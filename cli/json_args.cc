// JSON and .npy command-line arguments (see cli/json_args.h).
#include "cli/json_args.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "cli/file_io.h"
#include "cli/npy.h"
#include "runtime/cast.h"
#include "runtime/runtime_error.h"

namespace pygraft::cli {
namespace {

// Note: ordered, so a JSON object becomes a dict in the order it was written,
// as Python's json.loads keeps it.
using json = nlohmann::ordered_json;
using rt::Tensor;
using rt::Value;

constexpr std::string_view kHint =
    "; pass a JSON literal (3, -2.5, true, null, \"text\", [[1, 2], [3, 4]], {\"lr\": 0.1}) or "
    "@path.npy";

// The deepest bracket nesting outside string literals.
int max_nesting(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// A SAX pass that finds what the DOM hides: syntax errors with nlohmann's
// message, and integers too large for int64 (which the DOM turns into floats).
class ArgumentChecker : public nlohmann::json_sax<json> {
 public:
  std::string error;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t value) override {
    if (value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return true;
    return fail("integer " + std::to_string(value) + " does not fit in int64");
  }
  bool number_float(number_float_t, const string_t& text) override {
    if (text.find_first_of(".eE") != string_t::npos) return true;
    return fail("integer " + text + " does not fit in int64");
  }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    std::string message = e.what();
    size_t bracket = message.find("] ");
    if (bracket != std::string::npos) message.erase(0, bracket + 2);
    return fail("invalid JSON: " + message);
  }

 private:
  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }
};

struct ArrayLayout {
  std::vector<int64_t> shape;
  bool any_float = false;
  bool any_int = false;
};

// "(2,)" or "(2, 3)": NumPy's spelling of the first `rank` dims.
std::string shape_prefix(const std::vector<int64_t>& shape, size_t rank) {
  std::string out = "(";
  for (size_t i = 0; i < rank; ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + (rank == 1 ? ",)" : ")");
}

std::optional<std::string> scan_leaf(const json& leaf, ArrayLayout& layout) {
  if (leaf.is_number_float())
    layout.any_float = true;
  else if (leaf.is_number())
    layout.any_int = true;
  else if (leaf.is_null())
    return std::string("null (None) cannot be an array element");
  else if (leaf.is_string())
    return std::string("strings cannot be array elements");
  else if (leaf.is_object())
    return std::string("objects cannot be array elements");
  return std::nullopt;
}

// Checks that `node` at `depth` matches the shape found along first elements.
std::optional<std::string> scan(const json& node, size_t depth, ArrayLayout& layout) {
  const std::vector<int64_t>& shape = layout.shape;
  bool want_array = depth < shape.size();
  if (node.is_array() != want_array ||
      (want_array && static_cast<int64_t>(node.size()) != shape[depth])) {
    size_t after = std::min(depth, shape.size());
    return "inhomogeneous shape after " + std::to_string(after) +
           " dimensions: the detected shape was " + shape_prefix(shape, after) +
           " + inhomogeneous part (np.array needs lists of equal length)";
  }
  if (!want_array) return scan_leaf(node, layout);
  for (const json& item : node) {
    if (std::optional<std::string> error = scan(item, depth + 1, layout)) return error;
  }
  return std::nullopt;
}

void fill(const json& node, Tensor& out, int64_t& pos) {
  if (node.is_array()) {
    for (const json& item : node) fill(item, out, pos);
    return;
  }
  rt::dispatch_any_dtype(out.dtype(), [&](auto tag) {
    using E = decltype(tag);
    E* data = out.data<E>();
    if (node.is_boolean())
      data[pos] = rt::convert_element<E>(node.get<bool>());
    else if (node.is_number_float())
      data[pos] = rt::convert_element<E>(node.get<double>());
    else
      data[pos] = rt::convert_element<E>(node.get<int64_t>());
  });
  ++pos;
}

Result<Value> list_to_tensor(const json& list) {
  ArrayLayout layout;
  for (const json* node = &list; node->is_array(); node = &node->front()) {
    layout.shape.push_back(static_cast<int64_t>(node->size()));
    if (node->empty()) break;
  }
  if (std::optional<std::string> error = scan(list, 0, layout)) {
    return Result<Value>::failure(*error);
  }
  if (layout.shape.size() > static_cast<size_t>(rt::kMaxRank)) {
    return Result<Value>::failure("a nested list of " + std::to_string(layout.shape.size()) +
                                  " levels is too deep; arrays have at most " +
                                  std::to_string(rt::kMaxRank) + " dimensions");
  }
  int64_t numel = 1;
  for (int64_t dim : layout.shape) numel *= dim;  // bounded by the text's length
  // np.array's rules; an empty list has no elements to decide by: float64.
  DType dtype = layout.any_float ? DType::Float64
                : layout.any_int ? DType::Int64
                : numel > 0      ? DType::Bool
                                 : DType::Float64;
  try {
    Tensor tensor = Tensor::empty(dtype, rt::Shape(std::span<const int64_t>(layout.shape)));
    int64_t pos = 0;
    fill(list, tensor, pos);
    return Value(std::move(tensor));
  } catch (const rt::RuntimeError& e) {
    return Result<Value>::failure(e.what());
  }
}

Result<Value> object_to_dict(const json& node);

Result<Value> to_value(const json& node) {
  switch (node.type()) {
    case json::value_t::null:
      return Value();
    case json::value_t::boolean:
      return Value(node.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return Value(node.get<int64_t>());
    case json::value_t::number_float:
      return Value(node.get<double>());
    case json::value_t::array:
      return list_to_tensor(node);
    case json::value_t::string:
      return Value::str(node.get<std::string>());
    case json::value_t::object:
      return object_to_dict(node);
    default:
      break;
  }
  return Result<Value>::failure("this JSON value is not accepted as an argument" +
                                std::string(kHint));
}

// {"lr": 0.1, "mode": "train"}: a dict with str keys, each value converted
// as a top-level argument is.
Result<Value> object_to_dict(const json& node) {
  std::vector<Value> keys;
  std::vector<Value> values;
  for (const auto& [key, item] : node.items()) {
    Result<Value> value = to_value(item);
    if (!value.ok()) return value;
    keys.push_back(Value::str(key));
    values.push_back(std::move(value).value());
  }
  return Value::dict(std::move(keys), std::move(values));
}

}  // namespace

Result<Value> parse_json_arg(std::string_view text) {
  if (max_nesting(text) > kMaxArgNesting) {
    return Result<Value>::failure("nesting deeper than " + std::to_string(kMaxArgNesting) +
                                  " levels");
  }
  ArgumentChecker checker;
  if (!json::sax_parse(text, &checker) || !checker.error.empty()) {
    std::string error = checker.error.empty() ? "invalid JSON" : checker.error;
    return Result<Value>::failure(error + std::string(kHint));
  }
  try {
    return to_value(json::parse(text));
  } catch (const json::exception& e) {
    return Result<Value>::failure(std::string("invalid JSON: ") + e.what() + std::string(kHint));
  }
}

Result<Value> parse_arg(std::string_view text) {
  if (!text.starts_with('@')) return parse_json_arg(text);
  std::string path(text.substr(1));
  if (path.empty())
    return Result<Value>::failure("'@' must be followed by the path of a .npy file");
  Result<std::string> bytes = read_file(path);
  if (!bytes.ok()) return Result<Value>::failure(bytes.error());
  Result<Tensor> tensor = parse_npy(bytes.value());
  if (!tensor.ok()) return Result<Value>::failure(path + ": " + tensor.error());
  return Value(std::move(tensor).value());
}

}  // namespace pygraft::cli
