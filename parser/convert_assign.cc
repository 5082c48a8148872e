// Assignments: `a = b = v` (one Assign, targets in source order), annotated
// `t: float = 0.0`, augmented `x += v`, and their targets: names, subscripts
// and tuple / list patterns of targets. Attribute targets (PG0119), starred
// targets (PG0118) and anything else (PG0120) are reported.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

// A tuple / list pattern: every element converted (so each bad one is
// reported); null if any failed.
bool convert_target_elements(Context& ctx, TSNode node, std::vector<ast::ExprPtr>& out) {
  bool ok = true;
  for (TSNode element : named_children(node)) {
    ast::ExprPtr target = convert_target(ctx, element);
    ok = ok && target != nullptr;
    if (target) out.push_back(std::move(target));
  }
  return ok;
}

ast::ExprPtr convert_sequence_target(Context& ctx, TSNode node, bool is_list) {
  std::vector<TSNode> elements = named_children(node);
  bool parenthesized_name = ctx.is(node, ctx.sym().tuple_pattern) && elements.size() == 1 &&
                            !has_token_child(node, ctx.sym().comma);
  if (parenthesized_name) return convert_target(ctx, elements.front());  // (a) = 1
  std::vector<ast::ExprPtr> targets;
  if (!convert_target_elements(ctx, node, targets)) return nullptr;
  if (is_list) return make_expr(ast::ListExpr{std::move(targets)}, range_of(node));
  return make_expr(ast::TupleExpr{std::move(targets)}, range_of(node));
}

// The assigned value; when part of it was left out, the names of the whole
// assignment are recorded as dropped too: the targets hold a placeholder, and
// `act = lambda v: v; act(x)` must not add "act is not a function".
ast::ExprPtr convert_value_noting_targets(Context& ctx, TSNode value, TSNode assignment) {
  size_t placeholders_before = ctx.placeholders;
  ast::ExprPtr converted = convert_expr(ctx, value);
  if (ctx.placeholders != placeholders_before) note_dropped(ctx, assignment);
  return converted;
}

ast::ExprPtr report_bad_target(Context& ctx, TSNode node) {
  const GrammarSymbols& sym = ctx.sym();
  if (ctx.is(node, sym.attribute)) {
    ctx.report(DiagCode::UnsupportedAttributeAssign, range_of(node),
               "assigning to an attribute (" + quote(ctx.text(node)) +
                   ") is not supported; assign to a local variable instead");
  } else if (ctx.is(node, sym.list_splat_pattern) || ctx.is(node, sym.list_splat)) {
    ctx.report(DiagCode::UnsupportedStarredTarget, range_of(node),
               "starred assignment targets (" + quote(ctx.text(node)) +
                   ") are not supported; unpack into a fixed number of names or index the array");
  } else {
    ctx.report(DiagCode::UnsupportedAssignTarget, range_of(node),
               "cannot assign to " + quote(ctx.text(node)) +
                   "; assign to a name, a tuple of names or an array element");
  }
  return nullptr;
}

ast::StmtPtr convert_annotated(Context& ctx, TSNode node, SourceRange range) {
  TSNode left = ctx.child(node, ctx.field().left);
  ast::ExprPtr target;
  if (ctx.is(left, ctx.sym().identifier) || ctx.is(left, ctx.sym().subscript) ||
      ctx.is(left, ctx.sym().attribute)) {
    target = convert_target(ctx, left);
  } else if (!is_broken(left)) {
    ctx.report(DiagCode::UnsupportedAssignTarget, range_of(left),
               "only a single name or array element can be annotated");
  }
  ast::ExprPtr annotation = convert_annotation(ctx, ctx.child(node, ctx.field().type));
  TSNode right = ctx.child(node, ctx.field().right);
  ast::ExprPtr value =
      ts_node_is_null(right) ? nullptr : convert_value_noting_targets(ctx, right, node);
  if (!target) return nullptr;
  return make_stmt(ast::AnnAssign{std::move(target), std::move(annotation), std::move(value)},
                   range);
}

}  // namespace

ast::ExprPtr convert_target(Context& ctx, TSNode node) {
  if (is_broken(node) || ts_node_has_error(node)) return nullptr;  // a syntax error
  DepthGuard guard(ctx, node);
  if (guard.too_deep()) return nullptr;
  const GrammarSymbols& sym = ctx.sym();
  if (ctx.is(node, sym.identifier)) return convert_expr(ctx, node);
  if (ctx.is(node, sym.subscript)) return convert_expr(ctx, node);
  if (ctx.is(node, sym.parenthesized_expression)) {
    std::vector<TSNode> inner = named_children(node);
    if (inner.size() == 1) return convert_target(ctx, inner.front());
  }
  if (ctx.is(node, sym.tuple_pattern) || ctx.is(node, sym.pattern_list) ||
      ctx.is(node, sym.tuple)) {
    return convert_sequence_target(ctx, node, /*is_list=*/false);
  }
  if (ctx.is(node, sym.list_pattern) || ctx.is(node, sym.list)) {
    return convert_sequence_target(ctx, node, /*is_list=*/true);
  }
  return report_bad_target(ctx, node);
}

ast::StmtPtr convert_assignment(Context& ctx, TSNode node, SourceRange range) {
  const GrammarFields& field = ctx.field();
  if (!ts_node_is_null(ctx.child(node, field.type))) return convert_annotated(ctx, node, range);
  std::vector<ast::ExprPtr> targets;
  bool ok = true;
  TSNode current = node;
  // Note: `a = b = v` nests as assignment(a, assignment(b, v)); walk it
  // iteratively so that long chains cannot exhaust the stack.
  while (ctx.is(current, ctx.sym().assignment) && ts_node_is_null(ctx.child(current, field.type))) {
    ast::ExprPtr target = convert_target(ctx, ctx.child(current, field.left));
    ok = ok && target != nullptr;
    if (target) targets.push_back(std::move(target));
    current = ctx.child(current, field.right);
  }
  if (ctx.is(current, ctx.sym().assignment) || ctx.is(current, ctx.sym().augmented_assignment)) {
    ctx.report(DiagCode::UnsupportedStatement, range_of(current),
               "this chained assignment form is not supported; split it into separate statements");
    return nullptr;
  }
  ast::ExprPtr value = convert_value_noting_targets(ctx, current, node);
  if (!ok) return nullptr;
  return make_stmt(ast::Assign{std::move(targets), std::move(value)}, range);
}

ast::StmtPtr convert_augmented_assignment(Context& ctx, TSNode node, SourceRange range) {
  TSNode left = ctx.child(node, ctx.field().left);
  TSNode op_token = ctx.child(node, ctx.field().operator_);
  std::string_view token = ts_node_is_null(op_token) ? "" : ts_node_type(op_token);
  ast::BinaryOp op{};
  if (!token.empty()) token.remove_suffix(1);  // "+=" -> "+"
  bool op_ok = binary_op_from_token(token, op);
  ast::ExprPtr target;
  if (ctx.is(left, ctx.sym().identifier) || ctx.is(left, ctx.sym().subscript) ||
      ctx.is(left, ctx.sym().attribute)) {
    target = convert_target(ctx, left);
  } else if (!is_broken(left)) {
    ctx.report(DiagCode::UnsupportedAssignTarget, range_of(left),
               "augmented assignment needs a single name or array element as its target");
  }
  ast::ExprPtr value = convert_expr(ctx, ctx.child(node, ctx.field().right));
  if (!target || !op_ok) return nullptr;
  return make_stmt(ast::AugAssign{std::move(target), op, std::move(value)}, range);
}

}  // namespace pygraft::parser
