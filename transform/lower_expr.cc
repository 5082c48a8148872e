// Expressions: names, literals, tuples and operators. Operators on constants
// are folded (transform/fold.h), so conditions known at compile time stay
// known for the short-circuit lowering.
#include <algorithm>

#include "parser/ast_operators.h"
#include "transform/constant_eval.h"
#include "transform/fold.h"
#include "transform/function_lowerer.h"
#include "transform/suggest.h"

namespace pygraft::transform {

ValueId FunctionLowerer::lower_expr(const ast::Expr& expr) {
  return std::visit([&](const auto& node) { return lower_kind(expr, node); }, expr.kind);
}

// Locals first (a name assigned anywhere in the function is local
// everywhere in it: reading it before the assignment is UnboundLocalError,
// raised by an undef node at run time), then module-level names.
// A read of a local that may be unbound is checked where it happens (a
// check_bound node), so UnboundLocalError names this line even when the
// value is only assigned on (`y = z`) or returned.
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::Name& name) {
  std::optional<ValueId> value = env_.lookup(name.id);
  if (!value && !env_.is_local(name.id)) return lower_global_name(expr, name.id);
  if (!value) {
    value = builder_.emit(OpCode::Undef, {}, expr.range, {Attribute{"name", Literal(name.id)}});
  }
  if (builder_.maybe_unbound(*value))
    builder_.emit_effect(OpCode::CheckBound, {*value}, expr.range);
  return *value;
}

bool FunctionLowerer::report_foreign_use(const SourceRange& range, const std::string& name) {
  const ModuleScope::ForeignImport* foreign = scope_.foreign_import(name);
  if (foreign == nullptr) return false;
  if (!scope_.first_foreign_use(name)) return true;
  error(DiagCode::UnsupportedImport, range,
        "'" + name + "' is " + foreign->what + " (imported on line " +
            std::to_string(foreign->where.line) +
            "), which compiled code cannot use; only numpy, math and builtins are supported");
  return true;
}

