#include "parser/ast_operators.h"

namespace pygraft {

const char* binary_op_name(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Add:
      return "+";
    case ast::BinaryOp::Sub:
      return "-";
    case ast::BinaryOp::Mul:
      return "*";
    case ast::BinaryOp::Div:
      return "/";
    case ast::BinaryOp::FloorDiv:
      return "//";
    case ast::BinaryOp::Mod:
      return "%";
    case ast::BinaryOp::Pow:
      return "**";
    case ast::BinaryOp::MatMul:
      return "@";
    case ast::BinaryOp::BitAnd:
      return "&";
    case ast::BinaryOp::BitOr:
      return "|";
    case ast::BinaryOp::BitXor:
      return "^";
    case ast::BinaryOp::LShift:
      return "<<";
    case ast::BinaryOp::RShift:
      return ">>";
  }
  return "?";
}

const char* unary_op_name(ast::UnaryOp op) {
  switch (op) {
    case ast::UnaryOp::Neg:
      return "-";
    case ast::UnaryOp::Pos:
      return "+";
    case ast::UnaryOp::Invert:
      return "~";
    case ast::UnaryOp::Not:
      return "not";
  }
  return "?";
}

const char* compare_op_name(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Eq:
      return "==";
    case ast::CompareOp::NotEq:
      return "!=";
    case ast::CompareOp::Lt:
      return "<";
    case ast::CompareOp::LtE:
      return "<=";
    case ast::CompareOp::Gt:
      return ">";
    case ast::CompareOp::GtE:
      return ">=";
    case ast::CompareOp::Is:
      return "is";
    case ast::CompareOp::IsNot:
      return "is not";
    case ast::CompareOp::In:
      return "in";
    case ast::CompareOp::NotIn:
      return "not in";
  }
  return "?";
}

}  // namespace pygraft
