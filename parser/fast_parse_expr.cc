// The fast parser's expressions, by Python's precedence: conditional, or,
// and, not, comparisons, | ^ & << >> + - * / // % @, unary, **, postfix
// (attribute, call, subscript), atoms. Nodes get tree-sitter's ranges:
// a binary node spans its operands with their parentheses.
#include <array>

#include "parser/fast_parser_impl.h"
#include "parser/literals.h"

namespace pygraft::parser::fast {

namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

bool is_keyword(std::string_view word) {
  for (std::string_view k : kKeywords) {
    if (k == word) return true;
  }
  return false;
}

ast::ExprPtr make(ast::Expr::Kind kind, SourceRange range) {
  return std::make_unique<ast::Expr>(ast::Expr{std::move(kind), range});
}

struct BinaryLevel {
  std::array<std::string_view, 5> tokens;
  std::array<ast::BinaryOp, 5> ops;
  size_t count;
};

// From the loosest: |, ^, &, shifts, + -, * / // % @.
constexpr BinaryLevel kLevels[] = {
    {{"|"}, {ast::BinaryOp::BitOr}, 1},
    {{"^"}, {ast::BinaryOp::BitXor}, 1},
    {{"&"}, {ast::BinaryOp::BitAnd}, 1},
    {{"<<", ">>"}, {ast::BinaryOp::LShift, ast::BinaryOp::RShift}, 2},
    {{"+", "-"}, {ast::BinaryOp::Add, ast::BinaryOp::Sub}, 2},
    {{"*", "/", "//", "%", "@"},
     {ast::BinaryOp::Mul, ast::BinaryOp::Div, ast::BinaryOp::FloorDiv, ast::BinaryOp::Mod,
      ast::BinaryOp::MatMul},
     5},
};
constexpr int kLevelCount = sizeof kLevels / sizeof kLevels[0];

}  // namespace

// ---- tokens ----

const Token& Parser::peek(size_t ahead) {
  const Token& token = lexer_.peek(ahead);
  if (lexer_.failed()) decline();
  return token;
}

Token Parser::take() {
  peek();
  return lexer_.next();
}

bool Parser::at_op(std::string_view op, size_t ahead) {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Op && text(token) == op;
}

bool Parser::at_keyword(std::string_view word, size_t ahead) {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Name && text(token) == word;
}

Token Parser::expect_op(std::string_view op) {
  if (!at_op(op)) decline();
  return take();
}

Token Parser::expect_keyword(std::string_view word) {
  if (!at_keyword(word)) decline();
  return take();
}

Token Parser::expect_name() {
  const Token& token = peek();
  if (token.kind != TokenKind::Name || is_keyword(text(token))) decline();
  return take();
}

SourceRange Parser::range_of(const Token& token) {
  return SourceRange{token.line, token.column, token.end_line, token.end_column};
}

SourceRange Parser::span(const SourceRange& first, const SourceRange& last) {
  return SourceRange{first.line, first.column, last.end_line, last.end_column};
}

void Parser::enter() {
  if (++depth_ > kMaxFastNesting) decline();
}

// ---- expressions ----

Parsed Parser::expression() {
  if (at_keyword("lambda") || at_keyword("yield") || at_op("*")) decline();
  enter();
  Parsed body = disjunction();
  if (!at_keyword("if")) {
    leave();
    return body;
  }
  take();
  Parsed test = disjunction();
  expect_keyword("else");
  Parsed orelse = expression();
  SourceRange range = span(body.extent, orelse.extent);
  leave();
  return {
      make(ast::IfExpr{std::move(test.expr), std::move(body.expr), std::move(orelse.expr)}, range),
      range};
}

