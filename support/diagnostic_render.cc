// Text, JSON and SARIF forms of diagnostics (see support/diagnostic_render.h).
#include "support/diagnostic_render.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

#include "support/render_detail.h"

namespace pygraft {
namespace {

using render_detail::kBold;
using render_detail::kCyan;
using render_detail::kGreen;
using render_detail::kMagenta;
using render_detail::kRed;
using render_detail::kReset;
using render_detail::OrderedJson;

constexpr std::string_view kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

// Line `line` (1-based) of `source` without its line terminator.
std::optional<std::string_view> source_line(std::string_view source, uint32_t line) {
  if (line == 0) return std::nullopt;
  size_t start = 0;
  for (uint32_t i = 1; i < line; ++i) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return std::nullopt;
    start = newline + 1;
  }
  if (start > source.size()) return std::nullopt;
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return kRed;
    case Severity::Warning:
      return kMagenta;
    case Severity::Note:
      return kCyan;
  }
  return kRed;
}

std::string location_prefix(const Diagnostic& d, std::string_view file) {
  std::string out(file);
  if (d.range.valid()) {
    out += ':' + std::to_string(d.range.line) + ':' + std::to_string(d.range.column);
  }
  return out + ':';
}

std::string header_line(const Diagnostic& d, std::string_view file, bool color) {
  std::string label = std::string(severity_name(d.severity)) + '[' + std::string(d.code()) + "]:";
  std::string location = location_prefix(d, file);
  if (!color) return location + ' ' + label + ' ' + d.message + '\n';
  std::string out;
  out.append(kBold).append(location).append(" ").append(kReset);
  out.append(kBold).append(severity_color(d.severity)).append(label).append(kReset);
  out.append(kBold).append(" ").append(d.message).append(kReset).append("\n");
  return out;
}

bool is_utf8_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string to_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool plain = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

OrderedJson sarif_rules() {
  OrderedJson rules = OrderedJson::array();
  for (const DiagCodeInfo& info : all_diag_codes()) {
    std::string description(info.title);
    std::replace(description.begin(), description.end(), '-', ' ');
    rules.push_back({{"id", info.code},
                     {"name", info.title},
                     {"shortDescription", {{"text", description}}},
                     {"help", {{"text", info.help}}},
                     {"defaultConfiguration", {{"level", sarif_level(info.default_severity)}}}});
  }
  return rules;
}

}  // namespace

