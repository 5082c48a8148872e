// Function definitions: name, parameters (plain, defaulted, annotated;
// *args PG0115, **kwargs PG0116, bare '*' PG0117, '/' accepted), the body
// without its docstring; `async def` PG0109 and decorators PG0111 are
// reported while the function is still converted, so its other errors show.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

void report_splat_parameter(Context& ctx, TSNode node) {
  if (ctx.is(node, ctx.sym().list_splat_pattern)) {
    ctx.report(DiagCode::UnsupportedVarArgs, range_of(node),
               "variadic parameters (" + quote(ctx.text(node)) +
                   ") are not supported; declare each parameter by name");
  } else {
    ctx.report(DiagCode::UnsupportedKwArgs, range_of(node),
               "keyword variadic parameters (" + quote(ctx.text(node)) +
                   ") are not supported; declare each parameter by name");
  }
}

bool is_splat(Context& ctx, TSNode node) {
  return ctx.is(node, ctx.sym().list_splat_pattern) ||
         ctx.is(node, ctx.sym().dictionary_splat_pattern);
}

// The parameter's name node: the node itself, its `name` field, or (for
// typed_parameter, which has no name field) its first named child.
TSNode parameter_name(Context& ctx, TSNode node) {
  if (ctx.is(node, ctx.sym().identifier)) return node;
  TSNode name = ctx.child(node, ctx.field().name);
  if (!ts_node_is_null(name)) return name;
  std::vector<TSNode> children = named_children(node);
  return children.empty() ? TSNode{} : children.front();
}

// One parameter; false when it is reported and left out.
bool convert_parameter(Context& ctx, TSNode node, ast::Param& param) {
  const GrammarSymbols& sym = ctx.sym();
  if (ctx.is(node, sym.positional_separator) || is_broken(node)) return false;
  if (ctx.is(node, sym.keyword_separator)) {
    ctx.report(DiagCode::UnsupportedKeywordOnly, range_of(node),
               "keyword-only parameters are not supported; remove the '*' marker");
    return false;
  }
  TSNode name = parameter_name(ctx, node);
  if (is_splat(ctx, node) || is_splat(ctx, name)) {
    report_splat_parameter(ctx, is_splat(ctx, node) ? node : name);
    return false;
  }
  if (!ctx.is(name, sym.identifier)) {
    ctx.report(DiagCode::UnsupportedStatement, range_of(node),
               "parameter " + quote(ctx.text(node)) + " is not supported; use a plain name");
    return false;
  }
  param.name = std::string(ctx.text(name));
  param.range = range_of(node);
  TSNode value = ctx.child(node, ctx.field().value);
  if (!ts_node_is_null(value)) param.default_value = convert_expr(ctx, value);
  TSNode type = ctx.child(node, ctx.field().type);
  if (!ts_node_is_null(type)) param.annotation = convert_annotation(ctx, type);
  return true;
}

// Fills function.params; a parameter that is left out (reported, or '/')
// has its names recorded and, unless it is '/', makes the signature
// incomplete.
void convert_parameters(Context& ctx, TSNode parameters, ast::FunctionDef& function) {
  if (is_broken(parameters)) {
    function.signature_incomplete = true;
    note_dropped(ctx, parameters);
    return;
  }
  for (TSNode node : named_children(parameters)) {
    ast::Param param;
    if (convert_parameter(ctx, node, param)) {
      function.params.push_back(std::move(param));
    } else if (!ctx.is(node, ctx.sym().positional_separator)) {
      function.signature_incomplete = true;
      note_dropped(ctx, node);
    }
  }
}

void report_async(Context& ctx, TSNode def) {
  TSNode first = ts_node_child(def, 0);
  if (ctx.is(first, ctx.sym().async_keyword)) {
    ctx.report(DiagCode::UnsupportedAsync, range_of(first),
               "'async def' is not supported; use a plain def");
  }
}

}  // namespace

ast::FunctionDef convert_function(Context& ctx, TSNode def) {
  report_async(ctx, def);
  ast::FunctionDef function;
  DroppedNamesScope dropped(ctx, function.names_in_dropped_code);
  function.has_syntax_error = ts_node_has_error(def);
  note_error_subtrees(ctx, def);
  TSNode name = ctx.child(def, ctx.field().name);
  function.name = std::string(ctx.text(name));
  function.name_range = range_of(name);
  function.range = range_of(def);
  TSNode type_parameters = ctx.child(def, ctx.field().type_parameters);
  if (!ts_node_is_null(type_parameters)) {
    ctx.report(DiagCode::UnsupportedStatement, range_of(type_parameters),
               "type parameters are not supported");
  }
  convert_parameters(ctx, ctx.child(def, ctx.field().parameters), function);
  function.body = convert_block(ctx, ctx.child(def, ctx.field().body), /*drop_docstring=*/true);
  return function;
}

TSNode report_decorators(Context& ctx, TSNode decorated) {
  for (TSNode child : named_children(decorated)) {
    if (!ctx.is(child, ctx.sym().decorator)) continue;
    // Note: the decorator node also spans a trailing comment and the newline;
    // point at '@' through the end of the decorator expression only.
    SourceRange range = range_of(child);
    std::string text = "@";
    for (TSNode part : named_children(child)) {
      if (ts_node_is_extra(part)) continue;
      SourceRange end = range_of(part);
      range.end_line = end.end_line;
      range.end_column = end.end_column;
      text += ctx.text(part);
      break;
    }
    ctx.report(DiagCode::UnsupportedDecorator, range,
               "decorators are not supported; remove " + quote(text));
  }
  return ctx.child(decorated, ctx.field().definition);
}

// Note: annotations are kept for the transform but only read as hints, so
// string annotations are allowed and type-only syntax (list[int], int | None
// in the grammar's `generic_type` / `union_type` forms) becomes a Name
// holding its source text.
ast::ExprPtr convert_annotation(Context& ctx, TSNode type) {
  if (is_broken(type)) return nullptr;
  std::vector<TSNode> inner = named_children(type);
  if (inner.size() != 1) return make_expr(ast::Name{std::string(ctx.text(type))}, range_of(type));
  TSNode expr = inner.front();
  static const TSSymbol kTypeOnly[] = {
      python_grammar().sym.named("generic_type"), python_grammar().sym.named("union_type"),
      python_grammar().sym.named("member_type"), python_grammar().sym.named("splat_type"),
      python_grammar().sym.named("constrained_type")};
  for (TSSymbol symbol : kTypeOnly) {
    if (ctx.is(expr, symbol)) {
      return make_expr(ast::Name{std::string(ctx.text(expr))}, range_of(expr));
    }
  }
  return convert_expr(ctx, expr);
}

}  // namespace pygraft::parser