ValueId FunctionLowerer::lower_global_name(const ast::Expr& expr, const std::string& name) {
  if (const Literal* value = scope_.constant(name)) return builder_.constant(*value, expr.range);
  std::string quoted = "'" + name + "'";
  if (report_foreign_use(expr.range, name)) {
    // reported
  } else if (scope_.function(name) != nullptr) {
    error(DiagCode::UnsupportedExpression, expr.range,
          "function " + quoted + " can only be called, not used as a value");
  } else if (scope_.import_of(name)) {
    error(DiagCode::UnsupportedExpression, expr.range,
          "module " + quoted + " can only be used as " + name + ".NAME");
  } else if (std::find(builtin_names().begin(), builtin_names().end(), name) !=
             builtin_names().end()) {
    error(DiagCode::UnsupportedExpression, expr.range,
          "builtin " + quoted + " can only be called, not used as a value");
  } else if (!in_dropped_code(name)) {
    std::vector<std::string_view> candidates = scope_.visible_names();
    for (std::string_view local : env_.local_names()) candidates.push_back(local);
    error(DiagCode::UndefinedName, expr.range,
          "name " + quoted + " is not defined" + did_you_mean(name, candidates));
  }
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::IntLiteral& literal) {
  return builder_.constant(Literal(literal.value), expr.range);
}
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::FloatLiteral& literal) {
  return builder_.constant(Literal(literal.value), expr.range);
}
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::BoolLiteral& literal) {
  return builder_.constant(Literal(literal.value), expr.range);
}
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::NoneLiteral&) {
  return builder_.constant(Literal(), expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::StringLiteral& text) {
  return builder_.constant(Literal(text.value), expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::EllipsisLiteral&) {
  error(DiagCode::UnsupportedExpression, expr.range, "'...' is only supported inside x[...]");
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::SliceExpr&) {
  error(DiagCode::UnsupportedExpression, expr.range, "a slice is only supported inside x[...]");
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::TupleExpr& tuple) {
  std::vector<ValueId> elements;
  for (const ast::ExprPtr& element : tuple.elements) elements.push_back(lower_expr(*element));
  return builder_.tuple(std::move(elements), expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::ListExpr& list) {
  std::vector<ValueId> elements;
  for (const ast::ExprPtr& element : list.elements) elements.push_back(lower_expr(*element));
  return builder_.emit(OpCode::MakeList, std::move(elements), expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::DictExpr& dict) {
  std::vector<ValueId> operands;
  for (size_t i = 0; i < dict.keys.size(); ++i) {
    operands.push_back(lower_expr(*dict.keys[i]));
    operands.push_back(lower_expr(*dict.values[i]));
  }
  return builder_.emit(OpCode::MakeDict, std::move(operands), expr.range);
}

// Comprehensions were hoisted into loops before the lowering
// (transform/ast_passes/hoist_comprehensions.h); one left here is in a
// place that pass reported.
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::ListComp&) {
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::DictComp&) {
  return poison(expr.range);
}

// Lambdas passed as key= or bound to a name and called were inlined
// (transform/ast_passes/inline_lambdas.h).
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::Lambda&) {
  error(DiagCode::UnsupportedLambda, expr.range,
        "a lambda is only supported as key= of sorted(), max(), min() and list.sort(), or bound "
        "to a name that is then called; define a top-level function instead");
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::BinaryExpr& binary) {
  ValueId lhs = lower_expr(*binary.lhs);
  ValueId rhs = lower_expr(*binary.rhs);
  return apply_binary(binary.op, lhs, rhs, expr.range);
}

ValueId FunctionLowerer::apply_binary(ast::BinaryOp op, ValueId lhs, ValueId rhs,
                                      SourceRange range) {
  const Literal* a = builder_.constant_value(lhs);
  const Literal* b = builder_.constant_value(rhs);
  if (a != nullptr && b != nullptr) {
    std::string overflow;
    if (std::optional<Literal> folded = fold_binary(op, *a, *b, &overflow)) {
      return builder_.constant(std::move(*folded), range);
    }
    if (!overflow.empty()) {
      error(DiagCode::IntegerOverflow, range, std::move(overflow));
      return poison(range);
    }
  }
  std::optional<SpellingMatch> match =
      find_spelling(SpellingKind::BinaryOperator, binary_op_name(op));
  if (!match) {
    error(DiagCode::InternalError, range,
          "no op for operator '" + std::string(binary_op_name(op)) + "' in graph/ops.def");
    return poison(range);
  }
  return builder_.emit(match->op->code, {lhs, rhs}, range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::UnaryExpr& unary) {
  return apply_unary(unary.op, lower_expr(*unary.operand), expr.range);
}

ValueId FunctionLowerer::apply_unary(ast::UnaryOp op, ValueId operand, SourceRange range) {
  if (const Literal* value = builder_.constant_value(operand)) {
    std::string overflow;
    if (std::optional<Literal> folded = fold_unary(op, *value, &overflow)) {
      return builder_.constant(std::move(*folded), range);
    }
    if (!overflow.empty()) {
      error(DiagCode::IntegerOverflow, range, std::move(overflow));
      return poison(range);
    }
  }
  std::optional<SpellingMatch> match =
      find_spelling(SpellingKind::UnaryOperator, unary_op_name(op));
  if (!match) {
    error(DiagCode::InternalError, range,
          "no op for unary operator '" + std::string(unary_op_name(op)) + "' in graph/ops.def");
    return poison(range);
  }
  return builder_.emit(match->op->code, {operand}, range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::CompareExpr& compare) {
  if (compare.ops.size() > 1) return lower_chained_compare(expr, compare);
  ValueId lhs = lower_expr(*compare.left);
  ValueId rhs = lower_expr(*compare.comparators[0]);
  return apply_compare(compare.ops[0], lhs, rhs, expr.range);
}

ValueId FunctionLowerer::apply_compare(ast::CompareOp op, ValueId lhs, ValueId rhs,
                                       SourceRange range) {
  const Literal* a = builder_.constant_value(lhs);
  const Literal* b = builder_.constant_value(rhs);
  if (a != nullptr && b != nullptr) {
    if (std::optional<Literal> folded = fold_compare(op, *a, *b)) {
      return builder_.constant(std::move(*folded), range);
    }
  }
  if (op == ast::CompareOp::Is || op == ast::CompareOp::IsNot) {
    return apply_identity(op, lhs, rhs, range);
  }
  if (op == ast::CompareOp::In || op == ast::CompareOp::NotIn) {
    return lower_membership(range, op, lhs, rhs);
  }
  std::optional<SpellingMatch> match = find_spelling(SpellingKind::Comparison, compare_op_name(op));
  if (!match) {
    error(DiagCode::InternalError, range,
          "no op for comparison '" + std::string(compare_op_name(op)) + "' in graph/ops.def");
    return poison(range);
  }
  return builder_.emit(match->op->code, {lhs, rhs}, range);
}

// x is None -> is_none(x); x is not None -> not(is_none(x)); a constant when
// x is known (not) to be None, so `if x is None:` folds.
ValueId FunctionLowerer::apply_identity(ast::CompareOp op, ValueId lhs, ValueId rhs,
                                        SourceRange range) {
  const Literal* a = builder_.constant_value(lhs);
  const Literal* b = builder_.constant_value(rhs);
  std::optional<ValueId> tested;
  if (b != nullptr && b->is_none()) tested = lhs;
  if (!tested && a != nullptr && a->is_none()) tested = rhs;
  if (!tested) {
    error(DiagCode::UnsupportedExpression, range,
          "'" + std::string(compare_op_name(op)) +
              "' is only supported with None (x is None, x is not None); use == to compare "
              "values");
    return poison(range);
  }
  // An array, a number or a tuple built here is known not to be None.
  if (builder_.never_none(*tested)) {
    return builder_.constant(Literal(op == ast::CompareOp::IsNot), range);
  }
  ValueId is_none = builder_.emit(OpCode::IsNone, {*tested}, range);
  if (op == ast::CompareOp::Is) return is_none;
  return builder_.emit(OpCode::Not, {is_none}, range);
}

// The module an expression names: an import alias not hidden by a local.
std::optional<ImportedModule> FunctionLowerer::as_module(const ast::Expr& expr) const {
  const auto* name = std::get_if<ast::Name>(&expr.kind);
  if (name == nullptr || env_.is_local(name->id)) return std::nullopt;
  if (std::optional<ImportedModule> module = scope_.import_of(name->id)) return module;
  if (scope_.foreign_import(name->id) != nullptr) return std::nullopt;
  return scope_.assume_import(name->id, expr.range);
}

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::AttributeExpr& attr) {
  if (std::optional<ImportedModule> module = as_module(*attr.value)) {
    return lower_module_attribute(expr, *module, attr);
  }
  if (std::optional<ValueId> info = lower_type_info(expr, attr)) return *info;
  return lower_array_attribute(expr, attr);
}

// np.finfo(dtype).eps / .max / .min / .tiny / .resolution / .bits and
// np.iinfo(dtype).max / .min / .bits: a type_info node (the dtype may be
// known only at run time: np.finfo(x.dtype).eps).
std::optional<ValueId> FunctionLowerer::lower_type_info(const ast::Expr& expr,
                                                        const ast::AttributeExpr& attr) {
  const auto* call = std::get_if<ast::CallExpr>(&attr.value->kind);
  const auto* function = call ? std::get_if<ast::AttributeExpr>(&call->func->kind) : nullptr;
  if (function == nullptr || as_module(*function->value) != ImportedModule::Numpy ||
      (function->attr != "finfo" && function->attr != "iinfo")) {
    return std::nullopt;
  }
  static constexpr std::string_view kFloatFields[] = {
      "eps", "max", "min", "tiny", "resolution", "smallest_normal", "bits", "epsneg"};
  static constexpr std::string_view kIntFields[] = {"max", "min", "bits"};
  const bool is_float = function->attr == "finfo";
  const auto fields = is_float ? std::span<const std::string_view>(kFloatFields)
                               : std::span<const std::string_view>(kIntFields);
  if (call->args.size() != 1 || !call->keywords.empty() ||
      std::find(fields.begin(), fields.end(), attr.attr) == fields.end()) {
    std::string names;
    for (std::string_view f : fields) names += (names.empty() ? "" : ", ") + std::string(f);
    error(DiagCode::UnknownMethod, attr.attr_range,
          "np." + function->attr + "(dtype)." + attr.attr + " is not supported; use np." +
              function->attr + "(dtype) with one of its attributes " + names);
    return poison(expr.range);
  }
  std::optional<ValueId> dtype = lower_dtype_argument(*call->args[0]);
  const ValueId operand = dtype ? *dtype : lower_expr(*call->args[0]);
  return builder_.emit(
      OpCode::TypeInfo, {operand}, expr.range,
      {Attribute{"info", Literal(function->attr)}, Attribute{"field", Literal(attr.attr)}});
}

}  // namespace pygraft::transform
