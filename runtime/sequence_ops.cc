#include "runtime/sequence_ops.h"

#include <string>
#include <vector>

#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

// A tuple takes part and no array does: Python's sequence rules apply.
bool python_tuple_operation(const Value& a, const Value& b) {
  if (a.is_tensor() || b.is_tensor()) return false;
  return a.is<TupleValue>() || b.is<TupleValue>() || a.is<DictValue>() || b.is<DictValue>();
}

[[noreturn]] void unsupported(const char* symbol, const Value& a, const Value& b) {
  throw RuntimeError(PyExc::TypeError, std::string("unsupported operand type(s) for ") + symbol +
                                           ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value same_kind(const Value& like, std::vector<Value> items) {
  return like.is_list() ? Value::list(std::move(items)) : Value::tuple(std::move(items));
}

Value concatenate(const Value& a, const Value& b) {
  if (!b.is<TupleValue>() || b.is_list() != a.is_list()) {
    const std::string kind = type_name(a);
    throw RuntimeError(PyExc::TypeError, "can only concatenate " + kind + " (not \"" +
                                             type_name(b) + "\") to " + kind);
  }
  std::vector<Value> items = a.items();
  items.insert(items.end(), b.items().begin(), b.items().end());
  return same_kind(a, std::move(items));
}

// Note: Python raises MemoryError long before a repeat this large would fit.
constexpr int64_t kMaxRepeatedItems = int64_t{1} << 28;

Value repeat(const Value& tuple, const Value& count) {
  if (!count.is<int64_t>() && !count.is<bool>()) {
    throw RuntimeError(PyExc::TypeError,
                       "can't multiply sequence by non-int of type '" + type_name(count) + "'");
  }
  const int64_t n = count.is<bool>() ? int64_t{count.as<bool>()} : count.as<int64_t>();
  const std::vector<Value>& items = tuple.items();
  if (n <= 0 || items.empty()) return same_kind(tuple, {});
  if (n > kMaxRepeatedItems / static_cast<int64_t>(items.size())) {
    throw RuntimeError(PyExc::MemoryError, "a tuple of " + std::to_string(n) + " x " +
                                               std::to_string(items.size()) +
                                               " items does not fit in memory");
  }
  std::vector<Value> out;
  out.reserve(static_cast<size_t>(n) * items.size());
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return same_kind(tuple, std::move(out));
}

const char* unary_symbol(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg:
      return "-";
    case UnaryOp::Pos:
      return "+";
    case UnaryOp::Invert:
      return "~";
  }
  return "?";
}

}  // namespace

std::optional<Value> tuple_binary(BinaryOp op, const Value& a, const Value& b) {
  if (!python_tuple_operation(a, b)) return std::nullopt;
  if (op == BinaryOp::Add && a.is<TupleValue>()) return concatenate(a, b);
  if (op == BinaryOp::Mul) {
    if (a.is<TupleValue>()) return repeat(a, b);
    if (b.is<TupleValue>()) return repeat(b, a);
  }
  unsupported(op_symbol(op), a, b);
}

void reject_tuple_operands(const char* symbol, const Value& a, const Value& b) {
  if (python_tuple_operation(a, b)) unsupported(symbol, a, b);
}

void reject_tuple_unary(UnaryOp op, const Value& a) {
  if (!a.is<TupleValue>()) return;
  throw RuntimeError(PyExc::TypeError, std::string("bad operand type for unary ") +
                                           unary_symbol(op) + ": '" + type_name(a) + "'");
}

}  // namespace pygraft::rt
