// The pygraft subcommands (SPEC §1). Each takes its parsed options and the
// streams to write to, and returns the process exit code; none throws for
// bad input and none exits the process.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace pygraft::cli {

// Exit codes of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSourceErrors = 1;  // diagnostics (errors, or warnings with --Werror)
inline constexpr int kExitUsage = 2;         // bad arguments, unreadable or corrupt files
inline constexpr int kExitRuntime = 3;       // the graph failed while running

enum class DiagnosticsFormat { Text, Json, Sarif };
enum class EmitKind { Graph, Text, Dot, Onnx };

struct CommandIo {
  std::ostream& out;       // stdout: graph bytes, listings, JSON documents
  std::ostream& err;       // stderr: text diagnostics, error messages, print()
  bool err_color = false;  // colour text diagnostics (stderr is a terminal, no NO_COLOR)
};

struct CheckOptions {
  std::string source_path;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::Text;
  bool warnings_as_errors = false;
  bool quiet = false;                // report errors only (no warnings or notes)
  std::vector<std::string> entries;  // check --entry (compile keeps its own)
};

struct CompileOptions {
  CheckOptions check;  // check.source_path: the only input when `sources` is empty
  // Every input (MODEL.py ...), compiled in parallel by `jobs` threads; each
  // is written to its own default output. The output does not depend on the
  // order or the parallelism, and diagnostics are reported in input order.
  std::vector<std::string> sources;
  int jobs = 1;
  std::vector<std::string> entries;
  std::optional<std::string> output;  // "-" is stdout
  EmitKind emit = EmitKind::Graph;
  bool print_ir_after_all = false;  // the IR after each pipeline step, on stderr
  // --emit onnx: "fn(float32[T], int)" per exported function (docs/onnx.md),
  // or example arguments, as run takes them (after --).
  std::vector<std::string> signatures;
  std::vector<std::string> example_args;
};

// Writes `bytes` to `target` ("-": stdout) atomically; kExitOk, or
// kExitUsage with a message on io.err.
int write_output(const std::string& target, const std::string& bytes, CommandIo& io);

// `compile --emit onnx` (cli/onnx_command.cc).
int run_onnx_export(const CompileOptions& options, CommandIo& io);

inline constexpr int64_t kDefaultMaxMemoryBytes = int64_t{4} << 30;

struct RunCommandOptions {
  std::string graph_path;
  std::optional<std::string> entry;
  std::optional<int64_t> repeat;
  std::optional<std::string> out_dir;
  int64_t max_memory_bytes = kDefaultMaxMemoryBytes;  // 0: no limit
  int64_t max_iterations = 0;                         // 0: no limit
  double timeout_seconds = 0;                         // 0: no limit
  // Text: errors on stderr. Json / Sarif: a usage or runtime error is one
  // document on stdout (cli/run_report.h); the exit codes are the same.
  DiagnosticsFormat diagnostics = DiagnosticsFormat::Text;
  std::vector<std::string> args;
};

int run_check(const CheckOptions& options, CommandIo& io);
int run_compile(const CompileOptions& options, CommandIo& io);
int run_run(const RunCommandOptions& options, CommandIo& io);

// Parses the command line with CLI11 and runs the chosen subcommand. CLI11
// errors exit 2 with CLI11's message; --help and --version exit 0.
int pygraft_main(int argc, const char* const* argv, CommandIo& io);

// Where `compile` writes by default: MODEL.py -> MODEL.pgraph beside it.
std::string default_graph_path(const std::string& source_path);

// "1048576", "512M", "4G", "64KiB": a byte count with an optional binary
// suffix (K, M, G, T with optional "iB" / "B"). nullopt when malformed.
std::optional<int64_t> parse_byte_size(const std::string& text);

}  // namespace pygraft::cli
