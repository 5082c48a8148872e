// run's error reports (see cli/run_report.h).
#include "cli/run_report.h"

#include <filesystem>
#include <ostream>

#include "cli/file_io.h"
#include "support/run_failure_render.h"

namespace pygraft::cli {
namespace {

DiagCode code_of(rt::PyExc exception) {
  switch (exception) {
    case rt::PyExc::LimitExceeded:
      return DiagCode::RuntimeLimit;
    case rt::PyExc::InternalError:
      return DiagCode::InternalError;
    default:
      return DiagCode::RuntimeException;
  }
}

// The Python exception's name; none for a limit or an internal error.
std::string python_name(rt::PyExc exception) {
  if (exception == rt::PyExc::LimitExceeded || exception == rt::PyExc::InternalError) return {};
  return std::string(rt::exception_name(exception));
}

RunFailure to_failure(const rt::ExecutionError& error) {
  RunFailure failure{code_of(error.exception), python_name(error.exception), error.message, {}};
  if (error.function.empty()) return failure;  // not inside any function
  failure.stack.push_back(StackEntry{error.function, error.range});
  for (const rt::CallerFrame& caller : error.callers) {
    failure.stack.push_back(StackEntry{caller.function, caller.range});
  }
  return failure;
}

// The model's source text for the quoted lines: the path the graph records
// (relative to the directory `compile` ran in), else the file of that name
// beside the graph (where `compile` writes by default); "" when neither is
// readable. Note: the path comes from the graph file, which may not be
// trusted; only a .py file is read (docs/getting-started.md).
std::string model_source(const std::string& source_file, const std::string& graph_path) {
  if (std::filesystem::path(source_file).extension() != ".py") return {};
  Result<std::string> text = read_file(source_file);
  if (text.ok()) return std::move(text).value();
  std::filesystem::path beside = std::filesystem::path(graph_path).parent_path() /
                                 std::filesystem::path(source_file).filename();
  text = read_file(beside.string());
  return text.ok() ? std::move(text).value() : std::string();
}

void print_document(const RunFailure& failure, const std::string& file,
                    const RunCommandOptions& options, CommandIo& io) {
  if (options.diagnostics == DiagnosticsFormat::Json) {
    io.out << render_run_failure_json(failure, file);
  } else {
    io.out << render_run_failure_sarif(failure, file, PYGRAFT_VERSION);
  }
  io.out.flush();
}

}  // namespace

int report_run_usage_error(const RunCommandOptions& options, CommandIo& io,
                           const std::string& message) {
  if (options.diagnostics == DiagnosticsFormat::Text) {
    io.err << "pygraft: error: " << message << "\n";
  } else {
    print_document(RunFailure{DiagCode::RunInputError, "", message, {}}, options.graph_path,
                   options, io);
  }
  return kExitUsage;
}

int report_runtime_error(const rt::ExecutionError& error, const Module& module,
                         const RunCommandOptions& options, CommandIo& io) {
  const std::string& file = module.source_file.empty() ? options.graph_path : module.source_file;
  RunFailure failure = to_failure(error);
  io.out.flush();
  if (options.diagnostics == DiagnosticsFormat::Text) {
    std::string source = model_source(module.source_file, options.graph_path);
    io.err << render_run_failure_text(failure, file, source, {.color = io.err_color});
  } else {
    print_document(failure, file, options, io);
  }
  return kExitRuntime;
}

}  // namespace pygraft::cli
