#include "runtime/value.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "runtime/cast.h"
#include "runtime/format.h"
#include "runtime/promotion.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

namespace {

int nesting_depth(const Value& v) {
  if (v.is<TupleValue>()) return v.as<TupleValue>().depth;
  if (v.is<DictValue>()) return v.as<DictValue>().depth;
  return 0;
}

// 1 + the deepest container among `items`, refused past kMaxTupleDepth.
int container_depth(const std::vector<Value>& items, int depth = 1) {
  for (const Value& item : items) depth = std::max(depth, nesting_depth(item) + 1);
  if (depth > kMaxTupleDepth) {
    throw RuntimeError(PyExc::LimitExceeded, "tuples, lists and dicts are nested more than " +
                                                 std::to_string(kMaxTupleDepth) + " levels deep");
  }
  return depth;
}

}  // namespace

Value Value::tuple(std::vector<Value> items) {
  int depth = container_depth(items);
  return Value(TupleValue{std::make_shared<std::vector<Value>>(std::move(items)), depth});
}

Value Value::list(std::vector<Value> items) {
  int depth = container_depth(items);
  return Value(TupleValue{std::make_shared<std::vector<Value>>(std::move(items)), depth, true});
}

Value Value::dict(std::vector<Value> keys, std::vector<Value> values) {
  int depth = container_depth(values, container_depth(keys));
  return Value(DictValue{
      std::make_shared<DictEntries>(DictEntries{std::move(keys), std::move(values)}), depth});
}

Value Value::str(std::string text) {
  return Value(StrValue{std::make_shared<const std::string>(std::move(text))});
}

std::string type_name(const Value& v) {
  struct Namer {
    std::string operator()(const NoneValue&) const { return "NoneType"; }
    std::string operator()(bool) const { return "bool"; }
    std::string operator()(int64_t) const { return "int"; }
    std::string operator()(double) const { return "float"; }
    std::string operator()(const StrValue&) const { return "str"; }
    std::string operator()(DType) const { return "numpy.dtype"; }
    // Note: a 0-d array mostly stands for a NumPy scalar (x[0]), which
    // Python names by its type: 'numpy.float64'.
    std::string operator()(const Tensor& t) const {
      if (t.rank() != 0) return "numpy.ndarray";
      return t.dtype() == DType::Bool ? "numpy.bool_"
                                      : "numpy." + std::string(dtype_name(t.dtype()));
    }
    std::string operator()(const TupleValue& t) const { return t.list ? "list" : "tuple"; }
    std::string operator()(const DictValue&) const { return "dict"; }
    std::string operator()(const GeneratorValue&) const { return "Generator"; }
    std::string operator()(const UndefValue&) const { return "unbound variable"; }
  };
  return std::visit(Namer{}, v.storage());
}

namespace {

// np.array's shape and dtype discovery for nested sequences.
struct ArrayLayout {
  Shape shape;
  DType dtype = DType::Bool;
  bool any_leaf = false;
};

void require_same_shape(const Shape& a, const Shape& b) {
  if (!(a == b)) {
    throw RuntimeError(
        PyExc::ValueError,
        "setting an array element with a sequence. The requested array has an inhomogeneous shape");
  }
}

Shape discover(const Value& v, ArrayLayout& layout, int depth) {
  if (depth > kMaxRank)
    throw RuntimeError(PyExc::ValueError, "sequence nesting is too deep for an array");
  if (v.is<TupleValue>()) {
    const auto& items = v.items();
    Shape inner;
    for (size_t i = 0; i < items.size(); ++i) {
      Shape s = discover(items[i], layout, depth + 1);
      if (i == 0)
        inner = s;
      else
        require_same_shape(inner, s);
    }
    if (items.empty() && !layout.any_leaf) layout.dtype = DType::Float64;
    Shape out{static_cast<int64_t>(items.size())};
    for (int64_t d : inner) out.push_back(d);
    return out;
  }
  DType leaf;
  Shape shape;
  if (v.is<Tensor>()) {
    leaf = v.as<Tensor>().dtype();
    shape = v.as<Tensor>().shape();
  } else if (v.is_py_scalar()) {
    leaf = operand_type(v).dtype;
  } else {
    throw RuntimeError(PyExc::TypeError,
                       "cannot convert a value of type '" + type_name(v) + "' to an array");
  }
  layout.dtype = layout.any_leaf ? promote_types(layout.dtype, leaf) : leaf;
  layout.any_leaf = true;
  return shape;
}

void fill(const Value& v, Tensor& out, int64_t& pos) {
  if (v.is<TupleValue>()) {
    for (const Value& item : v.items()) fill(item, out, pos);
    return;
  }
  dispatch_any_dtype(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* dst = out.data<T>();
    if (v.is<Tensor>()) {
      const Tensor& t = v.as<Tensor>();
      dispatch_any_dtype(t.dtype(), [&](auto stag) {
        const auto* src = t.data<decltype(stag)>();
        for (int64_t i = 0; i < t.numel(); ++i) dst[pos++] = convert_element<T>(src[i]);
      });
    } else if (v.is<bool>()) {
      dst[pos++] = convert_element<T>(v.as<bool>());
    } else if (v.is<int64_t>()) {
      dst[pos++] = convert_element<T>(v.as<int64_t>());
    } else {
      dst[pos++] = convert_element<T>(v.as<double>());
    }
  });
}

}  // namespace

