#include "transform/constant_eval.h"

#include <cmath>
#include <limits>
#include <numbers>

#include "transform/fold.h"

namespace pygraft::transform {

namespace {

class ConstantEvaluator {
 public:
  explicit ConstantEvaluator(const ModuleScope& scope) : scope_(scope) {}

  std::optional<Literal> eval(const ast::Expr& expr) {
    return std::visit([&](const auto& node) { return eval_kind(expr, node); }, expr.kind);
  }

  ConstantResult result(std::optional<Literal> value) {
    return ConstantResult{std::move(value), error_range_, error_, error_code_};
  }

 private:
  std::optional<Literal> fail(const ast::Expr& expr, std::string message,
                              DiagCode code = DiagCode::NotAConstant) {
    if (error_.empty()) {
      error_range_ = expr.range;
      error_ = std::move(message);
      error_code_ = code;
    }
    return std::nullopt;
  }

  std::optional<Literal> overflow(const ast::Expr& expr, std::string message) {
    return fail(expr, std::move(message), DiagCode::IntegerOverflow);
  }

  std::optional<Literal> eval_kind(const ast::Expr&, const ast::IntLiteral& n) {
    return Literal(n.value);
  }
  std::optional<Literal> eval_kind(const ast::Expr&, const ast::FloatLiteral& n) {
    return Literal(n.value);
  }
  std::optional<Literal> eval_kind(const ast::Expr&, const ast::BoolLiteral& n) {
    return Literal(n.value);
  }
  std::optional<Literal> eval_kind(const ast::Expr&, const ast::NoneLiteral&) { return Literal(); }

  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::Name& name) {
    if (const Literal* value = scope_.constant(name.id)) return *value;
    return fail(expr, "'" + name.id + "' is not a constant defined above");
  }

  std::optional<Literal> eval_kind(const ast::Expr&, const ast::TupleExpr& tuple) {
    LiteralTuple items;
    for (const ast::ExprPtr& element : tuple.elements) {
      std::optional<Literal> item = eval(*element);
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
    }
    return Literal(std::move(items));
  }

  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::UnaryExpr& unary) {
    std::optional<Literal> operand = eval(*unary.operand);
    if (!operand) return std::nullopt;
    std::string overflowed;
    std::optional<Literal> value = fold_unary(unary.op, *operand, &overflowed);
    if (!overflowed.empty()) return overflow(expr, std::move(overflowed));
    if (!value) return fail(expr, "the operator cannot be applied to this constant");
    return value;
  }

  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::BinaryExpr& binary) {
    std::optional<Literal> lhs = eval(*binary.lhs);
    std::optional<Literal> rhs = lhs ? eval(*binary.rhs) : std::nullopt;
    if (!rhs) return std::nullopt;
    std::string overflowed;
    std::optional<Literal> value = fold_binary(binary.op, *lhs, *rhs, &overflowed);
    if (!overflowed.empty()) return overflow(expr, std::move(overflowed));
    if (!value)
      return fail(expr, "CPython raises an exception for this operation on these constants");
    return value;
  }

  // a < b < c: Python's chain, stopping at the first False.
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::CompareExpr& compare) {
    std::optional<Literal> lhs = eval(*compare.left);
    if (!lhs) return std::nullopt;
    for (size_t i = 0; i < compare.ops.size(); ++i) {
      std::optional<Literal> rhs = eval(*compare.comparators[i]);
      if (!rhs) return std::nullopt;
      std::optional<Literal> result = fold_compare(compare.ops[i], *lhs, *rhs);
      if (!result) return fail(expr, "these constants cannot be compared");
      if (!result->as<bool>() || i + 1 == compare.ops.size()) return result;
      lhs = std::move(rhs);
    }
    return std::nullopt;
  }

  // a and b / a or b: the first operand that decides, as Python returns it.
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::BoolOpExpr& boolop) {
    std::optional<Literal> value;
    for (const ast::ExprPtr& operand : boolop.values) {
      value = eval(*operand);
      if (!value) return std::nullopt;
      std::optional<bool> truth = fold_truth(*value);
      if (!truth) return fail(expr, "this constant has no truth value");
      if (*truth == (boolop.op == ast::BoolOp::Or)) return value;
    }
    return value;
  }

  std::optional<Literal> eval_kind(const ast::Expr&, const ast::IfExpr& if_expr) {
    std::optional<Literal> test = eval(*if_expr.test);
    if (!test) return std::nullopt;
    std::optional<bool> truth = fold_truth(*test);
    return eval(truth.value_or(true) ? *if_expr.body : *if_expr.orelse);
  }

  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::AttributeExpr& attr) {
    const auto* base = std::get_if<ast::Name>(&attr.value->kind);
    std::optional<ImportedModule> module = base ? scope_.import_of(base->id) : std::nullopt;
    if (!module) return fail(expr, "only numpy and math constants can be used here");
    std::optional<Literal> value = module_attribute(*module, attr.attr);
    if (!value) {
      return fail(expr, "'" + base->id + "." + attr.attr + "' is not a supported constant");
    }
    return value;
  }

  std::optional<Literal> eval_kind(const ast::Expr&, const ast::StringLiteral& text) {
    return Literal(text.value);
  }

  // Lists and dicts are mutable: a constant shared by every call cannot be one.
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::ListExpr&) {
    return fail(expr,
                "a list is mutable, so it cannot be a constant; use a tuple, or build the list "
                "inside the function",
                DiagCode::UnsupportedList);
  }
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::DictExpr&) {
    return fail(expr,
                "a dict is mutable, so it cannot be a constant; build it inside the function "
                "that uses it, or pass it as a parameter",
                DiagCode::UnsupportedDict);
  }
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::ListComp&) {
    return fail(expr, "a comprehension builds a list, which cannot be a constant",
                DiagCode::UnsupportedListComprehension);
  }
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::DictComp&) {
    return fail(expr, "a comprehension builds a dict, which cannot be a constant",
                DiagCode::UnsupportedDictComprehension);
  }
  std::optional<Literal> eval_kind(const ast::Expr& expr, const ast::Lambda&) {
    return fail(expr, "a lambda is only supported inside a function; define this one with def",
                DiagCode::UnsupportedLambda);
  }

  template <class Other>
  std::optional<Literal> eval_kind(const ast::Expr& expr, const Other&) {
    return fail(expr, "this expression is not a compile-time constant");
  }

  const ModuleScope& scope_;
  SourceRange error_range_;
  DiagCode error_code_ = DiagCode::NotAConstant;
  std::string error_;
};

}  // namespace

