// Reports every ERROR and MISSING node of a tree-sitter tree as PG0001, in
// tree order, walking iteratively (no recursion, whatever the depth) and
// only into subtrees that contain an error.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

#include "support/diagnostic.h"

namespace pygraft::parser {

void report_syntax_errors(std::string_view source, TSNode root, DiagnosticSink& sink);

}  // namespace pygraft::parser
