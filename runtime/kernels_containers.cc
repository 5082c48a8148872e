// Python lists and dicts: building them, their methods (each in-place
// method gives the new value, runtime/containers.h), `in`, and the builtins
// over iterables (list, sorted, reversed, sum, any, all).
#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "runtime/containers.h"
#include "runtime/elementwise.h"
#include "runtime/format.h"
#include "runtime/kernel.h"

namespace pygraft::rt {

namespace {

[[noreturn]] void no_attribute(const Value& receiver, const char* attribute) {
  throw RuntimeError(PyExc::AttributeError,
                     "'" + type_name(receiver) + "' object has no attribute '" + attribute + "'");
}

void require_list(const Value& receiver, const char* method) {
  if (!receiver.is_list()) no_attribute(receiver, method);
}

void require_dict(const Value& receiver, const char* method) {
  if (!receiver.is_dict()) no_attribute(receiver, method);
}

bool python_less(const Value& a, const Value& b) {
  return truth(compare_values(CompareOp::Lt, a, b));
}

// The order sorted() puts `keys` in: stable, `reverse` as if each
// comparison were reversed (equal keys keep their order either way).
std::vector<size_t> sorted_order(const std::vector<Value>& keys, bool reverse) {
  std::vector<size_t> order(keys.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return reverse ? python_less(keys[b], keys[a]) : python_less(keys[a], keys[b]);
  });
  return order;
}

// sorted(iterable, key=keys, reverse=r); `keys` is None or the list of the
// items' keys (the compiler evaluates a key function into it).
Value sorted_list(const Value& iterable, const Value& keys, const Value& reverse) {
  std::vector<Value> items = iterate(iterable);
  if (!keys.is_none() && (!keys.is_list() || keys.items().size() != items.size())) {
    throw RuntimeError(PyExc::TypeError, "sorted(): key must be a function of one argument");
  }
  const std::vector<Value>& order_keys = keys.is_none() ? items : keys.items();
  std::vector<size_t> order = sorted_order(order_keys, truth(reverse));
  std::vector<Value> out;
  out.reserve(items.size());
  for (size_t i : order) out.push_back(items[i]);
  return Value::list(std::move(out));
}

// max(iterable, key=...) / min(...): the first item whose key no later key beats.
Value choose_by_key(const Value& iterable, const Value& keys, CompareOp op, const char* name) {
  std::vector<Value> items = iterate(iterable);
  if (items.empty()) {
    throw RuntimeError(PyExc::ValueError, std::string(name) + "() arg is an empty sequence");
  }
  const std::vector<Value>& k = keys.items();
  size_t best = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    if (truth(compare_values(op, k[i], k[best]))) best = i;
  }
  return items[best];
}

}  // namespace

void kernel_make_list(KernelContext& ctx) {
  std::vector<Value> items(std::make_move_iterator(ctx.inputs.begin()),
                           std::make_move_iterator(ctx.inputs.end()));
  ctx.outputs[0] = Value::list(std::move(items));
}

// {k0: v0, k1: v1, ...}: operands k0, v0, k1, v1, ...; a repeated key keeps
// its first position and its last value, as in Python.
void kernel_make_dict(KernelContext& ctx) {
  Value dict = Value::dict({}, {});
  for (size_t i = 0; i + 1 < ctx.inputs.size(); i += 2) {
    require_hashable(ctx.inputs[i]);
    dict = dict_with(std::move(dict), ctx.inputs[i], ctx.inputs[i + 1]);
  }
  ctx.outputs[0] = std::move(dict);
}

