// Highway compiles the code between HWY_BEFORE_NAMESPACE and
// HWY_AFTER_NAMESPACE once per target instruction set (foreach_target.h
// re-includes this file); HWY_DYNAMIC_DISPATCH picks the best one the CPU
// supports at the first call.
#include "runtime/simd_math.h"

#include <cmath>

#ifdef PYGRAFT_HAVE_HWY

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "runtime/simd_math.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Note: the order matters; foreach_target.h must come before highway.h.
#include <hwy/contrib/math/math-inl.h>
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace pygraft::rt {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// out[i] = f(in[i]) a vector at a time; fix(x, y) then checks each lane of
// a vector whose lanes are not all in_range and may replace y. The tail runs
// as one padded vector, so an element takes the same path wherever it sits.
template <class T, class VectorFn, class RangeFn, class FixFn>
HWY_INLINE void map_lanes(const T* HWY_RESTRICT in, T* out, int64_t n, VectorFn f, RangeFn in_range,
                          FixFn fix) {
  const hn::ScalableTag<T> d;
  const int64_t lanes = static_cast<int64_t>(hn::Lanes(d));
  constexpr size_t kMaxLanes = HWY_MAX_BYTES / sizeof(T);
  HWY_ALIGN T x_lanes[kMaxLanes];
  HWY_ALIGN T y_lanes[kMaxLanes];
  auto slow_vector = [&](const auto x, T* dst, int64_t count) {
    hn::Store(x, d, x_lanes);
    hn::Store(f(d, x), d, y_lanes);
    for (int64_t j = 0; j < count; ++j) dst[j] = fix(x_lanes[j], y_lanes[j]);
  };
  int64_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    const auto x = hn::LoadU(d, in + i);
    if (HWY_LIKELY(hn::AllTrue(d, in_range(d, x)))) {
      hn::StoreU(f(d, x), d, out + i);
    } else {
      slow_vector(x, out + i, lanes);
    }
  }
  if (i < n) {
    for (int64_t j = 0; j < lanes; ++j) x_lanes[j] = i + j < n ? in[i + j] : T{0};
    slow_vector(hn::Load(d, x_lanes), out + i, n - i);
  }
}

// exp: Highway's polynomial is within 1 ulp where the result is a normal
// number; outside that (and for NaN) the C library answers.
template <class T>
void exp_lanes(const T* in, T* out, int64_t n) {
  constexpr T lo = sizeof(T) == 4 ? T(-87.0) : T(-708.0);
  constexpr T hi = sizeof(T) == 4 ? T(88.0) : T(709.0);
  map_lanes(
      in, out, n, [](auto d, auto x) { return hn::Exp(d, x); },
      [](auto d, auto x) { return hn::And(hn::Ge(x, hn::Set(d, lo)), hn::Le(x, hn::Set(d, hi))); },
      [](T x, T y) { return x >= lo && x <= hi ? y : std::exp(x); });
}

// tanh: every finite or infinite input; NaN goes to the C library.
template <class T>
void tanh_lanes(const T* in, T* out, int64_t n) {
  map_lanes(
      in, out, n, [](auto d, auto x) { return hn::Tanh(d, x); },
      [](auto, auto x) { return hn::Eq(x, x); },
      [](T x, T y) { return x == x ? y : std::tanh(x); });
}

void ExpF32(const float* in, float* out, int64_t n) {
  exp_lanes(in, out, n);
}
void ExpF64(const double* in, double* out, int64_t n) {
  exp_lanes(in, out, n);
}
void TanhF32(const float* in, float* out, int64_t n) {
  tanh_lanes(in, out, n);
}
void TanhF64(const double* in, double* out, int64_t n) {
  tanh_lanes(in, out, n);
}
const char* TargetName() {
  return hwy::TargetName(HWY_TARGET);
}

}  // namespace HWY_NAMESPACE
}  // namespace pygraft::rt
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pygraft::rt {

HWY_EXPORT(ExpF32);
HWY_EXPORT(ExpF64);
HWY_EXPORT(TanhF32);
HWY_EXPORT(TanhF64);
HWY_EXPORT(TargetName);

void simd_exp(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpF32)(in, out, n);
}
void simd_exp(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpF64)(in, out, n);
}
void simd_tanh(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(TanhF32)(in, out, n);
}
void simd_tanh(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(TanhF64)(in, out, n);
}
const char* simd_target_name() {
  return HWY_DYNAMIC_DISPATCH(TargetName)();
}

}  // namespace pygraft::rt
#endif  // HWY_ONCE

#else  // !PYGRAFT_HAVE_HWY

namespace pygraft::rt {
namespace {
template <class T, class F>
void map_scalar(const T* in, T* out, int64_t n, F f) {
  for (int64_t i = 0; i < n; ++i) out[i] = f(in[i]);
}
}  // namespace

void simd_exp(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::exp(v); });
}
void simd_exp(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::exp(v); });
}
void simd_tanh(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::tanh(v); });
}
void simd_tanh(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::tanh(v); });
}
const char* simd_target_name() {
  return "C library";
}

}  // namespace pygraft::rt

#endif  // PYGRAFT_HAVE_HWY
