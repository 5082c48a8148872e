// Program: loads a verified Module into an executable plan once and runs its
// functions (see runtime/interpreter.h). Argument binding and turning every
// failure into an ExecutionError live here; the executor is
// runtime/interpreter_exec.cc, the plan runtime/interpreter_compile.cc.
#include "runtime/interpreter.h"

#include <algorithm>
#include <iostream>
#include <new>

#include "runtime/interpreter_exec.h"
#include "runtime/memory_budget.h"

namespace pygraft::rt {
namespace {

ExecutionLimits execution_limits(const RunOptions& options) {
  ExecutionLimits limits;
  limits.max_call_depth = options.max_call_depth;
  limits.max_loop_iterations = options.max_loop_iterations;
  if (options.timeout_seconds > 0) {
    limits.timeout_seconds = options.timeout_seconds;
    // Note: a limit beyond ~290 years is the same as none.
    const double ns = std::min(options.timeout_seconds * 1e9, 9e18);
    limits.deadline_ns = coarse_monotonic_ns() + static_cast<int64_t>(ns);
  }
  return limits;
}

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "'x'", "'x' and 'y'", "'x', 'y', and 'z'", as CPython lists missing arguments.
std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

std::string too_many_message(const CompiledFunction& fn, size_t given) {
  const Function& source = *fn.source;
  size_t required = 0;
  for (const auto& d : fn.defaults) required += d ? 0 : 1;
  std::string takes = required == source.params.size()
                          ? plural(source.params.size(), "positional argument")
                          : "from " + std::to_string(required) + " to " +
                                std::to_string(source.params.size()) + " positional arguments";
  return source.name + "() takes " + takes + " but " + std::to_string(given) +
         (given == 1 ? " was" : " were") + " given";
}

// Fills missing trailing arguments from the defaults; the message of CPython's
// TypeError when the arguments do not fit.
std::optional<std::string> bind_arguments(const CompiledFunction& fn, std::vector<Value>& args) {
  const Function& source = *fn.source;
  if (args.size() > source.params.size()) return too_many_message(fn, args.size());
  std::vector<std::string> missing;
  for (size_t i = args.size(); i < source.params.size(); ++i) {
    if (!fn.defaults[i]) missing.push_back(source.params[i].name);
  }
  if (!missing.empty()) {
    return source.name + "() missing " + plural(missing.size(), "required positional argument") +
           ": " + quoted_list(missing);
  }
  for (size_t i = args.size(); i < source.params.size(); ++i) args.push_back(*fn.defaults[i]);
  return std::nullopt;
}

CallResult failure(const Function& fn, const SourceRange& range, PyExc exception,
                   std::string message) {
  return CallResult{std::nullopt,
                    ExecutionError{fn.name, range, std::move(message), exception, {}}};
}

CallResult located_failure(const LocatedError& e) {
  ExecutionError error{
      e.function->source->name, e.range.value_or(e.node->range), e.message, e.exception, {}};
  error.callers.reserve(e.callers.size());
  for (const LocatedError::Caller& caller : e.callers) {
    error.callers.push_back(CallerFrame{caller.function->source->name, caller.call->range});
  }
  return CallResult{std::nullopt, std::move(error)};
}

}  // namespace

Program::Program(Module module) : impl_(std::make_unique<LoadedProgram>()) {
  impl_->module = std::move(module);
  compile_program(*impl_);
}

Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;

const Module& Program::module() const {
  return impl_->module;
}

std::optional<size_t> Program::find_function(std::string_view name) const {
  const Function* fn = impl_->module.find(name);
  if (fn == nullptr) return std::nullopt;
  return static_cast<size_t>(fn - impl_->module.functions.data());
}

CallResult Program::call(size_t index, std::vector<Value> args, const RunOptions& options) const {
  if (index >= impl_->functions.size()) {
    return CallResult{
        std::nullopt,
        ExecutionError{
            "", {}, "no function number " + std::to_string(index), PyExc::InternalError, {}}};
  }
  const CompiledFunction& fn = impl_->functions[index];
  const Function& source = *fn.source;
  std::optional<ScopedMemoryBudget> budget;
  if (options.max_memory_bytes > 0) {
    budget.emplace(std::make_shared<MemoryBudget>(options.max_memory_bytes));
  }
  std::ostream& print = options.print_stream != nullptr ? *options.print_stream : std::cerr;
  try {
    if (auto message = bind_arguments(fn, args)) {
      return failure(source, source.range, PyExc::TypeError, *message);
    }
    Executor executor(*impl_, print, execution_limits(options));
    return CallResult{executor.run(index, std::move(args)), std::nullopt};
  } catch (const LocatedError& e) {
    return located_failure(e);
  } catch (const RuntimeError& e) {
    return failure(source, source.range, e.kind(), e.what());
  } catch (const std::bad_alloc&) {
    return failure(source, source.range, PyExc::MemoryError, "out of memory");
  } catch (const std::exception& e) {
    return failure(source, source.range, PyExc::InternalError,
                   std::string("internal error: ") + e.what());
  } catch (...) {
    return failure(source, source.range, PyExc::InternalError, "internal error");
  }
}

}  // namespace pygraft::rt
