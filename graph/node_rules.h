// Per-op shape rules of the verifier: operand/output/region counts and the
// attributes each op needs. Scoping and dominance live in verifier.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/ir.h"

namespace pygraft {

// Functions of the module by name, built once per verification so that call
// checks stay linear in the module size.
using FunctionLookup = std::unordered_map<std::string_view, const Function*>;
FunctionLookup make_function_lookup(const Module& module);

// The number of operands a node of this op takes, when the op table fixes it:
// the canonical parameter count, else 2 for binary operators and
// comparisons, 1 for unary operators and attributes. nullopt: variable.
std::optional<size_t> fixed_operand_count(const OpInfo& op);

// Appends a short description of every rule `node` breaks (without context;
// the caller prefixes function and node).
void check_node_rules(const Node& node, const FunctionLookup& functions,
                      std::vector<std::string>& problems);

}  // namespace pygraft
