#include "runtime/containers.h"

#include <memory>
#include <string>
#include <utility>

#include "runtime/elementwise.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

// Note: Value::tuple, list and dict create their storage non-const, so
// casting the const away to move out of storage held only here is defined.
std::vector<Value> take_items(Value&& sequence) {
  auto& held = sequence.as<TupleValue>().items;
  if (held.use_count() == 1) {
    std::vector<Value> items = std::move(*std::const_pointer_cast<std::vector<Value>>(held));
    held.reset();
    return items;
  }
  return *held;
}

DictEntries take_entries(Value&& dict) {
  auto& held = dict.as<DictValue>().entries;
  if (held.use_count() == 1) {
    DictEntries entries = std::move(*std::const_pointer_cast<DictEntries>(held));
    held.reset();
    return entries;
  }
  return *held;
}

Value dict_with(Value&& dict, const Value& key, const Value& value) {
  DictEntries entries = take_entries(std::move(dict));
  if (std::optional<size_t> at = find_key(entries, key)) {
    entries.values[*at] = value;
  } else {
    entries.keys.push_back(key);
    entries.values.push_back(value);
  }
  return Value::dict(std::move(entries.keys), std::move(entries.values));
}

std::vector<Value> str_characters(const std::string& text) {
  std::vector<Value> chars;
  for (size_t i = 0; i < text.size();) {
    // Note: a lead byte 11xxxxxx starts a multi-byte code point; its
    // continuation bytes are 10xxxxxx (the text is valid UTF-8).
    size_t end = i + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    chars.push_back(Value::str(text.substr(i, end - i)));
    i = end;
  }
  return chars;
}

void require_hashable(const Value& key) {
  if (key.is_plain_tuple()) {
    for (const Value& item : key.items()) require_hashable(item);
    return;
  }
  const bool hashable = key.is_none() || key.is_py_scalar() || key.is<StrValue>() ||
                        key.is<DType>() || (key.is_tensor() && key.as<Tensor>().rank() == 0);
  if (!hashable) throw RuntimeError(PyExc::TypeError, "unhashable type: '" + type_name(key) + "'");
}

std::vector<Value> iterate(const Value& iterable) {
  if (iterable.is<TupleValue>()) return iterable.items();
  if (iterable.is_dict()) return iterable.entries().keys;
  if (iterable.is<StrValue>()) return str_characters(*iterable.as<StrValue>().text);
  if (iterable.is_tensor() && iterable.as<Tensor>().rank() > 0) {
    const Tensor& t = iterable.as<Tensor>();
    Shape row_shape(t.shape().dims().subspan(1));
    const int64_t row_size = row_shape.numel();
    std::vector<Value> rows;
    rows.reserve(static_cast<size_t>(t.shape()[0]));
    for (int64_t i = 0; i < t.shape()[0]; ++i) rows.emplace_back(t.block(i * row_size, row_shape));
    return rows;
  }
  const std::string what = iterable.is_tensor()
                               ? "iteration over a 0-d array"
                               : "'" + type_name(iterable) + "' object is not iterable";
  throw RuntimeError(PyExc::TypeError, what);
}

}  // namespace pygraft::rt
