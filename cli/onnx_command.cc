// `pygraft compile --emit onnx` (see cli/commands.h): one ONNX model per
// exported function, through the ONNX library API (include/pygraft/onnx.h).
// The argument types come from --signature, or from example arguments given
// as `run` takes them (their dtypes and ranks; the dims stay symbolic).
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/json_args.h"
#include "pygraft/onnx.h"
#include "runtime/tensor.h"

namespace pygraft::cli {
namespace {

struct OnnxJob {
  std::string entry;      // may be empty: the file's only function
  std::string signature;  // may be empty: no argument types
};

// The signature text "(float64[?,?], int)" of example arguments.
Result<std::string> signature_of_examples(const std::vector<std::string>& examples) {
  std::string text = "(";
  for (size_t i = 0; i < examples.size(); ++i) {
    Result<rt::Value> value = parse_arg(examples[i]);
    if (!value.ok()) return Result<std::string>::failure(value.error());
    const rt::Value& v = value.value();
    if (i) text += ", ";
    if (v.is<bool>()) {
      text += "bool";
    } else if (v.is<int64_t>()) {
      text += "int";
    } else if (v.is<double>()) {
      text += "float";
    } else if (v.is<rt::Tensor>()) {
      const rt::Tensor& t = v.as<rt::Tensor>();
      text += std::string(dtype_name(t.dtype())) + "[";
      for (int d = 0; d < t.rank(); ++d) text += d ? ",?" : "?";
      text += "]";
    } else if (v.is_none()) {
      text += "None";
    } else if (v.is<rt::StrValue>()) {
      text += nlohmann::json(*v.as<rt::StrValue>().text).dump();  // compiled in as a constant
    } else if (v.is_dict()) {
      text += "dict";  // refused by the exporter, at the parameter
    } else {
      text += "list";
    }
  }
  return text + ")";
}

std::string signature_name(const std::string& signature) {
  const size_t paren = signature.find('(');
  std::string name = signature.substr(0, paren);
  name.erase(0, name.find_first_not_of(" \t"));
  name.erase(name.find_last_not_of(" \t") + 1);
  return name;
}

Result<std::vector<OnnxJob>> plan_jobs(const CompileOptions& options,
                                       const std::vector<std::string>& examples) {
  using Jobs = Result<std::vector<OnnxJob>>;
  std::vector<OnnxJob> jobs;
  if (!examples.empty()) {
    if (!options.signatures.empty() || options.entries.size() > 1) {
      return Jobs::failure(
          "example arguments fix the types of one function: give at most one "
          "--entry and no --signature with them");
    }
    Result<std::string> signature = signature_of_examples(examples);
    if (!signature.ok()) return Jobs::failure(signature.error());
    jobs.push_back({options.entries.empty() ? "" : options.entries[0], signature.value()});
    return jobs;
  }
  for (const std::string& signature : options.signatures) {
    std::string name = signature_name(signature);
    // An unnamed signature, "(float32[N], int)", types the one --entry.
    if (name.empty() && options.entries.size() == 1 && options.signatures.size() == 1) {
      name = options.entries[0];
    }
    jobs.push_back({name, signature});
  }
  for (const std::string& entry : options.entries) {
    const bool typed = std::any_of(jobs.begin(), jobs.end(),
                                   [&](const OnnxJob& job) { return job.entry == entry; });
    if (!typed) jobs.push_back({entry, ""});
  }
  if (jobs.empty()) jobs.push_back({"", ""});
  return jobs;
}

std::string default_onnx_path(const std::string& source, const std::string& entry, bool several) {
  std::filesystem::path path(source);
  std::string stem = path.extension() == ".py" ? path.stem().string() : path.filename().string();
  if (several) stem += "." + entry;
  return (path.parent_path() / (stem + ".onnx")).string();
}

}  // namespace

int run_onnx_export(const CompileOptions& options, CommandIo& io) {
  std::vector<std::string> sources = options.sources;
  if (sources.empty()) sources.push_back(options.check.source_path);
  // One MODEL.py; CLI11 hands the example arguments after -- to the first
  // positional list.
  const std::string model_path = sources[0];
  std::vector<std::string> examples(sources.begin() + 1, sources.end());
  examples.insert(examples.end(), options.example_args.begin(), options.example_args.end());
  Result<std::vector<OnnxJob>> jobs = plan_jobs(options, examples);
  if (!jobs.ok()) {
    io.err << "pygraft: error: " << jobs.error() << "\n";
    return kExitUsage;
  }
  const bool several = jobs.value().size() > 1;
  if (several && options.output) {
    io.err << "pygraft: error: -o names one model; with several functions each is written "
              "beside the source as MODEL.FUNCTION.onnx\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::vector<api::Diagnostic> document;
  for (const OnnxJob& job : jobs.value()) {
    api::OnnxResult r = api::export_onnx_file(model_path, {job.signature, job.entry});
    if (r.io_error) {
      io.err << "pygraft: error: " << *r.io_error << "\n";
      return kExitUsage;
    }
    if (r.signature_error) {
      io.err << "pygraft: error: " << *r.signature_error
             << (job.signature.empty() ? " (give --signature 'fn(float64[N], int)' or example "
                                         "arguments after --)"
                                       : "")
             << "\n";
      exit_code = std::max(exit_code, kExitUsage);
      continue;
    }
    std::vector<api::Diagnostic> shown;
    for (const api::Diagnostic& d : r.diagnostics) {
      if (!options.check.quiet || d.severity == api::Severity::Error) shown.push_back(d);
    }
    if (options.check.diagnostics == DiagnosticsFormat::Text) {
      io.err << api::render_text(shown, r.source, {.color = io.err_color});
    } else {
      document.insert(document.end(), shown.begin(), shown.end());
    }
    if (!r.ok()) {
      exit_code = std::max(exit_code, kExitSourceErrors);
      continue;
    }
    const std::string target =
        options.output ? *options.output : default_onnx_path(model_path, job.entry, several);
    exit_code = std::max(exit_code, write_output(target, r.model, io));
  }
  if (options.check.diagnostics == DiagnosticsFormat::Json) io.out << api::render_json(document);
  if (options.check.diagnostics == DiagnosticsFormat::Sarif) {
    io.out << api::render_sarif(document, PYGRAFT_VERSION);
  }
  io.out.flush();
  return exit_code;
}

}  // namespace pygraft::cli