// `item in container`.
void kernel_contains(KernelContext& ctx) {
  const Value& container = ctx.inputs[0];
  const Value& item = ctx.inputs[1];
  if (container.is_dict()) {
    require_hashable(item);
    ctx.outputs[0] = find_key(container.entries(), item).has_value();
    return;
  }
  if (container.is<StrValue>()) {
    if (!item.is<StrValue>()) {
      throw RuntimeError(PyExc::TypeError,
                         "'in <string>' requires string as left operand, not " + type_name(item));
    }
    ctx.outputs[0] =
        container.as<StrValue>().text->find(*item.as<StrValue>().text) != std::string::npos;
    return;
  }
  if (container.is_tensor()) {
    // NumPy: (container == item).any()
    Value equal = compare_values(CompareOp::Eq, container, item);
    const Tensor t = to_tensor(equal);
    bool any = false;
    for (int64_t i = 0; i < t.numel() && !any; ++i) any = t.get_as_bool(i);
    ctx.outputs[0] = any;
    return;
  }
  bool found = false;
  for (const Value& candidate : iterate(container)) {
    if (python_equal(candidate, item)) {
      found = true;
      break;
    }
  }
  ctx.outputs[0] = found;
}

void kernel_list_append(KernelContext& ctx) {
  require_list(ctx.inputs[0], "append");
  std::vector<Value> items = take_items(std::move(ctx.inputs[0]));
  items.push_back(std::move(ctx.inputs[1]));
  ctx.outputs[0] = Value::list(std::move(items));
}

void kernel_list_extend(KernelContext& ctx) {
  require_list(ctx.inputs[0], "extend");
  std::vector<Value> more = iterate(ctx.inputs[1]);
  std::vector<Value> items = take_items(std::move(ctx.inputs[0]));
  items.insert(items.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  ctx.outputs[0] = Value::list(std::move(items));
}

// xs.insert(i, v): before position i, clamped to the list as Python does.
void kernel_list_insert(KernelContext& ctx) {
  require_list(ctx.inputs[0], "insert");
  const int64_t i = to_int64(ctx.inputs[1], "list.insert");
  std::vector<Value> items = take_items(std::move(ctx.inputs[0]));
  const auto n = static_cast<int64_t>(items.size());
  const int64_t at = std::clamp(i < 0 ? i + n : i, int64_t{0}, n);
  items.insert(items.begin() + at, std::move(ctx.inputs[2]));
  ctx.outputs[0] = Value::list(std::move(items));
}

// xs.reverse() as the new list.
void kernel_list_reverse(KernelContext& ctx) {
  require_list(ctx.inputs[0], "reverse");
  std::vector<Value> items = take_items(std::move(ctx.inputs[0]));
  std::reverse(items.begin(), items.end());
  ctx.outputs[0] = Value::list(std::move(items));
}

// xs.pop(i) as the tuple (new list, popped item); IndexError as Python's.
void kernel_list_pop(KernelContext& ctx) {
  require_list(ctx.inputs[0], "pop");
  const auto n = static_cast<int64_t>(ctx.inputs[0].items().size());
  if (n == 0) throw RuntimeError(PyExc::IndexError, "pop from empty list");
  const int64_t i = to_int64(ctx.inputs[1], "list.pop");
  if (i < -n || i >= n) throw RuntimeError(PyExc::IndexError, "pop index out of range");
  std::vector<Value> items = take_items(std::move(ctx.inputs[0]));
  const auto at = static_cast<size_t>(i < 0 ? i + n : i);
  Value popped = std::move(items[at]);
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(at));
  ctx.outputs[0] = Value::tuple({Value::list(std::move(items)), std::move(popped)});
}

void kernel_dict_get(KernelContext& ctx) {
  require_dict(ctx.inputs[0], "get");
  require_hashable(ctx.inputs[1]);
  const DictEntries& d = ctx.inputs[0].entries();
  std::optional<size_t> at = find_key(d, ctx.inputs[1]);
  ctx.outputs[0] = at ? d.values[*at] : std::move(ctx.inputs[2]);
}

