// Statements with effects: print, assert, and the marker of unbound variables.
#include <cmath>
#include <limits>
#include <string>

#include "graph/dtype_info.h"
#include "runtime/format.h"
#include "runtime/kernel.h"
#include "runtime/str_format.h"

namespace pygraft::rt {
namespace {

std::string string_attr(const Node& node, std::string_view name, std::string fallback) {
  const Literal* lit = node.attr(name);
  if (lit == nullptr || !lit->is<std::string>()) return fallback;
  return lit->as<std::string>();
}

}  // namespace

void kernel_undef(KernelContext& ctx) {
  ctx.outputs[0] =
      UndefValue{std::make_shared<const std::string>(string_attr(ctx.node, "name", "?"))};
}

void kernel_print(KernelContext& ctx) {
  const std::string sep = string_attr(ctx.node, "sep", " ");
  std::string line;
  for (size_t i = 0; i < ctx.inputs.size(); ++i) {
    if (i > 0) line += sep;
    line += format_value(ctx.inputs[i]);
  }
  line += string_attr(ctx.node, "end", "\n");
  ctx.print_stream << line;
  ctx.print_stream.flush();
}

// The interpreter refuses an unbound operand before any kernel runs
// (UnboundLocalError at this node's line), so a bound one needs no work.
void kernel_check_bound(KernelContext&) {}

void kernel_assert(KernelContext& ctx) {
  if (truth(ctx.inputs[0])) return;
  std::string message;
  if (ctx.inputs.size() > 1) {
    message = format_value(ctx.inputs[1]);
  } else {
    message = string_attr(ctx.node, "message", "");
  }
  // Note: the message is the assert's own; the interpreter names the exception.
  throw RuntimeError(PyExc::AssertionError, message);
}

void kernel_str(KernelContext& ctx) {
  ctx.outputs[0] = Value::str(format_value(ctx.inputs[0]));
}

void kernel_str_format(KernelContext& ctx) {
  if (!ctx.inputs[0].is<StrValue>()) {
    throw RuntimeError(PyExc::AttributeError,
                       "'" + type_name(ctx.inputs[0]) + "' object has no attribute 'format'");
  }
  const std::span<const Value> args(ctx.inputs.data() + 1, ctx.inputs.size() - 1);
  ctx.outputs[0] = Value::str(brace_format(*ctx.inputs[0].as<StrValue>().text, args));
}

// `raise E(message)`: the exception of the name the compiler checked
// (graph/python_exceptions.h), with str(message) as Python shows it.
void kernel_raise(KernelContext& ctx) {
  const std::string name = string_attr(ctx.node, "exception", "");
  const std::optional<PyExc> kind = exception_of_name(name);
  if (!kind) throw RuntimeError(PyExc::InternalError, "raise of unknown exception '" + name + "'");
  throw RuntimeError(*kind, ctx.inputs.empty() ? std::string() : format_value(ctx.inputs[0]));
}

namespace {}  // namespace

// np.finfo(dtype).FIELD: a NumPy scalar of the dtype (bits: an int);
// np.iinfo(dtype).FIELD: a Python int. The dtype may come as a dtype or as
// an array, whose dtype np.finfo / np.iinfo take.
void kernel_type_info(KernelContext& ctx) {
  const Value& of = ctx.inputs[0];
  if (!of.is<DType>() && !of.is<Tensor>()) {
    throw RuntimeError(PyExc::ValueError, "data type not understood");
  }
  const DType dtype = of.is<DType>() ? of.as<DType>() : of.as<Tensor>().dtype();
  const std::string info = string_attr(ctx.node, "info", "");
  const std::string field = string_attr(ctx.node, "field", "");
  const int64_t bits = static_cast<int64_t>(dtype_size(dtype)) * 8;
  if (field == "bits") {
    ctx.outputs[0] = bits;
    return;
  }
  if (info == "finfo") {
    if (!is_float(dtype)) {
      throw RuntimeError(PyExc::ValueError,
                         "data type " + std::string(dtype_name(dtype)) + " not inexact");
    }
    ctx.outputs[0] = Tensor::scalar(dtype, finfo_field(dtype, field));
    return;
  }
  if (!is_integer(dtype)) {
    throw RuntimeError(PyExc::ValueError,
                       "Invalid integer data type '" + std::string(dtype_name(dtype)) + "'.");
  }
  if (std::optional<int64_t> value = iinfo_field(dtype, field)) {
    ctx.outputs[0] = *value;
  } else {
    throw RuntimeError(PyExc::OverflowError,
                       "np.iinfo(np.uint64).max is 2**64 - 1, above the largest int pygraft "
                       "holds (2**63 - 1)");
  }
}

}  // namespace pygraft::rt
