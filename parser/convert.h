// The CST -> AST conversion, shared by convert_*.cc. Requires a tree whose
// syntax errors have already been reported (syntax_errors.h): converters skip
// ERROR and MISSING nodes silently. Guarantees: every node gets the range of
// the source it came from; every construct outside the subset is reported
// once and left out (statements) or replaced by a NoneLiteral placeholder
// (expressions), and the names in what was left out are recorded
// (ast::DroppedNames); recursion never goes deeper than kMaxNestingDepth.
// The only limits on size are CPython's own (see below and
// parser/layout_check.h): a long chain of operators, elifs or statements is
// valid Python and converts.
#pragma once

#include <string>
#include <string_view>

#include "parser/ast.h"
#include "parser/grammar.h"
#include "parser/syntax_tree.h"
#include "support/diagnostic.h"

namespace pygraft::parser {

// Deeper nesting of expressions and statements is reported as PG0005:
// CPython's compiler stops at about the same depth ("RecursionError: maximum
// recursion depth exceeded during compilation": 3 000 levels less the few its
// caller uses; `x + 1 + 1 + ...` compiles with 2 988 operators, not 2 989).
// Every recursive walk of the AST is bounded by this depth.
inline constexpr int kMaxNestingDepth = 3000;
// Loops nested in loops: CPython's "too many statically nested blocks".
inline constexpr int kMaxNestedLoops = 20;

struct Context {
  std::string_view source;
  const Grammar& grammar;
  DiagnosticSink& sink;
  bool tree_has_error = false;  // some ERROR / MISSING node was reported
  int depth = 0;
  bool depth_reported = false;
  int loop_depth = 0;  // loops around the statement being converted
  bool loops_reported = false;
  // Where note_dropped() records names: the module's set, or the set of the
  // function being converted.
  ast::DroppedNames* dropped_names = nullptr;
  ast::DroppedNames* module_dropped_names = nullptr;  // the module's, always
  size_t placeholders = 0;                            // how many make_placeholder() calls so far

  const GrammarSymbols& sym() const { return grammar.sym; }
  const GrammarFields& field() const { return grammar.field; }
  std::string_view text(TSNode node) const { return text_of(source, node); }
  TSNode child(TSNode node, TSFieldId id) const { return ts_node_child_by_field_id(node, id); }
  bool is(TSNode node, TSSymbol symbol) const {
    return !ts_node_is_null(node) && ts_node_symbol(node) == symbol;
  }
  void report(DiagCode code, SourceRange range, std::string message) {
    sink.report(code, range, std::move(message));
  }
};

// Counts `levels` levels of nesting (one node, or the nodes of a chain
// rebuilt at once) for as long as it lives; the first level past
// kMaxNestingDepth reports PG0005 (once per file) and too_deep() tells the
// caller to abandon the subtree.
class DepthGuard {
 public:
  DepthGuard(Context& ctx, TSNode node, int levels = 1);
  ~DepthGuard() { ctx_.depth -= levels_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
  bool too_deep() const { return too_deep_; }

 private:
  Context& ctx_;
  int levels_;
  bool too_deep_;
};

// Counts one loop around the body being converted; the 21st nested loop
// reports PG0005 (once per file), as CPython refuses it.
class LoopGuard {
 public:
  LoopGuard(Context& ctx, TSNode loop);
  ~LoopGuard() { --ctx_.loop_depth; }
  LoopGuard(const LoopGuard&) = delete;
  LoopGuard& operator=(const LoopGuard&) = delete;

 private:
  Context& ctx_;
};

// True for nodes that carry no convertible content: ERROR, MISSING, null.
bool is_broken(TSNode node);

// Simple statements and expressions that contain a syntax error are left
// out silently (the error is already reported); compound statements are
// still entered so the rest of their blocks is checked.
bool is_compound_statement(const Context& ctx, TSNode node);
bool skip_for_syntax_error(const Context& ctx, TSNode statement);

// A short quoted excerpt of a node's text for messages: 'import os'.
std::string quote(std::string_view text);

ast::ExprPtr make_expr(ast::Expr::Kind kind, SourceRange range);
ast::ExprPtr make_none(SourceRange range);
ast::StmtPtr make_stmt(ast::Stmt::Kind kind, SourceRange range);

// ---- dropped_names.cc ----
// Records every identifier in `node`'s subtree as a name of dropped code.
void note_dropped(Context& ctx, TSNode node);
// Records the identifiers inside every ERROR node of `node`'s subtree: text
// the grammar could not place, wherever error recovery put it (e.g. between
// a def's parameters and its body).
void note_error_subtrees(Context& ctx, TSNode node);
// The NoneLiteral that stands in for an expression that was reported (or
// has a syntax error); records its names as dropped.
ast::ExprPtr make_placeholder(Context& ctx, TSNode node);

// Sends note_dropped() to `names` for as long as it lives.
class DroppedNamesScope {
 public:
  DroppedNamesScope(Context& ctx, ast::DroppedNames& names);
  ~DroppedNamesScope();
  DroppedNamesScope(const DroppedNamesScope&) = delete;
  DroppedNamesScope& operator=(const DroppedNamesScope&) = delete;

