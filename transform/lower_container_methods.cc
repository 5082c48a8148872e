// Methods of lists, dicts and str, and the in-place methods that
// transform/ast_passes/rewrite_inplace_methods.h turned into `$`-methods
// giving the new receiver (xs.$append(v), x.$sort(), d.$setdefault(k, v)).
// Which receiver a method meets is known only at run time: each kernel
// raises CPython's AttributeError for a receiver without that method.
#include <array>
#include <optional>

#include "transform/ast_passes/rewrite_generator_draws.h"
#include "transform/ast_passes/rewrite_inplace_methods.h"
#include "transform/function_lowerer.h"
#include "transform/suggest.h"

namespace pygraft::transform {

namespace {

struct MethodParam {
  std::string_view name;
  // The default when the argument is left out; nullopt: required.
  std::optional<Literal> default_value;
};

struct ContainerMethod {
  std::string_view name;  // as called after the rewrite: "$append", "get"
  OpCode op;
  std::vector<MethodParam> params;
};

const std::vector<ContainerMethod>& container_methods() {
  static const std::vector<ContainerMethod> methods = {
      {"$append", OpCode::ListAppend, {{"object", std::nullopt}}},
      {"$extend", OpCode::ListExtend, {{"iterable", std::nullopt}}},
      {"$insert", OpCode::ListInsert, {{"index", std::nullopt}, {"object", std::nullopt}}},
      {"$reverse", OpCode::ListReverse, {}},
      {"$pop", OpCode::ListPop, {{"index", Literal(int64_t{-1})}}},
      {"$setdefault", OpCode::DictSetDefault, {{"key", std::nullopt}, {"default", Literal()}}},
      {"$update", OpCode::DictUpdate, {{"other", std::nullopt}}},
      {"$sort", OpCode::SortMethod, {{"key", Literal()}, {"reverse", Literal(false)}}},
      {"$fill", OpCode::Fill, {{"value", std::nullopt}}},
      // np.random.Generator draws (transform/ast_passes/rewrite_generator_draws.h)
      {"$random", OpCode::RngRandom, {{"size", Literal()}, {"dtype", Literal()}}},
      {"$standard_normal", OpCode::RngStandardNormal, {{"size", Literal()}, {"dtype", Literal()}}},
      {"$normal",
       OpCode::RngNormal,
       {{"loc", Literal(0.0)}, {"scale", Literal(1.0)}, {"size", Literal()}}},
      {"$uniform",
       OpCode::RngUniform,
       {{"low", Literal(0.0)}, {"high", Literal(1.0)}, {"size", Literal()}}},
      {"$integers",
       OpCode::RngIntegers,
       {{"low", std::nullopt},
        {"high", Literal()},
        {"size", Literal()},
        {"dtype", Literal()},
        {"endpoint", Literal(false)}}},
      {"$choice",
       OpCode::RngChoice,
       {{"a", std::nullopt}, {"size", Literal()}, {"replace", Literal(true)}, {"p", Literal()}}},
      {"get", OpCode::DictGet, {{"key", std::nullopt}, {"default", Literal()}}},
      {"keys", OpCode::DictKeys, {}},
      {"values", OpCode::DictValues, {}},
      {"items", OpCode::DictItems, {}},
      {"join", OpCode::StrJoin, {{"iterable", std::nullopt}}},
      {"split", OpCode::StrSplit, {{"sep", Literal()}}},
      {"strip", OpCode::StrStrip, {{"chars", Literal()}}},
      {"upper", OpCode::StrUpper, {}},
      {"lower", OpCode::StrLower, {}},
      {"startswith", OpCode::StrStartswith, {{"prefix", std::nullopt}}},
      {"endswith", OpCode::StrEndswith, {{"suffix", std::nullopt}}},
      {"replace", OpCode::StrReplace, {{"old", std::nullopt}, {"new", std::nullopt}}},
  };
  return methods;
}

const ContainerMethod* find_container_method(std::string_view name) {
  for (const ContainerMethod& method : container_methods()) {
    if (method.name == name) return &method;
  }
  return nullptr;
}

}  // namespace

std::optional<ValueId> FunctionLowerer::lower_container_method(const ast::Expr& expr,
                                                               const ast::CallExpr& call,
                                                               const ast::AttributeExpr& attr,
                                                               ValueId receiver) {
  if (is_inplace_method(attr.attr) &&
      find_spelling(SpellingKind::Method, attr.attr) == std::nullopt) {
    error(DiagCode::UnsupportedExpression, expr.range,
          quoted(attr.attr) + " changes its object in place and returns None; call it as a " +
              "statement on a variable (xs." + attr.attr + "(...)), or for pop, write " +
              "'v = xs.pop()' on a line of its own");
    return poison(expr.range);
  }
  // A draw rewrite_generator_draws.h reported: already said.
  if (attr.attr == kReportedDraw) return poison(expr.range);
  const ContainerMethod* method = find_container_method(attr.attr);
  if (method == nullptr) return std::nullopt;
  const std::string shown = attr.attr[0] == '$' ? attr.attr.substr(1) : attr.attr;
  std::vector<std::optional<ValueId>> bound(method->params.size());
  if (call.args.size() > method->params.size()) {
    error(DiagCode::WrongArgumentCount, expr.range,
          shown + "() takes at most " + std::to_string(method->params.size()) + " argument" +
              (method->params.size() == 1 ? "" : "s") + " (" + std::to_string(call.args.size()) +
              " given)");
    return poison(expr.range);
  }
  for (size_t i = 0; i < call.args.size(); ++i) bound[i] = lower_expr(*call.args[i]);
  for (const ast::Keyword& keyword : call.keywords) {
    size_t i = 0;
    while (i < method->params.size() && method->params[i].name != keyword.name) ++i;
    if (i == method->params.size() || bound[i]) {
      error(DiagCode::UnknownKeyword, keyword.range,
            shown + "() got an unexpected keyword argument " + quoted(keyword.name));
      return poison(expr.range);
    }
    bound[i] = lower_expr(*keyword.value);
  }
  std::vector<ValueId> operands{receiver};
  for (size_t i = 0; i < bound.size(); ++i) {
    if (bound[i]) {
      operands.push_back(*bound[i]);
    } else if (method->params[i].default_value) {
      operands.push_back(builder_.constant(*method->params[i].default_value, expr.range));
    } else {
      error(DiagCode::WrongArgumentCount, expr.range,
            shown + "() missing required argument " + quoted(method->params[i].name));
      return poison(expr.range);
    }
  }
  return builder_.emit(method->op, std::move(operands), expr.range);
}

}  // namespace pygraft::transform
