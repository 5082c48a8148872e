// Comparison operators and ufuncs: == != < <= > >=.
// Guarantees: two Python scalars give a Python bool (exact across int and
// float); a tensor operand gives a bool tensor over the broadcast shape (NaN
// compares unequal); None, dtypes, strings and tuples compare as in Python.
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

#include "runtime/elementwise.h"
#include "runtime/pyscalar.h"
#include "runtime/simd_compare.h"

namespace pygraft::rt {

namespace {

bool is_numeric(const Value& v) {
  return v.is_py_scalar() || v.is_tensor();
}

[[noreturn]] void not_supported(CompareOp op, const Value& a, const Value& b) {
  throw RuntimeError(PyExc::TypeError, std::string("'") + op_symbol(op) +
                                           "' not supported between instances of '" + type_name(a) +
                                           "' and '" + type_name(b) + "'");
}

// Lexicographic tuple comparison, as Python compares sequences.
bool compare_tuples(CompareOp op, const Value& a, const Value& b) {
  const auto& x = a.items();
  const auto& y = b.items();
  size_t i = 0;
  while (i < x.size() && i < y.size() && python_equal(x[i], y[i])) ++i;
  if (i < x.size() && i < y.size()) {
    if (op == CompareOp::Eq) return false;
    if (op == CompareOp::Ne) return true;
    return truth(compare_values(op, x[i], y[i]));
  }
  return compare_values(op, x.size(), y.size());
}

bool equal_dicts(const Value& a, const Value& b) {
  const DictEntries& x = a.entries();
  const DictEntries& y = b.entries();
  if (x.keys.size() != y.keys.size()) return false;
  for (size_t i = 0; i < x.keys.size(); ++i) {
    std::optional<size_t> j = find_key(y, x.keys[i]);
    if (!j || !python_equal(x.values[i], y.values[*j])) return false;
  }
  return true;
}

// Sequences of one kind: a list never equals a tuple, and orders only
// against a list.
bool same_sequence_kind(const Value& a, const Value& b) {
  return a.is<TupleValue>() && b.is<TupleValue>() && a.is_list() == b.is_list();
}

}  // namespace

bool python_equal(const Value& a, const Value& b) {
  if (a.is_tensor() || b.is_tensor() || (a.is_py_scalar() && b.is_py_scalar())) {
    return truth(compare_values(CompareOp::Eq, a, b));
  }
  if (same_sequence_kind(a, b)) return compare_tuples(CompareOp::Eq, a, b);
  if (a.is<DictValue>() && b.is<DictValue>()) return equal_dicts(a, b);
  if (a.is_none() || b.is_none()) return a.is_none() && b.is_none();
  if (a.is<DType>() && b.is<DType>()) return a.as<DType>() == b.as<DType>();
  if (a.is<StrValue>() && b.is<StrValue>()) return *a.as<StrValue>().text == *b.as<StrValue>().text;
  return false;
}

std::optional<size_t> find_key(const DictEntries& dict, const Value& key) {
  for (size_t i = 0; i < dict.keys.size(); ++i) {
    if (python_equal(dict.keys[i], key)) return i;
  }
  return std::nullopt;
}

namespace {

// Comparisons where neither side is a number or array (None, dtype, str,
// tuple, list, dict).
Value compare_objects(CompareOp op, const Value& a, const Value& b) {
  if (same_sequence_kind(a, b)) return compare_tuples(op, a, b);
  if (a.is<StrValue>() && b.is<StrValue>()) {
    // Note: UTF-8 byte order is code point order, as Python orders str.
    const int order = a.as<StrValue>().text->compare(*b.as<StrValue>().text);
    return compare_values(op, order, 0);
  }
  if (op == CompareOp::Eq) return python_equal(a, b);
  if (op == CompareOp::Ne) return !python_equal(a, b);
  not_supported(op, a, b);
}

// A tensor compared with None: NumPy compares elementwise, all unequal.
Value compare_with_none(CompareOp op, const Value& a, const Value& b) {
  const Tensor& t = a.is_tensor() ? a.as<Tensor>() : b.as<Tensor>();
  if (op != CompareOp::Eq && op != CompareOp::Ne) not_supported(op, a, b);
  Tensor out = Tensor::empty(DType::Bool, t.shape());
  bool* o = out.data<bool>();
  for (int64_t i = 0; i < out.numel(); ++i) o[i] = op == CompareOp::Ne;
  return out;
}

bool weak_int_outside_int32(const Value& v) {
  if (!v.is<int64_t>()) return false;
  int64_t i = v.as<int64_t>();
  return i < std::numeric_limits<int32_t>::min() || i > std::numeric_limits<int32_t>::max();
}

// s OP x as x OP' s: the comparison seen from the other side.
CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::Lt:
      return CompareOp::Gt;
    case CompareOp::Le:
      return CompareOp::Ge;
    case CompareOp::Gt:
      return CompareOp::Lt;
    case CompareOp::Ge:
      return CompareOp::Le;
    default:
      return op;  // == and != are symmetric
  }
}

