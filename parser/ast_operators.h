// Python spellings of the AST's operators ("//", "not", "is not"), shared by
// the AST dump, the AST-to-Python printer and the lowering's op-table lookups.
#pragma once

#include "parser/ast.h"

namespace pygraft {

const char* binary_op_name(ast::BinaryOp op);
const char* unary_op_name(ast::UnaryOp op);
const char* compare_op_name(ast::CompareOp op);

}  // namespace pygraft
