#include "parser/source_check.h"

#include <cstdint>
#include <string>

namespace pygraft::parser {

namespace {

// Tree-sitter stores byte offsets in 32 bits.
constexpr size_t kMaxSourceBytes = size_t{1} << 30;

struct SequenceShape {
  size_t length;
  uint32_t min_code_point;
  uint32_t initial_bits;
};

// The length implied by a lead byte; length 0 for an invalid lead byte.
SequenceShape shape_of(unsigned char lead) {
  if (lead < 0x80) return {1, 0, lead};
  if ((lead & 0xE0) == 0xC0) return {2, 0x80, lead & 0x1Fu};
  if ((lead & 0xF0) == 0xE0) return {3, 0x800, lead & 0x0Fu};
  if ((lead & 0xF8) == 0xF0) return {4, 0x10000, lead & 0x07u};
  return {0, 0, 0};
}

bool valid_sequence_at(std::string_view source, size_t i, size_t& length) {
  SequenceShape shape = shape_of(static_cast<unsigned char>(source[i]));
  length = shape.length;
  if (length == 0 || i + length > source.size()) return false;
  uint32_t code_point = shape.initial_bits;
  for (size_t k = 1; k < length; ++k) {
    auto byte = static_cast<unsigned char>(source[i + k]);
    if ((byte & 0xC0) != 0x80) return false;
    code_point = (code_point << 6) | (byte & 0x3Fu);
  }
  bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  return code_point >= shape.min_code_point && code_point <= 0x10FFFF && !surrogate;
}

SourceRange point_at(std::string_view source, size_t offset) {
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  auto column = static_cast<uint32_t>(offset - line_start + 1);
  return SourceRange{line, column, line, column + 1};
}

// Note: tree-sitter-python's scanner counts each indentation width in 16
// bits, so wider indentation would be silently misread. Widths are counted
// as the scanner counts them (a tab is 8 columns). CPython's own limit is on
// the number of levels (parser/layout_check.h), far below this in practice.
constexpr uint32_t kMaxIndentColumns = 65535;

// Offset of the first line whose indentation is wider than the scanner can
// hold (blank and comment-only lines are ignored), or npos.
size_t first_overindented_line(std::string_view source) {
  size_t line_start = 0;
  while (line_start < source.size()) {
    uint32_t width = 0;
    size_t i = line_start;
    for (; i < source.size() && (source[i] == ' ' || source[i] == '\t'); ++i) {
      width += source[i] == '\t' ? 8 : 1;
    }
    bool blank = i == source.size() || source[i] == '\n' || source[i] == '\r' || source[i] == '#';
    if (width > kMaxIndentColumns && !blank) return line_start;
    size_t newline = source.find('\n', i);
    if (newline == std::string_view::npos) break;
    line_start = newline + 1;
  }
  return std::string_view::npos;
}

}  // namespace

size_t first_invalid_utf8(std::string_view source) {
  size_t i = 0;
  while (i < source.size()) {
    size_t length = 0;
    if (!valid_sequence_at(source, i, length)) return i;
    i += length;
  }
  return source.size();
}

bool check_source(std::string_view source, DiagnosticSink& sink) {
  if (source.size() >= kMaxSourceBytes) {
    sink.report(
        DiagCode::SyntaxError, SourceRange{1, 1, 1, 1},
        "the file is too large (" + std::to_string(source.size()) + " bytes); the limit is 1 GiB");
    return false;
  }
  bool ok = true;
  size_t invalid = first_invalid_utf8(source);
  if (invalid < source.size()) {
    sink.report(DiagCode::InvalidUtf8, point_at(source, invalid),
                "the file is not valid UTF-8 (invalid byte sequence here); save it as UTF-8");
    ok = false;
  }
  size_t nul = source.find('\0');
  if (nul != std::string_view::npos) {
    sink.report(DiagCode::NulByte, point_at(source, nul),
                "the file contains a NUL byte; remove it (source files are text)");
    ok = false;
  }
  size_t deep = ok ? first_overindented_line(source) : std::string_view::npos;
  if (deep != std::string_view::npos) {
    sink.report(DiagCode::NestingTooDeep, point_at(source, deep),
                "this line is indented more than " + std::to_string(kMaxIndentColumns) +
                    " columns; indent each block by a few spaces");
    ok = false;
  }
  return ok;
}

}  // namespace pygraft::parser