// An array already of the loop dtype against a Python scalar (`labels == j`)
// on the SIMD compare, the scalar converted as the element loop converts it;
// nullopt, consuming nothing, for anything else.
std::optional<Value> compare_array_with_py_scalar(CompareOp op, const Value& a, const Value& b,
                                                  DType dtype) {
  const bool a_scalar = a.is_py_scalar();
  if (a_scalar == b.is_py_scalar()) return std::nullopt;
  const Value& array = a_scalar ? b : a;
  const Value& scalar = a_scalar ? a : b;
  if (!array.is<Tensor>() || array.as<Tensor>().dtype() != dtype) return std::nullopt;
  const Tensor& x = array.as<Tensor>();
  const CompareOp simd_op = a_scalar ? mirrored(op) : op;
  Tensor out = Tensor::empty(DType::Bool, x.shape());
  const bool done = dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool>) {
      return false;
    } else {
      return simd_compare_scalar(simd_op, x.data<T>(), py_scalar_element<T>(scalar, dtype),
                                 out.data<bool>(), x.numel());
    }
  });
  if (!done) return std::nullopt;
  return Value(std::move(out));
}

Value compare_numbers(CompareOp op, Value& a, Value& b) {
  const char* ufunc = op_symbol(op);
  DType dtype = result_type(operand_type_checked(a, ufunc), operand_type_checked(b, ufunc));
  // Note: NumPy 2 compares out-of-range Python ints correctly instead of raising.
  if (dtype == DType::Int32 && (weak_int_outside_int32(a) || weak_int_outside_int32(b))) {
    dtype = DType::Int64;
  }
  if (std::optional<Value> out = compare_array_with_py_scalar(op, a, b, dtype)) {
    return std::move(*out);
  }
  switch (op) {
    case CompareOp::Eq:
      return binary_predicate(a, b, dtype, std::equal_to<>{}, ufunc);
    case CompareOp::Ne:
      return binary_predicate(a, b, dtype, std::not_equal_to<>{}, ufunc);
    case CompareOp::Lt:
      return binary_predicate(a, b, dtype, std::less<>{}, ufunc);
    case CompareOp::Le:
      return binary_predicate(a, b, dtype, std::less_equal<>{}, ufunc);
    case CompareOp::Gt:
      return binary_predicate(a, b, dtype, std::greater<>{}, ufunc);
    case CompareOp::Ge:
      break;
  }
  return binary_predicate(a, b, dtype, std::greater_equal<>{}, ufunc);
}

void compare_kernel(KernelContext& ctx, CompareOp op) {
  ctx.outputs[0] = compare_values(op, std::move(ctx.inputs[0]), std::move(ctx.inputs[1]));
}

}  // namespace

Value compare_values(CompareOp op, Value a, Value b) {
  if (a.is_py_scalar() && b.is_py_scalar()) return py_compare(op, a, b);
  bool tensor_vs_none = (a.is_tensor() && b.is_none()) || (a.is_none() && b.is_tensor());
  if (tensor_vs_none) return compare_with_none(op, a, b);
  bool numeric_a = is_numeric(a) || (a.is<TupleValue>() && b.is_tensor());
  bool numeric_b = is_numeric(b) || (b.is<TupleValue>() && a.is_tensor());
  if (numeric_a && numeric_b) return compare_numbers(op, a, b);
  return compare_objects(op, a, b);
}

void kernel_equal(KernelContext& ctx) {
  compare_kernel(ctx, CompareOp::Eq);
}
void kernel_not_equal(KernelContext& ctx) {
  compare_kernel(ctx, CompareOp::Ne);
}
void kernel_less(KernelContext& ctx) {
  compare_kernel(ctx, CompareOp::Lt);
}
void kernel_less_equal(KernelContext& ctx) {
  compare_kernel(ctx, CompareOp::Le);
}
void kernel_greater(KernelContext& ctx) {
  compare_kernel(ctx, CompareOp::Gt);
}
void kernel_greater_equal(KernelContext& ctx) {
  compare_kernel(ctx, CompareOp::Ge);
}

}  // namespace pygraft::rt
