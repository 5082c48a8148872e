// The command line: CLI11 definitions of the subcommands, their help texts,
// and the dispatch to run_check / run_compile / run_run.
#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <ostream>

#include "cli/heap_setup.h"
#include "cli/run_report.h"

namespace pygraft::cli {
namespace {

constexpr const char* kMainFooter = R"(Examples:
  pygraft check model.py                     report problems, write nothing
  pygraft compile model.py                   write model.pgraph
  pygraft compile model.py --emit text       print the graph as text
  pygraft run model.pgraph 3 2.5 '[[1,2],[3,4]]' @x.npy

Exit codes: 0 success, 1 errors in the source, 2 usage or I/O error,
3 runtime error. Run 'pygraft COMMAND --help' for each command's options.)";

constexpr const char* kCompileFooter = R"(Examples:
  pygraft compile model.py                   -> model.pgraph beside model.py
  pygraft compile a.py b.py c.py -j 4        -> a.pgraph, b.pgraph, c.pgraph
  pygraft compile model.py -o out.pgraph --entry predict
                        (only predict and what it uses; the training loop,
                         plotting and other imports are left out with a note)
  pygraft compile model.py --emit text       readable listing on stdout
  pygraft compile model.py --emit dot | dot -Tsvg > model.svg
  pygraft compile model.py --diagnostics sarif -o model.pgraph > report.sarif
  pygraft compile rnn.py --emit onnx --signature 'rnn(float32[T,H], float32[H,H], int)'
                                             -> rnn.onnx (opset 17; docs/onnx.md)
  pygraft compile model.py --emit onnx --entry softmax -- '[[1.0,2.0]]'
                        (the input types from example arguments, as run takes
                         them: a float64 array of rank 2, dims left symbolic)

Exits 1 when a source has errors (nothing is written for it), 2 on usage or
I/O errors; -o is for a single input only. Output files are replaced atomically: never partially written.)";

constexpr const char* kCheckFooter = R"(Examples:
  pygraft check model.py
  pygraft check model.py --diagnostics json    JSON array on stdout
  pygraft check model.py --Werror              fail on warnings too
  pygraft check model.py --entry predict       only what compile --entry predict compiles

Exits 0 when the file converts cleanly, 1 when it has errors.)";

constexpr const char* kRunFooter = R"(Each ARG is one positional argument of the function:
  3, -3             a Python int (int64)
  2.5, -2.5, 1e-3   a Python float (float64)
  true, false       a Python bool
  null              None
  [[1, 2], [3, 4]]  an array, with np.array(list)'s dtype rules
  @x.npy            an array read from a .npy file
Use '--' before ARGs that could look like options.

Prints {"outputs": [OUT, ...]} on stdout, OUT = {"dtype", "shape", "data"};
with --out DIR, "file": "DIR/N.npy" replaces "data".

Examples:
  pygraft run model.pgraph 3 '[1.5, 2.5]'
  pygraft run model.pgraph --entry predict @x.npy --out results/
  pygraft run model.pgraph --repeat 100 @x.npy     add per-call timing
  pygraft run untrusted.pgraph --timeout 10 --max-memory 1G @x.npy

Exits 2 on usage or I/O errors (bad ARG, corrupt graph), 3 when the graph
fails while running (the message names the Python exception, the source line
and the calls that led there; --diagnostics json prints it as JSON).)";

const std::map<std::string, DiagnosticsFormat> kDiagnosticsFormats = {
    {"text", DiagnosticsFormat::Text},
    {"json", DiagnosticsFormat::Json},
    {"sarif", DiagnosticsFormat::Sarif}};

const std::map<std::string, EmitKind> kEmitKinds = {{"graph", EmitKind::Graph},
                                                    {"text", EmitKind::Text},
                                                    {"dot", EmitKind::Dot},
                                                    {"onnx", EmitKind::Onnx}};

void add_front_end_options(CLI::App& command, CheckOptions& options) {
  command
      .add_option("--diagnostics", options.diagnostics,
                  "How to report problems: text (stderr), json or sarif (stdout)")
      ->transform(CLI::CheckedTransformer(kDiagnosticsFormats))
      ->option_text("text|json|sarif");
  command.add_flag("--Werror", options.warnings_as_errors, "Treat warnings as errors");
  command.add_flag("-q,--quiet", options.quiet, "Report errors only, no warnings or notes");
}

