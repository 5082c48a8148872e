// Building strings as Python does, for exception messages and print():
// `fmt % args` (printf-style), `fmt.format(*args)` (the format mini-language
// for positional fields) and `+` / `*` on strings. Numbers are NumPy's or
// Python's (a NumPy scalar formats as the Python number it converts to);
// %s / {} give str(), %r / {!r} repr(), as runtime/format.h prints them.
//
// Errors are Python's: TypeError for a wrong number of arguments or a
// number conversion of a non-number, ValueError for a malformed format,
// each with CPython's message.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "runtime/value.h"

namespace pygraft::rt {

// fmt % args: a tuple gives one argument per item, anything else is one.
std::string percent_format(const std::string& fmt, const Value& args);

// fmt.format(*args) with auto-numbered ({}) or numbered ({0}) fields, a
// conversion (!s, !r) and a format spec ({:>8.3f}); named fields and
// attribute or item lookups ({x.y}, {0[1]}) are refused (ValueError).
std::string brace_format(const std::string& fmt, std::span<const Value> args);

// a + b, a * n, n * a, a % b where a string is involved; nullopt when
// neither operand is a string (the numeric kernels take those).
// `op` is Python's symbol ("+", "//", ...).
std::optional<Value> string_binary(std::string_view op, const Value& a, const Value& b);

}  // namespace pygraft::rt
