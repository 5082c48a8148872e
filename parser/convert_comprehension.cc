// Comprehensions, dict displays and lambdas: [e for v in xs if c],
// (e for ...), {k: v for ...}, {k: v, ...}, lambda a, b: e.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

// The for/if clauses after the body, in order; false when one is broken (a
// syntax error, already reported) or unsupported (reported here).
bool convert_clauses(Context& ctx, TSNode node, std::vector<ast::ComprehensionFor>& generators) {
  const GrammarFields& field = ctx.field();
  for (TSNode child : named_children(node)) {
    const std::string_view type = ts_node_type(child);
    if (type == "for_in_clause") {
      if (ts_node_child_count(child) > 0 &&
          std::string_view(ts_node_type(ts_node_child(child, 0))) == "async") {
        ctx.report(DiagCode::UnsupportedAwait, range_of(child),
                   "'async for' is not supported; graphs have no coroutines");
        return false;
      }
      ast::ComprehensionFor clause;
      clause.target = convert_target(ctx, ctx.child(child, field.left));
      clause.iter = convert_expr(ctx, ctx.child(child, field.right));
      if (!clause.target || !clause.iter) return false;
      generators.push_back(std::move(clause));
    } else if (type == "if_clause") {
      std::vector<TSNode> inner = named_children(child);
      if (inner.size() != 1 || generators.empty()) return false;
      ast::ExprPtr test = convert_expr(ctx, inner.front());
      if (!test) return false;
      generators.back().ifs.push_back(std::move(test));
    }
  }
  return !generators.empty();
}

ast::ExprPtr comprehension(Context& ctx, TSNode node, bool generator) {
  ast::ListComp comp;
  comp.generator = generator;
  comp.element = convert_expr(ctx, ctx.child(node, ctx.field().body));
  if (!comp.element || !convert_clauses(ctx, node, comp.generators)) {
    return make_placeholder(ctx, node);
  }
  return make_expr(std::move(comp), range_of(node));
}

}  // namespace

ast::ExprPtr convert_list_comprehension(Context& ctx, TSNode node) {
  return comprehension(ctx, node, false);
}

ast::ExprPtr convert_generator_expression(Context& ctx, TSNode node) {
  return comprehension(ctx, node, true);
}

ast::ExprPtr convert_dict_comprehension(Context& ctx, TSNode node) {
  ast::DictComp comp;
  TSNode pair = ctx.child(node, ctx.field().body);
  if (ts_node_is_null(pair)) return make_placeholder(ctx, node);
  comp.key = convert_expr(ctx, ctx.child(pair, ctx.field().key));
  comp.value = convert_expr(ctx, ctx.child(pair, ctx.field().value));
  if (!comp.key || !comp.value || !convert_clauses(ctx, node, comp.generators)) {
    return make_placeholder(ctx, node);
  }
  return make_expr(std::move(comp), range_of(node));
}

ast::ExprPtr convert_dictionary(Context& ctx, TSNode node) {
  ast::DictExpr dict;
  for (TSNode child : named_children(node)) {
    if (!ctx.is(child, ctx.sym().pair)) {
      return convert_unsupported_expr(ctx, child);  // **other
    }
    ast::ExprPtr key = convert_expr(ctx, ctx.child(child, ctx.field().key));
    ast::ExprPtr value = convert_expr(ctx, ctx.child(child, ctx.field().value));
    if (!key || !value) return make_placeholder(ctx, node);
    dict.keys.push_back(std::move(key));
    dict.values.push_back(std::move(value));
  }
  return make_expr(std::move(dict), range_of(node));
}

// lambda a, b: body. Defaults, *args and keyword-only parameters are
// reported (PG0201).
ast::ExprPtr convert_lambda(Context& ctx, TSNode node) {
  ast::Lambda lambda;
  TSNode params = ctx.child(node, ctx.field().parameters);
  if (!ts_node_is_null(params)) {
    for (TSNode param : named_children(params)) {
      if (!ctx.is(param, ctx.sym().identifier)) {
        ctx.report(DiagCode::UnsupportedLambda, range_of(param),
                   "a lambda may only take plain parameters (lambda a, b: ...); define a "
                   "top-level function for defaults or *args");
        return make_placeholder(ctx, node);
      }
      lambda.params.emplace_back(ctx.text(param));
    }
  }
  lambda.body = convert_expr(ctx, ctx.child(node, ctx.field().body));
  if (!lambda.body) return make_placeholder(ctx, node);
  return make_expr(std::move(lambda), range_of(node));
}

}  // namespace pygraft::parser
