// Dead-code elimination.
//
// Requires: a function whose values are each defined once (any IR from the
//   builder or a later pass).
// Guarantees: a node is removed only when no result of it is used and
//   running it cannot change what the program does: it neither has an effect
//   (print, assert, call) nor may raise (SPEC §3: no optimisation removes a
//   check Python makes). Whether a node may raise comes from the op table's
//   effects column, refined by value types (graph/raise_facts.h): `t * 3.0`
//   on a float array goes, `x[10]` or `1 / a` stays. An undef in the
//   function body (reading an unbound name) stays; a cond goes when its
//   predicate's truth cannot raise and its regions hold nothing that stays;
//   loops stay (removing one could end a program that never ends in Python).
//   A cond's unused results are removed with their yields. Value ids are not
//   renumbered (see compact_values.h).
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void eliminate_dead_code(Function& function);

}  // namespace pygraft::transform
