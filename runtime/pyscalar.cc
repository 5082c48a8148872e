#include "runtime/pyscalar.h"

#include <string>

#include "runtime/pymath.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

const char* op_symbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return "+";
    case BinaryOp::Sub:
      return "-";
    case BinaryOp::Mul:
      return "*";
    case BinaryOp::TrueDiv:
      return "/";
    case BinaryOp::FloorDiv:
      return "//";
    case BinaryOp::Mod:
      return "%";
    case BinaryOp::Pow:
      return "** or pow()";
    case BinaryOp::BitAnd:
      return "&";
    case BinaryOp::BitOr:
      return "|";
    case BinaryOp::BitXor:
      return "^";
    case BinaryOp::LShift:
      return "<<";
    case BinaryOp::RShift:
      return ">>";
  }
  return "?";
}

const char* op_symbol(CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return "==";
    case CompareOp::Ne:
      return "!=";
    case CompareOp::Lt:
      return "<";
    case CompareOp::Le:
      return "<=";
    case CompareOp::Gt:
      return ">";
    case CompareOp::Ge:
      return ">=";
  }
  return "?";
}

namespace {

// Note: Python's ints are unbounded; pygraft's are int64 (SPEC §3), so a
// result outside int64 raises instead of wrapping.
[[noreturn]] void overflow(const char* symbol, int64_t a, int64_t b) {
  throw RuntimeError(PyExc::OverflowError,
                     "integer overflow: " + std::to_string(a) + " " + symbol + " " +
                         std::to_string(b) + " does not fit in 64 bits (pygraft's ints are int64)");
}

int64_t checked_add(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) overflow("+", a, b);
  return r;
}

int64_t checked_sub(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) overflow("-", a, b);
  return r;
}

int64_t checked_mul(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) overflow("*", a, b);
  return r;
}

int64_t int_pow(int64_t base, int64_t exp) {
  const int64_t base0 = base, exp0 = exp;
  int64_t result = 1;
  while (exp > 0) {
    if ((exp & 1) && __builtin_mul_overflow(result, base, &result)) overflow("**", base0, exp0);
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(base, base, &base)) overflow("**", base0, exp0);
  }
  return result;
}

int64_t int_shift(BinaryOp op, int64_t a, int64_t b) {
  if (b < 0) throw RuntimeError(PyExc::ValueError, "negative shift count");
  if (op == BinaryOp::RShift) return b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
  if (a == 0) return 0;
  if (b >= 64) overflow("<<", a, b);
  int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
  if ((shifted >> b) != a) overflow("<<", a, b);
  return shifted;
}

[[noreturn]] void zero_division(const char* message) {
  throw RuntimeError(PyExc::ZeroDivisionError, message);
}

Value int_binary(BinaryOp op, int64_t a, int64_t b) {
  switch (op) {
    case BinaryOp::Add:
      return checked_add(a, b);
    case BinaryOp::Sub:
      return checked_sub(a, b);
    case BinaryOp::Mul:
      return checked_mul(a, b);
    case BinaryOp::TrueDiv:
      if (b == 0) zero_division("division by zero");
      return static_cast<double>(a) / static_cast<double>(b);
    case BinaryOp::FloorDiv:
      if (b == 0) zero_division("integer division or modulo by zero");
      if (b == -1) return checked_sub(0, a);
      return int_floor_div(a, b);
    case BinaryOp::Mod:
      if (b == 0) zero_division("integer modulo by zero");
      return int_mod(a, b);
    case BinaryOp::Pow:
      if (b >= 0) return int_pow(a, b);
      return python_float_pow(static_cast<double>(a), static_cast<double>(b));
    case BinaryOp::BitAnd:
      return a & b;
    case BinaryOp::BitOr:
      return a | b;
    case BinaryOp::BitXor:
      return a ^ b;
    case BinaryOp::LShift:
    case BinaryOp::RShift:
      return int_shift(op, a, b);
  }
  return int64_t{0};
}

double float_binary(BinaryOp op, double a, double b) {
  switch (op) {
    case BinaryOp::Add:
      return a + b;
    case BinaryOp::Sub:
      return a - b;
    case BinaryOp::Mul:
      return a * b;
    case BinaryOp::TrueDiv:
      if (b == 0) zero_division("float division by zero");
      return a / b;
    case BinaryOp::FloorDiv:
      if (b == 0) zero_division("float floor division by zero");
      return float_floor_div(a, b);
    case BinaryOp::Mod:
      if (b == 0) zero_division("float modulo");
      return float_mod(a, b);
    case BinaryOp::Pow:
      return python_float_pow(a, b);
    default:
      break;
  }
  throw RuntimeError(PyExc::TypeError, std::string("unsupported operand type(s) for ") +
                                           op_symbol(op) + ": 'float' and 'float'");
}

bool is_bitwise(BinaryOp op) {
  return op == BinaryOp::BitAnd || op == BinaryOp::BitOr || op == BinaryOp::BitXor;
}

}  // namespace

Value py_binary(BinaryOp op, const Value& a, const Value& b) {
  if (a.is<int64_t>() && b.is<int64_t>()) return int_binary(op, a.as<int64_t>(), b.as<int64_t>());
  if (a.is<double>() || b.is<double>()) {
    if (op >= BinaryOp::BitAnd) {
      throw RuntimeError(PyExc::TypeError, std::string("unsupported operand type(s) for ") +
                                               op_symbol(op) + ": '" + type_name(a) + "' and '" +
                                               type_name(b) + "'");
    }
    return float_binary(op, to_double(a, op_symbol(op)), to_double(b, op_symbol(op)));
  }
  if (a.is<bool>() && b.is<bool>() && is_bitwise(op)) {
    return int_binary(op, a.as<bool>(), b.as<bool>()).as<int64_t>() != 0;
  }
  return int_binary(op, to_int64(a, op_symbol(op)), to_int64(b, op_symbol(op)));
}

Value py_unary(UnaryOp op, const Value& a) {
  if (a.is<double>()) {
    if (op == UnaryOp::Invert) {
      throw RuntimeError(PyExc::TypeError, "bad operand type for unary ~: 'float'");
    }
    return op == UnaryOp::Neg ? -a.as<double>() : a.as<double>();
  }
  int64_t v = to_int64(a, "unary operator");
  switch (op) {
    case UnaryOp::Neg:
      if (v == INT64_MIN) {
        throw RuntimeError(PyExc::OverflowError,
                           "integer overflow: -(" + std::to_string(v) +
                               ") does not fit in 64 bits (pygraft's ints are int64)");
      }
      return -v;
    case UnaryOp::Pos:
      return v;
    case UnaryOp::Invert:
      return ~v;
  }
  return v;
}

namespace {

long double exact(const Value& v) {
  if (v.is<double>()) return v.as<double>();
  return static_cast<long double>(to_int64(v, "comparison"));
}

}  // namespace

bool py_compare(CompareOp op, const Value& a, const Value& b) {
  if (a.is<int64_t>() && b.is<int64_t>())
    return compare_values(op, a.as<int64_t>(), b.as<int64_t>());
  if (a.is<double>() && b.is<double>()) return compare_values(op, a.as<double>(), b.as<double>());
  if (!a.is<double>() && !b.is<double>()) {
    return compare_values(op, to_int64(a, "comparison"), to_int64(b, "comparison"));
  }
  // Note: long double holds every int64 and every double exactly on x86-64,
  // so mixed comparisons are exact as in CPython.
  return compare_values(op, exact(a), exact(b));
}

}  // namespace pygraft::rt