Parsed Parser::disjunction() {
  Parsed first = conjunction();
  if (!at_keyword("or")) return first;
  ast::BoolOpExpr result{ast::BoolOp::Or, {}};
  result.values.push_back(std::move(first.expr));
  SourceRange last = first.extent;
  while (at_keyword("or")) {
    take();
    Parsed operand = conjunction();
    last = operand.extent;
    result.values.push_back(std::move(operand.expr));
  }
  SourceRange range = span(first.extent, last);
  return {make(std::move(result), range), range};
}

Parsed Parser::conjunction() {
  Parsed first = inversion();
  if (!at_keyword("and")) return first;
  ast::BoolOpExpr result{ast::BoolOp::And, {}};
  result.values.push_back(std::move(first.expr));
  SourceRange last = first.extent;
  while (at_keyword("and")) {
    take();
    Parsed operand = inversion();
    last = operand.extent;
    result.values.push_back(std::move(operand.expr));
  }
  SourceRange range = span(first.extent, last);
  return {make(std::move(result), range), range};
}

Parsed Parser::inversion() {
  if (!at_keyword("not")) return comparison();
  Token op = take();
  enter();
  Parsed operand = inversion();
  leave();
  SourceRange range = span(range_of(op), operand.extent);
  return {make(ast::UnaryExpr{ast::UnaryOp::Not, std::move(operand.expr)}, range), range};
}

Parsed Parser::comparison() {
  Parsed first = binary_level(0);
  ast::CompareExpr result;
  SourceRange last = first.extent;
  for (;;) {
    ast::CompareOp op{};
    const Token& token = peek();
    std::string_view t = text(token);
    if (token.kind == TokenKind::Op &&
        (t == "==" || t == "!=" || t == "<" || t == "<=" || t == ">" || t == ">=")) {
      op = t == "=="   ? ast::CompareOp::Eq
           : t == "!=" ? ast::CompareOp::NotEq
           : t == "<"  ? ast::CompareOp::Lt
           : t == "<=" ? ast::CompareOp::LtE
           : t == ">"  ? ast::CompareOp::Gt
                       : ast::CompareOp::GtE;
      take();
    } else if (at_keyword("in")) {
      op = ast::CompareOp::In;
      take();
    } else if (at_keyword("not") && at_keyword("in", 1)) {
      op = ast::CompareOp::NotIn;
      take();
      take();
    } else if (at_keyword("is")) {
      take();
      op = ast::CompareOp::Is;
      if (at_keyword("not")) {
        take();
        op = ast::CompareOp::IsNot;
      }
    } else {
      break;
    }
    Parsed operand = binary_level(0);
    last = operand.extent;
    result.ops.push_back(op);
    result.comparators.push_back(std::move(operand.expr));
  }
  if (result.ops.empty()) return first;
  result.left = std::move(first.expr);
  SourceRange range = span(first.extent, last);
  return {make(std::move(result), range), range};
}

// Left-associative operators of kLevels[level], each operand one level tighter.
Parsed Parser::binary_level(int level) {
  if (level == kLevelCount) return factor();
  Parsed lhs = binary_level(level + 1);
  const BinaryLevel& ops = kLevels[level];
  DepthScope chain{*this};
  for (;;) {
    const Token& token = peek();
    if (token.kind != TokenKind::Op) return lhs;
    size_t k = 0;
    while (k < ops.count && ops.tokens[k] != text(token)) ++k;
    if (k == ops.count) return lhs;
    take();
    chain.add();
    Parsed rhs = binary_level(level + 1);
    SourceRange range = span(lhs.extent, rhs.extent);
    lhs = {make(ast::BinaryExpr{ops.ops[k], std::move(lhs.expr), std::move(rhs.expr)}, range),
           range};
  }
}