 private:
  Context& ctx_;
  ast::DroppedNames* outer_;
};

// ---- convert_module.cc ----
ast::Module convert_module(Context& ctx, TSNode root);

// ---- convert_function.cc ----
ast::FunctionDef convert_function(Context& ctx, TSNode def);
// Reports each decorator (PG0111); returns the decorated definition.
TSNode report_decorators(Context& ctx, TSNode decorated);
ast::ExprPtr convert_annotation(Context& ctx, TSNode type);

// ---- convert_stmt.cc ----
// A function or loop body; `drop_docstring` removes a leading string.
ast::Block convert_block(Context& ctx, TSNode block, bool drop_docstring);
bool is_docstring(const Context& ctx, TSNode statement);

// ---- convert_assign.cc ----
ast::StmtPtr convert_assignment(Context& ctx, TSNode assignment, SourceRange range);
ast::StmtPtr convert_augmented_assignment(Context& ctx, TSNode node, SourceRange range);
// An assignment or loop target; null (after reporting) when unsupported.
ast::ExprPtr convert_target(Context& ctx, TSNode node);

// ---- unsupported.cc ----
// Statements with their own "not supported" code (try, raise, with, class,
// ...): reports and returns true; false for any other statement.
bool report_unsupported_statement(Context& ctx, TSNode node);
// The expression converter for lambdas, comprehensions, dicts, sets, walrus,
// await, starred and yield expressions: reports and returns a placeholder.
ast::ExprPtr convert_unsupported_expr(Context& ctx, TSNode node);
// The range of a statement's leading keyword token (`try`, `class`, ...).
SourceRange keyword_range(TSNode statement);

// ---- convert_expr.cc ----
ast::ExprPtr convert_expr(Context& ctx, TSNode node);
// Elements of a tuple / list / expression_list.
std::vector<ast::ExprPtr> convert_elements(Context& ctx, TSNode node);

// ---- convert_operators.cc ----
ast::ExprPtr convert_binary(Context& ctx, TSNode node);
ast::ExprPtr convert_unary(Context& ctx, TSNode node);
ast::ExprPtr convert_not(Context& ctx, TSNode node);
ast::ExprPtr convert_boolean(Context& ctx, TSNode node);
ast::ExprPtr convert_comparison(Context& ctx, TSNode node);
ast::ExprPtr convert_conditional(Context& ctx, TSNode node);
bool binary_op_from_token(std::string_view token, ast::BinaryOp& op);

// ---- convert_postfix.cc ----
ast::ExprPtr convert_call(Context& ctx, TSNode node);
// convert_comprehension.cc
ast::ExprPtr convert_list_comprehension(Context& ctx, TSNode node);
ast::ExprPtr convert_generator_expression(Context& ctx, TSNode node);
ast::ExprPtr convert_dict_comprehension(Context& ctx, TSNode node);
ast::ExprPtr convert_dictionary(Context& ctx, TSNode node);
ast::ExprPtr convert_lambda(Context& ctx, TSNode node);
ast::ExprPtr convert_attribute(Context& ctx, TSNode node);
ast::ExprPtr convert_subscript(Context& ctx, TSNode node);
ast::ExprPtr convert_slice(Context& ctx, TSNode node);

// ---- convert_string.cc ----
ast::ExprPtr convert_integer(Context& ctx, TSNode node);
ast::ExprPtr convert_float(Context& ctx, TSNode node);
ast::ExprPtr convert_string(Context& ctx, TSNode node);

}  // namespace pygraft::parser
