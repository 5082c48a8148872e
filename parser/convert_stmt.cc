// Statements inside a function body: one converter per statement kind,
// dispatched from a table. Unsupported statements are reported and dropped
// from their block.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

using StmtConverter = ast::StmtPtr (*)(Context&, TSNode);

ast::StmtPtr convert_expression_statement(Context& ctx, TSNode node) {
  std::vector<TSNode> parts = named_children(node);
  SourceRange range = range_of(node);
  if (parts.empty() || ts_node_is_error(parts.front())) return nullptr;
  TSNode first = parts.front();
  if (parts.size() == 1) {
    if (ctx.is(first, ctx.sym().assignment)) return convert_assignment(ctx, first, range);
    if (ctx.is(first, ctx.sym().augmented_assignment)) {
      return convert_augmented_assignment(ctx, first, range);
    }
    ast::ExprPtr value = convert_expr(ctx, first);
    if (ctx.is(first, ctx.sym().yield)) return nullptr;  // reported; drop the statement
    return make_stmt(ast::ExprStmt{std::move(value)}, range);
  }
  ast::TupleExpr tuple;  // `a, b` as a statement
  for (TSNode part : parts) tuple.elements.push_back(convert_expr(ctx, part));
  return make_stmt(ast::ExprStmt{make_expr(std::move(tuple), range)}, range);
}

ast::StmtPtr convert_return(Context& ctx, TSNode node) {
  std::vector<TSNode> parts = named_children(node);
  ast::ExprPtr value = parts.empty() ? nullptr : convert_expr(ctx, parts.front());
  return make_stmt(ast::Return{std::move(value)}, range_of(node));
}

ast::StmtPtr convert_pass(Context&, TSNode node) {
  return make_stmt(ast::Pass{}, range_of(node));
}

ast::StmtPtr convert_break(Context&, TSNode node) {
  return make_stmt(ast::Break{}, range_of(node));
}

ast::StmtPtr convert_continue(Context&, TSNode node) {
  return make_stmt(ast::Continue{}, range_of(node));
}

ast::StmtPtr convert_assert(Context& ctx, TSNode node) {
  std::vector<TSNode> parts = named_children(node);
  if (parts.empty()) return nullptr;
  if (parts.size() > 2) {
    ctx.report(DiagCode::SyntaxError, range_of(parts[2]),
               "assert takes a condition and an optional message");
    return nullptr;
  }
  ast::ExprPtr test = convert_expr(ctx, parts[0]);
  ast::ExprPtr message = parts.size() == 2 ? convert_expr(ctx, parts[1]) : nullptr;
  return make_stmt(ast::Assert{std::move(test), std::move(message)}, range_of(node));
}

// `raise E` / `raise E(message)`; `from None` is dropped (it only hides the
// context of an exception being handled, and there is none in a graph).
ast::StmtPtr convert_raise(Context& ctx, TSNode node) {
  TSNode cause = ctx.child(node, ctx.field().cause);
  std::vector<TSNode> parts;
  for (TSNode part : named_children(node)) {
    if (!ts_node_eq(part, cause)) parts.push_back(part);
  }
  if (parts.empty()) {
    ctx.report(DiagCode::UnsupportedRaise, keyword_range(node),
               "a bare 'raise' re-raises the exception being handled, and graphs handle none; "
               "raise an exception: raise ValueError(\"message\")");
    return nullptr;
  }
  if (!ts_node_is_null(cause) && ctx.text(cause) != "None") {
    ctx.report(DiagCode::UnsupportedRaise, range_of(cause),
               "'raise ... from " + std::string(ctx.text(cause)) +
                   "' is not supported; raise the exception alone");
    note_dropped(ctx, node);
    return nullptr;
  }
  return make_stmt(ast::Raise{convert_expr(ctx, parts.front())}, range_of(node));
}

ast::Block convert_else(Context& ctx, TSNode else_clause) {
  if (is_broken(else_clause)) return {};
  return convert_block(ctx, ctx.child(else_clause, ctx.field().body), false);
}

// `clause` is the if itself or one of its elif clauses; alternatives[next...]
// are the clauses after it. An elif becomes an If alone in orelse, ranging
// from its keyword to the end of the whole statement.
ast::StmtPtr convert_if_clause(Context& ctx, TSNode clause, const std::vector<TSNode>& alternatives,
                               size_t next, TSNode whole) {
  ast::If result;
  result.test = convert_expr(ctx, ctx.child(clause, ctx.field().condition));
  result.body = convert_block(ctx, ctx.child(clause, ctx.field().consequence), false);
  if (next < alternatives.size()) {
    TSNode alternative = alternatives[next];
    if (ctx.is(alternative, ctx.sym().elif_clause)) {
      DepthGuard guard(ctx, alternative);
      ast::StmtPtr nested =
          guard.too_deep() ? nullptr
                           : convert_if_clause(ctx, alternative, alternatives, next + 1, whole);
      if (nested) result.orelse.push_back(std::move(nested));
    } else {
      result.orelse = convert_else(ctx, alternative);
    }
  }
  return make_stmt(std::move(result), range_between(clause, whole));
}

