// Loop drivers shared by the elementwise kernels (kernels_arith.cc,
// kernels_compare.cc, kernels_math.cc, kernels_logical.cc).
//
// A kernel promotes its operands (NEP 50, runtime/promotion.h), converts them
// to the loop's element type with prepare_operands(), allocates its result with
// result_buffer() (reusing a uniquely held input of the right dtype and shape),
// and runs a per-element functor through binary_loop() / ternary_loop() /
// unary_loop(). Templates are over element types only; the rank lives in the
// BroadcastPlan.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "runtime/broadcast.h"
#include "runtime/kernel.h"
#include "runtime/promotion.h"
#include "runtime/pyscalar.h"
#include "runtime/simd_math.h"
#include "runtime/tensor.h"

namespace pygraft::rt {

// The operand types of ctx.inputs[first, first + count) for promotion.
OperandType operand_type_checked(const Value& v, const char* ufunc);

// Takes operand `v` (moving a tensor out, so a temporary stays unique) as a
// tensor of `dtype`. A Python int that does not fit int32 raises NumPy 2's
// OverflowError message ("Python integer 3000000000 out of bounds for int32").
Tensor take_operand(Value& v, DType dtype, const char* ufunc);

// A tensor for the result: one of `candidates` when it is held only here and
// already has `dtype` and `shape` (its buffer is then overwritten), else new.
Tensor result_buffer(std::span<Tensor* const> candidates, DType dtype, const Shape& shape);
Tensor result_buffer(std::initializer_list<Tensor*> candidates, DType dtype, const Shape& shape);

// `a op b` with Python's and NumPy's rules: a Python bool for Python scalars
// and other non-array values, else a bool tensor (kernels_compare.cc).
Value compare_values(CompareOp op, Value a, Value b);
// Python's `a == b` as a bool (for `in`, dict keys and sequence equality);
// raises as Python does where `==` gives an array of more than one element.
bool python_equal(const Value& a, const Value& b);
// The index of `key` among the dict's keys, by python_equal.
std::optional<size_t> find_key(const DictEntries& dict, const Value& key);

// True when every input of the node is a Python scalar (bool, int, float).
bool all_py_scalars(std::span<const Value> inputs);

// out[i] = f(a[i], b[i]) over the broadcast of a and b; out has the full shape.
template <class Out, class A, class B, class F>
void binary_loop(Tensor& out, const Tensor& a, const Tensor& b, F f) {
  Out* o = out.data<Out>();
  const A* x = a.data<A>();
  const B* y = b.data<B>();
  // Note: same shapes and an operand of one element are one flat run; they
  // skip the plan, whose setup costs more than a small array's loop.
  const int64_t n = out.numel();
  const bool a_full = a.shape() == out.shape(), b_full = b.shape() == out.shape();
  if (a_full && b_full) {
    for (int64_t i = 0; i < n; ++i) o[i] = f(x[i], y[i]);
    return;
  }
  if (a_full && b.numel() == 1) {
    const B yv = *y;
    for (int64_t i = 0; i < n; ++i) o[i] = f(x[i], yv);
    return;
  }
  if (b_full && a.numel() == 1) {
    const A xv = *x;
    for (int64_t i = 0; i < n; ++i) o[i] = f(xv, y[i]);
    return;
  }
  const Shape shapes[] = {out.shape(), a.shape(), b.shape()};
  BroadcastPlan plan(shapes);
  const bool sx = plan.inner_stride(1) != 0, sy = plan.inner_stride(2) != 0;
  // Note: runs shorter than a vector (points[:, None, :] - centers[None]
  // over 2 coordinates) go two axes per call.
  constexpr int64_t kShortRun = 8;
  if (plan.inner_length() < kShortRun && plan.has_outer_axis()) {
    plan.for_each_run_pair(
        [&](const int64_t* off, int64_t run, int64_t count, const int64_t* step) {
          auto runs = [&](auto length) {
            for (int64_t j = 0; j < count; ++j) {
              Out* po = o + off[0] + j * step[0];
              const A* px = x + off[1] + j * step[1];
              const B* py = y + off[2] + j * step[2];
              for (int64_t i = 0; i < length; ++i) po[i] = f(px[sx ? i : 0], py[sy ? i : 0]);
            }
          };
          // Note: a constant length (2-D and 3-D points) unrolls the inner loop.
          if (run == 2) return runs(std::integral_constant<int64_t, 2>{});
          if (run == 3) return runs(std::integral_constant<int64_t, 3>{});
          runs(run);
        });
    return;
  }
  plan.for_each_run([&](const int64_t* off, int64_t run) {
    Out* po = o + off[0];
    const A* px = x + off[1];
    const B* py = y + off[2];
    // Note: separate loops per stride pattern so each one vectorises.
    if (sx && sy) {
      for (int64_t i = 0; i < run; ++i) po[i] = f(px[i], py[i]);
    } else if (sx) {
      const B yv = *py;
      for (int64_t i = 0; i < run; ++i) po[i] = f(px[i], yv);
    } else if (sy) {
      const A xv = *px;
      for (int64_t i = 0; i < run; ++i) po[i] = f(xv, py[i]);
    } else {
      const Out v = f(*px, *py);
      for (int64_t i = 0; i < run; ++i) po[i] = v;
    }
  });
}

// out = x OP y for float tensors of one dtype that broadcast with short
// inner axes (points[:, None, :] - centers[None, :, :]), on
// simd_binary_blocks; false, having done nothing, for other layouts.
bool simd_broadcast_binary(SimdBinary op, Tensor& out, const Tensor& x, const Tensor& y);

// out[i] = f(c[i], a[i], b[i]) over the broadcast of three operands.
template <class Out, class C, class A, class B, class F>
void ternary_loop(Tensor& out, const Tensor& c, const Tensor& a, const Tensor& b, F f) {
  const Shape shapes[] = {out.shape(), c.shape(), a.shape(), b.shape()};
  BroadcastPlan plan(shapes);
  const int64_t sc = plan.inner_stride(1), sa = plan.inner_stride(2), sb = plan.inner_stride(3);
  Out* o = out.data<Out>();
  const C* pc = c.data<C>();
  const A* pa = a.data<A>();
  const B* pb = b.data<B>();
  plan.for_each_run([&](const int64_t* off, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      o[off[0] + i] = f(pc[off[1] + i * sc], pa[off[2] + i * sa], pb[off[3] + i * sb]);
    }
  });
}

