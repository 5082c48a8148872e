// Python builtins and value plumbing: bool(), not, `is None`, float(),
// int(), min(), max(), np.asarray and the result of `x op= y`.
// Guarantees: Python's results and messages for Python values; NumPy's
// truth-value and casting errors for arrays.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "runtime/args.h"
#include "runtime/broadcast.h"
#include "runtime/cast.h"
#include "runtime/containers.h"
#include "runtime/elementwise.h"

namespace pygraft::rt {

void kernel_truth(KernelContext& ctx) {
  ctx.outputs[0] = truth(ctx.inputs[0]);
}
void kernel_not(KernelContext& ctx) {
  ctx.outputs[0] = !truth(ctx.inputs[0]);
}
void kernel_is_none(KernelContext& ctx) {
  ctx.outputs[0] = ctx.inputs[0].is_none();
}

namespace {

void require_number(const Value& v, const char* builtin, const char* expected) {
  if (v.is_py_scalar() || v.is_tensor()) return;
  throw RuntimeError(PyExc::TypeError, std::string(builtin) + "() argument must be " + expected +
                                           ", not '" + type_name(v) + "'");
}

}  // namespace

namespace {

// float("inf"), float(" -1.5e3 "), float("nan"): Python's float() of a str
// (surrounding whitespace, a sign, digits with single underscores between
// them, inf/infinity/nan in any case); ValueError otherwise.
double float_of_text(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t\n\r\f\v");
  const size_t end = text.find_last_not_of(" \t\n\r\f\v");
  std::string digits;
  bool valid = begin != std::string::npos;
  for (size_t i = begin; valid && i <= end; ++i) {
    const char c = text[i];
    if (c == '_') {
      valid = i > begin && i < end && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
              std::isdigit(static_cast<unsigned char>(text[i + 1]));
      continue;
    }
    valid = c != 'x' && c != 'X' && c != 'p' && c != 'P';  // no C hex floats
    digits += c;
  }
  char* stop = nullptr;
  const double value = valid ? std::strtod(digits.c_str(), &stop) : 0.0;
  if (!valid || digits.empty() || stop != digits.c_str() + digits.size()) {
    throw RuntimeError(PyExc::ValueError, "could not convert string to float: '" + text + "'");
  }
  return value;
}

}  // namespace

void kernel_to_float(KernelContext& ctx) {
  if (ctx.inputs[0].is<StrValue>()) {
    ctx.outputs[0] = float_of_text(*ctx.inputs[0].as<StrValue>().text);
    return;
  }
  require_number(ctx.inputs[0], "float", "a string or a real number");
  ctx.outputs[0] = to_double(ctx.inputs[0], "float");
}

namespace {

// Python's operator.index, as range() applies it: ints, bools and integer
// 0-d arrays; floats are a TypeError even when integral.
int64_t range_index(const Value& v) {
  if (v.is<int64_t>()) return v.as<int64_t>();
  if (v.is<bool>()) return v.as<bool>() ? 1 : 0;
  if (v.is<Tensor>()) {
    const Tensor& t = v.as<Tensor>();
    if (t.rank() == 0 && is_integer(t.dtype())) return t.get_as_int(0);
  }
  throw RuntimeError(PyExc::TypeError,
                     "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

}  // namespace

void kernel_range_arg(KernelContext& ctx) {
  ctx.outputs[0] = Value(range_index(ctx.inputs[0]));
}

void kernel_range_step(KernelContext& ctx) {
  int64_t step = range_index(ctx.inputs[0]);
  if (step == 0) throw RuntimeError(PyExc::ValueError, "range() arg 3 must not be zero");
  ctx.outputs[0] = Value(step);
}

void kernel_to_int(KernelContext& ctx) {
  require_number(ctx.inputs[0], "int", "a string, a bytes-like object or a real number");
  ctx.outputs[0] = to_int64(ctx.inputs[0], "int");
}

namespace {

// The items builtin min()/max() choose from: several arguments, or the
// elements of a single iterable argument.
std::vector<Value> candidates(const Value& args) {
  // Note: a list is the single iterable argument (the packed arguments are a tuple).
  if (args.is_list()) return iterate(args);
  std::vector<Value> items = args.is<TupleValue>() ? args.items() : std::vector<Value>{args};
  if (items.size() != 1) return items;
  return iterate(items[0]);
}

// Python's min()/max(): the first item that no later item beats with `op`.
Value choose(const Value& args, CompareOp op, const char* builtin) {
  std::vector<Value> items = candidates(args);
  if (items.empty())
    throw RuntimeError(PyExc::ValueError, std::string(builtin) + "() arg is an empty sequence");
  size_t best = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    if (truth(compare_values(op, items[i], items[best]))) best = i;
  }
  return items[best];
}

}  // namespace

void kernel_py_min(KernelContext& ctx) {
  ctx.outputs[0] = choose(ctx.inputs[0], CompareOp::Lt, "min");
}
void kernel_py_max(KernelContext& ctx) {
  ctx.outputs[0] = choose(ctx.inputs[0], CompareOp::Gt, "max");
}

void kernel_asarray(KernelContext& ctx) {
  Value& a = ctx.inputs[0];
  std::optional<DType> dtype = dtype_arg(ctx.inputs[1]);
  if (!a.is_py_scalar() && !a.is_tensor() && !a.is<TupleValue>()) {
    throw RuntimeError(PyExc::TypeError,
                       "cannot convert a value of type '" + type_name(a) + "' to an array");
  }
  if (dtype) check_array_scalars(a, *dtype);
  Tensor t = a.is_tensor() ? std::move(a.as<Tensor>()) : to_tensor(a);
  ctx.outputs[0] = dtype ? cast(t, *dtype) : t;
}

// A ufunc's first operand: an array when it is a tuple (ufuncs convert
// sequences with np.asarray; the operators' kernels would concatenate or
// repeat them), a 0-d array when no operand is an array (so the kernel
// follows NumPy, not Python), else as it is (a weak Python scalar next to an
// array).
void kernel_ufunc_operand(KernelContext& ctx) {
  Value& x = ctx.inputs[0];
  bool any_tensor = false;
  for (const Value& v : ctx.inputs) any_tensor = any_tensor || v.is_tensor();
  const bool convert = x.is<TupleValue>() || (x.is_py_scalar() && !any_tensor);
  ctx.outputs[0] = convert ? Value(to_tensor(x)) : std::move(x);
}

// x.NAME needs an ndarray (a 0-d one stands for a NumPy scalar, which has the
// same attributes); Python scalars, tuples and None have none of them.
void kernel_array_receiver(KernelContext& ctx) {
  Value& x = ctx.inputs[0];
  if (!x.is_tensor()) {
    const Literal* name = ctx.node.attr("name");
    std::string attribute =
        name != nullptr && name->is<std::string>() ? name->as<std::string>() : "?";
    // Lists and dicts have copy() too (and `in` tests use no receiver).
    if (attribute == "copy" && (x.is_list() || x.is_dict())) {
      ctx.outputs[0] = std::move(x);
      return;
    }
    std::string type = type_name(x);
    throw RuntimeError(PyExc::AttributeError,
                       "'" + type + "' object has no attribute '" + attribute + "'");
  }
  ctx.outputs[0] = std::move(x);
}

namespace {

std::string dtype_repr(DType t) {
  return "dtype('" + std::string(dtype_name(t)) + "')";
}

std::string ufunc_words(const Node& node) {
  const Literal* name = node.attr("ufunc");
  if (name != nullptr && name->is<std::string>()) return "ufunc '" + name->as<std::string>() + "'";
  return "ufunc";
}

}  // namespace

// Note: a 0-d x is treated as a NumPy scalar, which `op=` rebinds to the
// result (np.int64(1) += 0.5 gives a float64); only arrays keep their dtype.
void kernel_inplace_result(KernelContext& ctx) {
  const Value& x = ctx.inputs[0];
  Value& result = ctx.inputs[1];
  if (!x.is_tensor() || x.as<Tensor>().rank() == 0) {
    ctx.outputs[0] = std::move(result);
    return;
  }
  const Tensor& target = x.as<Tensor>();
  Tensor r = to_tensor(result);
  // Note: NumPy checks the output's casting before its shape.
  if (r.dtype() != target.dtype() && !can_cast_same_kind(r.dtype(), target.dtype())) {
    throw RuntimeError(PyExc::TypeError, "Cannot cast " + ufunc_words(ctx.node) + " output from " +
                                             dtype_repr(r.dtype()) + " to " +
                                             dtype_repr(target.dtype()) +
                                             " with casting rule 'same_kind'");
  }
  if (!(r.shape() == target.shape())) {
    throw RuntimeError(PyExc::ValueError, "non-broadcastable output operand with shape " +
                                              compact_shape(target.shape()) +
                                              " doesn't match the broadcast shape " +
                                              compact_shape(r.shape()));
  }
  result = Value();
  ctx.outputs[0] = cast(r, target.dtype());
}

}  // namespace pygraft::rt