ast::StmtPtr convert_if(Context& ctx, TSNode node) {
  std::vector<TSNode> alternatives = field_children(node, ctx.field().alternative);
  return convert_if_clause(ctx, node, alternatives, 0, node);
}

ast::StmtPtr convert_while(Context& ctx, TSNode node) {
  ast::While result;
  result.test = convert_expr(ctx, ctx.child(node, ctx.field().condition));
  {
    LoopGuard loop(ctx, node);
    result.body = convert_block(ctx, ctx.child(node, ctx.field().body), false);
  }
  result.orelse = convert_else(ctx, ctx.child(node, ctx.field().alternative));
  return make_stmt(std::move(result), range_of(node));
}

ast::StmtPtr convert_for(Context& ctx, TSNode node) {
  TSNode first = ts_node_child(node, 0);
  if (ctx.is(first, ctx.sym().async_keyword)) {
    ctx.report(DiagCode::UnsupportedAsync, range_of(first),
               "'async for' is not supported; use a plain for loop");
    return nullptr;
  }
  ast::For result;
  result.target = convert_target(ctx, ctx.child(node, ctx.field().left));
  result.iter = convert_expr(ctx, ctx.child(node, ctx.field().right));
  {
    LoopGuard loop(ctx, node);
    result.body = convert_block(ctx, ctx.child(node, ctx.field().body), false);
  }
  result.orelse = convert_else(ctx, ctx.child(node, ctx.field().alternative));
  if (!result.target) return nullptr;
  return make_stmt(std::move(result), range_of(node));
}

ast::StmtPtr convert_nested_def(Context& ctx, TSNode node) {
  TSNode name = ctx.child(node, ctx.field().name);
  ctx.report(DiagCode::UnsupportedNestedDef, keyword_range(node),
             "nested function " + quote(ctx.text(name)) +
                 " is not supported; move it to the top level and pass what it uses as "
                 "parameters");
  return nullptr;
}

ast::StmtPtr convert_nested_decorated(Context& ctx, TSNode node) {
  TSNode definition = ctx.child(node, ctx.field().definition);
  if (ctx.is(definition, ctx.sym().function_definition)) return convert_nested_def(ctx, definition);
  if (!is_broken(definition)) report_unsupported_statement(ctx, definition);
  return nullptr;
}

ast::StmtPtr convert_nested_import(Context& ctx, TSNode node) {
  ctx.report(DiagCode::UnsupportedImport, range_of(node),
             quote(ctx.text(node)) +
                 " inside a function is not supported; import numpy or math at the top of the "
                 "file");
  return nullptr;
}

struct StmtTableEntry {
  const char* symbol;
  StmtConverter convert;
};

const StmtTableEntry kStmtTable[] = {
    {"expression_statement", convert_expression_statement},
    {"return_statement", convert_return},
    {"pass_statement", convert_pass},
    {"break_statement", convert_break},
    {"continue_statement", convert_continue},
    {"assert_statement", convert_assert},
    {"raise_statement", convert_raise},
    {"if_statement", convert_if},
    {"while_statement", convert_while},
    {"for_statement", convert_for},
    {"function_definition", convert_nested_def},
    {"decorated_definition", convert_nested_decorated},
    {"import_statement", convert_nested_import},
    {"import_from_statement", convert_nested_import},
    {"future_import_statement", convert_nested_import},
};

const std::vector<StmtConverter>& stmt_dispatch() {
  static const std::vector<StmtConverter> table = [] {
    const Grammar& grammar = python_grammar();
    std::vector<StmtConverter> out(ts_language_symbol_count(grammar.language), nullptr);
    for (const StmtTableEntry& entry : kStmtTable) {
      TSSymbol symbol = grammar.sym.named(entry.symbol);
      if (symbol < out.size()) out[symbol] = entry.convert;
    }
    return out;
  }();
  return table;
}

