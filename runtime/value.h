// A runtime value: what flows along the graph's edges. Python scalars (bool,
// int, float) are kept apart from 0-d tensors because NumPy 2 (NEP 50)
// treats them as weak: a float32 array times 2.0 stays float32, while a
// float32 array times np.float64(2.0) becomes float64.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "graph/dtype.h"
#include "runtime/random_pcg64.h"
#include "runtime/tensor.h"

namespace pygraft::rt {

class Value;

struct NoneValue {};
// A variable that is not bound on the path taken; reading it is an error
// naming the variable (Python's UnboundLocalError).
struct UndefValue {
  std::shared_ptr<const std::string> name;
};
struct StrValue {
  std::shared_ptr<const std::string> text;
};
// Python tuples and lists: one representation, told apart by `list`. Both
// have value semantics here; the compiler's aliasing check diagnoses code
// whose result would depend on two names sharing one list.
struct TupleValue {
  std::shared_ptr<const std::vector<Value>> items;
  // 1 + the deepest tuple, list or dict among the items: the kernels that
  // build them cap it (kMaxTupleDepth) so printing, converting and
  // destroying one, which recurse, stay shallow whatever a graph does.
  int depth = 1;
  bool list = false;
};
// Python dicts: (key, value) entries in insertion order. Keys are str, int,
// float, bool, None or tuples of those, compared with Python's equality;
// dicts in ML code are small (configs, caches, gradients), so lookups scan.
struct DictEntries;
struct DictValue {
  std::shared_ptr<const DictEntries> entries;
  int depth = 1;
};

// np.random.Generator: its bit generator's whole state. Value semantics as
// for lists: a draw gives the advanced generator, which
// transform/ast_passes/rewrite_generator_draws.h binds back to the name.
struct GeneratorValue {
  random::Pcg64 bits;
};

inline constexpr int kMaxTupleDepth = 256;

class Value {
 public:
  using Storage = std::variant<NoneValue, bool, int64_t, double, StrValue, DType, Tensor,
                               TupleValue, UndefValue, DictValue, GeneratorValue>;

  Value() = default;  // None
  Value(NoneValue v) : v_(v) {}
  Value(bool v) : v_(v) {}
  Value(int64_t v) : v_(v) {}
  Value(double v) : v_(v) {}
  Value(StrValue v) : v_(std::move(v)) {}
  Value(DType v) : v_(v) {}
  Value(Tensor v) : v_(std::move(v)) {}
  Value(TupleValue v) : v_(std::move(v)) {}
  Value(UndefValue v) : v_(std::move(v)) {}
  Value(DictValue v) : v_(std::move(v)) {}
  Value(GeneratorValue v) : v_(v) {}

  static Value tuple(std::vector<Value> items);
  static Value list(std::vector<Value> items);
  static Value dict(std::vector<Value> keys, std::vector<Value> values);
  static Value str(std::string text);

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(v_);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(v_);
  }
  template <class T>
  T& as() {
    return std::get<T>(v_);
  }
  const Storage& storage() const { return v_; }

  bool is_none() const { return is<NoneValue>(); }
  bool is_tensor() const { return is<Tensor>(); }
  // A Python bool, int or float: weak under NEP 50.
  bool is_py_scalar() const { return is<bool>() || is<int64_t>() || is<double>(); }
  const std::vector<Value>& items() const { return *as<TupleValue>().items; }
  bool is_list() const { return is<TupleValue>() && as<TupleValue>().list; }
  bool is_plain_tuple() const { return is<TupleValue>() && !as<TupleValue>().list; }
  bool is_dict() const { return is<DictValue>(); }
  const DictEntries& entries() const { return *as<DictValue>().entries; }

 private:
  Storage v_;
};

struct DictEntries {
  std::vector<Value> keys;
  std::vector<Value> values;
};

// Copies src into dst when both hold the same Python scalar type, without
// the variant's generic assignment, and returns true; false otherwise (dst
// untouched). Note: the executor's steady-state loops hit this nearly
// always, since slots keep their type between iterations.
inline bool assign_same_scalar(Value& dst, const Value& src) {
  if (dst.storage().index() != src.storage().index()) return false;
  if (src.is<int64_t>()) {
    dst.as<int64_t>() = src.as<int64_t>();
  } else if (src.is<double>()) {
    dst.as<double>() = src.as<double>();
  } else if (src.is<bool>()) {
    dst.as<bool>() = src.as<bool>();
  } else {
    return false;
  }
  return true;
}

// Python's type name of the value for messages: "NoneType", "int", "float",
// "bool", "str", "tuple", "list", "dict", "numpy.ndarray", "numpy.dtype",
// "Generator".
std::string type_name(const Value& v);

// A Python scalar as a 0-d tensor of its default dtype (bool, int64, float64);
// a tensor as itself; a (nested) tuple via np.array's rules. Throws
// RuntimeError for None, strings and undefined values.
Tensor to_tensor(const Value& v);

// Scalar extraction with Python's conversion rules (size-1 tensors allowed,
// as int(x) / float(x) do). Throws RuntimeError with Python's message otherwise.
int64_t to_int64(const Value& v, const char* what);
double to_double(const Value& v, const char* what);
// Python truthiness: bool(v). Arrays of size != 1 throw NumPy's message
// "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()".
bool truth(const Value& v);

}  // namespace pygraft::rt
