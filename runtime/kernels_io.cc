// Statements with effects: print, assert, and the marker of unbound variables.
#include <string>

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

}  // namespace pygraft::rt
