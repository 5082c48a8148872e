// Public diagnostics: conversion from and to the front end's, and rendering
// through support/diagnostic_render.h (see include/pygraft/compiler.h).
#include <nlohmann/json.hpp>

#include "api/compiled_module.h"
#include "support/diagnostic_render.h"

namespace pygraft::api {
namespace detail {

pygraft::Severity internal_severity(Severity severity) {
  switch (severity) {
    case Severity::Warning:
      return pygraft::Severity::Warning;
    case Severity::Note:
      return pygraft::Severity::Note;
    case Severity::Error:
      break;
  }
  return pygraft::Severity::Error;
}

Severity public_severity(pygraft::Severity severity) {
  switch (severity) {
    case pygraft::Severity::Warning:
      return Severity::Warning;
    case pygraft::Severity::Note:
      return Severity::Note;
    case pygraft::Severity::Error:
      break;
  }
  return Severity::Error;
}

static DiagCode code_from_text(std::string_view code) {
  for (const DiagCodeInfo& info : all_diag_codes()) {
    if (info.code == code) return info.id;
  }
  return DiagCode::InternalError;
}

api::Diagnostic to_public(const pygraft::Diagnostic& d, std::string_view file) {
  return {std::string(d.code()), public_severity(d.severity),
          std::string(file),     d.range.line,
          d.range.column,        d.range.end_line,
          d.range.end_column,    d.message,
          d.utf16.column,        d.utf16.end_column};
}

pygraft::Diagnostic to_internal(const api::Diagnostic& d) {
  return {code_from_text(d.code), internal_severity(d.severity),
          SourceRange{d.line, d.column, d.end_line, d.end_column}, d.message,
          Utf16Columns{d.column_utf16, d.end_column_utf16}};
}

}  // namespace detail

namespace {

using OrderedJson = nlohmann::ordered_json;

// Consecutive diagnostics of one file, converted, with that file's name.
struct FileGroup {
  std::string file;
  std::vector<pygraft::Diagnostic> diagnostics;
};

std::vector<FileGroup> group_by_file(const std::vector<Diagnostic>& diagnostics) {
  std::vector<FileGroup> groups;
  for (const Diagnostic& d : diagnostics) {
    if (groups.empty() || groups.back().file != d.file) groups.push_back({d.file, {}});
    groups.back().diagnostics.push_back(detail::to_internal(d));
  }
  if (groups.empty()) groups.push_back({});
  return groups;
}

// The same layout as support/diagnostic_render.cc writes.
std::string dump(const OrderedJson& json) {
  return json.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + '\n';
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, std::string_view source,
                        const TextStyle& style) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += render_diagnostic_text(detail::to_internal(d), d.file, source, {.color = style.color});
  }
  return out;
}

// Note: several files render group by group and the arrays are joined, so
// one file's output is exactly what the front end's renderer writes.
std::string render_json(const std::vector<Diagnostic>& diagnostics) {
  std::vector<FileGroup> groups = group_by_file(diagnostics);
  if (groups.size() == 1) return render_diagnostics_json(groups[0].diagnostics, groups[0].file);
  OrderedJson all = OrderedJson::array();
  for (const FileGroup& group : groups) {
    for (auto& item : OrderedJson::parse(render_diagnostics_json(group.diagnostics, group.file)))
      all.push_back(std::move(item));
  }
  return dump(all);
}

std::string render_sarif(const std::vector<Diagnostic>& diagnostics,
                         std::string_view tool_version) {
  std::vector<FileGroup> groups = group_by_file(diagnostics);
  auto render = [&](const FileGroup& group) {
    return render_diagnostics_sarif(group.diagnostics, group.file, tool_version);
  };
  if (groups.size() == 1) return render(groups[0]);
  OrderedJson log = OrderedJson::parse(render(groups[0]));
  OrderedJson& results = log["runs"][0]["results"];
  for (size_t i = 1; i < groups.size(); ++i) {
    for (auto& item : OrderedJson::parse(render(groups[i]))["runs"][0]["results"])
      results.push_back(std::move(item));
  }
  return dump(log);
}

std::string_view severity_name(Severity severity) {
  return pygraft::severity_name(detail::internal_severity(severity));
}

}  // namespace pygraft::api