void add_compile(CLI::App& app, CompileOptions& options) {
  CLI::App* compile = app.add_subcommand("compile", "Convert MODEL.py into a graph file");
  compile->add_option("MODEL.py", options.sources, "The Python source files")->required();
  compile->add_option("ARG", options.example_args,
                      "--emit onnx: example arguments after --, as run takes them (JSON "
                      "literals or @path.npy); they fix the input types");
  add_front_end_options(*compile, options.check);
  compile->add_option("-j,--jobs", options.jobs, "Compile N files at once (default 1)")
      ->check(CLI::PositiveNumber);
  compile->add_option("-o,--output", options.output,
                      "Output file; '-' for stdout (default: MODEL.pgraph, or stdout for "
                      "--emit text|dot)");
  compile
      ->add_option("--entry", options.entries,
                   "Convert only this function and what it uses (other functions, classes, "
                   "module-level code and unused imports are left out with a note); repeatable")
      ->allow_extra_args(false);
  compile->add_flag("--print-ir-after-all", options.print_ir_after_all,
                    "Also print the IR (as --emit text) after the lowering and after each "
                    "pass, on stderr");
  compile
      ->add_option("--signature", options.signatures,
                   "--emit onnx: the argument types of the exported function, e.g. "
                   "'rnn(float32[T,H], float32[H,H], int)'; repeatable, one per --entry")
      ->allow_extra_args(false);
  compile
      ->add_option("--emit", options.emit,
                   "What to write: graph, text, dot or onnx (an ONNX model of one function)")
      ->transform(CLI::CheckedTransformer(kEmitKinds))
      ->option_text("graph|text|dot|onnx");
  compile->footer(kCompileFooter);
}

void add_check(CLI::App& app, CheckOptions& options) {
  CLI::App* check = app.add_subcommand("check", "Report every problem in MODEL.py, write nothing");
  check->add_option("MODEL.py", options.source_path, "The Python source file")->required();
  add_front_end_options(*check, options);
  check
      ->add_option("--entry", options.entries,
                   "Check only this function and what it uses, as compile --entry; repeatable")
      ->allow_extra_args(false);
  check->footer(kCheckFooter);
}

void add_run(CLI::App& app, RunCommandOptions& options, std::string& max_memory) {
  CLI::App* run = app.add_subcommand("run", "Call a function of a graph file and print its result");
  run->add_option("GRAPH", options.graph_path, "A graph file written by 'pygraft compile'")
      ->required();
  run->add_option("ARG", options.args, "Arguments: JSON literals or @path.npy");
  run->add_option("--entry", options.entry,
                  "The function to call (required when the graph has several)");
  run->add_option("--repeat", options.repeat,
                  "Call N more times and report per-call timing (min/median/max ns)")
      ->check(CLI::NonNegativeNumber);
  run->add_option("--out", options.out_dir,
                  "Write the outputs to DIR/0.npy, DIR/1.npy, ... and name the files in the "
                  "JSON in place of the values");
  run->add_option("--diagnostics", options.diagnostics,
                  "How to report errors: text (stderr), json or sarif (stdout)")
      ->transform(CLI::CheckedTransformer(kDiagnosticsFormats))
      ->option_text("text|json|sarif");
  run->add_option("--max-memory", max_memory,
                  "Cap on live array bytes per call, e.g. 512M or 8G; 0 for none (default 4G)");
  run->add_option("--max-iterations", options.max_iterations,
                  "Stop with a runtime error after N loop iterations per call, all loops "
                  "together; 0 for none (the default)")
      ->check(CLI::NonNegativeNumber);
  run->add_option("--timeout", options.timeout_seconds,
                  "Stop with a runtime error when a call runs longer than SECONDS; 0 for none "
                  "(the default)")
      ->check(CLI::NonNegativeNumber);
  run->footer(kRunFooter);
}

