// Parses the spellings column of graph/ops.def (its header comment describes
// the mini-language): "op:+ | np.add(x1, x2) -> array".
//
// Requires: nothing. Guarantees: every item either becomes a Spelling or adds
// a message to `errors`; a malformed table is a programming error that
// check_op_table() (graph/op_table_check.h) reports in the unit tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/op_table.h"

namespace pygraft {

// A parameter default: None, True, False, an int, a float (also negative
// ones, inf), a quoted string or a parenthesised tuple of these.
std::optional<Literal> parse_python_literal(std::string_view text);

// Splits the column on " | " (spaces around, so that `op:|` stays one item)
// and parses each item.
std::vector<Spelling> parse_spellings(std::string_view column, std::vector<std::string>& errors);

std::string_view spelling_kind_name(SpellingKind kind);

}  // namespace pygraft
