// The rewrite shared by return, break and continue lowering (as AutoGraph's
// converters do): an exit statement becomes assignments to a flag, and every
// statement that could run after an exit that may have happened is guarded.
//
// For the exit kind given, rewrite_exits guarantees on the block:
//  - each exit statement is replaced by ExitRewrite::replace's statements
//    (`flag = True`, ...); what follows it in its block is dropped (it is
//    unreachable: PG0502 reported it earlier);
//  - after a statement that may exit, the rest of the block runs under
//    `if not flag:`; when one branch of an `if` always exits, the rest of the
//    block moves into the other branch instead (no flag read needed);
//  - Return only: a loop whose body may return stops through its condition
//    (`while not flag and test`, or For::extra_test `not flag`), and its else
//    clause runs under `if not flag:`;
//  - Break/Continue: nested loops own their exits and are left alone, except
//    their else clauses, whose exits belong to the enclosing loop.
// It does not initialise the flag: the caller does.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "parser/ast.h"

namespace pygraft::transform {

enum class ExitKind { Return, Break, Continue };
enum class Exits { Never, Maybe, Always };

struct ExitRewrite {
  ExitKind kind;
  std::string flag;
  // Appends the statements that replace one exit statement to `out`.
  std::function<void(ast::Stmt& exit, ast::Block& out)> replace;
  // Set when a guard or a loop condition reads the flag.
  bool flag_read = false;
};

Exits rewrite_exits(ast::Block& block, ExitRewrite& rewrite);

// Whether `block` contains an exit of `kind` it owns (for Break/Continue:
// not inside a nested loop's body).
bool contains_exit(const ast::Block& block, ExitKind kind);

// `while not flag and test` / For::extra_test `not flag` (and-ed with the
// condition already there).
void add_stop_condition(ast::Stmt& loop, const std::string& flag);

// Deletes every `flag = ...` assignment (a flag nobody reads); a block left
// empty gets a `pass`.
void remove_flag_assigns(ast::Block& block, std::string_view flag);

}  // namespace pygraft::transform