Parsed Parser::factor() {
  const Token& token = peek();
  std::string_view t = text(token);
  if (token.kind != TokenKind::Op || (t != "-" && t != "+" && t != "~")) return power();
  Token op = take();
  // -9223372036854775808 is one literal (its magnitude alone overflows).
  const Token& next = peek();
  if (t == "-" && next.kind == TokenKind::Number && !at_op("**", 1) && !at_op(".", 1) &&
      !at_op("(", 1) && !at_op("[", 1) &&
      parse_int_literal(text(next), false).status == LiteralStatus::TooLarge) {
    IntLiteralValue value = parse_int_literal(text(next), true);
    if (value.status != LiteralStatus::Ok) decline();
    SourceRange range = span(range_of(op), range_of(take()));
    return {make(ast::IntLiteral{value.value}, range), range};
  }
  enter();
  Parsed operand = factor();
  leave();
  ast::UnaryOp unary = t == "-"   ? ast::UnaryOp::Neg
                       : t == "+" ? ast::UnaryOp::Pos
                                  : ast::UnaryOp::Invert;
  SourceRange range = span(range_of(op), operand.extent);
  return {make(ast::UnaryExpr{unary, std::move(operand.expr)}, range), range};
}

Parsed Parser::power() {
  if (at_keyword("await")) decline();
  Parsed base = primary();
  if (!at_op("**")) return base;
  take();
  enter();
  Parsed exponent = factor();
  leave();
  SourceRange range = span(base.extent, exponent.extent);
  return {make(ast::BinaryExpr{ast::BinaryOp::Pow, std::move(base.expr), std::move(exponent.expr)},
               range),
          range};
}

Parsed Parser::primary() {
  Parsed value = atom();
  DepthScope chain{*this};
  for (;;) {
    if (at_op(".") || at_op("(") || at_op("[")) chain.add();
    if (at_op(".")) {
      take();
      Token name = expect_name();
      SourceRange range = span(value.extent, range_of(name));
      ast::AttributeExpr attr{std::move(value.expr), std::string(text(name)), range_of(name)};
      value = {make(std::move(attr), range), range};
    } else if (at_op("(")) {
      take();
      ast::CallExpr call;
      call.func = std::move(value.expr);
      call_arguments(call);
      SourceRange range = span(value.extent, range_of(expect_op(")")));
      value = {make(std::move(call), range), range};
    } else if (at_op("[")) {
      take();
      ast::SubscriptExpr subscript;
      subscript.value = std::move(value.expr);
      subscript_items(subscript);
      SourceRange range = span(value.extent, range_of(expect_op("]")));
      value = {make(std::move(subscript), range), range};
    } else {
      return value;
    }
  }
}

Parsed Parser::atom() {
  const Token& token = peek();
  switch (token.kind) {
    case TokenKind::Number:
      return number(take());
    case TokenKind::String:
      return strings();
    case TokenKind::Name: {
      std::string_view word = text(token);
      SourceRange range = range_of(token);
      if (word == "True" || word == "False") {
        take();
        return {make(ast::BoolLiteral{word == "True"}, range), range};
      }
      if (word == "None") {
        take();
        return {make(ast::NoneLiteral{}, range), range};
      }
      Token name = expect_name();
      return {make(ast::Name{std::string(text(name))}, range), range};
    }
    case TokenKind::Op:
      if (at_op("(")) return parenthesized();
      if (at_op("[")) return list_display();
      if (at_op("...")) {
        SourceRange range = range_of(take());
        return {make(ast::EllipsisLiteral{}, range), range};
      }
      decline();
    default:
      decline();
  }
}

Parsed Parser::number(const Token& token) {
  std::string_view t = text(token);
  SourceRange range = range_of(token);
  bool hex = t.size() > 1 && t[0] == '0' && (t[1] | 0x20) == 'x';
  bool is_float = t.find('.') != std::string_view::npos ||
                  (!hex && t.find_first_of("eE") != std::string_view::npos);
  if (is_float) {
    FloatLiteralValue value = parse_float_literal(t);
    if (value.status != LiteralStatus::Ok) decline();
    return {make(ast::FloatLiteral{value.value}, range), range};
  }
  IntLiteralValue value = parse_int_literal(t, false);
  if (value.status != LiteralStatus::Ok) decline();
  return {make(ast::IntLiteral{value.value}, range), range};
}

