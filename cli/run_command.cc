// `pygraft run` (see cli/commands.h): load a graph file, call one function
// with the ARGs, print run's JSON document. Errors are reported by
// cli/run_report.h.
#include <chrono>
#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/json_args.h"
#include "cli/json_output.h"
#include "cli/run_outputs.h"
#include "cli/run_report.h"
#include "graph/graph_file.h"
#include "graph/graph_file_format.h"
#include "runtime/interpreter.h"

namespace pygraft::cli {
namespace {

using rt::Value;

std::string function_list(const Module& module) {
  std::string names;
  for (const Function& fn : module.functions) names += (names.empty() ? "" : ", ") + fn.name;
  return names;
}

// The function to call, or a message (exit 2).
Result<size_t> pick_entry(const rt::Program& program, const std::optional<std::string>& entry) {
  const Module& module = program.module();
  if (entry) {
    if (std::optional<size_t> index = program.find_function(*entry)) return *index;
    return Result<size_t>::failure("no function '" + *entry +
                                   "' in the graph; it defines: " + function_list(module));
  }
  if (module.functions.size() == 1) return size_t{0};
  if (module.functions.empty()) return Result<size_t>::failure("the graph defines no function");
  return Result<size_t>::failure("the graph defines several functions (" + function_list(module) +
                                 "); choose one with --entry NAME");
}

// Python's messages for a wrong number of positional arguments.
std::optional<std::string> check_arity(const Function& fn, size_t given) {
  size_t required = 0;
  for (const Parameter& p : fn.params) required += p.default_value ? 0 : 1;
  if (given > fn.params.size()) {
    return fn.name + "() takes " + std::to_string(fn.params.size()) + " positional arguments but " +
           std::to_string(given) + " were given";
  }
  if (given >= required) return std::nullopt;
  std::string missing;
  for (size_t i = given; i < fn.params.size(); ++i) {
    if (!fn.params[i].default_value)
      missing += (missing.empty() ? "'" : ", '") + fn.params[i].name + "'";
  }
  return fn.name + "() missing " + std::to_string(required - given) +
         " required positional argument(s): " + missing;
}

std::string shorten(const std::string& text) {
  return text.size() <= 40 ? text : text.substr(0, 37) + "...";
}

Result<std::vector<Value>> parse_args(const std::vector<std::string>& texts) {
  std::vector<Value> values;
  for (size_t i = 0; i < texts.size(); ++i) {
    Result<Value> value = parse_arg(texts[i]);
    if (!value.ok()) {
      return Result<std::vector<Value>>::failure("argument " + std::to_string(i + 1) + " ('" +
                                                 shorten(texts[i]) + "'): " + value.error());
    }
    values.push_back(std::move(value).value());
  }
  return values;
}

// Python source given where a graph file belongs: what to do instead.
std::optional<std::string> python_source_message(const std::string& path,
                                                 const std::string& bytes) {
  if (std::filesystem::path(path).extension() != ".py") return std::nullopt;
  if (bytes.starts_with(graph_format::kMagic)) return std::nullopt;
  return path + ": this is Python source, not a graph file; compile it first: pygraft compile " +
         path + " (then run " + default_graph_path(path) + ")";
}

Result<rt::Program> load_program(const std::string& path) {
  Result<std::string> bytes = read_file(path);
  if (!bytes.ok()) return Result<rt::Program>::failure(bytes.error());
  if (auto message = python_source_message(path, bytes.value())) {
    return Result<rt::Program>::failure(*message);
  }
  LoadResult loaded = load_module(bytes.value());
  if (!loaded.ok()) return Result<rt::Program>::failure(path + ": " + loaded.error);
  try {
    return rt::Program(std::move(*loaded.module));
  } catch (const std::exception& e) {
    return Result<rt::Program>::failure(path + ": cannot load the graph: " + e.what());
  }
}

struct CallPlan {
  const rt::Program& program;
  size_t index;
  const std::vector<Value>& args;
  rt::RunOptions options;
};

// One call, timed around Program::call only.
rt::CallResult timed_call(const CallPlan& plan, int64_t& elapsed_ns) {
  std::vector<Value> args = plan.args;  // Values share buffers: copying is cheap
  auto start = std::chrono::steady_clock::now();
  rt::CallResult result = plan.program.call(plan.index, std::move(args), plan.options);
  auto stop = std::chrono::steady_clock::now();
  elapsed_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count();
  return result;
}

// Calls once, then `repeat` more times; fills `result` and `timing`.
int execute(const CallPlan& plan, const RunCommandOptions& options, CommandIo& io,
            rt::CallResult& result, std::optional<Timing>& timing) {
  int64_t elapsed = 0;
  result = timed_call(plan, elapsed);
  std::vector<int64_t> durations;
  for (int64_t i = 0; !result.error && i < options.repeat.value_or(0); ++i) {
    result = timed_call(plan, elapsed);
    durations.push_back(elapsed);
  }
  if (result.error) return report_runtime_error(*result.error, plan.program.module(), options, io);
  if (options.repeat && *options.repeat > 0) timing = summarize_timing(std::move(durations));
  return kExitOk;
}

}  // namespace

int run_run(const RunCommandOptions& options, CommandIo& io) {
  auto usage_error = [&](const std::string& message) {
    return report_run_usage_error(options, io, message);
  };
  Result<rt::Program> program = load_program(options.graph_path);
  if (!program.ok()) return usage_error(program.error());
  Result<size_t> index = pick_entry(program.value(), options.entry);
  if (!index.ok()) return usage_error(options.graph_path + ": " + index.error());
  Result<std::vector<Value>> args = parse_args(options.args);
  if (!args.ok()) return usage_error(args.error());
  const Function& fn = program.value().module().functions[index.value()];
  if (auto message = check_arity(fn, args.value().size())) return usage_error(*message);
  CallPlan plan{program.value(), index.value(), args.value(),
                rt::RunOptions{.print_stream = &io.err,
                               .max_memory_bytes = options.max_memory_bytes,
                               .max_loop_iterations = options.max_iterations,
                               .timeout_seconds = options.timeout_seconds}};
  rt::CallResult result;
  std::optional<Timing> timing;
  if (int code = execute(plan, options, io, result, timing); code != kExitOk) return code;
  if (options.out_dir) {
    if (auto error = write_outputs(*options.out_dir, split_outputs(*result.value))) {
      return usage_error(*error);
    }
  }
  io.out << format_run_document(*result.value, timing, options.out_dir);
  io.out.flush();
  return kExitOk;
}

}  // namespace pygraft::cli
