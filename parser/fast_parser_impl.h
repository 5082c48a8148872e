// The fast parser's internals, shared by fast_parse_expr.cc (expressions)
// and fast_parse_stmt.cc (statements, functions, the module). Each parse
// function consumes tokens and builds the node tree-sitter's path would
// build; anything else throws Decline, which parse_clean_module catches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"
#include "parser/fast_lexer.h"
#include "parser/fast_parser.h"

namespace pygraft::parser::fast {

// Not for the fast path: the tree-sitter path takes the file. `offset`: how
// far the lexer had read (for debugging).
struct Decline {
  size_t offset = 0;
};

// An expression and the source it occupies: its node's range, widened by the
// parentheses around it (a parent node's range starts and ends with its
// children's, parentheses included, while the node keeps its own range).
struct Parsed {
  ast::ExprPtr expr;
  SourceRange extent;
  bool paren_tuple = false;  // a tuple written with its own parentheses: `(a, b)`
};

// Where a string literal may stand (a call argument, a keyword value, an
// assert message, an annotation): the tokens that may follow it.
enum class StringSlot { None, Argument, AssertMessage, Annotation };

class Parser {
 public:
  explicit Parser(std::string_view source) : lexer_(source) {}

  ast::Module module();

 private:
  // ---- tokens (fast_parse_expr.cc) ----
  const Token& peek(size_t ahead = 0);
  Token take();
  bool at_op(std::string_view op, size_t ahead = 0);
  bool at_keyword(std::string_view word, size_t ahead = 0);
  Token expect_op(std::string_view op);
  Token expect_keyword(std::string_view word);
  Token expect_name();
  std::string_view text(const Token& token) const { return lexer_.text(token); }
  static SourceRange range_of(const Token& token);
  static SourceRange span(const SourceRange& first, const SourceRange& last);
  [[noreturn]] void decline() const { throw Decline{lexer_.offset()}; }
  // Counts one level of nesting of the tree being built (declining past
  // kMaxFastNesting); a loop that builds a left-deep chain counts one level
  // per link (DepthScope).
  void enter();
  void leave() { --depth_; }
  struct DepthScope {
    Parser& parser;
    int levels = 0;
    void add() {
      parser.enter();
      ++levels;
    }
    ~DepthScope() { parser.depth_ -= levels; }
  };

  // ---- expressions (fast_parse_expr.cc) ----
  Parsed expression();
  Parsed disjunction();
  Parsed conjunction();
  Parsed inversion();
  Parsed comparison();
  Parsed binary_level(int level);
  Parsed factor();
  Parsed power();
  Parsed primary();
  Parsed atom();
  Parsed number(const Token& token);
  Parsed strings();
  Parsed parenthesized();
  Parsed list_display();
  void call_arguments(ast::CallExpr& call);
  void subscript_items(ast::SubscriptExpr& subscript);
  Parsed slice_item();
  // A string (through parentheses) where one is allowed, else an expression.
  Parsed expression_or_string(StringSlot slot);
  bool string_argument_ahead(StringSlot slot);
  // `a, b` without parentheses (an expression_list), or one expression.
  Parsed expression_list();
  Parsed annotation();

  // ---- statements (fast_parse_stmt.cc) ----
  void module_statement(ast::Module& module, bool first);
  std::string dotted_name(SourceRange& last);
  void import_statement(ast::Module& module);
  void from_import_statement(ast::Module& module);
  void constant(ast::Module& module);
  void skip_main_guard();
  bool main_guard_ahead();
  ast::FunctionDef function_def();
  void parameters(ast::FunctionDef& function);
  // A block after ':' (indented, or simple statements on the header's line);
  // `end` receives where tree-sitter ends it.
  ast::Block block(bool drop_docstring, SourceRange& end);
  void statement(ast::Block& out, bool drop_docstring);
  void simple_statements(ast::Block& out, bool drop_docstring);
  ast::StmtPtr simple_statement();
  ast::StmtPtr expression_statement();
  ast::StmtPtr assignment(Parsed first, const Token& start);
  ast::ExprPtr target(Parsed parsed);
  ast::StmtPtr if_statement();
  ast::StmtPtr while_statement();
  ast::StmtPtr for_statement();

  FastLexer lexer_;
  int depth_ = 0;
  int loop_depth_ = 0;
};

}  // namespace pygraft::parser::fast
