// Public tensors and values (see include/pygraft/runtime.h, api/values.h).
#include "api/values.h"

#include <cstring>
#include <stdexcept>

#include "runtime/cast.h"

namespace pygraft::api {
namespace {

pygraft::DType internal_dtype(DType dtype) {
  return static_cast<pygraft::DType>(static_cast<int>(dtype));
}

DType public_dtype(pygraft::DType dtype) {
  return static_cast<DType>(static_cast<int>(dtype));
}

int64_t checked_numel(const std::vector<int64_t>& shape) {
  int64_t numel = 1;
  for (int64_t dim : shape) {
    if (dim < 0) throw std::invalid_argument("pygraft::api::Tensor: negative dimension");
    numel *= dim;
  }
  return numel;
}

}  // namespace

std::string_view dtype_name(DType dtype) {
  return pygraft::dtype_name(internal_dtype(dtype));
}

size_t dtype_size(DType dtype) {
  return static_cast<size_t>(pygraft::dtype_size(internal_dtype(dtype)));
}

Tensor::Tensor(DType dtype, std::vector<int64_t> shape)
    : dtype_(dtype),
      shape_(std::move(shape)),
      bytes_(static_cast<size_t>(checked_numel(shape_)) * dtype_size(dtype)) {}

int64_t Tensor::numel() const {
  return static_cast<int64_t>(bytes_.size() / dtype_size(dtype_));
}

double Tensor::get_as_double(int64_t i) const {
  return rt::dispatch_any_dtype(internal_dtype(dtype_), [&](auto tag) {
    using T = decltype(tag);
    T element;
    std::memcpy(&element, bytes_.data() + static_cast<size_t>(i) * sizeof(T), sizeof(T));
    return rt::convert_element<double>(element);
  });
}

void Tensor::check_dtype(DType expected) const {
  if (expected != dtype_) {
    throw std::invalid_argument("pygraft::api::Tensor: elements are " +
                                std::string(dtype_name(dtype_)) + ", not " +
                                std::string(dtype_name(expected)));
  }
}

void Tensor::check_count(size_t count) const {
  if (static_cast<int64_t>(count) != numel()) {
    throw std::invalid_argument("pygraft::api::Tensor::from: " + std::to_string(count) +
                                " values for " + std::to_string(numel()) + " elements");
  }
}

Value Value::tuple(std::vector<Value> items) {
  Value value;
  value.tuple_ = std::move(items);
  return value;
}

Value Value::list(std::vector<Value> items) {
  Value value = tuple(std::move(items));
  value.list_ = true;
  return value;
}

Value Value::dict(std::vector<Value> keys, std::vector<Value> values) {
  if (keys.size() != values.size()) {
    throw std::invalid_argument("pygraft::api::Value::dict: " + std::to_string(keys.size()) +
                                " keys for " + std::to_string(values.size()) + " values");
  }
  Value value = tuple(std::move(values));
  value.keys_ = std::move(keys);
  return value;
}

Value::Kind Value::kind() const {
  if (keys_) return Kind::Dict;
  if (tuple_) return list_ ? Kind::List : Kind::Tuple;
  return static_cast<Kind>(scalar_.index());  // the variant's order is Kind's
}

const std::vector<Value>& Value::items() const {
  if (!tuple_) throw std::logic_error("pygraft::api::Value::items: not a tuple, list or dict");
  return *tuple_;
}

const std::vector<Value>& Value::keys() const {
  if (!keys_) throw std::logic_error("pygraft::api::Value::keys: not a dict");
  return *keys_;
}

namespace detail {
namespace {

rt::Tensor tensor_to_internal(const Tensor& tensor) {
  rt::Tensor out = rt::Tensor::empty(internal_dtype(tensor.dtype()), rt::Shape(tensor.shape()));
  if (tensor.nbytes() > 0) std::memcpy(out.raw(), tensor.raw(), tensor.nbytes());
  return out;
}

Tensor tensor_to_public(const rt::Tensor& tensor) {
  std::span<const int64_t> dims = tensor.shape().dims();
  Tensor out(public_dtype(tensor.dtype()), std::vector<int64_t>(dims.begin(), dims.end()));
  if (out.nbytes() > 0) std::memcpy(out.raw(), tensor.raw(), out.nbytes());
  return out;
}

}  // namespace

rt::Value to_internal(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::None:
      return rt::Value();
    case Value::Kind::Bool:
      return rt::Value(value.as_bool());
    case Value::Kind::Int:
      return rt::Value(value.as_int());
    case Value::Kind::Float:
      return rt::Value(value.as_float());
    case Value::Kind::Str:
      return rt::Value::str(value.as_str());
    case Value::Kind::Tensor:
      return rt::Value(tensor_to_internal(value.as_tensor()));
    case Value::Kind::Tuple:
    case Value::Kind::List:
    case Value::Kind::Dict:
      break;
  }
  std::vector<rt::Value> items;
  for (const Value& item : value.items()) items.push_back(to_internal(item));
  if (value.kind() == Value::Kind::List) return rt::Value::list(std::move(items));
  if (value.kind() == Value::Kind::Dict) {
    std::vector<rt::Value> keys;
    for (const Value& key : value.keys()) keys.push_back(to_internal(key));
    return rt::Value::dict(std::move(keys), std::move(items));
  }
  return rt::Value::tuple(std::move(items));
}

Value to_public(const rt::Value& value) {
  if (value.is<bool>()) return Value(value.as<bool>());
  if (value.is<int64_t>()) return Value(value.as<int64_t>());
  if (value.is<double>()) return Value(value.as<double>());
  if (value.is<rt::StrValue>()) return Value(*value.as<rt::StrValue>().text);
  if (value.is<pygraft::DType>())
    return Value(std::string(pygraft::dtype_name(value.as<pygraft::DType>())));
  if (value.is<rt::Tensor>()) return Value(tensor_to_public(value.as<rt::Tensor>()));
  if (value.is<rt::TupleValue>()) {
    std::vector<Value> items;
    for (const rt::Value& item : value.items()) items.push_back(to_public(item));
    return value.is_list() ? Value::list(std::move(items)) : Value::tuple(std::move(items));
  }
  if (value.is_dict()) {
    std::vector<Value> keys;
    std::vector<Value> values;
    for (const rt::Value& key : value.entries().keys) keys.push_back(to_public(key));
    for (const rt::Value& item : value.entries().values) values.push_back(to_public(item));
    return Value::dict(std::move(keys), std::move(values));
  }
  return Value();  // None (an unbound variable never leaves a call)
}

}  // namespace detail
}  // namespace pygraft::api