// d.setdefault(key, default) as the new dict (the key bound when missing).
void kernel_dict_setdefault(KernelContext& ctx) {
  require_dict(ctx.inputs[0], "setdefault");
  require_hashable(ctx.inputs[1]);
  if (find_key(ctx.inputs[0].entries(), ctx.inputs[1])) {
    ctx.outputs[0] = std::move(ctx.inputs[0]);
    return;
  }
  ctx.outputs[0] = dict_with(std::move(ctx.inputs[0]), ctx.inputs[1], ctx.inputs[2]);
}

// d.update(other) as the new dict.
void kernel_dict_update(KernelContext& ctx) {
  require_dict(ctx.inputs[0], "update");
  if (!ctx.inputs[1].is_dict()) {
    throw RuntimeError(PyExc::TypeError, "dict.update() of a '" + type_name(ctx.inputs[1]) +
                                             "' is not supported; pass a dict");
  }
  Value dict = std::move(ctx.inputs[0]);
  const DictEntries& more = ctx.inputs[1].entries();
  for (size_t i = 0; i < more.keys.size(); ++i) {
    dict = dict_with(std::move(dict), more.keys[i], more.values[i]);
  }
  ctx.outputs[0] = std::move(dict);
}

void kernel_dict_keys(KernelContext& ctx) {
  require_dict(ctx.inputs[0], "keys");
  ctx.outputs[0] = Value::list(ctx.inputs[0].entries().keys);
}

void kernel_dict_values(KernelContext& ctx) {
  require_dict(ctx.inputs[0], "values");
  ctx.outputs[0] = Value::list(ctx.inputs[0].entries().values);
}

void kernel_dict_items(KernelContext& ctx) {
  require_dict(ctx.inputs[0], "items");
  const DictEntries& d = ctx.inputs[0].entries();
  std::vector<Value> pairs;
  pairs.reserve(d.keys.size());
  for (size_t i = 0; i < d.keys.size(); ++i)
    pairs.push_back(Value::tuple({d.keys[i], d.values[i]}));
  ctx.outputs[0] = Value::list(std::move(pairs));
}

// list(iterable); list() (the spelling's default None) is [].
void kernel_to_list(KernelContext& ctx) {
  if (ctx.inputs[0].is_none()) {
    ctx.outputs[0] = Value::list({});
    return;
  }
  ctx.outputs[0] = Value::list(iterate(ctx.inputs[0]));
}

// range(start, stop, step) outside a for loop, as the list of its ints:
// operands start, count (len of the range, <= 0 for none) and step.
void kernel_range_list(KernelContext& ctx) {
  const int64_t start = to_int64(ctx.inputs[0], "range");
  const int64_t count = to_int64(ctx.inputs[1], "range");
  const int64_t step = to_int64(ctx.inputs[2], "range");
  if (count > (int64_t{1} << 28)) {
    throw RuntimeError(PyExc::MemoryError, "a list of " + std::to_string(count) +
                                               " ints from range() does not fit in memory");
  }
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(std::max<int64_t>(count, 0)));
  for (int64_t k = 0; k < count; ++k) items.emplace_back(start + k * step);
  ctx.outputs[0] = Value::list(std::move(items));
}

void kernel_sorted(KernelContext& ctx) {
  ctx.outputs[0] = sorted_list(ctx.inputs[0], ctx.inputs[1], ctx.inputs[2]);
}

void kernel_reversed(KernelContext& ctx) {
  const Value& x = ctx.inputs[0];
  if (x.is_py_scalar() || x.is_none() || (x.is_tensor() && x.as<Tensor>().rank() == 0)) {
    throw RuntimeError(PyExc::TypeError, "'" + type_name(x) + "' object is not reversible");
  }
  std::vector<Value> items = iterate(x);
  std::reverse(items.begin(), items.end());
  ctx.outputs[0] = Value::list(std::move(items));
}

