// Postfix expressions: calls (positional and keyword arguments), attribute
// access and subscripts with their index items and slices.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

ast::Keyword convert_keyword(Context& ctx, TSNode node) {
  TSNode name = ctx.child(node, ctx.field().name);
  ast::ExprPtr value = convert_expr(ctx, ctx.child(node, ctx.field().value));
  return ast::Keyword{std::string(ctx.text(name)), std::move(value), range_of(node)};
}

void convert_arguments(Context& ctx, TSNode list, ast::CallExpr& call) {
  for (TSNode argument : named_children(list)) {
    if (ts_node_is_error(argument)) continue;
    if (ctx.is(argument, ctx.sym().keyword_argument)) {
      call.keywords.push_back(convert_keyword(ctx, argument));
    } else if (std::string_view(ts_node_type(argument)) == "dictionary_splat") {
      // f(**d): a keyword named "**" (transform/ast_passes/expand_dict_splats.h)
      std::vector<TSNode> inner = named_children(argument);
      if (inner.size() != 1) continue;
      call.keywords.push_back(
          ast::Keyword{"**", convert_expr(ctx, inner.front()), range_of(argument)});
    } else if (std::string_view(ts_node_type(argument)) == "list_splat" && call.starred_arg < 0 &&
               named_children(argument).size() == 1) {
      call.starred_arg = static_cast<int>(call.args.size());
      call.args.push_back(convert_expr(ctx, named_children(argument).front()));
    } else {
      call.args.push_back(convert_expr(ctx, argument));
    }
  }
}

}  // namespace

ast::ExprPtr convert_call(Context& ctx, TSNode node) {
  ast::CallExpr call;
  call.func = convert_expr(ctx, ctx.child(node, ctx.field().function));
  TSNode arguments = ctx.child(node, ctx.field().arguments);
  if (ctx.is(arguments, ctx.sym().argument_list)) {
    convert_arguments(ctx, arguments, call);
  } else if (!ts_node_is_null(arguments)) {
    call.args.push_back(convert_expr(ctx, arguments));  // f(x for x in y): reported
  }
  return make_expr(std::move(call), range_of(node));
}

ast::ExprPtr convert_attribute(Context& ctx, TSNode node) {
  // Note: a string receiver ("{}".format(x)) is kept, so the lowering reports
  // the whole call once (transform/lower_call.cc).
  ast::ExprPtr value = convert_expr(ctx, ctx.child(node, ctx.field().object));
  TSNode attribute = ctx.child(node, ctx.field().attribute);
  ast::AttributeExpr result{std::move(value), std::string(ctx.text(attribute)),
                            range_of(attribute)};
  return make_expr(std::move(result), range_of(node));
}

ast::ExprPtr convert_subscript(Context& ctx, TSNode node) {
  ast::SubscriptExpr result;
  result.value = convert_expr(ctx, ctx.child(node, ctx.field().value));
  std::vector<TSNode> items = field_children(node, ctx.field().subscript);
  if (items.size() == 1 && ctx.is(items.front(), ctx.sym().tuple)) {
    result.indices = convert_elements(ctx, items.front());  // a[(i, j)] is a[i, j]
    result.is_tuple_index = true;
  } else {
    for (TSNode item : items) result.indices.push_back(convert_expr(ctx, item));
    result.is_tuple_index = items.size() > 1 || has_token_child(node, ctx.sym().comma);
  }
  return make_expr(std::move(result), range_of(node));
}

ast::ExprPtr convert_slice(Context& ctx, TSNode node) {
  ast::ExprPtr parts[3];
  size_t colons = 0;
  for (ChildCursor c(node); c.next();) {
    TSNode child = c.node();
    if (ts_node_symbol(child) == ctx.sym().colon && !ts_node_is_named(child)) {
      ++colons;
    } else if (ts_node_is_named(child) && !ts_node_is_extra(child) && colons < 3) {
      parts[colons] = convert_expr(ctx, child);
    }
  }
  ast::SliceExpr slice{std::move(parts[0]), std::move(parts[1]), std::move(parts[2])};
  return make_expr(std::move(slice), range_of(node));
}

}  // namespace pygraft::parser
