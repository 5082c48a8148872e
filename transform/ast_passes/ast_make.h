// Small factories for the AST nodes the exit-lowering passes synthesize, and
// the names of their flag variables. Every factory takes the source range of
// the statement the node comes from (STYLE rule 8).
//
// Synthesized names contain '$' (`break$1`, `return$value`), which no Python
// identifier can, so they never clash with a user's name. They are always
// assigned before they are read, so no runtime message ever names them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"

namespace pygraft::transform {

// A vector of expressions from a list of them (unique_ptrs cannot be
// brace-initialized into one).
template <class... Exprs>
std::vector<ast::ExprPtr> vector_of(Exprs&&... exprs) {
  std::vector<ast::ExprPtr> out;
  out.reserve(sizeof...(exprs));
  (out.push_back(std::forward<Exprs>(exprs)), ...);
  return out;
}

ast::ExprPtr make_node(ast::Expr::Kind kind, const SourceRange& range);
ast::StmtPtr make_statement(ast::Stmt::Kind kind, const SourceRange& range);
ast::ExprPtr make_name(std::string id, const SourceRange& range);
ast::ExprPtr make_bool(bool value, const SourceRange& range);
ast::ExprPtr make_none(const SourceRange& range);
ast::ExprPtr make_not(ast::ExprPtr operand, const SourceRange& range);
// `lhs and rhs`, flattened when either side is already an `and`.
ast::ExprPtr make_and(ast::ExprPtr lhs, ast::ExprPtr rhs, const SourceRange& range);
ast::StmtPtr make_assign(std::string name, ast::ExprPtr value, const SourceRange& range);
ast::StmtPtr make_if(ast::ExprPtr test, ast::Block body, const SourceRange& range);
ast::StmtPtr make_return(ast::ExprPtr value, const SourceRange& range);
// `if not flag: <block>` with the range spanning the guarded statements.
ast::StmtPtr make_guard(const std::string& flag, ast::Block block);

// True for a name only the passes create.
bool is_synthesized_name(std::string_view name);
// True for `name = True/False` where name is `flag`.
bool is_flag_assign(const ast::Stmt& stmt, std::string_view flag, bool value);

// Fresh `prefix$N` names for one function: N counts up past every `prefix$K`
// the function already uses.
class FreshNames {
 public:
  explicit FreshNames(const ast::FunctionDef& function);
  std::string next(std::string_view prefix);

 private:
  NameSet used_;  // the synthesized names in use
};

}  // namespace pygraft::transform