// list(zip(*xs)): the i-th items of the sequences xs holds, as tuples, up to
// the shortest (no sequences: no tuples).
void kernel_zip_star(KernelContext& ctx) {
  const Value& xs = ctx.inputs[0];
  if (xs.is_py_scalar() || xs.is_none() || (xs.is_tensor() && xs.as<Tensor>().rank() == 0)) {
    throw RuntimeError(PyExc::TypeError,
                       "zip() argument after * must be an iterable, not " + type_name(xs));
  }
  std::vector<std::vector<Value>> sequences;
  size_t length = std::numeric_limits<size_t>::max();
  for (const Value& sequence : iterate(xs)) {
    sequences.push_back(iterate(sequence));
    length = std::min(length, sequences.back().size());
  }
  if (sequences.empty()) length = 0;
  std::vector<Value> tuples;
  tuples.reserve(length);
  for (size_t i = 0; i < length; ++i) {
    std::vector<Value> items;
    items.reserve(sequences.size());
    for (std::vector<Value>& sequence : sequences) items.push_back(std::move(sequence[i]));
    tuples.push_back(Value::tuple(std::move(items)));
  }
  ctx.outputs[0] = Value::list(std::move(tuples));
}

// sum(iterable, start): start + item0 + item1 ..., with the + operator.
void kernel_py_sum(KernelContext& ctx) {
  if (ctx.inputs[1].is<StrValue>()) {
    throw RuntimeError(PyExc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  Value total = std::move(ctx.inputs[1]);
  for (Value& item : iterate(ctx.inputs[0])) {
    Value pair[2] = {std::move(total), std::move(item)};
    Value result;
    KernelContext add{pair, std::span<Value>(&result, 1), ctx.node, ctx.print_stream};
    kernel_add(add);
    total = std::move(result);
  }
  ctx.outputs[0] = std::move(total);
}

void kernel_py_any(KernelContext& ctx) {
  bool any = false;
  for (const Value& item : iterate(ctx.inputs[0])) {
    if (truth(item)) {
      any = true;
      break;
    }
  }
  ctx.outputs[0] = any;
}

void kernel_py_all(KernelContext& ctx) {
  bool all = true;
  for (const Value& item : iterate(ctx.inputs[0])) {
    if (!truth(item)) {
      all = false;
      break;
    }
  }
  ctx.outputs[0] = all;
}

void kernel_py_max_by(KernelContext& ctx) {
  ctx.outputs[0] = choose_by_key(ctx.inputs[0], ctx.inputs[1], CompareOp::Gt, "max");
}

void kernel_py_min_by(KernelContext& ctx) {
  ctx.outputs[0] = choose_by_key(ctx.inputs[0], ctx.inputs[1], CompareOp::Lt, "min");
}

// x.sort(key=keys, reverse=r) as the new x: a list sorted as sorted() does;
// an array sorted along its last axis (np.sort), which takes neither.
void kernel_sort_method(KernelContext& ctx) {
  Value& x = ctx.inputs[0];
  if (x.is_list()) {
    ctx.outputs[0] = sorted_list(x, ctx.inputs[1], ctx.inputs[2]);
    return;
  }
  if (!x.is_tensor()) no_attribute(x, "sort");
  if (!ctx.inputs[1].is_none() || truth(ctx.inputs[2])) {
    throw RuntimeError(PyExc::TypeError,
                       "ndarray.sort() takes no key or reverse; use x[np.argsort(...)]");
  }
  Value operands[2] = {std::move(x), int64_t{-1}};
  KernelContext sort{operands, ctx.outputs, ctx.node, ctx.print_stream};
  kernel_sort(sort);
}

// x.fill(v) as the new x: every element v, cast to x's dtype.
void kernel_fill(KernelContext& ctx) {
  if (!ctx.inputs[0].is_tensor()) no_attribute(ctx.inputs[0], "fill");
  Value operands[3] = {std::move(ctx.inputs[0]), std::move(ctx.inputs[1]), Value()};
  KernelContext full{operands, ctx.outputs, ctx.node, ctx.print_stream};
  kernel_full_like(full);
}

}  // namespace pygraft::rt