// Note: CLI11 splits a value like "[1,2]" at its commas (its syntax for
// lists); a marker byte in front of such tokens keeps ARGs whole. It is
// removed again right after parsing.
constexpr char kListMarker = '\x1f';

std::vector<std::string> protect_lists(int argc, const char* const* argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.size() >= 2 && arg.front() == '[' && arg.back() == ']') arg.insert(0, 1, kListMarker);
    args.push_back(std::move(arg));
  }
  std::reverse(args.begin(), args.end());  // CLI11 consumes from the back
  return args;
}

std::string unprotect(std::string text) {
  std::erase(text, kListMarker);
  return text;
}

void unprotect_all(RunCommandOptions& run, CompileOptions& compile) {
  for (std::string& arg : run.args) arg = unprotect(arg);
  for (std::string& entry : compile.entries) entry = unprotect(entry);
  run.graph_path = unprotect(run.graph_path);
  if (run.entry) run.entry = unprotect(*run.entry);
  if (run.out_dir) run.out_dir = unprotect(*run.out_dir);
  if (compile.output) compile.output = unprotect(*compile.output);
  for (std::string& source : compile.sources) source = unprotect(source);
  if (!compile.sources.empty()) compile.check.source_path = compile.sources.front();
}

std::string failure_message(const CLI::App*, const CLI::Error& e) {
  return "pygraft: error: " + unprotect(e.what()) +
         "\nRun 'pygraft --help' or 'pygraft COMMAND --help' for usage.\n";
}

// CLI11 reports --help and --version as exceptions with exit code 0; every
// other parse error exits 2.
int parse_error_exit(const CLI::App& app, const CLI::ParseError& e, CommandIo& io) {
  int code = app.exit(e, io.out, io.err);
  io.out.flush();
  return code == 0 ? kExitOk : kExitUsage;
}

}  // namespace

std::optional<int64_t> parse_byte_size(const std::string& text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 18) return std::nullopt;
  int64_t value = std::stoll(text.substr(0, digits));
  std::string suffix = text.substr(digits);
  static const std::map<std::string, int> kShifts = {
      {"", 0},     {"B", 0},  {"K", 10},  {"KB", 10},  {"KiB", 10}, {"M", 20},  {"MB", 20},
      {"MiB", 20}, {"G", 30}, {"GB", 30}, {"GiB", 30}, {"T", 40},   {"TB", 40}, {"TiB", 40}};
  auto shift = kShifts.find(suffix);
  if (shift == kShifts.end()) return std::nullopt;
  if (value > (std::numeric_limits<int64_t>::max() >> shift->second)) return std::nullopt;
  return value << shift->second;
}

int pygraft_main(int argc, const char* const* argv, CommandIo& io) {
  CLI::App app("pygraft: compile a Python + NumPy subset into a dataflow graph and run it",
               "pygraft");
  app.set_version_flag("--version", "pygraft " PYGRAFT_VERSION, "Print the version and exit");
  app.require_subcommand(1);
  app.footer(kMainFooter);
  app.failure_message(failure_message);
  CompileOptions compile;
  CheckOptions check;
  RunCommandOptions run;
  std::string max_memory;
  add_compile(app, compile);
  add_check(app, check);
  add_run(app, run, max_memory);
  try {
    std::vector<std::string> args = protect_lists(argc, argv);
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e, io);
  }
  unprotect_all(run, compile);
  check.source_path = unprotect(check.source_path);
  for (std::string& entry : check.entries) entry = unprotect(entry);
  if (app.got_subcommand("compile") || app.got_subcommand("check")) {
    prefer_huge_pages_for_the_heap();
  }
  if (app.got_subcommand("compile")) return run_compile(compile, io);
  if (app.got_subcommand("check")) return run_check(check, io);
  if (!max_memory.empty()) {
    std::optional<int64_t> bytes = parse_byte_size(max_memory);
    if (!bytes) {
      return report_run_usage_error(
          run, io,
          "--max-memory: '" + max_memory + "' is not a byte count (e.g. 1048576, 512M, 8G)");
    }
    run.max_memory_bytes = *bytes;
  }
  return run_run(run, io);
}

}  // namespace pygraft::cli
