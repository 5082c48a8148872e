// `pygraft check` and `pygraft compile` (see cli/commands.h), on top of the
// compiler library (include/pygraft/compiler.h).
#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <ostream>
#include <thread>

#include "cli/atomic_file.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "graph/graph_file_format.h"
#include "pygraft/compiler.h"

namespace pygraft::cli {
namespace {

std::vector<api::Diagnostic> shown_diagnostics(const CheckOptions& options,
                                               const api::CompileResult& result) {
  std::vector<api::Diagnostic> shown;
  for (const api::Diagnostic& d : result.diagnostics) {
    if (!options.quiet || d.severity == api::Severity::Error) shown.push_back(d);
  }
  return shown;
}

// JSON and SARIF print one document for all the inputs, after the last.
void print_document(const CheckOptions& options, const std::vector<api::Diagnostic>& shown,
                    CommandIo& io) {
  if (options.diagnostics == DiagnosticsFormat::Json) io.out << api::render_json(shown);
  if (options.diagnostics == DiagnosticsFormat::Sarif) {
    io.out << api::render_sarif(shown, PYGRAFT_VERSION);
  }
  io.out.flush();
}

// Compiles every input, `jobs` at a time. Note: each result lands in its
// input's slot, so nothing downstream depends on which thread finished first.
std::vector<api::CompileResult> compile_all(const std::vector<std::string>& paths,
                                            const api::CompileOptions& options, int jobs) {
  std::vector<api::CompileResult> results(paths.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) {
      try {
        results[i] = api::compile_file(paths[i], options);
      } catch (const std::exception& e) {
        results[i] = {};
        results[i].io_error = paths[i] + ": internal error: " + e.what();
      }
    }
  };
  size_t threads = std::min(paths.size(), static_cast<size_t>(std::max(jobs, 1)));
  if (threads <= 1) {
    worker();
    return results;
  }
  std::vector<std::jthread> pool;
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  pool.clear();  // joins
  return results;
}

api::EmitFormat emit_format(EmitKind emit) {
  switch (emit) {
    case EmitKind::Text:
      return api::EmitFormat::Text;
    case EmitKind::Dot:
      return api::EmitFormat::Dot;
    default:
      break;
  }
  return api::EmitFormat::Graph;
}

// Where one input's output goes: "-" for stdout, else a path.
std::string output_target(const CompileOptions& options, const std::string& source_path) {
  if (options.output) return *options.output;
  if (options.emit == EmitKind::Graph) return default_graph_path(source_path);
  return "-";  // listings go to stdout unless -o names a file
}

// A failed compile must not leave an earlier compile's graph where the new
// one belongs, to be run as if it were the new one: a graph file there is
// removed, anything else is kept; a note says which (docs/getting-started.md).
void remove_stale_output(const std::string& target, CommandIo& io) {
  std::error_code error;
  if (target == "-" || !std::filesystem::is_regular_file(target, error)) return;
  Result<std::string> bytes = read_file(target);
  bool graph = bytes.ok() && bytes.value().starts_with(graph_format::kMagic);
  if (!graph) {
    io.err << "pygraft: note: " << target
           << " was kept: it is not a graph file, and it is not the output of this source\n";
  } else if (std::filesystem::remove(target, error)) {
    io.err << "pygraft: note: removed " << target
           << ", the graph of an earlier compile, so that it cannot be run in place of this "
              "source\n";
  } else {
    io.err << "pygraft: warning: " << target << " is the graph of an earlier compile, not of "
           << "this source, and cannot be removed: " << error.message() << "\n";
  }
}

// What check and compile share: the inputs and, for compile, what to write.
struct Job {
  const CheckOptions& check;
  std::vector<std::string> sources;
  const CompileOptions* compile = nullptr;  // null for check: write nothing
};

// Reports one input's diagnostics (text at once, JSON/SARIF collected into
// `document`) and writes its output; returns its exit code.
int finish_one(const Job& job, const api::CompileResult& result,
               std::vector<api::Diagnostic>& document, CommandIo& io) {
  if (result.io_error) {
    io.err << "pygraft: error: " << *result.io_error << "\n";
    return kExitUsage;
  }
  std::vector<api::Diagnostic> shown = shown_diagnostics(job.check, result);
  if (job.check.diagnostics == DiagnosticsFormat::Text) {
    io.err << api::render_text(shown, result.source, {.color = io.err_color});
  } else {
    document.insert(document.end(), shown.begin(), shown.end());
  }
  if (job.compile == nullptr) return result.has_errors() ? kExitSourceErrors : kExitOk;
  if (result.has_errors()) {
    remove_stale_output(output_target(*job.compile, result.file), io);
    return kExitSourceErrors;
  }
  for (const api::PassSnapshot& snapshot : result.passes) {
    io.err << "// ----- IR after " << snapshot.pass << " -----\n" << snapshot.ir;
  }
  return write_output(output_target(*job.compile, result.file),
                      result.emit(emit_format(job.compile->emit)), io);
}

// Exit code: 2 when any input had a usage or I/O error, else 1 when any had
// source errors, else 0.
int run_job(const Job& job, const std::vector<std::string>& entries, int jobs, CommandIo& io) {
  bool record_passes = job.compile != nullptr && job.compile->print_ir_after_all;
  std::vector<api::CompileResult> results =
      compile_all(job.sources, {entries, job.check.warnings_as_errors, record_passes}, jobs);
  std::vector<api::Diagnostic> document;
  int exit_code = kExitOk;
  bool any_read = false;
  for (const api::CompileResult& result : results) {
    exit_code = std::max(exit_code, finish_one(job, result, document, io));
    any_read = any_read || !result.io_error;
  }
  if (any_read && job.check.diagnostics != DiagnosticsFormat::Text) {
    print_document(job.check, document, io);
  }
  return exit_code;
}

std::optional<std::string> usage_problem(const CompileOptions& options, size_t inputs) {
  if (!options.example_args.empty() || !options.signatures.empty()) {
    return "example arguments and --signature are for --emit onnx";
  }
  if (options.output && inputs > 1) {
    return "-o names one output file; with several inputs each is written beside its source";
  }
  bool to_stdout = options.output ? *options.output == "-" : options.emit != EmitKind::Graph;
  if (to_stdout && options.check.diagnostics != DiagnosticsFormat::Text) {
    return "--diagnostics json|sarif print on stdout, which the output also uses; write the "
           "output to a file with -o FILE";
  }
  return std::nullopt;
}

}  // namespace

std::string default_graph_path(const std::string& source_path) {
  std::filesystem::path path(source_path);
  if (path.extension() == ".py") return path.replace_extension(".pgraph").string();
  return source_path + ".pgraph";
}

int run_check(const CheckOptions& options, CommandIo& io) {
  return run_job({options, {options.source_path}}, options.entries, 1, io);
}

int run_compile(const CompileOptions& options, CommandIo& io) {
  if (options.emit == EmitKind::Onnx) return run_onnx_export(options, io);
  std::vector<std::string> sources = options.sources;
  if (sources.empty()) sources.push_back(options.check.source_path);
  if (std::optional<std::string> problem = usage_problem(options, sources.size())) {
    io.err << "pygraft: error: " << *problem << "\n";
    return kExitUsage;
  }
  return run_job({options.check, std::move(sources), &options}, options.entries, options.jobs, io);
}

}  // namespace pygraft::cli
