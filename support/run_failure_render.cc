// Text, JSON and SARIF forms of run failures (see support/run_failure_render.h).
#include "support/run_failure_render.h"

#include "support/render_detail.h"

namespace pygraft {
namespace {

using render_detail::kBold;
using render_detail::kCyan;
using render_detail::kRed;
using render_detail::kReset;
using render_detail::OrderedJson;

std::string location(std::string_view file, const SourceRange& range) {
  std::string out(file);
  if (range.valid()) out += ':' + std::to_string(range.line) + ':' + std::to_string(range.column);
  return out + ':';
}

// "IndexError: index 3 is out of bounds ...", "AssertionError" (no message),
// or the message alone when no Python exception is named.
std::string exception_and_message(const RunFailure& failure) {
  if (failure.exception.empty()) return failure.message;
  if (failure.message.empty()) return failure.exception;
  return failure.exception + ": " + failure.message;
}

std::string header(std::string_view where, std::string_view label, std::string_view color,
                   const std::string& text, bool use_color) {
  std::string out;
  if (!use_color) return out.append(where).append(" ").append(label).append(" ") + text + '\n';
  out.append(kBold).append(where).append(" ").append(kReset);
  out.append(kBold).append(color).append(label).append(kReset);
  out.append(kBold).append(" ").append(text).append(kReset).append("\n");
  return out;
}

bool same_frame(const StackEntry& a, const StackEntry& b) {
  return a.function == b.function && a.range == b.range;
}

const SourceRange& failing_range(const RunFailure& failure) {
  static const SourceRange kNone{};
  return failure.stack.empty() ? kNone : failure.stack.front().range;
}

// The message as compile diagnostics would carry it: with the exception.
Diagnostic as_diagnostic(const RunFailure& failure) {
  return Diagnostic{failure.code, Severity::Error, failing_range(failure),
                    exception_and_message(failure)};
}

OrderedJson exception_json(const RunFailure& failure) {
  if (failure.exception.empty()) return nullptr;
  return failure.exception;
}

}  // namespace

std::string render_run_failure_text(const RunFailure& failure, std::string_view file,
                                    std::string_view source, const TextRenderOptions& options) {
  const SourceRange& range = failing_range(failure);
  std::string_view label = failure.code == DiagCode::RunInputError ? "error:" : "runtime error:";
  std::string out =
      header(location(file, range), label, kRed, exception_and_message(failure), options.color);
  out += render_detail::source_snippet(source, range, options);
  const std::vector<StackEntry>& stack = failure.stack;
  for (size_t i = 1; i < stack.size();) {
    // Note: a run of identical calls (recursion in a hand-made graph) prints
    // once with its count, as Python's traceback does.
    size_t same = 1;
    while (i + same < stack.size() && same_frame(stack[i + same], stack[i])) ++same;
    const SourceRange& call = stack[i].range;
    out += header(location(file, call), "note:", kCyan, "called from here", options.color);
    out += render_detail::source_snippet(source, call, options);
    if (same > 1)
      out += "  [the call above repeated " + std::to_string(same - 1) + " more times]\n";
    i += same;
  }
  return out;
}

std::string render_run_failure_json(const RunFailure& failure, std::string_view file) {
  OrderedJson object = render_detail::diagnostic_json(as_diagnostic(failure), file);
  object["exception"] = exception_json(failure);
  OrderedJson stack = OrderedJson::array();
  for (const StackEntry& entry : failure.stack) {
    stack.push_back({{"function", entry.function},
                     {"file", file},
                     {"line", entry.range.line},
                     {"column", entry.range.column}});
  }
  object["call_stack"] = std::move(stack);
  return render_detail::dump(OrderedJson::array({std::move(object)}));
}

std::string render_run_failure_sarif(const RunFailure& failure, std::string_view file,
                                     std::string_view tool_version) {
  OrderedJson result = render_detail::sarif_result(as_diagnostic(failure), file);
  if (!failure.stack.empty()) {
    OrderedJson frames = OrderedJson::array();
    for (const StackEntry& entry : failure.stack) {
      OrderedJson frame_location = {
          {"physicalLocation", render_detail::sarif_physical_location(file, entry.range, {})},
          {"logicalLocations",
           OrderedJson::array({{{"name", entry.function}, {"kind", "function"}}})}};
      frames.push_back({{"location", std::move(frame_location)}});
    }
    result["stacks"] = OrderedJson::array(
        {{{"message", {{"text", "call stack, innermost first"}}}, {"frames", std::move(frames)}}});
  }
  result["properties"] = {{"exception", exception_json(failure)}};
  return render_detail::sarif_log(OrderedJson::array({std::move(result)}), tool_version);
}

}  // namespace pygraft
