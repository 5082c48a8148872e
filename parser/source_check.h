// Checks the raw bytes of a source file before parsing: it must be valid
// UTF-8 without NUL bytes, and small enough for tree-sitter's 32-bit offsets.
#pragma once

#include <string_view>

#include "support/diagnostic.h"

namespace pygraft::parser {

// Reports the first invalid UTF-8 sequence (PG0002) and the first NUL byte
// (PG0003) at their line and column, or else a line indented deeper than
// tree-sitter's scanner can count (PG0005); true when the source can
// be parsed.
bool check_source(std::string_view source, DiagnosticSink& sink);

// Offset of the first byte that does not start a valid UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF are invalid), or
// source.size() when the whole text is valid.
size_t first_invalid_utf8(std::string_view source);

}  // namespace pygraft::parser
