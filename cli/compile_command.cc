// `pygraft check` and `pygraft compile` (see cli/commands.h).
#include <filesystem>
#include <ostream>

#include "cli/atomic_file.h"
#include "cli/commands.h"
#include "cli/compile_driver.h"
#include "graph/dot_printer.h"
#include "graph/graph_file.h"
#include "graph/printer.h"
#include "support/diagnostic_render.h"

namespace pygraft::cli {
namespace {

void report_diagnostics(const CheckOptions& options, const CompileOutcome& outcome, CommandIo& io) {
  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : outcome.diagnostics) {
    if (!options.quiet || d.severity == Severity::Error) shown.push_back(d);
  }
  const std::string& file = options.source_path;
  switch (options.diagnostics) {
    case DiagnosticsFormat::Text:
      io.err << render_diagnostics_text(shown, file, outcome.source, {.color = io.err_color});
      break;
    case DiagnosticsFormat::Json:
      io.out << render_diagnostics_json(shown, file);
      break;
    case DiagnosticsFormat::Sarif:
      io.out << render_diagnostics_sarif(shown, file, PYGRAFT_VERSION);
      break;
  }
  io.out.flush();
}

// Runs the front end and reports; returns the outcome and sets `exit_code`
// when the command must stop (I/O error or source errors).
CompileOutcome front_end(const CheckOptions& options, const std::vector<std::string>& entries,
                         CommandIo& io, int& exit_code) {
  CompileOutcome outcome = compile_file({options.source_path, entries, options.warnings_as_errors});
  if (outcome.io_error) {
    io.err << "pygraft: error: " << *outcome.io_error << "\n";
    exit_code = kExitUsage;
    return outcome;
  }
  report_diagnostics(options, outcome, io);
  exit_code = outcome.has_errors() ? kExitSourceErrors : kExitOk;
  return outcome;
}

std::string emit_bytes(const Module& module, EmitKind emit) {
  switch (emit) {
    case EmitKind::Text:
      return print_module(module);
    case EmitKind::Dot:
      return print_dot(module);
    default:
      break;
  }
  return serialize_module(module);
}

// Where the output goes: "-" for stdout, else a path.
std::string output_target(const CompileOptions& options) {
  if (options.output) return *options.output;
  if (options.emit == EmitKind::Graph) return default_graph_path(options.check.source_path);
  return "-";  // listings go to stdout unless -o names a file
}

int write_output(const std::string& target, const std::string& bytes, CommandIo& io) {
  if (target == "-") {
    io.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    io.out.flush();
    if (io.out) return kExitOk;
    io.err << "pygraft: error: cannot write to stdout\n";
    return kExitUsage;
  }
  if (std::optional<std::string> error = write_file_atomically(target, bytes)) {
    io.err << "pygraft: error: " << *error << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

std::string default_graph_path(const std::string& source_path) {
  std::filesystem::path path(source_path);
  if (path.extension() == ".py") return path.replace_extension(".pgraph").string();
  return source_path + ".pgraph";
}

int run_check(const CheckOptions& options, CommandIo& io) {
  int exit_code = kExitOk;
  front_end(options, {}, io, exit_code);
  return exit_code;
}

int run_compile(const CompileOptions& options, CommandIo& io) {
  if (options.emit == EmitKind::Onnx) {
    io.err << "pygraft: error: not implemented yet: --emit onnx is planned\n";
    return kExitUsage;
  }
  std::string target = output_target(options);
  if (target == "-" && options.check.diagnostics != DiagnosticsFormat::Text) {
    io.err << "pygraft: error: --diagnostics json|sarif print on stdout, which the output also "
              "uses; write the output to a file with -o FILE\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  CompileOutcome outcome = front_end(options.check, options.entries, io, exit_code);
  if (exit_code != kExitOk) return exit_code;
  return write_output(target, emit_bytes(*outcome.module, options.emit), io);
}

}  // namespace pygraft::cli
