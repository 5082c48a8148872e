// The fast parser's expression statements (assignments of every form) and
// compound statements (if / elif / else, while, for, with their else
// clauses).
#include "parser/fast_parser_impl.h"

namespace pygraft::parser::fast {

namespace {

ast::StmtPtr make_stmt(ast::Stmt::Kind kind, SourceRange range) {
  return std::make_unique<ast::Stmt>(ast::Stmt{std::move(kind), range});
}

struct AugmentedToken {
  std::string_view token;
  ast::BinaryOp op;
};

constexpr AugmentedToken kAugmented[] = {
    {"+=", ast::BinaryOp::Add},       {"-=", ast::BinaryOp::Sub},
    {"*=", ast::BinaryOp::Mul},       {"/=", ast::BinaryOp::Div},
    {"//=", ast::BinaryOp::FloorDiv}, {"%=", ast::BinaryOp::Mod},
    {"**=", ast::BinaryOp::Pow},      {"@=", ast::BinaryOp::MatMul},
    {"&=", ast::BinaryOp::BitAnd},    {"|=", ast::BinaryOp::BitOr},
    {"^=", ast::BinaryOp::BitXor},    {"<<=", ast::BinaryOp::LShift},
    {">>=", ast::BinaryOp::RShift},
};

bool is_subscript_or_name(const ast::Expr& expr) {
  return std::holds_alternative<ast::Name>(expr.kind) ||
         std::holds_alternative<ast::SubscriptExpr>(expr.kind);
}

}  // namespace

// ---- expression statements ----

ast::StmtPtr Parser::expression_statement() {
  Token start = peek();
  Parsed first = expression_list();
  if (at_op("=")) return assignment(std::move(first), start);
  if (at_op(":")) {
    // `t: T = v` / `t: T`: a single name or array element.
    if (!is_subscript_or_name(*first.expr) || first.extent != first.expr->range) decline();
    take();
    Parsed type = annotation();
    SourceRange last = type.extent;
    ast::ExprPtr value;
    if (at_op("=")) {
      take();
      Parsed parsed = expression_list();
      last = parsed.extent;
      value = std::move(parsed.expr);
    }
    return make_stmt(ast::AnnAssign{std::move(first.expr), std::move(type.expr), std::move(value)},
                     span(first.extent, last));
  }
  const Token& token = peek();
  if (token.kind == TokenKind::Op) {
    for (const AugmentedToken& entry : kAugmented) {
      if (text(token) != entry.token) continue;
      if (!is_subscript_or_name(*first.expr) || first.extent != first.expr->range) decline();
      take();
      Parsed value = expression_list();
      SourceRange range = span(first.extent, value.extent);
      return make_stmt(ast::AugAssign{std::move(first.expr), entry.op, std::move(value.expr)},
                       range);
    }
  }
  return make_stmt(ast::ExprStmt{std::move(first.expr)}, first.extent);
}

// `a = b = value`: the targets in source order.
ast::StmtPtr Parser::assignment(Parsed first, const Token& start) {
  (void)start;
  std::vector<Parsed> parts;
  parts.push_back(std::move(first));
  while (at_op("=")) {
    take();
    if (at_keyword("yield")) decline();
    parts.push_back(expression_list());
  }
  ast::Assign result;
  for (size_t i = 0; i + 1 < parts.size(); ++i)
    result.targets.push_back(target(std::move(parts[i])));
  SourceRange range = span(parts.front().extent, parts.back().extent);
  result.value = std::move(parts.back().expr);
  return make_stmt(std::move(result), range);
}

// An assignment or loop target: a name, an array element, a tuple or list
// of targets (parentheses around one target are transparent).
ast::ExprPtr Parser::target(Parsed parsed) {
  ast::Expr& expr = *parsed.expr;
  if (is_subscript_or_name(expr)) return std::move(parsed.expr);
  std::vector<ast::ExprPtr>* elements = nullptr;
  if (auto* tuple = std::get_if<ast::TupleExpr>(&expr.kind)) elements = &tuple->elements;
  if (auto* list = std::get_if<ast::ListExpr>(&expr.kind)) elements = &list->elements;
  if (elements == nullptr || elements->empty()) decline();
  for (ast::ExprPtr& element : *elements) {
    SourceRange range = element->range;
    element = target(Parsed{std::move(element), range});
  }
  return std::move(parsed.expr);
}

// ---- compound statements ----

ast::StmtPtr Parser::if_statement() {
  // Links of the chain: the if, then each elif (an If alone in the orelse of
  // the one before); every link's range ends where the whole statement does.
  std::vector<std::pair<ast::StmtPtr, SourceRange>> links;
  SourceRange end{};
  ast::Block final_else;
  DepthScope chain{*this};
  do {
    chain.add();
    Token keyword = take();
    ast::If link;
    link.test = expression().expr;
    expect_op(":");
    link.body = block(false, end);
    links.emplace_back(make_stmt(std::move(link), range_of(keyword)), range_of(keyword));
  } while (at_keyword("elif"));
  if (at_keyword("else")) {
    take();
    expect_op(":");
    final_else = block(false, end);
  }
  // Assemble from the last link back, each into the orelse of the one before.
  ast::Block orelse = std::move(final_else);
  for (size_t i = links.size(); i-- > 0;) {
    ast::StmtPtr& link = links[i].first;
    link->range = span(links[i].second, end);
    std::get<ast::If>(link->kind).orelse = std::move(orelse);
    orelse.clear();
    orelse.push_back(std::move(link));
  }
  return std::move(orelse.front());
}

ast::StmtPtr Parser::while_statement() {
  Token keyword = take();
  ast::While result;
  result.test = expression().expr;
  expect_op(":");
  SourceRange end{};
  enter();
  ++loop_depth_;
  if (loop_depth_ > kMaxFastLoops) decline();
  result.body = block(false, end);
  --loop_depth_;
  if (at_keyword("else")) {
    take();
    expect_op(":");
    result.orelse = block(false, end);
  }
  leave();
  return make_stmt(std::move(result), span(range_of(keyword), end));
}

ast::StmtPtr Parser::for_statement() {
  Token keyword = take();
  ast::For result;
  // The target: primaries separated by commas, up to `in` (an expression
  // would read `x in y` as a comparison).
  Parsed first = primary();
  if (at_op(",")) {
    ast::TupleExpr tuple;
    SourceRange last = first.extent;
    tuple.elements.push_back(std::move(first.expr));
    while (at_op(",")) {
      last = range_of(take());
      if (at_keyword("in")) break;
      Parsed element = primary();
      last = element.extent;
      tuple.elements.push_back(std::move(element.expr));
    }
    SourceRange range = span(first.extent, last);
    first = {std::make_unique<ast::Expr>(ast::Expr{std::move(tuple), range}), range};
  }
  result.target = target(std::move(first));
  expect_keyword("in");
  result.iter = expression_list().expr;
  expect_op(":");
  SourceRange end{};
  enter();
  ++loop_depth_;
  if (loop_depth_ > kMaxFastLoops) decline();
  result.body = block(false, end);
  --loop_depth_;
  if (at_keyword("else")) {
    take();
    expect_op(":");
    result.orelse = block(false, end);
  }
  leave();
  return make_stmt(std::move(result), span(range_of(keyword), end));
}

}  // namespace pygraft::parser::fast