ConstantResult evaluate_constant(const ast::Expr& expr, const ModuleScope& scope) {
  ConstantEvaluator evaluator(scope);
  std::optional<Literal> value = evaluator.eval(expr);
  return evaluator.result(std::move(value));
}

std::optional<Literal> module_attribute(ImportedModule module, std::string_view name) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (name == "pi") return Literal(std::numbers::pi);
  if (name == "e") return Literal(std::numbers::e);
  if (name == "inf") return Literal(inf);
  if (name == "nan") return Literal(nan);
  if (module == ImportedModule::Math) {
    if (name == "tau") return Literal(2 * std::numbers::pi);
    return std::nullopt;
  }
  if (name == "newaxis") return Literal();
  if (std::optional<DType> dtype = numpy_dtype_name(name)) return Literal(*dtype);
  return std::nullopt;
}

std::optional<DType> numpy_dtype_name(std::string_view name) {
  if (name == "bool_" || name == "bool") return DType::Bool;
  if (name == "half") return DType::Float16;
  if (name == "single") return DType::Float32;
  if (name == "double") return DType::Float64;
  if (name == "byte") return DType::Int8;
  if (name == "ubyte") return DType::UInt8;
  if (name == "short") return DType::Int16;
  if (name == "ushort") return DType::UInt16;
  if (name == "intc") return DType::Int32;
  if (name == "uintc") return DType::UInt32;
  if (name == "int_" || name == "intp" || name == "longlong") return DType::Int64;
  if (name == "uint" || name == "uintp" || name == "ulonglong") return DType::UInt64;
  return dtype_from_name(name);
}

std::optional<DType> dtype_from_python_name(std::string_view name) {
  if (name == "float") return DType::Float64;
  if (name == "int") return DType::Int64;
  return numpy_dtype_name(name);
}

std::string_view module_display_name(ImportedModule module) {
  return module == ImportedModule::Numpy ? "numpy" : "math";
}

}  // namespace pygraft::transform
