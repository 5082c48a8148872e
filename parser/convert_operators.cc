// Operator expressions: binary, unary, not, and/or (flattened when the
// operator repeats), chained comparisons and `a if c else b`.
#include <algorithm>

#include "parser/convert.h"
#include "parser/literals.h"

namespace pygraft::parser {

namespace {

struct BinaryToken {
  std::string_view token;
  ast::BinaryOp op;
};

constexpr BinaryToken kBinaryTokens[] = {
    {"+", ast::BinaryOp::Add},     {"-", ast::BinaryOp::Sub},       {"*", ast::BinaryOp::Mul},
    {"/", ast::BinaryOp::Div},     {"//", ast::BinaryOp::FloorDiv}, {"%", ast::BinaryOp::Mod},
    {"**", ast::BinaryOp::Pow},    {"@", ast::BinaryOp::MatMul},    {"&", ast::BinaryOp::BitAnd},
    {"|", ast::BinaryOp::BitOr},   {"^", ast::BinaryOp::BitXor},    {"<<", ast::BinaryOp::LShift},
    {">>", ast::BinaryOp::RShift},
};

struct CompareToken {
  std::string_view token;
  ast::CompareOp op;
};

constexpr CompareToken kCompareTokens[] = {
    {"==", ast::CompareOp::Eq}, {"!=", ast::CompareOp::NotEq},
    {"<", ast::CompareOp::Lt},  {"<=", ast::CompareOp::LtE},
    {">", ast::CompareOp::Gt},  {">=", ast::CompareOp::GtE},
    {"is", ast::CompareOp::Is}, {"is not", ast::CompareOp::IsNot},
    {"in", ast::CompareOp::In}, {"not in", ast::CompareOp::NotIn},
};

bool compare_op_from_token(std::string_view token, ast::CompareOp& op) {
  for (const CompareToken& entry : kCompareTokens) {
    if (entry.token == token) {
      op = entry.op;
      return true;
    }
  }
  return false;
}

std::string_view operator_token(Context& ctx, TSNode node) {
  TSNode op = ctx.child(node, ctx.field().operator_);
  return ts_node_is_null(op) ? std::string_view{} : std::string_view(ts_node_type(op));
}

// -9223372036854775808 is the only int64 literal whose magnitude is not one.
bool is_int64_min_literal(Context& ctx, TSNode argument) {
  if (!ctx.is(argument, ctx.sym().integer)) return false;
  IntLiteralValue positive = parse_int_literal(ctx.text(argument), false);
  IntLiteralValue negative = parse_int_literal(ctx.text(argument), true);
  return positive.status == LiteralStatus::TooLarge && negative.status == LiteralStatus::Ok;
}

// The operands of `a and b and c`: walks down the left spine while the
// operator repeats (iteratively: long chains must not recurse).
std::vector<TSNode> bool_operands(Context& ctx, TSNode node, std::string_view op) {
  std::vector<TSNode> right_operands;
  TSNode current = node;
  while (ctx.is(current, ctx.sym().boolean_operator) && operator_token(ctx, current) == op) {
    right_operands.push_back(ctx.child(current, ctx.field().right));
    current = ctx.child(current, ctx.field().left);
  }
  right_operands.push_back(current);
  std::reverse(right_operands.begin(), right_operands.end());
  return right_operands;
}

}  // namespace

bool binary_op_from_token(std::string_view token, ast::BinaryOp& op) {
  for (const BinaryToken& entry : kBinaryTokens) {
    if (entry.token == token) {
      op = entry.op;
      return true;
    }
  }
  return false;
}

namespace {

bool is_and_xor(Context& ctx, TSNode node) {
  static const TSSymbol kBinary = python_grammar().sym.named("binary_operator");
  if (!ctx.is(node, kBinary)) return false;
  std::string_view token = operator_token(ctx, node);
  return token == "&" || token == "^";
}

// The operands and operators of a chain of `&` and `^` without parentheses
// between them, left to right (an iterative in-order walk).
void and_xor_chain(Context& ctx, TSNode node, std::vector<TSNode>& operands,
                   std::vector<ast::BinaryOp>& ops) {
  std::vector<TSNode> parents;
  TSNode current = node;
  for (;;) {
    while (is_and_xor(ctx, current)) {
      parents.push_back(current);
      current = ctx.child(current, ctx.field().left);
    }
    operands.push_back(current);
    if (parents.empty()) return;
    TSNode parent = parents.back();
    parents.pop_back();
    ops.push_back(operator_token(ctx, parent) == "&" ? ast::BinaryOp::BitAnd
                                                     : ast::BinaryOp::BitXor);
    current = ctx.child(parent, ctx.field().right);
  }
}

// A chain mixing `&` and `^`, rebuilt with Python's precedence: the `&` runs
// first, then `^`, both left to right; each node spans its operands as
// written (parentheses included).
// Note: tree-sitter-python ranks `^` above `&` (its PREC.xor 16 against
// PREC.bitwise_and 15), so it reads `a ^ b & c` as `(a ^ b) & c` where
// Python reads `a ^ (b & c)`.
ast::ExprPtr rebuild_and_xor(Context& ctx, TSNode node, const std::vector<TSNode>& operands,
                             const std::vector<ast::BinaryOp>& ops) {
  DepthGuard chain(ctx, node, static_cast<int>(std::min<size_t>(ops.size(), kMaxNestingDepth)));
  if (chain.too_deep()) return make_placeholder(ctx, node);
  struct Part {
    ast::ExprPtr expr;
    SourceRange range;
  };
  auto join = [](ast::BinaryOp op, Part lhs, Part rhs) {
    SourceRange range{lhs.range.line, lhs.range.column, rhs.range.end_line, rhs.range.end_column};
    return Part{make_expr(ast::BinaryExpr{op, std::move(lhs.expr), std::move(rhs.expr)}, range),
                range};
  };
  std::vector<Part> groups;  // the `&` runs
  groups.push_back({convert_expr(ctx, operands[0]), range_of(operands[0])});
  for (size_t i = 0; i < ops.size(); ++i) {
    Part next{convert_expr(ctx, operands[i + 1]), range_of(operands[i + 1])};
    if (ops[i] == ast::BinaryOp::BitAnd) {
      groups.back() = join(ast::BinaryOp::BitAnd, std::move(groups.back()), std::move(next));
    } else {
      groups.push_back(std::move(next));
    }
  }
  Part result = std::move(groups.front());
  for (size_t g = 1; g < groups.size(); ++g) {
    result = join(ast::BinaryOp::BitXor, std::move(result), std::move(groups[g]));
  }
  result.expr->range = range_of(node);
  return std::move(result.expr);
}

}  // namespace

namespace {

// A binary node whose operator converts, and that holds no syntax error: a
// link of the left spine convert_binary walks.
bool is_plain_binary(Context& ctx, TSNode node) {
  static const TSSymbol kBinary = python_grammar().sym.named("binary_operator");
  ast::BinaryOp op{};
  return ctx.is(node, kBinary) && !ts_node_has_error(node) &&
         binary_op_from_token(operator_token(ctx, node), op);
}

bool mixes_and_xor(Context& ctx, TSNode node) {
  if (!is_and_xor(ctx, node)) return false;
  std::vector<TSNode> operands;
  std::vector<ast::BinaryOp> ops;
  and_xor_chain(ctx, node, operands, ops);
  return std::find_if(ops.begin(), ops.end(),
                      [&](ast::BinaryOp op) { return op != ops.front(); }) != ops.end();
}

ast::ExprPtr convert_and_xor(Context& ctx, TSNode node) {
  std::vector<TSNode> operands;
  std::vector<ast::BinaryOp> ops;
  and_xor_chain(ctx, node, operands, ops);
  return rebuild_and_xor(ctx, node, operands, ops);
}

}  // namespace

// Left-associative chains (`x + 1 + 1 + ...`, thousands long) are converted
// along their left spine iteratively; only right operands recurse.
ast::ExprPtr convert_binary(Context& ctx, TSNode node) {
  ast::BinaryOp op{};
  if (!binary_op_from_token(operator_token(ctx, node), op)) return make_placeholder(ctx, node);
  if (mixes_and_xor(ctx, node)) return convert_and_xor(ctx, node);
  std::vector<TSNode> spine{node};  // the top node first
  // The spine stops where a `&`/`^` chain starts under another operator (`|`):
  // that chain may need rebuilding, which its own convert_binary does.
  bool top_and_xor = is_and_xor(ctx, node);
  for (TSNode left = ctx.child(node, ctx.field().left);
       is_plain_binary(ctx, left) && (top_and_xor || !is_and_xor(ctx, left));
       left = ctx.child(left, ctx.field().left)) {
    spine.push_back(left);
  }
  // Note: the top node's own level is counted by convert_expr.
  DepthGuard chain(ctx, spine.back(), static_cast<int>(spine.size() - 1));
  if (chain.too_deep()) return make_placeholder(ctx, node);
  // Note: a string operand of + or % (building a message) is kept, so the
  // lowering reports the whole expression once (transform/lower_call.cc).
  auto operand = [&](TSNode child, bool text) {
    return text ? convert_expr(ctx, child) : convert_expr(ctx, child);
  };
  binary_op_from_token(operator_token(ctx, spine.back()), op);
  ast::ExprPtr result = operand(ctx.child(spine.back(), ctx.field().left),
                                op == ast::BinaryOp::Add || op == ast::BinaryOp::Mod);
  for (size_t i = spine.size(); i-- > 0;) {
    binary_op_from_token(operator_token(ctx, spine[i]), op);
    ast::ExprPtr rhs = operand(ctx.child(spine[i], ctx.field().right), op == ast::BinaryOp::Add);
    result = make_expr(ast::BinaryExpr{op, std::move(result), std::move(rhs)}, range_of(spine[i]));
  }
  return result;
}

ast::ExprPtr convert_unary(Context& ctx, TSNode node) {
  std::string_view token = operator_token(ctx, node);
  TSNode argument = ctx.child(node, ctx.field().argument);
  if (token == "-" && is_int64_min_literal(ctx, argument)) {
    return make_expr(ast::IntLiteral{parse_int_literal(ctx.text(argument), true).value},
                     range_of(node));
  }
  ast::UnaryOp op = token == "-"   ? ast::UnaryOp::Neg
                    : token == "+" ? ast::UnaryOp::Pos
                                   : ast::UnaryOp::Invert;
  return make_expr(ast::UnaryExpr{op, convert_expr(ctx, argument)}, range_of(node));
}

ast::ExprPtr convert_not(Context& ctx, TSNode node) {
  ast::ExprPtr operand = convert_expr(ctx, ctx.child(node, ctx.field().argument));
  return make_expr(ast::UnaryExpr{ast::UnaryOp::Not, std::move(operand)}, range_of(node));
}

ast::ExprPtr convert_boolean(Context& ctx, TSNode node) {
  std::string_view token = operator_token(ctx, node);
  ast::BoolOp op = token == "and" ? ast::BoolOp::And : ast::BoolOp::Or;
  ast::BoolOpExpr result{op, {}};
  std::vector<TSNode> operands = bool_operands(ctx, node, token);
  for (TSNode operand : operands) {
    result.values.push_back(convert_expr(ctx, operand));
  }
  return make_expr(std::move(result), range_of(node));
}

ast::ExprPtr convert_comparison(Context& ctx, TSNode node) {
  // The operands are the named children (the operators are anonymous).
  ast::CompareExpr result;
  for (ChildCursor c(node); c.next();) {
    TSNode child = c.node();
    if (c.field() == ctx.field().operators) {
      ast::CompareOp op{};
      if (!compare_op_from_token(ts_node_type(child), op)) {
        ctx.report(DiagCode::SyntaxError, range_of(child), "'<>' is not valid Python 3; use '!='");
        return make_placeholder(ctx, node);
      }
      result.ops.push_back(op);
    } else if (ts_node_is_named(child) && !ts_node_is_extra(child)) {
      ast::ExprPtr operand = convert_expr(ctx, child);
      if (result.left) {
        result.comparators.push_back(std::move(operand));
      } else {
        result.left = std::move(operand);
      }
    }
  }
  if (!result.left || result.ops.size() != result.comparators.size()) {
    return make_placeholder(ctx, node);  // only after a syntax error
  }
  return make_expr(std::move(result), range_of(node));
}

ast::ExprPtr convert_conditional(Context& ctx, TSNode node) {
  std::vector<TSNode> parts = named_children(node);
  if (parts.size() != 3) return make_placeholder(ctx, node);
  ast::ExprPtr body = convert_expr(ctx, parts[0]);
  ast::ExprPtr test = convert_expr(ctx, parts[1]);
  ast::ExprPtr orelse = convert_expr(ctx, parts[2]);
  return make_expr(ast::IfExpr{std::move(test), std::move(body), std::move(orelse)},
                   range_of(node));
}

}  // namespace pygraft::parser
