// Queries over the op table declared in graph/ops.def.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/literal.h"

namespace pygraft {

enum class OpCode : uint16_t {
#define PG_OP(id, name, outputs, kernel, effects, spellings) id,
#include "graph/ops.def"
#undef PG_OP
};

inline constexpr int kNumOpCodes = 0
#define PG_OP(id, name, outputs, kernel, effects, spellings) +1
#include "graph/ops.def"
#undef PG_OP
    ;

// How Python source names an op (one '|'-separated item of the spellings column).
enum class SpellingKind {
  NumpyFunction,
  MathFunction,
  Builtin,
  Method,
  Attribute,
  BinaryOperator,
  UnaryOperator,
  Comparison
};

// Conversion applied to the op's result for this spelling (`-> array` ...).
enum class ResultConversion { None, ToArray, ToFloat, ToInt, ToBool };

struct ParamSpec {
  std::string name;
  std::optional<Literal> default_value;  // absent: required
  bool variadic = false;                 // `*name`
};

struct Spelling {
  SpellingKind kind;
  std::string name;               // "sum" for np.sum, "+" for op:+, "shape" for .shape
  std::vector<ParamSpec> params;  // as written in the table (empty for operators, attributes)
  ResultConversion conversion = ResultConversion::None;
};

// What running an op may do besides computing its results (the `effects`
// column of graph/ops.def).
enum class OpEffects : uint8_t {
  Pure,     // never raises: removable when its results are unused
  Raises,   // may raise a Python exception for some operands
  Effect,   // observable (print, assert, call): never removed
  Regions,  // cond / loop: as the nodes of its regions and its predicate
};

struct OpInfo {
  OpCode code;
  std::string_view name;  // IR / serialized name
  int num_outputs;        // -1: variadic (cond, loop)
  bool structural;        // run by the interpreter, no kernel
  OpEffects effects;
  std::vector<ParamSpec> params;  // canonical operand list (may be empty)
  std::vector<Spelling> spellings;
};

const OpInfo& op_info(OpCode code);
std::optional<OpCode> op_from_name(std::string_view ir_name);

// One way to reach an op from source.
struct SpellingMatch {
  const OpInfo* op;
  const Spelling* spelling;
};

// Finds the op a source spelling names, e.g. (NumpyFunction, "sum"),
// (Method, "reshape"), (BinaryOperator, "+"). nullopt when unknown.
std::optional<SpellingMatch> find_spelling(SpellingKind kind, std::string_view name);

// All names of a kind, for "did you mean" suggestions.
std::vector<std::string_view> spelled_names(SpellingKind kind);

}  // namespace pygraft
