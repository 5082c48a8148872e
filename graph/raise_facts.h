// Which nodes may raise a Python exception at run time: the op table's
// effects column (graph/ops.def), refined by value types
// (graph/value_types.h) for the ops whose failures depend only on the kinds
// of their operands. SPEC §3: no optimisation removes a check Python makes,
// so a node whose result is unused may be removed only when this says no.
#pragma once

#include "graph/value_types.h"

namespace pygraft {

// Whether running the node itself may raise (the nodes of its regions are
// not counted: a cond may raise through its predicate's truth, a loop always
// counts as raising, since removing it could also end a program that never
// ends in Python). Ops with observable effects (print, assert, call) count
// as raising too.
bool may_raise(const Node& node, const ValueTypes& types);

}  // namespace pygraft
