// The IR verifier: structural invariants every pass must preserve and the
// interpreter and graph-file loader rely on.
//
// Guarantees when it returns no messages: every value id is < num_values and
// defined exactly once (a region argument or a node output); every use is
// dominated by its definition (earlier in the same region, or in an enclosing
// region before the node owning the region); operand, output, region, yield
// and attribute shapes match the op (graph/ops.def, graph/index_layout.h);
// calls name a function of the module. So no index in the module is out of
// range.
#pragma once

#include <string>
#include <vector>

#include "graph/ir.h"

namespace pygraft {

// Every violation, one message each, naming the function, the node's op and
// its source line: "function 'f': add (line 4): operand %7 is used before its
// definition". Empty when the module is well formed.
std::vector<std::string> verify_module(const Module& module);

// One function; `module` resolves call targets.
std::vector<std::string> verify_function(const Function& function, const Module& module);

}  // namespace pygraft
