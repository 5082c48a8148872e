// Activity analysis: which local names a statement (or one part of a compound
// statement) reads and writes. Pure functions of the AST; nothing is cached.
//
// Requires: a typed AST from the parser (any stage of transform/ast_passes).
// Guarantees:
//  - reads are every Name expression evaluated, in evaluation order, including
//    module names (`np`, functions); callers filter what they care about;
//  - `x = v` writes x; `x op= v` reads and writes x; `x[i] = v` and
//    `x[i] op= v` read AND write x (the array changes in place) and read i;
//    `a, b = v` writes a and b; `t: T = v` writes t (not without a value);
//  - a compound statement is split into parts (StmtPart): the test of an
//    if/while, the iterable of a for (evaluated once) and the per-iteration
//    step of a for (its extra_test, then the target written). Bodies are not
//    part of a statement's own activity; use modified_names for them.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "parser/ast.h"

namespace pygraft::transform {

using NameSet = std::set<std::string, std::less<>>;

// The part of a statement a CFG element stands for.
enum class StmtPart {
  Whole,    // a simple statement (assign, return, break, ...)
  Test,     // the test of an if / while
  ForIter,  // a for loop's iterable, evaluated once before the loop
  ForNext,  // a for loop's step: extra_test, then the next element to the target
};

struct Activity {
  NameSet reads;
  NameSet writes;
};

// Calls `on_read` for every Name the part evaluates, in evaluation order.
void for_each_read(const ast::Stmt& stmt, StmtPart part,
                   const std::function<void(const ast::Expr& name)>& on_read);
// Calls `on_read` for every Name inside `expr`.
void for_each_name_read(const ast::Expr& expr,
                        const std::function<void(const ast::Expr& name)>& on_read);

// Calls `on_write` for every name the part binds (or changes in place).
void for_each_write(const ast::Stmt& stmt, StmtPart part,
                    const std::function<void(const std::string& name)>& on_write);

NameSet expr_reads(const ast::Expr& expr);
NameSet part_writes(const ast::Stmt& stmt, StmtPart part);
Activity part_activity(const ast::Stmt& stmt, StmtPart part);

// Names written anywhere in `block`, nested blocks included (for targets,
// subscript-assigned arrays, names assigned in branches and loop bodies).
NameSet modified_names(const ast::Block& block);
// Calls `on_write` for each of them (repeats included), without building a set.
void for_each_modified_name(const ast::Block& block,
                            const std::function<void(const std::string& name)>& on_write);

// The name a target writes through: `x` for x, x[i], x[i][j]; "" otherwise.
std::string target_base_name(const ast::Expr& target);

}  // namespace pygraft::transform
