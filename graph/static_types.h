// Static types: the exact type of every value of a function called with
// arguments of stated types, as CPython + NumPy would give it: a Python
// scalar kind (bool, int, float, with its value when it is a compile-time
// constant), an array's dtype and rank (and its dims where known), a tuple of
// such types, None, a str or a dtype constant.
//
// Where graph/value_types.h answers "what may this value hold for any
// arguments", this answers "what does it hold for these argument types", the
// question a typed target (an ONNX graph, a specialised plan) asks. It is
// path-sensitive on constants: a cond whose predicate is a compile-time
// constant (`if x.ndim == 1`, `if mode == "train"`) types only the region it
// takes. Calls are typed by typing the callee for the call's argument types.
//
// Requires: a verified Module. Guarantees: every value reached gets a type,
// or the analysis stops with a StaticTypeProblem naming the node and why
// (a loop-carried value whose dtype changes between iterations, branches
// yielding different types, an op whose result type depends on values).
// Ops the rules do not know give an Unknown type without a problem: the
// client decides whether it needs them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/dtype.h"
#include "graph/dtype_promotion.h"
#include "graph/ir.h"
#include "support/source_range.h"

namespace pygraft {

enum class StaticKind : uint8_t {
  Unknown,
  Unbound,  // a variable not assigned on any path yet (the IR's undef)
  None,
  Bool,
  Int,
  Float,
  Array,
  Tuple,
  Str,
  DType
};

// One dimension of an array: its size when known, else -1 and, for a
// signature's named dimension, its name ("T").
struct StaticDim {
  int64_t size = -1;
  std::string name;

  bool operator==(const StaticDim&) const = default;
};

struct StaticType {
  StaticKind kind = StaticKind::Unknown;
  // Array: its dtype. Python scalars: the default dtype of their kind (bool,
  // int64, float64), the dtype they have as 0-d tensors.
  DType dtype = DType::Float64;
  std::vector<StaticDim> dims;      // Array: one per axis
  std::vector<StaticType> items;    // Tuple: one per item
  std::optional<Literal> constant;  // None/Bool/Int/Float/Str/DType with a known value
  // Unbound on some path that reaches here (a loop that may run zero times,
  // a branch that does not assign it): a read of it may raise NameError.
  bool maybe_unbound = false;
  // A 0-d array that is a Python number of the same dtype on other paths
  // (`total = 0.0` before a loop that adds float64 elements): the values are
  // the same, only NumPy's promotion may differ, and the rules refuse the
  // ops where it does.
  bool weak_on_some_path = false;

  static StaticType unknown() { return {}; }
  static StaticType none();
  static StaticType python_bool(std::optional<bool> value = std::nullopt);
  static StaticType python_int(std::optional<int64_t> value = std::nullopt);
  static StaticType python_float(std::optional<double> value = std::nullopt);
  static StaticType array(DType dtype, std::vector<StaticDim> dims);
  static StaticType array_of_rank(DType dtype, int rank);
  static StaticType tuple(std::vector<StaticType> items);
  static StaticType of_literal(const Literal& literal);

  bool is_python_scalar() const {
    return kind == StaticKind::Bool || kind == StaticKind::Int || kind == StaticKind::Float;
  }
  bool is_array() const { return kind == StaticKind::Array; }
  // A Python scalar or an array: something an ONNX tensor holds.
  bool is_numeric() const { return is_python_scalar() || is_array(); }
  int rank() const { return static_cast<int>(dims.size()); }
  // As NumPy promotion sees it: Python scalars are weak.
  OperandType operand() const { return {dtype, is_python_scalar()}; }
  const Literal* constant_value() const { return constant ? &*constant : nullptr; }
  // The constant as an int (a Python int or bool constant), if it is one.
  std::optional<int64_t> constant_int() const;

  // Same kind, dtype, rank and tuple structure: what a target that fixes
  // element types and ranks needs to hold both in one value.
  bool same_layout(const StaticType& other) const;
  // same_layout, or a Python number and a 0-d array of its dtype (joined as
  // the array, weak_on_some_path), or one of them Unbound.
  bool joinable(const StaticType& other) const;
  // The type holding both (same_layout required, or one of them Unbound):
  // dims and constants that differ are forgotten.
  StaticType join(const StaticType& other) const;
  // "float64[T,3]", "int", "int = 3", "tuple(int, float32[?])", "None".
  std::string describe() const;

  bool operator==(const StaticType&) const = default;
};

enum class StaticProblemKind {
  LoopTypeChange,  // a loop-carried value's kind, dtype or rank changes
  BranchMismatch,  // the two branches of a cond yield different layouts
  ValueDependent,  // the result's type depends on values, not types
  Recursion,       // a call that reaches its own caller
  BadOperands,     // operands CPython/NumPy would refuse for these types
};

struct StaticTypeProblem {
  StaticProblemKind kind;
  SourceRange range;
  std::string message;
};

// The types of one function's values for one list of argument types.
class FunctionTypes {
 public:
  const StaticType& of(ValueId value) const { return types_.at(value); }
  // Set for a cond whose predicate is a compile-time constant: the region it
  // takes (0 then, 1 else).
  std::optional<int> taken_region(const Node& cond) const;
  const std::optional<StaticTypeProblem>& problem() const { return problem_; }

 private:
  friend class StaticTypeSolver;
  std::vector<StaticType> types_;
  std::map<const Node*, int> taken_;
  std::optional<StaticTypeProblem> problem_;
};

// Types functions of a module, one instance per (function, argument types),
// memoised: a callee is typed once per distinct signature it is called with.
class StaticTypeAnalysis {
 public:
  explicit StaticTypeAnalysis(const Module& module);
  ~StaticTypeAnalysis();
  StaticTypeAnalysis(const StaticTypeAnalysis&) = delete;
  StaticTypeAnalysis& operator=(const StaticTypeAnalysis&) = delete;

  // Missing trailing arguments take the parameters' defaults.
  const FunctionTypes& analyze(const Function& function, const std::vector<StaticType>& args);
  const Module& module() const { return module_; }

 private:
  struct Instance;
  const Module& module_;
  std::vector<std::unique_ptr<Instance>> instances_;
  std::vector<std::string> in_progress_;
};

// np.array(x)'s type for a number, an array or a (nested) tuple of them
// whose items have one rank; nullopt otherwise.
std::optional<StaticType> static_array_of(const StaticType& t);

// The result type of a non-structural node given its operands' types (the
// transfer function, graph/static_type_rules.cc). Unknown when the rules do
// not cover the op or the operands; a problem when the types are wrong.
struct StaticRuleResult {
  std::vector<StaticType> results;
  std::optional<std::string> value_dependent;  // why the type depends on values
};
StaticRuleResult static_result_types(const Node& node, const std::vector<StaticType>& operands);

}  // namespace pygraft
