// The runtime library's entry points (see include/pygraft/runtime.h): a thin
// layer over graph/graph_file.h and runtime/interpreter.h.
#include "pygraft/runtime.h"

#include <exception>

#include "api/read_file.h"
#include "api/values.h"
#include "graph/graph_file.h"
#include "runtime/interpreter.h"

namespace pygraft::api {

struct Program::Impl {
  explicit Impl(Module module) : program(std::move(module)) {}
  rt::Program program;
};

namespace {

RuntimeError call_error(const Program::Impl& impl, std::string function, std::string message) {
  RuntimeError error;
  error.function = std::move(function);
  error.file = impl.program.module().source_file;
  error.message = std::move(message);
  return error;
}

StackFrame stack_frame(const std::string& function, const SourceRange& range) {
  return {function, range.line, range.column, range.end_line, range.end_column};
}

std::string python_exception(rt::PyExc exception) {
  if (exception == rt::PyExc::LimitExceeded || exception == rt::PyExc::InternalError) return {};
  return std::string(rt::exception_name(exception));
}

RuntimeError from_execution_error(const Program::Impl& impl, const rt::ExecutionError& error) {
  RuntimeError out = call_error(impl, error.function, error.message);
  out.line = error.range.line;
  out.column = error.range.column;
  out.exception = python_exception(error.exception);
  out.limit_exceeded = error.exception == rt::PyExc::LimitExceeded;
  out.end_line = error.range.end_line;
  out.end_column = error.range.end_column;
  if (error.function.empty()) return out;
  out.call_stack.push_back(stack_frame(error.function, error.range));
  for (const rt::CallerFrame& caller : error.callers) {
    out.call_stack.push_back(stack_frame(caller.function, caller.range));
  }
  return out;
}

std::string location(const std::string& file, uint32_t line, uint32_t column) {
  std::string text = file.empty() ? std::string("<graph>") : file;
  if (line != 0) text += ':' + std::to_string(line) + ':' + std::to_string(column);
  return text;
}

std::vector<Value> split_outputs(const rt::Value& result) {
  std::vector<Value> outputs;
  if (!result.is<rt::TupleValue>()) {
    outputs.push_back(detail::to_public(result));
    return outputs;
  }
  for (const rt::Value& item : result.items()) outputs.push_back(detail::to_public(item));
  return outputs;
}

}  // namespace

std::string RuntimeError::to_string() const {
  std::string text = location(file, line, column) + ": runtime error: ";
  if (!exception.empty()) text += message.empty() ? exception : exception + ": ";
  text += message;
  for (size_t i = 1; i < call_stack.size(); ++i) {
    text += '\n' + location(file, call_stack[i].line, call_stack[i].column) +
            ": note: called from here";
  }
  return text;
}

Program::Program(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

LoadResult Program::load(std::string_view bytes) {
  pygraft::LoadResult loaded = load_module(bytes);
  if (!loaded.ok()) return {nullptr, loaded.error};
  try {
    auto impl = std::make_shared<const Impl>(std::move(*loaded.module));
    return {std::make_shared<const Program>(std::move(impl)), {}};
  } catch (const std::exception& e) {
    return {nullptr, std::string("cannot load the graph: ") + e.what()};
  }
}

LoadResult Program::load_file(const std::string& path) {
  std::string bytes;
  if (std::optional<std::string> error = detail::read_whole_file(path, bytes)) {
    return {nullptr, *error};
  }
  LoadResult result = load(bytes);
  if (!result.ok()) result.error = path + ": " + result.error;
  return result;
}

std::vector<std::string> Program::functions() const {
  std::vector<std::string> names;
  for (const Function& fn : impl_->program.module().functions) names.push_back(fn.name);
  return names;
}

std::vector<std::string> Program::parameters(std::string_view function) const {
  std::vector<std::string> names;
  std::optional<size_t> index = impl_->program.find_function(function);
  if (!index) return names;
  for (const Parameter& p : impl_->program.module().functions[*index].params) {
    names.push_back(p.name);
  }
  return names;
}

const std::string& Program::source_file() const {
  return impl_->program.module().source_file;
}

CallResult Program::call(std::string_view function, std::vector<Value> args,
                         const CallOptions& options) const {
  CallResult result;
  std::optional<size_t> index = impl_->program.find_function(function);
  if (!index) {
    result.error = call_error(*impl_, std::string(function),
                              "no function '" + std::string(function) + "' in the graph");
    return result;
  }
  try {
    std::vector<rt::Value> internal_args;
    for (const Value& arg : args) internal_args.push_back(detail::to_internal(arg));
    rt::CallResult called =
        impl_->program.call(*index, std::move(internal_args),
                            rt::RunOptions{.print_stream = options.print_stream,
                                           .max_memory_bytes = options.max_memory_bytes,
                                           .max_loop_iterations = options.max_loop_iterations,
                                           .timeout_seconds = options.timeout_seconds});
    if (called.error) result.error = from_execution_error(*impl_, *called.error);
    if (called.value) result.outputs = split_outputs(*called.value);
  } catch (const std::exception& e) {
    result.error = call_error(*impl_, std::string(function), e.what());
  }
  return result;
}

}  // namespace pygraft::api
