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
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) id,
#include "graph/ops.def"
#undef PG_OP
};

inline constexpr int kNumOpCodes = 0
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) +1
#include "graph/ops.def"
#undef PG_OP
    ;

// NumPy's ufuncs of one operand that have float loops only (np.exp, np.sqrt,
// np.tanh, ...): a float result for any operand.
constexpr bool is_float_unary_ufunc(OpCode op) {
  switch (op) {
    case OpCode::Exp:
    case OpCode::Expm1:
    case OpCode::Log:
    case OpCode::Log1p:
    case OpCode::Log2:
    case OpCode::Log10:
    case OpCode::Sqrt:
    case OpCode::Tanh:
    case OpCode::Sinh:
    case OpCode::Cosh:
    case OpCode::Sin:
    case OpCode::Cos:
    case OpCode::Tan:
    case OpCode::Arcsin:
    case OpCode::Arccos:
    case OpCode::Arctan:
    case OpCode::Erf:
      return true;
    default:
      return false;
  }
}

// Python's and NumPy's binary arithmetic and bitwise operators.
constexpr bool is_binary_arithmetic(OpCode op) {
  switch (op) {
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::TrueDiv:
    case OpCode::FloorDiv:
    case OpCode::Mod:
    case OpCode::Pow:
    case OpCode::BitAnd:
    case OpCode::BitOr:
    case OpCode::BitXor:
    case OpCode::LShift:
    case OpCode::RShift:
      return true;
    default:
      return false;
  }
}

// == != < <= > >=.
constexpr bool is_comparison(OpCode op) {
  switch (op) {
    case OpCode::Eq:
    case OpCode::Ne:
    case OpCode::Lt:
    case OpCode::Le:
    case OpCode::Gt:
    case OpCode::Ge:
      return true;
    default:
      return false;
  }
}

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

// How the op treats Python-scalar operands (bool, int, float) when reached
// through this spelling. Derived from the spelling's kind and conversion when
// the table is built (graph/spelling_parser.cc); the lowering applies it
// (transform/lower_op_call.cc), so kernels never look at spellings: their
// Python-scalar path is Python's (operators, builtins, math), and NumPy
// spellings reach them with arrays.
enum class ScalarRules {
  // Operators and builtins: Python's rules (int / int is a float, 1 / 0 and
  // 2 ** -1 follow Python, ints are checked for int64 overflow).
  Python,
  // A NumPy ufunc (`np.NAME(...) -> array`): Python scalars are weak (NEP 50)
  // next to an array; a call on Python scalars alone computes on 0-d arrays
  // of their default dtypes (np.mod(5, 0) is 0, np.negative(True) raises).
  NumpyUfunc,
  // Any other NumPy function: arguments pass through np.asarray, so Python
  // scalars are strong default-dtype arrays (np.outer(0.75, float32_x) is
  // float64). The kernels do this themselves.
  NumpyAsArray,
  // `math.NAME(...)`: arguments are converted with float() (except by the
  // integer-valued floor/ceil/trunc, `-> int`, which keep ints exact) and
  // Python's math rules apply (math domain error, math range error).
  Math,
  // `.NAME(...)` / `.NAME`: the receiver must be an ndarray; a Python scalar
  // or tuple has no such attribute (AttributeError).
  ArrayMethod,
};

struct Spelling {
  SpellingKind kind;
  std::string name;               // "sum" for np.sum, "+" for op:+, "shape" for .shape
  std::vector<ParamSpec> params;  // as written in the table (empty for operators, attributes)
  ResultConversion conversion = ResultConversion::None;
  ScalarRules rules = ScalarRules::Python;
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
// The op as the user writes it, by its first spelling: np.NAME, math.NAME,
// NAME(), .NAME(), .NAME or the operator itself; "" for ops no spelling
// reaches (statements, ops the lowering makes).
std::string spelled_name(OpCode code);
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
