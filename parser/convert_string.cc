// Literal tokens -> IntLiteral / FloatLiteral / StringLiteral, with the
// literal diagnostics: PG0004 (integer too large), PG0215 (complex), PG0208
// (bytes), PG0209 (f-string forms str.format has no equivalent for). An
// f-string becomes the str.format call it means: f"{x:.2f} ({y!r})" is
// "{:.2f} ({!r})".format(x, y).
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

// Text for str.format: braces doubled.
std::string escape_braces(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') out += c;
  }
  return out;
}

// One `{expression!conversion:spec}` of an f-string, as a str.format field;
// false (reported) for what str.format cannot say: a nested field in the
// spec (f"{x:{width}}") or a self-documenting f"{x=}".
bool append_field(Context& ctx, TSNode interpolation, std::string& format,
                  std::vector<ast::ExprPtr>& args) {
  const GrammarSymbols& sym = ctx.sym();
  std::string field = "{";
  for (ChildCursor c(interpolation); c.next();) {
    TSNode child = c.node();
    if (!ts_node_is_named(child) && ctx.text(child) == "=") {
      ctx.report(DiagCode::UnsupportedFString, range_of(interpolation),
                 "self-documenting f-string fields ({x=}) are not supported; write "
                 "f\"x={x}\"");
      return false;
    }
    if (ctx.is(child, sym.type_conversion)) field += std::string(ctx.text(child));
    if (ctx.is(child, sym.format_specifier)) {
      for (TSNode nested : named_children(child)) {
        if (ctx.is(nested, sym.format_expression)) {
          ctx.report(DiagCode::UnsupportedFString, range_of(nested),
                     "a field inside an f-string's format spec is not supported; use a fixed "
                     "spec such as {x:8.3f}");
          return false;
        }
      }
      std::string_view spec = ctx.text(child);
      if (!spec.empty() && spec.front() == ':') spec.remove_prefix(1);
      field += ":" + std::string(spec);
    }
  }
  TSNode expression = ctx.child(interpolation, ctx.field().expression);
  if (is_broken(expression)) return false;
  args.push_back(convert_expr(ctx, expression));
  format += field + "}";
  return true;
}

// An f-string piece: its text (escapes decoded, braces kept doubled) and
// its fields; false when a field was reported.
bool append_fstring_piece(Context& ctx, TSNode string, const StringPrefix& prefix,
                          std::string& format, std::vector<ast::ExprPtr>& args) {
  for (TSNode child : named_children(string)) {
    if (ctx.is(child, ctx.sym().string_content)) {
      format += decode_string_body(ctx.text(child), prefix.raw);
    } else if (ctx.is(child, ctx.sym().interpolation)) {
      if (!append_field(ctx, child, format, args)) return false;
    }
  }
  return true;
}

// f"..." (maybe joined with plain literals): `format`.format(*args).
ast::ExprPtr convert_fstring(Context& ctx, TSNode node) {
  std::string format;
  std::vector<ast::ExprPtr> args;
  for (TSNode part : string_parts(ctx, node)) {
    StringPiece piece = read_string_piece(ctx, part);
    if (piece.prefix.formatted) {
      if (!append_fstring_piece(ctx, part, piece.prefix, format, args)) {
        return make_placeholder(ctx, node);
      }
    } else {
      format += escape_braces(piece.value);
    }
  }
  const SourceRange range = range_of(node);
  ast::CallExpr call;
  call.func = make_expr(
      ast::AttributeExpr{make_expr(ast::StringLiteral{std::move(format)}, range), "format", range},
      range);
  call.args = std::move(args);
  return make_expr(std::move(call), range);
}

}  // namespace

ast::ExprPtr convert_string(Context& ctx, TSNode node) {
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
  if (formatted && !bytes) return convert_fstring(ctx, node);
  if (bytes) {
    ctx.report(DiagCode::UnsupportedString, range,
               "bytes literals are not supported; use a str literal ('text')");
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
