// Consistency checks of the op table built from graph/ops.def. A malformed
// entry is a programming error; the unit tests assert this list is empty.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/op_table.h"

namespace pygraft {

// The kernel column of ops.def for `code` ("kernel_add", "structural").
std::string_view op_kernel_name(OpCode code);

// Problems found while parsing the spellings (parse errors), plus violations
// of the table's rules: unique ir names, unique (kind, name) spellings,
// non-canonical spellings' parameters exist in the canonical list, a method's
// first parameter is the receiver, structural ops have the `structural`
// kernel and no spellings, variadic params come last, ...
std::vector<std::string> check_op_table();

// Parse errors recorded when the table was built (op_table.cc).
const std::vector<std::string>& op_table_parse_errors();

}  // namespace pygraft
