// The fast parser's statements: the module (imports, constants, functions,
// the main guard), function definitions and their parameters, blocks and
// the statements of the subset. Compound statements end where tree-sitter
// ends them: at their last block's DEDENT (parser/fast_lexer.h).
#include <tree_sitter/api.h>

#include "parser/fast_parser_impl.h"
#include "parser/grammar.h"
#include "parser/syntax_tree.h"

namespace pygraft::parser::fast {

namespace {

ast::StmtPtr make_stmt(ast::Stmt::Kind kind, SourceRange range) {
  return std::make_unique<ast::Stmt>(ast::Stmt{std::move(kind), range});
}

bool is_string_statement(const ast::Stmt& stmt) {
  const auto* e = std::get_if<ast::ExprStmt>(&stmt.kind);
  return e != nullptr && std::holds_alternative<ast::StringLiteral>(e->value->kind);
}

// Whether tree-sitter finds a syntax error in `text` (a main guard, which
// holds any Python: its contents are not converted, only checked).
bool has_syntax_error(std::string_view text) {
  ParserPtr ts_parser(ts_parser_new());
  if (!ts_parser || !ts_parser_set_language(ts_parser.get(), python_grammar().language))
    return true;
  TreePtr tree(ts_parser_parse_string(ts_parser.get(), nullptr, text.data(),
                                      static_cast<uint32_t>(text.size())));
  return !tree || ts_node_has_error(ts_tree_root_node(tree.get()));
}

}  // namespace

// ---- the module ----

ast::Module Parser::module() {
  ast::Module out;
  bool first = true;
  while (peek().kind != TokenKind::End) {
    if (peek().kind == TokenKind::Newline) {
      take();
      continue;
    }
    module_statement(out, first);
    first = false;
  }
  return out;
}

void Parser::module_statement(ast::Module& module, bool first) {
  if (at_keyword("import")) return import_statement(module);
  if (at_keyword("from")) return from_import_statement(module);
  if (at_keyword("def")) {
    module.functions.push_back(function_def());
    return;
  }
  if (at_keyword("if") && main_guard_ahead()) return skip_main_guard();
  if (peek().kind == TokenKind::String) {
    // The module docstring, alone on its line.
    if (!first) decline();
    Parsed doc = strings();
    (void)doc;
    if (peek().kind != TokenKind::Newline) decline();
    take();
    return;
  }
  if (peek().kind == TokenKind::Name && (at_op("=", 1) || at_op(":", 1))) return constant(module);
  decline();
}

// A dotted module name `a.b.c` (its text, and the range of its last part).
std::string Parser::dotted_name(SourceRange& last) {
  Token first = expect_name();
  std::string name(text(first));
  last = range_of(first);
  while (at_op(".")) {
    take();
    Token part = expect_name();
    name += ".";
    name += text(part);
    last = range_of(part);
  }
  return name;
}

// `import numpy [as np], a.b [as c]`: any module (the transform decides what
// compiled code may use); unaliased, `import a.b` binds a.
void Parser::import_statement(ast::Module& module) {
  Token keyword = take();
  std::vector<std::pair<std::string, std::string>> items;
  SourceRange last = range_of(keyword);
  for (;;) {
    std::string module_name = dotted_name(last);
    std::string alias = module_name.substr(0, module_name.find('.'));
    if (at_keyword("as")) {
      take();
      Token as = expect_name();
      alias = std::string(text(as));
      last = range_of(as);
    } else {
      module_name = alias;
    }
    items.emplace_back(std::move(module_name), std::move(alias));
    if (!at_op(",")) break;
    take();
  }
  if (peek().kind != TokenKind::Newline) decline();
  take();
  SourceRange range = span(range_of(keyword), last);
  for (auto& [name, alias] : items) module.imports.push_back(ast::Import{name, alias, range, ""});
}

// `from a.b import x [as y], z` (`from __future__ import ...` skipped);
// relative, parenthesized and star imports take tree-sitter's path.
void Parser::from_import_statement(ast::Module& module) {
  Token keyword = take();
  SourceRange last = range_of(keyword);
  std::string module_name = dotted_name(last);
  expect_keyword("import");
  std::vector<std::pair<std::string, std::string>> items;
  for (;;) {
    Token name = expect_name();
    std::string imported(text(name));
    std::string alias = imported;
    last = range_of(name);
    if (at_keyword("as")) {
      take();
      Token as = expect_name();
      alias = std::string(text(as));
      last = range_of(as);
    }
    items.emplace_back(std::move(imported), std::move(alias));
    if (!at_op(",")) break;
    take();
  }
  if (peek().kind != TokenKind::Newline) decline();
  take();
  SourceRange range = span(range_of(keyword), last);
  if (module_name == "__future__") return;  // skipped, as tree-sitter's path skips it
  for (auto& [name, alias] : items) {
    module.imports.push_back(ast::Import{module_name, alias, range, name});
  }
}

// `NAME = value` or `NAME: T = value`.
void Parser::constant(ast::Module& module) {
  Token name = take();
  if (at_op(":")) {
    take();
    annotation();
  }
  expect_op("=");
  Parsed value = expression_list();
  if (peek().kind != TokenKind::Newline) decline();
  take();
  module.constants.push_back(ast::ConstantDef{std::string(text(name)), std::move(value.expr),
                                              span(range_of(name), value.extent)});
}

// `if __name__ == "__main__":` (either order, either quote).
bool Parser::main_guard_ahead() {
  auto is_main = [&](size_t i) {
    return peek(i).kind == TokenKind::String &&
           (text(peek(i)) == "\"__main__\"" || text(peek(i)) == "'__main__'");
  };
  auto is_name = [&](size_t i) { return at_keyword("__name__", i); };
  return at_op("==", 2) && at_op(":", 4) &&
         ((is_name(1) && is_main(3)) || (is_main(1) && is_name(3)));
}

// The guard is not converted; its text only has to parse (it may hold any
// Python, so tree-sitter checks it).
void Parser::skip_main_guard() {
  Token start = take();
  int depth = 0;
  for (;;) {
    const Token& token = peek();
    if (token.kind == TokenKind::End) break;
    if (token.kind == TokenKind::Indent) ++depth;
    if (token.kind == TokenKind::Dedent && --depth < 0) decline();
    bool clause = at_keyword("elif") || at_keyword("else");
    if (depth == 0 && token.kind != TokenKind::Dedent && token.kind != TokenKind::Indent &&
        token.kind != TokenKind::Newline && token.column == 1 && !clause &&
        token.begin > start.begin) {
      break;
    }
    take();
  }
  std::string_view source = lexer_.source();
  size_t end = peek().kind == TokenKind::End ? source.size() : peek().begin;
  if (has_syntax_error(source.substr(start.begin, end - start.begin))) decline();
}

// ---- functions ----

ast::FunctionDef Parser::function_def() {
  Token keyword = take();
  ast::FunctionDef function;
  Token name = expect_name();
  function.name = std::string(text(name));
  function.name_range = range_of(name);
  expect_op("(");
  parameters(function);
  expect_op(")");
  if (at_op("->")) {
    take();
    annotation();
  }
  expect_op(":");
  SourceRange end{};
  function.body = block(/*drop_docstring=*/true, end);
  function.range = span(range_of(keyword), end);
  return function;
}

// Plain, defaulted and annotated parameters, and the '/' separator; '*',
// *args and **kwargs are left to tree-sitter (they are reported).
void Parser::parameters(ast::FunctionDef& function) {
  while (!at_op(")")) {
    if (at_op("/")) {
      take();
    } else {
      Token name = expect_name();
      ast::Param param;
      param.name = std::string(text(name));
      param.range = range_of(name);
      if (at_op(":")) {
        take();
        Parsed type = annotation();
        param.range = span(param.range, type.extent);
        param.annotation = std::move(type.expr);
      }
      if (at_op("=")) {
        take();
        Parsed value = expression();
        param.range = span(param.range, value.extent);
        param.default_value = std::move(value.expr);
      }
      function.params.push_back(std::move(param));
    }
    if (!at_op(",")) break;
    take();
  }
}

// ---- blocks ----

ast::Block Parser::block(bool drop_docstring, SourceRange& end) {
  ast::Block out;
  if (peek().kind != TokenKind::Newline) {
    simple_statements(out, drop_docstring);
    if (peek().kind != TokenKind::Newline) decline();  // `for ...: a  b` is invalid
    end = range_of(take());                            // the NEWLINE sits after a trailing comment
    return out;
  }
  take();
  if (peek().kind != TokenKind::Indent) decline();
  take();
  enter();
  bool first = true;
  while (peek().kind != TokenKind::Dedent) {
    if (peek().kind == TokenKind::End) decline();
    statement(out, first && drop_docstring);
    first = false;
  }
  end = range_of(take());
  leave();
  return out;
}

void Parser::statement(ast::Block& out, bool drop_docstring) {
  if (at_keyword("if")) return out.push_back(if_statement());
  if (at_keyword("while")) return out.push_back(while_statement());
  if (at_keyword("for")) return out.push_back(for_statement());
  simple_statements(out, drop_docstring);
  if (peek().kind != TokenKind::Newline) decline();
  take();
}

void Parser::simple_statements(ast::Block& out, bool drop_docstring) {
  for (bool first = true;; first = false) {
    ast::StmtPtr stmt = simple_statement();
    if (is_string_statement(*stmt) && !(first && drop_docstring)) decline();
    if (!(first && drop_docstring && is_string_statement(*stmt))) out.push_back(std::move(stmt));
    if (!at_op(";")) return;
    take();
    if (peek().kind == TokenKind::Newline) return;
  }
}

ast::StmtPtr Parser::simple_statement() {
  const Token& token = peek();
  SourceRange range = range_of(token);
  if (token.kind == TokenKind::String) {
    Parsed doc = strings();  // a docstring (anything else is declined by the caller)
    if (peek().kind != TokenKind::Newline && !at_op(";")) decline();
    return make_stmt(ast::ExprStmt{std::move(doc.expr)}, doc.extent);
  }
  if (at_keyword("pass")) return take(), make_stmt(ast::Pass{}, range);
  if (at_keyword("break")) return take(), make_stmt(ast::Break{}, range);
  if (at_keyword("continue")) return take(), make_stmt(ast::Continue{}, range);
  if (at_keyword("return")) {
    take();
    if (peek().kind == TokenKind::Newline || at_op(";")) return make_stmt(ast::Return{}, range);
    Parsed value = expression_list();
    return make_stmt(ast::Return{std::move(value.expr)}, span(range, value.extent));
  }
  if (at_keyword("raise")) {
    take();
    if (peek().kind == TokenKind::Newline || at_op(";")) decline();  // bare: tree-sitter reports it
    Parsed exception = expression();
    if (at_keyword("from")) decline();
    return make_stmt(ast::Raise{std::move(exception.expr)}, span(range, exception.extent));
  }
  if (at_keyword("assert")) {
    take();
    Parsed test = expression();
    ast::Assert result{std::move(test.expr), nullptr};
    SourceRange last = test.extent;
    if (at_op(",")) {
      take();
      Parsed message = expression_or_string(StringSlot::AssertMessage);
      last = message.extent;
      result.message = std::move(message.expr);
    }
    return make_stmt(std::move(result), span(range, last));
  }
  return expression_statement();
}

}  // namespace pygraft::parser::fast
