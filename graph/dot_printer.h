// The --emit dot form: Graphviz, one cluster per function, cond and loop
// nodes as clusters holding one nested cluster per region. Renders with
// `dot -Tsvg`. Deterministic.
#pragma once

#include <string>

#include "graph/ir.h"

namespace pygraft {

std::string print_dot(const Module& module);

}  // namespace pygraft
