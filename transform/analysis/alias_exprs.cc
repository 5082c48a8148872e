#include "transform/analysis/alias_exprs.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace pygraft::transform {

namespace {

constexpr std::array<std::string_view, 6> kViewMethods = {"transpose", "reshape", "squeeze",
                                                          "ravel",     "view",    "swapaxes"};
constexpr std::array<std::string_view, 8> kViewFunctions = {
    "reshape", "transpose", "expand_dims", "squeeze", "ravel", "asarray", "swapaxes", "moveaxis"};
// Methods of lists and dicts whose result holds the receiver's items.
constexpr std::array<std::string_view, 5> kItemMethods = {"get", "values", "items", "pop",
                                                          "setdefault"};
// Builtins whose result is a new list of the argument's items.
constexpr std::array<std::string_view, 3> kItemBuiltins = {"list", "sorted", "reversed"};
constexpr std::array<std::string_view, 4> kScalarBuiltins = {"len", "int", "float", "bool"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

const std::string* name_of(const ast::Expr& expr) {
  const auto* name = std::get_if<ast::Name>(&expr.kind);
  return name == nullptr ? nullptr : &name->id;
}

bool all_scalar(const std::vector<ast::ExprPtr>& list, const AliasContext& context) {
  return std::all_of(list.begin(), list.end(),
                     [&](const ast::ExprPtr& e) { return is_scalar_expr(*e, context); });
}

bool is_scalar_call(const ast::CallExpr& call, const AliasContext& context) {
  if (const std::string* func = name_of(*call.func)) {
    if (contains(kScalarBuiltins, *func)) return true;
    bool same_as_args = *func == "round" || *func == "abs" || *func == "min" || *func == "max";
    return same_as_args && all_scalar(call.args, context);
  }
  if (const auto* attr = std::get_if<ast::AttributeExpr>(&call.func->kind)) {
    const std::string* module = name_of(*attr->value);
    if (module != nullptr && context.math_aliases.count(*module) != 0) return true;
    return attr->attr == "item";
  }
  return false;
}

bool is_scalar_compare(const ast::CompareExpr& compare, const AliasContext& context) {
  bool identity = std::all_of(compare.ops.begin(), compare.ops.end(), [](ast::CompareOp op) {
    return op == ast::CompareOp::Is || op == ast::CompareOp::IsNot || op == ast::CompareOp::In ||
           op == ast::CompareOp::NotIn;
  });
  return identity ||
         (is_scalar_expr(*compare.left, context) && all_scalar(compare.comparators, context));
}

// The arguments a call of a function of this file may return (or a view of).
NameSet user_call_sources(const ast::CallExpr& call, const ReturnedParams& callee,
                          const AliasContext& context) {
  NameSet out;
  auto add = [&](const ast::Expr& arg) {
    NameSet more = alias_sources(arg, context);
    out.insert(more.begin(), more.end());
  };
  const std::vector<ast::Param>& params = callee.def->params;
  for (size_t i = 0; i < call.args.size() && i < params.size(); ++i) {
    if (callee.returned[i]) add(*call.args[i]);
  }
  for (const ast::Keyword& keyword : call.keywords) {
    for (size_t i = 0; i < params.size(); ++i) {
      if (params[i].name == keyword.name && callee.returned[i]) add(*keyword.value);
    }
  }
  return out;
}

NameSet call_sources(const ast::CallExpr& call, const AliasContext& context) {
  if (const std::string* func = name_of(*call.func); func != nullptr && context.functions) {
    auto it = context.functions->find(*func);
    if (it != context.functions->end()) return user_call_sources(call, it->second, context);
  }
  if (const std::string* func = name_of(*call.func); func != nullptr && !call.args.empty()) {
    // A new list of the same items.
    if (contains(kItemBuiltins, *func)) return alias_sources(*call.args.front(), context);
  }
  const auto* attr = std::get_if<ast::AttributeExpr>(&call.func->kind);
  if (attr == nullptr) return {};
  const std::string* module = name_of(*attr->value);
  if (module != nullptr && context.numpy_aliases.count(*module) != 0) {
    if (!contains(kViewFunctions, attr->attr) || call.args.empty()) return {};
    return alias_sources(*call.args.front(), context);
  }
  if (contains(kViewMethods, attr->attr)) return alias_sources(*attr->value, context);
  // Items of a list or dict are shared, not copied.
  if (contains(kItemMethods, attr->attr)) return alias_sources(*attr->value, context);
  return {};
}

NameSet union_sources(const std::vector<const ast::Expr*>& parts, const AliasContext& context) {
  NameSet out;
  for (const ast::Expr* part : parts) {
    NameSet more = alias_sources(*part, context);
    out.insert(more.begin(), more.end());
  }
  return out;
}

std::vector<const ast::Expr*> raw(const std::vector<ast::ExprPtr>& list) {
  std::vector<const ast::Expr*> out;
  for (const ast::ExprPtr& e : list) out.push_back(e.get());
  return out;
}

}  // namespace

bool is_scalar_expr(const ast::Expr& expr, const AliasContext& context) {
  return std::visit(
      [&](const auto& e) -> bool {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ast::IntLiteral> || std::is_same_v<T, ast::FloatLiteral> ||
                      std::is_same_v<T, ast::BoolLiteral> || std::is_same_v<T, ast::NoneLiteral>) {
          return true;
        } else if constexpr (std::is_same_v<T, ast::Name>) {
          return context.is_scalar_name(e.id);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          return e.op == ast::UnaryOp::Not || is_scalar_expr(*e.operand, context);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          return is_scalar_expr(*e.lhs, context) && is_scalar_expr(*e.rhs, context);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          return is_scalar_compare(e, context);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          return all_scalar(e.values, context);
        } else if constexpr (std::is_same_v<T, ast::TupleExpr>) {
          return all_scalar(e.elements, context);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          return is_scalar_expr(*e.body, context) && is_scalar_expr(*e.orelse, context);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          return is_scalar_call(e, context);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          return e.attr == "shape" || e.attr == "ndim" || e.attr == "size";
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          return is_scalar_expr(*e.value, context);  // x.shape[0]
        } else {
          return false;
        }
      },
      expr.kind);
}

NameSet alias_sources(const ast::Expr& expr, const AliasContext& context) {
  if (is_scalar_expr(expr, context)) return {};
  if (const std::string* name = name_of(expr)) return {*name};
  if (const auto* sub = std::get_if<ast::SubscriptExpr>(&expr.kind)) {
    return alias_sources(*sub->value, context);  // conservatively a view
  }
  if (const auto* attr = std::get_if<ast::AttributeExpr>(&expr.kind)) {
    return attr->attr == "T" ? alias_sources(*attr->value, context) : NameSet{};
  }
  if (const auto* call = std::get_if<ast::CallExpr>(&expr.kind))
    return call_sources(*call, context);
  if (const auto* cond = std::get_if<ast::IfExpr>(&expr.kind)) {
    return union_sources({cond->body.get(), cond->orelse.get()}, context);
  }
  if (const auto* bool_op = std::get_if<ast::BoolOpExpr>(&expr.kind)) {
    return union_sources(raw(bool_op->values), context);
  }
  if (const auto* tuple = std::get_if<ast::TupleExpr>(&expr.kind)) {
    return union_sources(raw(tuple->elements), context);
  }
  if (const auto* list = std::get_if<ast::ListExpr>(&expr.kind)) {
    return union_sources(raw(list->elements), context);
  }
  if (const auto* dict = std::get_if<ast::DictExpr>(&expr.kind)) {
    return union_sources(raw(dict->values), context);
  }
  return {};
}

}  // namespace pygraft::transform
