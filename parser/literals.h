// Decoding of Python number and string literal tokens, independent of the
// tree: the text of one token in, a value or a reason out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pygraft::parser {

enum class LiteralStatus { Ok, TooLarge, Imaginary, Invalid };

struct IntLiteralValue {
  LiteralStatus status = LiteralStatus::Invalid;
  int64_t value = 0;
};

// `0x1F`, `0o17`, `0b101`, `1_000`. With `negated` the literal is the operand
// of a unary minus, so 9223372036854775808 still fits (as INT64_MIN).
IntLiteralValue parse_int_literal(std::string_view text, bool negated);

struct FloatLiteralValue {
  LiteralStatus status = LiteralStatus::Invalid;
  double value = 0.0;
};

// `1.5`, `1.`, `.5`, `1e-3`, `1_000.5`; too large a value is +inf as in Python.
FloatLiteralValue parse_float_literal(std::string_view text);

struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool formatted = false;  // f-strings (and t-strings)
};

// The letters before the opening quote of a string_start token (`rb'`).
StringPrefix parse_string_prefix(std::string_view string_start);

// The characters between the quotes with escape sequences resolved (unless
// raw) and CRLF line breaks normalised to '\n', as CPython reads them.
// `\N{...}` named escapes are kept verbatim.
std::string decode_string_body(std::string_view body, bool raw);

}  // namespace pygraft::parser
