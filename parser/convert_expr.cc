// Expression dispatch (one table from grammar symbol to converter) and the
// atoms: names, constants, tuples, lists and parentheses. Operators, calls,
// subscripts and literals live in their own files.
#include <algorithm>
#include <utility>

#include "parser/convert.h"

namespace pygraft::parser {

namespace {

using ExprConverter = ast::ExprPtr (*)(Context&, TSNode);

ast::ExprPtr convert_identifier(Context& ctx, TSNode node) {
  return make_expr(ast::Name{std::string(ctx.text(node))}, range_of(node));
}

ast::ExprPtr convert_true(Context&, TSNode node) {
  return make_expr(ast::BoolLiteral{true}, range_of(node));
}

ast::ExprPtr convert_false(Context&, TSNode node) {
  return make_expr(ast::BoolLiteral{false}, range_of(node));
}

ast::ExprPtr convert_none(Context&, TSNode node) {
  return make_none(range_of(node));
}

ast::ExprPtr convert_ellipsis(Context&, TSNode node) {
  return make_expr(ast::EllipsisLiteral{}, range_of(node));
}

ast::ExprPtr convert_plain_string(Context& ctx, TSNode node) {
  return convert_string(ctx, node);
}

ast::ExprPtr convert_tuple(Context& ctx, TSNode node) {
  return make_expr(ast::TupleExpr{convert_elements(ctx, node)}, range_of(node));
}

ast::ExprPtr convert_list(Context& ctx, TSNode node) {
  return make_expr(ast::ListExpr{convert_elements(ctx, node)}, range_of(node));
}

// Note: parentheses are transparent; the expression keeps its own range.
ast::ExprPtr convert_parenthesized(Context& ctx, TSNode node) {
  std::vector<TSNode> inner = named_children(node);
  if (inner.size() != 1) return make_placeholder(ctx, node);
  return convert_expr(ctx, inner.front());
}

struct ExprTableEntry {
  const char* symbol;
  ExprConverter convert;
};

const ExprTableEntry kExprTable[] = {
    {"identifier", convert_identifier},
    {"integer", convert_integer},
    {"float", convert_float},
    {"true", convert_true},
    {"false", convert_false},
    {"none", convert_none},
    {"ellipsis", convert_ellipsis},
    {"string", convert_plain_string},
    {"concatenated_string", convert_plain_string},
    {"tuple", convert_tuple},
    {"tuple_pattern", convert_tuple},
    {"pattern_list", convert_tuple},
    {"expression_list", convert_tuple},
    {"list", convert_list},
    {"list_pattern", convert_list},
    {"parenthesized_expression", convert_parenthesized},
    {"binary_operator", convert_binary},
    {"unary_operator", convert_unary},
    {"not_operator", convert_not},
    {"boolean_operator", convert_boolean},
    {"comparison_operator", convert_comparison},
    {"conditional_expression", convert_conditional},
    {"call", convert_call},
    {"attribute", convert_attribute},
    {"subscript", convert_subscript},
    {"slice", convert_slice},
    {"lambda", convert_lambda},
    {"list_comprehension", convert_list_comprehension},
    {"dictionary_comprehension", convert_dict_comprehension},
    {"set_comprehension", convert_unsupported_expr},
    {"generator_expression", convert_generator_expression},
    {"dictionary", convert_dictionary},
    {"set", convert_unsupported_expr},
    {"named_expression", convert_unsupported_expr},
    {"await", convert_unsupported_expr},
    {"list_splat", convert_unsupported_expr},
    {"list_splat_pattern", convert_unsupported_expr},
    {"dictionary_splat", convert_unsupported_expr},
    {"yield", convert_unsupported_expr},
};

// Converter per grammar symbol id, built once from kExprTable.
const std::vector<ExprConverter>& expr_dispatch() {
  static const std::vector<ExprConverter> table = [] {
    const TSLanguage* language = python_grammar().language;
    std::vector<ExprConverter> out(ts_language_symbol_count(language), nullptr);
    for (const ExprTableEntry& entry : kExprTable) {
      TSSymbol symbol = python_grammar().sym.named(entry.symbol);
      if (symbol < out.size()) out[symbol] = entry.convert;
    }
    return out;
  }();
  return table;
}

ast::ExprPtr report_unknown_expr(Context& ctx, TSNode node) {
  ctx.report(DiagCode::UnsupportedExpression, range_of(node),
             std::string("'") + ts_node_type(node) + "' expressions are not supported");
  return make_placeholder(ctx, node);
}

}  // namespace

DepthGuard::DepthGuard(Context& ctx, TSNode node, int levels) : ctx_(ctx), levels_(levels) {
  ctx_.depth += levels;
  too_deep_ = ctx_.depth > kMaxNestingDepth;
  if (too_deep_ && !ctx_.depth_reported) {
    ctx_.depth_reported = true;
    ctx_.report(DiagCode::NestingTooDeep, range_of(node),
                "expressions and statements are nested more than " +
                    std::to_string(kMaxNestingDepth) +
                    " levels deep, which CPython does not compile either (RecursionError: "
                    "maximum recursion depth exceeded during compilation); split it into smaller "
                    "pieces");
  }
}

LoopGuard::LoopGuard(Context& ctx, TSNode loop) : ctx_(ctx) {
  if (++ctx_.loop_depth <= kMaxNestedLoops || ctx_.loops_reported) return;
  ctx_.loops_reported = true;
  ctx_.report(DiagCode::NestingTooDeep, keyword_range(loop),
              "SyntaxError: too many statically nested blocks (CPython allows " +
                  std::to_string(kMaxNestedLoops) +
                  " loops nested in each other); move the inner loops into a function");
}

bool is_broken(TSNode node) {
  return ts_node_is_null(node) || ts_node_is_error(node) || ts_node_is_missing(node);
}

std::string quote(std::string_view text) {
  constexpr size_t kMaxQuoted = 40;
  size_t end = std::min({text.size(), text.find('\n'), text.find('\r'), kMaxQuoted});
  std::string out = "'" + std::string(text.substr(0, end));
  if (end < text.size()) out += "...";
  return out + "'";
}

ast::ExprPtr make_expr(ast::Expr::Kind kind, SourceRange range) {
  return std::make_unique<ast::Expr>(ast::Expr{std::move(kind), range});
}

ast::ExprPtr make_none(SourceRange range) {
  return make_expr(ast::NoneLiteral{}, range);
}

ast::StmtPtr make_stmt(ast::Stmt::Kind kind, SourceRange range) {
  return std::make_unique<ast::Stmt>(ast::Stmt{std::move(kind), range});
}

ast::ExprPtr convert_expr(Context& ctx, TSNode node) {
  if (ts_node_is_null(node)) return make_none(SourceRange{});
  // Note: a subtree holding an ERROR or MISSING node is already reported.
  if (is_broken(node) || ts_node_has_error(node)) return make_placeholder(ctx, node);
  DepthGuard guard(ctx, node);
  if (guard.too_deep()) return make_placeholder(ctx, node);
  const std::vector<ExprConverter>& table = expr_dispatch();
  TSSymbol symbol = ts_node_symbol(node);
  if (symbol >= table.size() || table[symbol] == nullptr) return report_unknown_expr(ctx, node);
  return table[symbol](ctx, node);
}

std::vector<ast::ExprPtr> convert_elements(Context& ctx, TSNode node) {
  std::vector<ast::ExprPtr> elements;
  for (TSNode child : named_children(node)) {
    if (ts_node_is_error(child)) continue;
    elements.push_back(convert_expr(ctx, child));
  }
  return elements;
}

}  // namespace pygraft::parser
