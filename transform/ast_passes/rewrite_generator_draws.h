// Draws from an np.random.Generator as rebindings. pygraft gives a
// generator value semantics (its state is a value, runtime/value.h); a draw
// gives the advanced generator along with the numbers, bound back to the
// generator's name before the statement that uses the numbers:
//
//   x = rng.standard_normal((3, 4)) * 0.1   ->  rng, draw$1 = rng.$standard_normal((3, 4))
//                                               x = draw$1 * 0.1
//   if rng.random() < p: ...                ->  rng, draw$2 = rng.$random()
//                                               if draw$2 < p: ...
//   np.random.default_rng(0).random(3)      ->  np.random.default_rng(0).$random(3)[1]
//
// for the methods random, standard_normal, normal, uniform, integers and
// choice on a local name. Several draws of one statement are hoisted in
// the order CPython evaluates them (arguments first); so a loop whose body
// draws carries the generator, as it carries any rebound name.
//
// Requires: comprehensions hoisted (hoist_comprehensions.h); the aliasing
// check done (it reads each draw as an in-place change of its generator).
// Guarantees: every draw on a local name evaluated unconditionally in its
// statement is rewritten; draws evaluated only on some paths or repeatedly
// (the right of and/or, a branch of x if c else y, a later link of a
// comparison chain, a while condition, an assert message) and draws from a
// generator held in a container or an attribute (gens[0].random()) are
// reported (PG0214) and renamed kReportedDraw. Draws on other names
// (np.random.rand, modules) are left for the lowering to report.
#pragma once

#include <string_view>

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

void rewrite_generator_draws(ast::FunctionDef& function, DiagnosticSink& diags);

// The method name a reported draw is given: the lowering makes it a poison
// value without a second message.
inline constexpr std::string_view kReportedDraw = "$reported_draw";

// True for the Generator methods this pass rewrites ("random", "integers", ...).
bool is_generator_draw(std::string_view method);

// The receiver of `expr` when it is a call of a draw method (R.random(...)); null otherwise.
const ast::Expr* draw_receiver(const ast::Expr& expr);

}  // namespace pygraft::transform
