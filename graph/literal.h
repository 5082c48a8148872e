// Compile-time constant values: the payload of const nodes and node
// attributes, and parameter defaults. Tuples nest.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "graph/dtype.h"

namespace pygraft {

struct NoneLiteral {
  friend bool operator==(NoneLiteral, NoneLiteral) = default;
};

class Literal;
using LiteralTuple = std::vector<Literal>;

// A Python constant: None, bool, int (int64), float (double), str, a NumPy
// dtype (np.float32 ...), or a tuple of these.
class Literal {
 public:
  using Storage =
      std::variant<NoneLiteral, bool, int64_t, double, std::string, DType, LiteralTuple>;

  Literal() = default;
  Literal(NoneLiteral v) : value_(v) {}
  Literal(bool v) : value_(v) {}
  Literal(int64_t v) : value_(v) {}
  Literal(double v) : value_(v) {}
  Literal(std::string v) : value_(std::move(v)) {}
  Literal(DType v) : value_(v) {}
  Literal(LiteralTuple v) : value_(std::move(v)) {}

  const Storage& storage() const { return value_; }
  template <class T>
  bool is() const {
    return std::holds_alternative<T>(value_);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(value_);
  }
  bool is_none() const { return is<NoneLiteral>(); }

  friend bool operator==(const Literal&, const Literal&) = default;

 private:
  Storage value_;
};

// Python's repr of the literal: None, True, 3, 2.5, 'text', float32, (1, 2).
// Floats print with the shortest digits that round-trip.
std::string literal_to_string(const Literal& lit);

}  // namespace pygraft