Tensor to_tensor(const Value& v) {
  if (v.is<Tensor>()) return v.as<Tensor>();
  if (v.is<bool>()) return Tensor::scalar(DType::Bool, v.as<bool>());
  if (v.is<int64_t>()) return Tensor::scalar(DType::Int64, v.as<int64_t>());
  if (v.is<double>()) return Tensor::scalar(DType::Float64, v.as<double>());
  if (!v.is<TupleValue>()) {
    throw RuntimeError(PyExc::TypeError,
                       "cannot convert a value of type '" + type_name(v) + "' to an array");
  }
  ArrayLayout layout;
  Shape shape = discover(v, layout, 0);
  Tensor out = Tensor::empty(layout.dtype, shape);
  int64_t pos = 0;
  fill(v, out, pos);
  return out;
}

namespace {

const Tensor& single_element(const Value& v) {
  const Tensor& t = v.as<Tensor>();
  if (t.numel() != 1) {
    throw RuntimeError(PyExc::TypeError, "only size-1 arrays can be converted to Python scalars");
  }
  return t;
}

}  // namespace

int64_t to_int64(const Value& v, const char* what) {
  if (v.is<bool>()) return v.as<bool>() ? 1 : 0;
  if (v.is<int64_t>()) return v.as<int64_t>();
  double d;
  if (v.is<double>()) {
    d = v.as<double>();
  } else if (v.is<Tensor>()) {
    const Tensor& t = single_element(v);
    if (!is_float(t.dtype())) return t.get_as_int(0);
    d = t.get_as_double(0);
  } else {
    throw RuntimeError(PyExc::TypeError,
                       std::string(what) + ": expected an int, got '" + type_name(v) + "'");
  }
  if (std::isnan(d)) throw RuntimeError(PyExc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d))
    throw RuntimeError(PyExc::OverflowError, "cannot convert float infinity to integer");
  if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    throw RuntimeError(PyExc::OverflowError, "cannot convert float " + python_float_repr(d) +
                                                 " to int: it does not fit in 64 bits (pygraft's "
                                                 "ints are int64)");
  }
  return static_cast<int64_t>(d);
}

double to_double(const Value& v, const char* what) {
  if (v.is<bool>()) return v.as<bool>() ? 1.0 : 0.0;
  if (v.is<int64_t>()) return static_cast<double>(v.as<int64_t>());
  if (v.is<double>()) return v.as<double>();
  if (v.is<Tensor>()) return single_element(v).get_as_double(0);
  throw RuntimeError(PyExc::TypeError,
                     std::string(what) + ": expected a number, got '" + type_name(v) + "'");
}

bool truth(const Value& v) {
  struct Truth {
    bool operator()(const NoneValue&) const { return false; }
    bool operator()(bool b) const { return b; }
    bool operator()(int64_t i) const { return i != 0; }
    bool operator()(double d) const { return d != 0.0; }
    bool operator()(const StrValue& s) const { return !s.text->empty(); }
    bool operator()(DType) const { return true; }
    bool operator()(const TupleValue& t) const { return !t.items->empty(); }
    bool operator()(const DictValue& d) const { return !d.entries->keys.empty(); }
    bool operator()(const GeneratorValue&) const { return true; }
    bool operator()(const UndefValue&) const { return false; }
    bool operator()(const Tensor& t) const {
      if (t.numel() == 1) return t.get_as_bool(0);
      if (t.numel() == 0) {
        throw RuntimeError(
            PyExc::ValueError,
            "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an "
            "array is not empty.");
      }
      throw RuntimeError(
          PyExc::ValueError,
          "The truth value of an array with more than one element is ambiguous. Use a.any() or "
          "a.all()");
    }
  };
  return std::visit(Truth{}, v.storage());
}

}  // namespace pygraft::rt
