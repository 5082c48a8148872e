#include "transform/fold.h"

#include <cmath>
#include <limits>
#include <string>

#include "parser/ast_operators.h"

namespace pygraft::transform {

namespace {

// A number in Python's tower: bool and int are ints, float is a double.
struct Number {
  bool is_float = false;
  int64_t i = 0;
  double f = 0;
  double as_double() const { return is_float ? f : static_cast<double>(i); }
};

std::optional<Number> as_number(const Literal& lit) {
  if (lit.is<bool>()) return Number{false, lit.as<bool>() ? 1 : 0, 0};
  if (lit.is<int64_t>()) return Number{false, lit.as<int64_t>(), 0};
  if (lit.is<double>()) return Number{true, 0, lit.as<double>()};
  return std::nullopt;
}

// CPython's float floor division and modulo (Objects/floatobject.c).
std::optional<Literal> float_floor_div_mod(double a, double b, bool want_div) {
  if (b == 0) return std::nullopt;
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  if (!want_div) return Literal(mod);
  double floordiv = 0;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  return Literal(floordiv);
}

// An int result that CPython computes exactly and pygraft's int64 cannot
// hold: the exact value when it fits 128 bits (for the message).
struct Overflow {
  std::optional<__int128> exact;
};

// The value of an int operation, or why there is none: `overflow` set when
// it leaves int64, neither set when CPython raises (ZeroDivisionError ...).
struct IntResult {
  std::optional<Literal> value;
  std::optional<Overflow> overflow;
};

IntResult exact_or_overflow(__int128 exact) {
  if (exact < std::numeric_limits<int64_t>::min() || exact > std::numeric_limits<int64_t>::max()) {
    return {std::nullopt, Overflow{exact}};
  }
  return {Literal(static_cast<int64_t>(exact)), std::nullopt};
}

IntResult int_floor_div_mod(int64_t a, int64_t b, bool want_div) {
  if (b == 0) return {};
  if (a == std::numeric_limits<int64_t>::min() && b == -1) {
    return want_div ? exact_or_overflow(-static_cast<__int128>(a))
                    : IntResult{Literal(int64_t{0}), std::nullopt};
  }
  int64_t div = a / b;
  int64_t mod = a % b;
  if (mod != 0 && ((mod < 0) != (b < 0))) {
    mod += b;
    div -= 1;
  }
  return {want_div ? Literal(div) : Literal(mod), std::nullopt};
}

// base ** exponent for exponent >= 0, in 128 bits while it fits.
std::optional<__int128> wide_power(int64_t base, int64_t exponent) {
  __int128 result = 1, factor = base;
  while (exponent > 0) {
    if ((exponent & 1) && __builtin_mul_overflow(result, factor, &result)) return std::nullopt;
    exponent >>= 1;
    if (exponent > 0 && __builtin_mul_overflow(factor, factor, &factor)) return std::nullopt;
  }
  return result;
}

IntResult int_power(int64_t base, int64_t exponent) {
  if (exponent < 0 && base == 0) return {};  // ZeroDivisionError
  if (exponent < 0) {
    return {Literal(std::pow(static_cast<double>(base), static_cast<double>(exponent))),
            std::nullopt};
  }
  std::optional<__int128> exact = wide_power(base, exponent);
  if (!exact) return {std::nullopt, Overflow{}};
  return exact_or_overflow(*exact);
}

IntResult int_left_shift(int64_t a, int64_t b) {
  if (b < 0) return {};  // ValueError: negative shift count
  if (a == 0) return {Literal(int64_t{0}), std::nullopt};
  if (b >= 64)
    return {std::nullopt, Overflow{b < 100 ? std::optional<__int128>(static_cast<__int128>(a) << b)
                                           : std::nullopt}};
  return exact_or_overflow(static_cast<__int128>(a) * (static_cast<__int128>(1) << b));
}

IntResult int_arithmetic(ast::BinaryOp op, int64_t a, int64_t b) {
  const __int128 x = a, y = b;
  switch (op) {
    case ast::BinaryOp::Add:
      return exact_or_overflow(x + y);
    case ast::BinaryOp::Sub:
      return exact_or_overflow(x - y);
    case ast::BinaryOp::Mul:
      return exact_or_overflow(x * y);
    case ast::BinaryOp::Div:
      if (b == 0) return {};
      return {Literal(static_cast<double>(a) / static_cast<double>(b)), std::nullopt};
    case ast::BinaryOp::FloorDiv:
      return int_floor_div_mod(a, b, true);
    case ast::BinaryOp::Mod:
      return int_floor_div_mod(a, b, false);
    case ast::BinaryOp::Pow:
      return int_power(a, b);
    case ast::BinaryOp::BitAnd:
      return {Literal(a & b), std::nullopt};
    case ast::BinaryOp::BitOr:
      return {Literal(a | b), std::nullopt};
    case ast::BinaryOp::BitXor:
      return {Literal(a ^ b), std::nullopt};
    case ast::BinaryOp::LShift:
      return int_left_shift(a, b);
    case ast::BinaryOp::RShift:
      if (b < 0) return {};
      return {Literal(b >= 64 ? (a < 0 ? int64_t{-1} : int64_t{0}) : (a >> b)), std::nullopt};
    case ast::BinaryOp::MatMul:
      return {};
  }
  return {};
}

std::string wide_to_string(__int128 v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  unsigned __int128 u = negative ? -static_cast<unsigned __int128>(v) : v;
  std::string digits;
  while (u > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return negative ? "-" + digits : digits;
}

std::string overflow_message(const std::string& expression, const Overflow& overflow) {
  std::string value = overflow.exact ? " = " + wide_to_string(*overflow.exact) : std::string();
  return "integer overflow: " + expression + value +
         " does not fit in 64 bits (pygraft's ints are int64: -2**63 to 2**63 - 1)";
}

// Python's float ** float; nullopt where CPython raises or gives a complex.
std::optional<Literal> float_power(double base, double exponent) {
  bool finite = std::isfinite(base) && std::isfinite(exponent);
  if (base == 0 && exponent < 0 && finite) return std::nullopt;  // ZeroDivisionError
  if (base < 0 && finite && exponent != std::floor(exponent)) return std::nullopt;  // complex
  double r = std::pow(base, exponent);
  if (std::isinf(r) && finite) return std::nullopt;  // OverflowError
  return Literal(r);
}

std::optional<Literal> float_arithmetic(ast::BinaryOp op, double a, double b) {
  switch (op) {
    case ast::BinaryOp::Add:
      return Literal(a + b);
    case ast::BinaryOp::Sub:
      return Literal(a - b);
    case ast::BinaryOp::Mul:
      return Literal(a * b);
    case ast::BinaryOp::Div:
      if (b == 0) return std::nullopt;
      return Literal(a / b);
    case ast::BinaryOp::FloorDiv:
      return float_floor_div_mod(a, b, true);
    case ast::BinaryOp::Mod:
      return float_floor_div_mod(a, b, false);
    case ast::BinaryOp::Pow:
      return float_power(a, b);
    default:
      return std::nullopt;  // bitwise operators and @ are TypeErrors on floats
  }
}

std::optional<Literal> tuple_binary(ast::BinaryOp op, const Literal& lhs, const Literal& rhs) {
  constexpr size_t kMaxFoldedTuple = 4096;
  if (op == ast::BinaryOp::Add && lhs.is<LiteralTuple>() && rhs.is<LiteralTuple>()) {
    LiteralTuple out = lhs.as<LiteralTuple>();
    out.insert(out.end(), rhs.as<LiteralTuple>().begin(), rhs.as<LiteralTuple>().end());
    return Literal(std::move(out));
  }
  const Literal& tuple = lhs.is<LiteralTuple>() ? lhs : rhs;
  const Literal& count = lhs.is<LiteralTuple>() ? rhs : lhs;
  if (op != ast::BinaryOp::Mul || !tuple.is<LiteralTuple>() || count.is<double>())
    return std::nullopt;
  std::optional<Number> n = as_number(count);
  if (!n) return std::nullopt;
  const LiteralTuple& items = tuple.as<LiteralTuple>();
  if (n->i > 0 && items.size() * static_cast<size_t>(n->i) > kMaxFoldedTuple) return std::nullopt;
  LiteralTuple out;
  for (int64_t k = 0; k < n->i; ++k) out.insert(out.end(), items.begin(), items.end());
  return Literal(std::move(out));
}

bool is_bitwise(ast::BinaryOp op) {
  return op == ast::BinaryOp::BitAnd || op == ast::BinaryOp::BitOr || op == ast::BinaryOp::BitXor;
}

// Python's ==: numbers by value across int/float, tuples elementwise, else
// same type and payload.
bool literal_equal(const Literal& a, const Literal& b) {
  std::optional<Number> x = as_number(a), y = as_number(b);
  if (x && y) {
    if (!x->is_float && !y->is_float) return x->i == y->i;
    return x->as_double() == y->as_double();
  }
  if (a.is<LiteralTuple>() && b.is<LiteralTuple>()) {
    const LiteralTuple &p = a.as<LiteralTuple>(), &q = b.as<LiteralTuple>();
    if (p.size() != q.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (!literal_equal(p[i], q[i])) return false;
    return true;
  }
  return a == b;
}

// -1, 0, 1 for ordered comparisons; nullopt for unordered (NaN) or TypeError.
std::optional<int> literal_order(const Literal& a, const Literal& b) {
  std::optional<Number> x = as_number(a), y = as_number(b);
  if (x && y) {
    if (!x->is_float && !y->is_float) return x->i < y->i ? -1 : (x->i > y->i ? 1 : 0);
    double p = x->as_double(), q = y->as_double();
    if (std::isnan(p) || std::isnan(q)) return std::nullopt;
    return p < q ? -1 : (p > q ? 1 : 0);
  }
  if (a.is<LiteralTuple>() && b.is<LiteralTuple>()) {
    const LiteralTuple &p = a.as<LiteralTuple>(), &q = b.as<LiteralTuple>();
    for (size_t i = 0; i < p.size() && i < q.size(); ++i) {
      if (literal_equal(p[i], q[i])) continue;
      return literal_order(p[i], q[i]);
    }
    return p.size() < q.size() ? -1 : (p.size() > q.size() ? 1 : 0);
  }
  return std::nullopt;
}

std::optional<Literal> fold_ordering(ast::CompareOp op, const Literal& lhs, const Literal& rhs) {
  std::optional<Number> x = as_number(lhs), y = as_number(rhs);
  bool nan = x && y && (std::isnan(x->as_double()) || std::isnan(y->as_double()));
  if (nan) return Literal(false);  // every ordering with NaN is False
  std::optional<int> order = literal_order(lhs, rhs);
  if (!order) return std::nullopt;
  switch (op) {
    case ast::CompareOp::Lt:
      return Literal(*order < 0);
    case ast::CompareOp::LtE:
      return Literal(*order <= 0);
    case ast::CompareOp::Gt:
      return Literal(*order > 0);
    case ast::CompareOp::GtE:
      return Literal(*order >= 0);
    default:
      return std::nullopt;
  }
}

std::optional<Literal> fold_identity(bool negate, const Literal& lhs, const Literal& rhs) {
  bool comparable = lhs.is_none() || rhs.is_none() || (lhs.is<bool>() && rhs.is<bool>());
  if (!comparable) return std::nullopt;  // identity of numbers is implementation-defined
  return Literal((lhs == rhs) != negate);
}

std::optional<Literal> fold_membership(bool negate, const Literal& lhs, const Literal& rhs) {
  if (!rhs.is<LiteralTuple>()) return std::nullopt;
  bool found = false;
  for (const Literal& item : rhs.as<LiteralTuple>()) found = found || literal_equal(lhs, item);
  return Literal(found != negate);
}

}  // namespace

std::optional<Literal> fold_binary(ast::BinaryOp op, const Literal& lhs, const Literal& rhs,
                                   std::string* overflow) {
  if (lhs.is<LiteralTuple>() || rhs.is<LiteralTuple>()) return tuple_binary(op, lhs, rhs);
  std::optional<Number> a = as_number(lhs), b = as_number(rhs);
  if (!a || !b) return std::nullopt;
  if (lhs.is<bool>() && rhs.is<bool>() && is_bitwise(op)) {
    bool p = lhs.as<bool>(), q = rhs.as<bool>();
    if (op == ast::BinaryOp::BitAnd) return Literal(p && q);
    if (op == ast::BinaryOp::BitOr) return Literal(p || q);
    return Literal(p != q);
  }
  if (a->is_float || b->is_float) return float_arithmetic(op, a->as_double(), b->as_double());
  IntResult result = int_arithmetic(op, a->i, b->i);
  if (result.overflow && overflow != nullptr) {
    *overflow = overflow_message(
        std::to_string(a->i) + " " + binary_op_name(op) + " " + std::to_string(b->i),
        *result.overflow);
  }
  return result.value;
}

std::optional<Literal> fold_unary(ast::UnaryOp op, const Literal& operand, std::string* overflow) {
  if (op == ast::UnaryOp::Not) {
    std::optional<bool> truth = fold_truth(operand);
    if (!truth) return std::nullopt;
    return Literal(!*truth);
  }
  std::optional<Number> n = as_number(operand);
  if (!n) return std::nullopt;
  switch (op) {
    case ast::UnaryOp::Neg:
      if (n->is_float) return Literal(-n->f);
      if (n->i == std::numeric_limits<int64_t>::min()) {
        if (overflow != nullptr) {
          *overflow = overflow_message("-(" + std::to_string(n->i) + ")",
                                       Overflow{-static_cast<__int128>(n->i)});
        }
        return std::nullopt;
      }
      return Literal(-n->i);
    case ast::UnaryOp::Pos:
      return n->is_float ? Literal(n->f) : Literal(n->i);
    case ast::UnaryOp::Invert:
      if (n->is_float) return std::nullopt;
      return Literal(~n->i);
    case ast::UnaryOp::Not:
      break;
  }
  return std::nullopt;
}

std::optional<Literal> fold_compare(ast::CompareOp op, const Literal& lhs, const Literal& rhs) {
  switch (op) {
    case ast::CompareOp::Eq:
      return Literal(literal_equal(lhs, rhs));
    case ast::CompareOp::NotEq:
      return Literal(!literal_equal(lhs, rhs));
    case ast::CompareOp::Is:
      return fold_identity(false, lhs, rhs);
    case ast::CompareOp::IsNot:
      return fold_identity(true, lhs, rhs);
    case ast::CompareOp::In:
      return fold_membership(false, lhs, rhs);
    case ast::CompareOp::NotIn:
      return fold_membership(true, lhs, rhs);
    default:
      return fold_ordering(op, lhs, rhs);
  }
}

std::optional<bool> fold_truth(const Literal& value) {
  if (value.is_none()) return false;
  if (value.is<bool>()) return value.as<bool>();
  if (value.is<int64_t>()) return value.as<int64_t>() != 0;
  if (value.is<double>()) return value.as<double>() != 0;
  if (value.is<std::string>()) return !value.as<std::string>().empty();
  if (value.is<LiteralTuple>()) return !value.as<LiteralTuple>().empty();
  return true;  // a dtype object
}

}  // namespace pygraft::transform
