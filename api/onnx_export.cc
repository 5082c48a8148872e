// The ONNX export entry points (see include/pygraft/onnx.h): the front end
// without the runtime-only fusions, then onnx_export/ on the entry function.
#include <algorithm>
#include <filesystem>
#include <variant>

#include "api/compiled_module.h"
#include "api/front_end.h"
#include "api/read_file.h"
#include "onnx_export/model_exporter.h"
#include "onnx_export/signature.h"
#include "pygraft/onnx.h"

namespace pygraft::api {

bool OnnxResult::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

OnnxResult export_onnx(std::string_view source, std::string_view file, const OnnxOptions& options) {
  OnnxResult result;
  result.file = std::string(file);
  result.source = std::string(source);
  std::variant<onnx_export::Signature, std::string> parsed =
      options.signature.empty() ? onnx_export::Signature{}
                                : onnx_export::parse_signature(options.signature);
  if (auto* problem = std::get_if<std::string>(&parsed)) {
    result.signature_error = *problem;
    return result;
  }
  onnx_export::Signature& signature = std::get<onnx_export::Signature>(parsed);
  if (signature.function.empty()) signature.function = options.entry;
  std::vector<std::string> entries;
  if (!signature.function.empty()) entries.push_back(signature.function);
  detail::FrontEndRequest request{result.file, entries, false, false};
  request.runtime_fusions = false;
  detail::FrontEndOutcome front = detail::run_front_end(result.source, request);
  const bool no_such_function =
      std::any_of(front.diagnostics.begin(), front.diagnostics.end(),
                  [](const pygraft::Diagnostic& d) { return d.id == DiagCode::UnknownEntry; });
  if (no_such_function) {
    result.signature_error = "no function '" + signature.function + "' in " + result.file;
    return result;
  }
  // An export is of one function: that the others are left out (PG0313) is
  // the request, not news.
  std::vector<pygraft::Diagnostic> diagnostics;
  for (pygraft::Diagnostic& d : front.diagnostics) {
    if (d.id != DiagCode::NotCompiled) diagnostics.push_back(std::move(d));
  }
  if (front.module && signature.function.empty()) {
    if (front.module->functions.size() != 1) {
      result.signature_error = result.file + " defines " +
                               std::to_string(front.module->functions.size()) +
                               " functions: name the one to export (--entry)";
      return result;
    }
    signature.function = front.module->functions.front().name;
  }
  if (front.module) {
    const pygraft::Function* function = front.module->find(signature.function);
    if (!function) {
      result.signature_error = "no function '" + signature.function + "' in " + result.file;
      return result;
    }
    if (signature.args.size() > function->params.size()) {
      result.signature_error = "the signature gives " + std::to_string(signature.args.size()) +
                               " types but '" + signature.function + "' takes " +
                               std::to_string(function->params.size()) + " parameters";
      return result;
    }
    for (size_t i = signature.args.size(); i < function->params.size(); ++i) {
      if (!function->params[i].default_value) {
        result.signature_error = "the signature gives no type for parameter '" +
                                 function->params[i].name + "' of '" + signature.function +
                                 "', which has no default";
        return result;
      }
    }
    bool refused = false;
    for (size_t i = 0; i < signature.args.size(); ++i) {
      const StaticType& t = signature.args[i];
      if (t.kind != StaticKind::Unknown) continue;
      const std::string what = t.constant ? t.constant->as<std::string>() : "value";
      diagnostics.push_back({DiagCode::OnnxUnknownType,
                             pygraft::Severity::Error,
                             function->params[i].range,
                             "parameter '" + function->params[i].name + "' is a " + what +
                                 ": ONNX inputs are numbers and arrays (a str or None argument "
                                 "is compiled in as a constant)",
                             {}});
      refused = true;
    }
    onnx_export::ExportRequest export_request{
        signature.function, signature.args, std::filesystem::path(result.file).filename().string(),
        std::string(version())};
    if (!refused) {
      onnx_export::ExportOutcome outcome =
          onnx_export::export_function(*front.module, export_request);
      diagnostics.insert(diagnostics.end(), outcome.diagnostics.begin(), outcome.diagnostics.end());
      if (outcome.model) result.model = std::move(*outcome.model);
    }
  }
  compute_utf16_columns(diagnostics, result.source);
  for (const pygraft::Diagnostic& d : diagnostics) {
    result.diagnostics.push_back(detail::to_public(d, result.file));
  }
  if (result.has_errors()) result.model.clear();
  return result;
}

OnnxResult export_onnx_file(const std::string& path, const OnnxOptions& options) {
  std::string source;
  if (std::optional<std::string> error = detail::read_whole_file(path, source)) {
    OnnxResult result;
    result.file = path;
    result.io_error = std::move(error);
    return result;
  }
  return export_onnx(source, path, options);
}

int onnx_opset_version() {
  return onnx_export::kOnnxOpset;
}

}  // namespace pygraft::api