// out[i] = f(in[i]) for same-shape contiguous tensors (out may alias in).
template <class Out, class In, class F>
void unary_loop(Tensor& out, const Tensor& in, F f) {
  Out* o = out.data<Out>();
  const In* x = in.data<In>();
  for (int64_t i = 0, n = in.numel(); i < n; ++i) o[i] = f(x[i]);
}

// Runs a unary op on a tensor input: result dtype `out_dtype`, input
// converted to `in_dtype`, reusing the input buffer when possible.
template <class Out, class In, class F>
Tensor map_unary(Value& input, DType in_dtype, F f, const char* ufunc) {
  Tensor in = take_operand(input, in_dtype, ufunc);
  Tensor out = result_buffer({&in}, dtype_of<Out>(), in.shape());
  unary_loop<Out, In>(out, in, f);
  return out;
}

// Throws NumPy 2's OverflowError when a Python int does not fit int32.
void check_int_fits(int64_t value, DType dtype);

// A Python scalar operand as element type T of the loop dtype `dtype`,
// converted exactly as take_operand() would convert it.
template <class T>
T py_scalar_element(const Value& v, DType dtype) {
  if (v.is<bool>()) return static_cast<T>(v.as<bool>());
  if (v.is<int64_t>()) {
    check_int_fits(v.as<int64_t>(), dtype);
    return static_cast<T>(v.as<int64_t>());
  }
  return static_cast<T>(v.as<double>());
}

// f(x, s) or f(s, x) over a tensor x that already has the loop dtype and a
// Python scalar s, which never becomes a 0-d tensor (an allocation per op in
// a loop over small arrays). nullopt, consuming nothing, for other operands.
template <class Out, class Fn>
std::optional<Tensor> tensor_with_py_scalar(Value& a, Value& b, DType dtype, Fn fn) {
  const bool a_scalar = a.is_py_scalar();
  if (a_scalar == b.is_py_scalar()) return std::nullopt;
  Value& tensor = a_scalar ? b : a;
  if (!tensor.is<Tensor>() || tensor.as<Tensor>().dtype() != dtype) return std::nullopt;
  const Value& scalar = a_scalar ? a : b;
  return dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    using O = std::conditional_t<std::is_void_v<Out>, T, Out>;
    const T s = py_scalar_element<T>(scalar, dtype);
    Tensor x = std::move(tensor.as<Tensor>());
    tensor = Value();
    Tensor out = result_buffer({&x}, dtype_of<O>(), x.shape());
    if (a_scalar) {
      unary_loop<O, T>(out, x, [&](T v) { return static_cast<O>(fn(s, v)); });
    } else {
      unary_loop<O, T>(out, x, [&](T v) { return static_cast<O>(fn(v, s)); });
    }
    return out;
  });
}

// fn(x, y) over operands a and b converted to `dtype`, giving a `dtype`
// result: the driver of the arithmetic and bitwise ufuncs. fn is a generic
// functor instantiated for every element type.
template <class Fn>
Tensor binary_same_type(Value& a, Value& b, DType dtype, Fn fn, const char* ufunc) {
  if (std::optional<Tensor> out = tensor_with_py_scalar<void>(a, b, dtype, fn)) {
    return std::move(*out);
  }
  Tensor x = take_operand(a, dtype, ufunc);
  Tensor y = take_operand(b, dtype, ufunc);
  const Shape shapes[] = {x.shape(), y.shape()};
  Tensor out = result_buffer({&x, &y}, dtype, broadcast_shapes(shapes));
  if constexpr (requires { Fn::kSimd; }) {
    if (is_float(dtype) && !(x.shape() == y.shape()) &&
        simd_broadcast_binary(Fn::kSimd, out, x, y)) {
      return out;
    }
  }
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    binary_loop<T, T, T>(out, x, y, [&](T u, T v) { return static_cast<T>(fn(u, v)); });
  });
  return out;
}

// fn(x, y) -> bool over operands converted to `dtype`: comparisons and the
// logical ufuncs.
template <class Fn>
Tensor binary_predicate(Value& a, Value& b, DType dtype, Fn fn, const char* ufunc) {
  if (std::optional<Tensor> out = tensor_with_py_scalar<bool>(a, b, dtype, fn)) {
    return std::move(*out);
  }
  Tensor x = take_operand(a, dtype, ufunc);
  Tensor y = take_operand(b, dtype, ufunc);
  const Shape shapes[] = {x.shape(), y.shape()};
  Tensor out = result_buffer({&x, &y}, DType::Bool, broadcast_shapes(shapes));
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    binary_loop<bool, T, T>(out, x, y, [&](T u, T v) { return static_cast<bool>(fn(u, v)); });
  });
  return out;
}

}  // namespace pygraft::rt
