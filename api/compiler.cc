// The compiler library's entry points (see include/pygraft/compiler.h).
#include "pygraft/compiler.h"

#include <algorithm>

#include "api/compiled_module.h"
#include "api/front_end.h"
#include "api/read_file.h"
#include "graph/dot_printer.h"
#include "graph/graph_file.h"
#include "graph/printer.h"

namespace pygraft::api {

bool CompileResult::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string CompileResult::emit(EmitFormat format) const {
  if (!module) return {};
  switch (format) {
    case EmitFormat::Text:
      return print_module(module->module());
    case EmitFormat::Dot:
      return print_dot(module->module());
    case EmitFormat::Graph:
      break;
  }
  return serialize_module(module->module());
}

CompileResult compile(std::string_view source, std::string_view file,
                      const CompileOptions& options) {
  CompileResult result;
  result.file = std::string(file);
  result.source = std::string(source);
  detail::FrontEndOutcome front = detail::run_front_end(
      result.source,
      {result.file, options.entries, options.warnings_as_errors, options.record_passes});
  for (auto& [pass, ir] : front.passes) result.passes.push_back({pass, std::move(ir)});
  compute_utf16_columns(front.diagnostics, result.source);
  result.diagnostics.reserve(front.diagnostics.size());
  for (const pygraft::Diagnostic& d : front.diagnostics) {
    result.diagnostics.push_back(detail::to_public(d, result.file));
  }
  if (front.module)
    result.module = std::make_shared<const CompiledModule>(std::move(*front.module));
  return result;
}

CompileResult compile_file(const std::string& path, const CompileOptions& options) {
  std::string source;
  if (std::optional<std::string> error = detail::read_whole_file(path, source)) {
    CompileResult result;
    result.file = path;
    result.io_error = std::move(error);
    return result;
  }
  return compile(source, path, options);
}

std::string_view version() {
  return PYGRAFT_VERSION;
}

}  // namespace pygraft::api
