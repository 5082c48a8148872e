#include "runtime/args.h"

#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

std::optional<DType> dtype_arg(const Value& v) {
  if (v.is_none()) return std::nullopt;
  if (v.is<DType>()) return v.as<DType>();
  if (v.is<StrValue>()) {
    if (auto t = dtype_from_name(*v.as<StrValue>().text)) return t;
    throw RuntimeError(PyExc::TypeError,
                       "data type '" + *v.as<StrValue>().text + "' not understood");
  }
  throw RuntimeError(PyExc::TypeError,
                     "data type not understood: got a value of type '" + type_name(v) + "'");
}

int64_t int_arg(const Value& v, const char* name) {
  if (v.is<int64_t>()) return v.as<int64_t>();
  if (v.is<bool>()) return v.as<bool>() ? 1 : 0;
  if (v.is<Tensor>()) {
    const Tensor& t = v.as<Tensor>();
    if (t.rank() == 0 && !is_float(t.dtype())) return t.get_as_int(0);
  }
  throw RuntimeError(PyExc::TypeError, std::string("'") + type_name(v) +
                                           "' object cannot be interpreted as an integer (" + name +
                                           ")");
}

bool bool_arg(const Value& v, const char* name) {
  if (v.is<bool>()) return v.as<bool>();
  if (v.is<int64_t>()) return v.as<int64_t>() != 0;
  if (v.is<Tensor>() && v.as<Tensor>().numel() == 1) return v.as<Tensor>().get_as_bool(0);
  throw RuntimeError(PyExc::TypeError,
                     std::string(name) + " must be a bool, got '" + type_name(v) + "'");
}

namespace {

void check_dim(int64_t d, bool allow_minus_one, int& minus_ones) {
  if (d >= 0) return;
  if (allow_minus_one && d == -1 && ++minus_ones == 1) return;
  if (allow_minus_one && d == -1)
    throw RuntimeError(PyExc::ValueError, "can only specify one unknown dimension");
  throw RuntimeError(PyExc::ValueError, "negative dimensions are not allowed");
}

}  // namespace

Shape shape_arg(const Value& v, bool allow_minus_one) {
  Shape shape;
  int minus_ones = 0;
  auto add = [&](int64_t d) {
    check_dim(d, allow_minus_one, minus_ones);
    shape.push_back(d);
  };
  if (v.is<TupleValue>()) {
    for (const Value& item : v.items()) add(int_arg(item, "shape"));
  } else if (v.is<Tensor>() && v.as<Tensor>().rank() == 1 && is_integer(v.as<Tensor>().dtype())) {
    const Tensor& t = v.as<Tensor>();
    for (int64_t i = 0; i < t.numel(); ++i) add(t.get_as_int(i));
  } else {
    add(int_arg(v, "shape"));
  }
  return shape;
}

AxisSet axes_arg(const Value& axis, int rank) {
  AxisSet set;
  if (axis.is_none()) {
    for (int i = 0; i < rank; ++i) set.set(i);
    return set;
  }
  auto add = [&](const Value& a) {
    int ax = normalize_axis(int_arg(a, "axis"), rank);
    if (set.test(ax)) throw RuntimeError(PyExc::ValueError, "duplicate value in 'axis'");
    set.set(ax);
  };
  if (axis.is<TupleValue>()) {
    for (const Value& a : axis.items()) add(a);
  } else {
    add(axis);
  }
  return set;
}

}  // namespace pygraft::rt
