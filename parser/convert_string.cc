// Literal tokens -> IntLiteral / FloatLiteral / StringLiteral, with the
// literal diagnostics: PG0004 (integer too large), PG0215 (complex), PG0208
// (bytes, strings outside print/assert/dtype positions), PG0209 (f-strings).
#include "parser/convert.h"
#include "parser/literals.h"

namespace pygraft::parser {

namespace {

struct StringPiece {
  StringPrefix prefix;
  bool has_interpolation = false;
  std::string value;
};

StringPiece read_string_piece(Context& ctx, TSNode string) {
  StringPiece piece;
  TSNode start{};
  TSNode end{};
  bool first = true;
  for (ChildCursor c(string); c.next();) {
    TSNode child = c.node();
    if (first) start = child;
    first = false;
    end = child;
    if (ctx.is(child, ctx.sym().interpolation)) piece.has_interpolation = true;
  }
  if (first || !ctx.is(start, ctx.sym().string_start)) return piece;
  piece.prefix = parse_string_prefix(ctx.text(start));
  uint32_t body_begin = ts_node_end_byte(start);
  uint32_t body_end =
      ctx.is(end, ctx.sym().string_end) ? ts_node_start_byte(end) : ts_node_end_byte(string);
  if (body_begin <= body_end && body_end <= ctx.source.size()) {
    std::string_view body = ctx.source.substr(body_begin, body_end - body_begin);
    piece.value = decode_string_body(body, piece.prefix.raw);
  }
  return piece;
}

std::vector<TSNode> string_parts(Context& ctx, TSNode node) {
  if (ctx.is(node, ctx.sym().concatenated_string)) return named_children(node);
  return {node};
}

}  // namespace

ast::ExprPtr convert_string(Context& ctx, TSNode node, bool allowed) {
  SourceRange range = range_of(node);
  std::string value;
  bool formatted = false;
  bool bytes = false;
  for (TSNode part : string_parts(ctx, node)) {
    StringPiece piece = read_string_piece(ctx, part);
    formatted = formatted || piece.prefix.formatted || piece.has_interpolation;
    bytes = bytes || piece.prefix.bytes;
    value += piece.value;
  }
  if (formatted) {
    ctx.report(DiagCode::UnsupportedFString, range,
               "f-strings are not supported; pass the values to print() as separate arguments");
  } else if (bytes) {
    ctx.report(DiagCode::UnsupportedString, range, "bytes literals are not supported");
  } else if (!allowed) {
    ctx.report(DiagCode::UnsupportedString, range,
               "string literals are only supported as print() arguments, dtype names and assert "
               "messages");
  } else {
    return make_expr(ast::StringLiteral{std::move(value)}, range);
  }
  return make_placeholder(ctx, node);
}

ast::ExprPtr convert_integer(Context& ctx, TSNode node) {
  SourceRange range = range_of(node);
  std::string_view text = ctx.text(node);
  IntLiteralValue literal = parse_int_literal(text, /*negated=*/false);
  switch (literal.status) {
    case LiteralStatus::Ok:
      return make_expr(ast::IntLiteral{literal.value}, range);
    case LiteralStatus::TooLarge:
      ctx.report(DiagCode::IntegerTooLarge, range,
                 "integer literal " + quote(text) + " does not fit in a signed 64-bit integer");
      break;
    case LiteralStatus::Imaginary:
      ctx.report(DiagCode::UnsupportedComplex, range,
                 "complex (imaginary) literals are not supported");
      break;
    case LiteralStatus::Invalid:
      ctx.report(DiagCode::SyntaxError, range, "invalid integer literal " + quote(text));
      break;
  }
  return make_placeholder(ctx, node);
}

ast::ExprPtr convert_float(Context& ctx, TSNode node) {
  SourceRange range = range_of(node);
  std::string_view text = ctx.text(node);
  FloatLiteralValue literal = parse_float_literal(text);
  switch (literal.status) {
    case LiteralStatus::Ok:
      return make_expr(ast::FloatLiteral{literal.value}, range);
    case LiteralStatus::Imaginary:
      ctx.report(DiagCode::UnsupportedComplex, range,
                 "complex (imaginary) literals are not supported");
      break;
    case LiteralStatus::TooLarge:
    case LiteralStatus::Invalid:
      ctx.report(DiagCode::SyntaxError, range, "invalid float literal " + quote(text));
      break;
  }
  return make_placeholder(ctx, node);
}

}  // namespace pygraft::parser