namespace render_detail {

OrderedJson sarif_physical_location(std::string_view file, const SourceRange& r,
                                    Utf16Columns utf16) {
  OrderedJson physical = {{"artifactLocation", {{"uri", to_uri(file)}}}};
  if (r.valid()) {
    // Note: SARIF columns count UTF-16 code units unless the run says
    // otherwise; the byte columns stand in when those were not computed.
    uint32_t start = utf16.column != 0 ? utf16.column : r.column;
    uint32_t end = utf16.end_column != 0 ? utf16.end_column : r.end_column;
    physical["region"] = {{"startLine", r.line},
                          {"startColumn", std::max<uint32_t>(start, 1)},
                          {"endLine", std::max(r.end_line, r.line)},
                          {"endColumn", std::max<uint32_t>(end, 1)}};
  }
  return physical;
}

OrderedJson sarif_result(const Diagnostic& d, std::string_view file) {
  OrderedJson physical = sarif_physical_location(file, d.range, d.utf16);
  return {{"ruleId", d.code()},
          {"ruleIndex", static_cast<size_t>(d.id)},
          {"level", sarif_level(d.severity)},
          {"message", {{"text", d.message}}},
          {"locations", OrderedJson::array({{{"physicalLocation", physical}}})}};
}

std::string sarif_log(OrderedJson results, std::string_view tool_version) {
  OrderedJson driver = {{"name", "pygraft"}, {"version", tool_version}, {"rules", sarif_rules()}};
  OrderedJson run = {{"tool", {{"driver", driver}}}, {"results", std::move(results)}};
  OrderedJson log = {
      {"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", OrderedJson::array({run})}};
  return dump(log);
}

OrderedJson diagnostic_json(const Diagnostic& d, std::string_view file) {
  return {{"file", file},
          {"line", d.range.line},
          {"column", d.range.column},
          {"end_line", d.range.end_line},
          {"end_column", d.range.end_column},
          {"severity", severity_name(d.severity)},
          {"code", d.code()},
          {"message", d.message}};
}

// nlohmann throws on invalid UTF-8 by default; replace it so that a message
// quoting bad source bytes still renders.
std::string dump(const OrderedJson& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

std::string source_snippet(std::string_view source, const SourceRange& range,
                           const TextRenderOptions& options) {
  std::optional<std::string_view> line = source_line(source, range.line);
  if (!line) return {};
  // Multi-line ranges are clipped to the end of their first line.
  uint32_t end_column =
      range.end_line == range.line ? range.end_column : static_cast<uint32_t>(line->size() + 1);
  std::string display_line;
  std::string caret = caret_line(*line, range.column, end_column, options.tab_width, display_line);
  std::string out = display_line + '\n';
  if (options.color) {
    out.append(kGreen).append(kBold).append(caret).append(kReset).append("\n");
  } else {
    out += caret + '\n';
  }
  return out;
}

}  // namespace render_detail

std::string caret_line(std::string_view line_text, uint32_t column, uint32_t end_column,
                       int tab_width, std::string& display_line) {
  tab_width = std::max(tab_width, 1);
  size_t start_byte = column == 0 ? 0 : column - 1;
  size_t end_byte = end_column == 0 ? 0 : end_column - 1;
  size_t start_display = std::string_view::npos;
  size_t end_display = std::string_view::npos;
  display_line.clear();
  size_t display = 0;
  for (size_t i = 0; i < line_text.size(); ++i) {
    if (i == start_byte) start_display = display;
    if (i == end_byte) end_display = display;
    auto c = static_cast<unsigned char>(line_text[i]);
    if (c == '\t') {
      size_t width = tab_width - display % tab_width;
      display_line.append(width, ' ');
      display += width;
    } else if (is_utf8_continuation(c)) {
      display_line += static_cast<char>(c);
    } else {
      display_line += (c < 0x20 || c == 0x7F) ? ' ' : static_cast<char>(c);
      display += 1;
    }
  }
  if (start_display == std::string_view::npos) start_display = display;
  if (end_display == std::string_view::npos) end_display = display;
  size_t tildes = end_display > start_display + 1 ? end_display - start_display - 1 : 0;
  return std::string(start_display, ' ') + '^' + std::string(tildes, '~');
}

std::string render_diagnostic_text(const Diagnostic& d, std::string_view file,
                                   std::string_view source, const TextRenderOptions& options) {
  return header_line(d, file, options.color) +
         render_detail::source_snippet(source, d.range, options);
}

std::string render_diagnostics_text(const std::vector<Diagnostic>& diagnostics,
                                    std::string_view file, std::string_view source,
                                    const TextRenderOptions& options) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += render_diagnostic_text(d, file, source, options);
  return out;
}

std::string render_diagnostics_json(const std::vector<Diagnostic>& diagnostics,
                                    std::string_view file) {
  OrderedJson array = OrderedJson::array();
  for (const Diagnostic& d : diagnostics) array.push_back(render_detail::diagnostic_json(d, file));
  return render_detail::dump(array);
}

std::string render_diagnostics_sarif(const std::vector<Diagnostic>& diagnostics,
                                     std::string_view file, std::string_view tool_version) {
  OrderedJson results = OrderedJson::array();
  for (const Diagnostic& d : diagnostics) results.push_back(render_detail::sarif_result(d, file));
  return render_detail::sarif_log(std::move(results), tool_version);
}

}  // namespace pygraft