// The blocks of a try / with / match statement, found among its children
// and its clauses' children (except, else, finally, case).
std::vector<TSNode> wrapped_blocks(Context& ctx, TSNode statement) {
  static const TSSymbol kClauses[] = {
      python_grammar().sym.named("except_clause"),
      python_grammar().sym.named("except_group_clause"), python_grammar().sym.named("else_clause"),
      python_grammar().sym.named("finally_clause"), python_grammar().sym.named("case_clause")};
  std::vector<TSNode> blocks;
  std::vector<TSNode> pending = named_children(statement);
  for (size_t i = 0; i < pending.size(); ++i) {
    TSNode child = pending[i];
    if (ctx.is(child, ctx.sym().block)) {
      // A match statement's body is a block of case clauses.
      bool holds_cases = false;
      for (TSNode inner : named_children(child)) {
        if (ctx.is(inner, kClauses[4])) {
          pending.push_back(inner);
          holds_cases = true;
        }
      }
      if (!holds_cases) blocks.push_back(child);
      continue;
    }
    for (TSSymbol clause : kClauses) {
      if (!ctx.is(child, clause)) continue;
      for (TSNode inner : named_children(child)) {
        if (ctx.is(inner, ctx.sym().block)) blocks.push_back(inner);
      }
    }
  }
  return blocks;
}

// Note: the body of an unsupported try / with / match is what the user keeps
// when rewriting it, so its own problems are reported now too (the converted
// statements are discarded).
void check_wrapped_blocks(Context& ctx, TSNode statement) {
  static const TSSymbol kWrappers[] = {python_grammar().sym.named("try_statement"),
                                       python_grammar().sym.named("with_statement"),
                                       python_grammar().sym.named("match_statement")};
  bool wrapper = false;
  for (TSSymbol symbol : kWrappers) wrapper = wrapper || ctx.is(statement, symbol);
  if (!wrapper) return;
  for (TSNode block : wrapped_blocks(ctx, statement)) convert_block(ctx, block, false);
}

ast::StmtPtr convert_statement(Context& ctx, TSNode node) {
  if (skip_for_syntax_error(ctx, node)) return nullptr;
  const std::vector<StmtConverter>& table = stmt_dispatch();
  TSSymbol symbol = ts_node_symbol(node);
  if (symbol < table.size() && table[symbol] != nullptr) return table[symbol](ctx, node);
  if (!report_unsupported_statement(ctx, node)) {
    ctx.report(DiagCode::UnsupportedStatement, keyword_range(node),
               quote(ctx.text(node)) + " is not supported");
  }
  check_wrapped_blocks(ctx, node);
  return nullptr;
}

}  // namespace

bool is_docstring(const Context& ctx, TSNode statement) {
  if (!ctx.is(statement, ctx.sym().expression_statement)) return false;
  std::vector<TSNode> parts = named_children(statement);
  return parts.size() == 1 &&
         (ctx.is(parts[0], ctx.sym().string) || ctx.is(parts[0], ctx.sym().concatenated_string));
}

bool is_compound_statement(const Context& ctx, TSNode node) {
  const GrammarSymbols& sym = ctx.sym();
  return ctx.is(node, sym.if_statement) || ctx.is(node, sym.for_statement) ||
         ctx.is(node, sym.while_statement) || ctx.is(node, sym.function_definition) ||
         ctx.is(node, sym.decorated_definition) || ctx.is(node, sym.class_definition);
}

bool skip_for_syntax_error(const Context& ctx, TSNode statement) {
  if (is_broken(statement)) return true;
  return ts_node_has_error(statement) && !is_compound_statement(ctx, statement);
}

ast::Block convert_block(Context& ctx, TSNode block, bool drop_docstring) {
  ast::Block out;
  if (is_broken(block)) return out;
  DepthGuard guard(ctx, block);
  if (guard.too_deep()) return out;
  if (named_children(block).empty()) {
    // Note: the grammar accepts a bare newline as a body (`def f():` with
    // nothing indented after it); Python does not. After a syntax error in
    // the same statement the empty body is only the parser's recovery.
    if (!ts_node_has_error(ts_node_parent(block))) {
      ctx.report(DiagCode::SyntaxError, range_of(block), "expected an indented block");
    }
    return out;
  }
  bool leading = true;
  for (ChildCursor c(block); c.next();) {
    TSNode child = c.node();
    // Note: error recovery can attach an ERROR node as an extra.
    if (ts_node_is_error(child)) {
      note_dropped(ctx, child);
      continue;
    }
    if (!ts_node_is_named(child) || ts_node_is_extra(child)) continue;
    bool skip = leading && drop_docstring && is_docstring(ctx, child);
    leading = false;
    if (skip) continue;
    if (ast::StmtPtr stmt = convert_statement(ctx, child)) {
      out.push_back(std::move(stmt));
    } else {
      note_dropped(ctx, child);
    }
  }
  return out;
}

}  // namespace pygraft::parser