// One or more adjacent string tokens (implicit concatenation).
Parsed Parser::strings() {
  std::string value;
  SourceRange first = range_of(peek());
  SourceRange last = first;
  while (peek().kind == TokenKind::String) {
    Token token = take();
    std::string_view t = text(token);
    size_t quote = t.find_first_of("'\"");
    StringPrefix prefix = parse_string_prefix(t);
    if (prefix.bytes || prefix.formatted) decline();
    size_t width =
        t.size() >= quote + 6 && t[quote + 1] == t[quote] && t[quote + 2] == t[quote] ? 3 : 1;
    std::string_view body = t.substr(quote + width, t.size() - quote - 2 * width);
    value += decode_string_body(body, prefix.raw);
    last = range_of(token);
  }
  SourceRange range = span(first, last);
  return {make(ast::StringLiteral{std::move(value)}, range), range};
}

Parsed Parser::parenthesized() {
  Token open = take();
  if (at_op(")")) {
    SourceRange range = span(range_of(open), range_of(take()));
    return {make(ast::TupleExpr{}, range), range, true};
  }
  enter();
  Parsed first = expression();
  if (at_keyword("for") || at_op(":=")) decline();
  if (!at_op(",")) {
    SourceRange extent = span(range_of(open), range_of(expect_op(")")));
    leave();
    return {std::move(first.expr), extent};
  }
  ast::TupleExpr tuple;
  tuple.elements.push_back(std::move(first.expr));
  while (at_op(",")) {
    take();
    if (at_op(")")) break;
    tuple.elements.push_back(expression().expr);
  }
  SourceRange range = span(range_of(open), range_of(expect_op(")")));
  leave();
  return {make(std::move(tuple), range), range, true};
}

Parsed Parser::list_display() {
  Token open = take();
  enter();
  ast::ListExpr list;
  while (!at_op("]")) {
    list.elements.push_back(expression().expr);
    if (at_keyword("for") || at_op(":=")) decline();
    if (!at_op(",")) break;
    take();
  }
  SourceRange range = span(range_of(open), range_of(expect_op("]")));
  leave();
  return {make(std::move(list), range), range};
}

void Parser::call_arguments(ast::CallExpr& call) {
  enter();
  while (!at_op(")")) {
    if (at_op("*") || at_op("**")) decline();
    const Token& token = peek();
    if (token.kind == TokenKind::Name && at_op("=", 1)) {
      Token name = expect_name();
      take();
      Parsed value = expression_or_string(StringSlot::Argument);
      call.keywords.push_back(ast::Keyword{std::string(text(name)), std::move(value.expr),
                                           span(range_of(name), value.extent)});
    } else {
      call.args.push_back(expression_or_string(StringSlot::Argument).expr);
      if (at_keyword("for") || at_op(":=")) decline();
    }
    if (!at_op(",")) break;
    take();
  }
  leave();
}

void Parser::subscript_items(ast::SubscriptExpr& subscript) {
  enter();
  std::vector<Parsed> items;
  bool comma = false;
  while (!at_op("]")) {
    items.push_back(slice_item());
    if (!at_op(",")) break;
    take();
    comma = true;
  }
  if (items.empty()) decline();
  if (items.size() == 1 && items.front().paren_tuple) {
    // a[(i, j)] is a[i, j]
    auto& tuple = std::get<ast::TupleExpr>(items.front().expr->kind);
    subscript.indices = std::move(tuple.elements);
    subscript.is_tuple_index = true;
  } else {
    for (Parsed& item : items) subscript.indices.push_back(std::move(item.expr));
    subscript.is_tuple_index = items.size() > 1 || comma;
  }
  leave();
}

