// The argument types of an exported function, as the user states them:
//
//   rnn(float32[T,H], float32[H,H], int)
//
// `int`, `float`, `bool` are Python numbers (rank-0 tensors of int64,
// float64, bool, weak in NumPy promotion); so are the bare names `int64`,
// `float64`; any other bare dtype name (`float32`) is a NumPy scalar. A
// dtype with brackets is an array: each dim a size (`3`), a name (`T`, the
// same symbolic dim wherever it appears) or `?` (unknown); `float32[]` is
// a 0-d array. A string literal ("relu") or None is compiled in as that
// constant (no graph input); `dict`, `list`, `str`, `tuple` parse, as Unknown
// types whose constant names them, for the exporter to refuse precisely.
// Fewer types than parameters leave the rest their defaults.
// The name may be left out, "(float32[T], int)": the caller's entry then.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/static_types.h"

namespace pygraft::onnx_export {

struct Signature {
  std::string function;
  std::vector<StaticType> args;
};

// The signature, or a message saying what is wrong and where.
std::variant<Signature, std::string> parse_signature(std::string_view text);

// The signature's text for `args` (the inverse of parse_signature).
std::string signature_text(const std::string& function, const std::vector<StaticType>& args);

}  // namespace pygraft::onnx_export