// An index or a slice `lower:upper:step` (each part optional); the slice
// spans its own tokens, colons included.
Parsed Parser::slice_item() {
  if (at_op("*")) decline();
  ast::ExprPtr parts[3];
  std::optional<SourceRange> first;
  SourceRange last{};
  size_t part = 0;
  if (!at_op(":")) {
    Parsed lower = expression();
    if (!at_op(":")) return lower;
    first = lower.extent;
    parts[0] = std::move(lower.expr);
  }
  while (at_op(":") && part < 2) {
    Token colon = take();
    ++part;
    if (!first) first = range_of(colon);
    last = range_of(colon);
    if (!at_op(":") && !at_op(",") && !at_op("]")) {
      Parsed bound = expression();
      last = bound.extent;
      parts[part] = std::move(bound.expr);
    }
  }
  if (at_op(":")) decline();
  SourceRange range = span(*first, last);
  ast::SliceExpr slice{std::move(parts[0]), std::move(parts[1]), std::move(parts[2])};
  return {make(std::move(slice), range), range};
}

// `(` * k, string tokens, `)` * k, then what may follow the slot.
bool Parser::string_argument_ahead(StringSlot slot) {
  size_t k = 0;
  while (at_op("(", k)) ++k;
  size_t i = k;
  if (peek(i).kind != TokenKind::String) return false;
  while (peek(i).kind == TokenKind::String) ++i;
  for (size_t close = 0; close < k; ++close, ++i) {
    if (!at_op(")", i)) return false;
  }
  const Token& after = peek(i);
  if (after.kind == TokenKind::Newline) return slot != StringSlot::Argument;
  if (after.kind != TokenKind::Op) return false;
  std::string_view t = text(after);
  switch (slot) {
    case StringSlot::Argument:
      return t == "," || t == ")";
    case StringSlot::AssertMessage:
      return t == ";";
    case StringSlot::Annotation:
      return t == "," || t == ")" || t == "=" || t == ":" || t == ";";
    case StringSlot::None:
      return false;
  }
  return false;
}

Parsed Parser::expression_or_string(StringSlot slot) {
  if (!string_argument_ahead(slot)) return expression();
  std::vector<Token> opens;
  while (at_op("(")) opens.push_back(take());
  Parsed value = strings();
  for (size_t i = 0; i < opens.size(); ++i) {
    value.extent = span(range_of(opens[opens.size() - 1 - i]), range_of(expect_op(")")));
  }
  return value;
}

Parsed Parser::expression_list() {
  Parsed first = expression();
  if (!at_op(",")) return first;
  ast::TupleExpr tuple;
  SourceRange last = first.extent;
  tuple.elements.push_back(std::move(first.expr));
  while (at_op(",")) {
    last = range_of(take());
    const Token& next = peek();
    if (next.kind == TokenKind::Newline || at_op("=") || at_op(";") || at_op(":") || at_op(")")) {
      break;
    }
    Parsed element = expression();
    last = element.extent;
    tuple.elements.push_back(std::move(element.expr));
  }
  SourceRange range = span(first.extent, last);
  return {make(std::move(tuple), range), range};
}

// Names and attribute chains (`float`, `np.ndarray`) and strings; other
// annotations (`list[int]`, `int | None`) are left to tree-sitter, whose
// grammar gives them type-only nodes.
Parsed Parser::annotation() {
  if (string_argument_ahead(StringSlot::Annotation)) {
    return expression_or_string(StringSlot::Annotation);
  }
  Parsed value = atom();
  if (!std::holds_alternative<ast::Name>(value.expr->kind)) decline();
  while (at_op(".")) {
    take();
    Token name = expect_name();
    SourceRange range = span(value.extent, range_of(name));
    ast::AttributeExpr attr{std::move(value.expr), std::string(text(name)), range_of(name)};
    value = {make(std::move(attr), range), range};
  }
  const Token& next = peek();
  if (next.kind != TokenKind::Newline && !at_op(",") && !at_op(")") && !at_op("=") && !at_op(":") &&
      !at_op(";")) {
    decline();
  }
  return value;
}

}  // namespace pygraft::parser::fast
