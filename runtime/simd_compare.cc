// runtime/simd_compare.h over Highway (see runtime/simd_gemm.cc for how
// foreach_target.h compiles this file once per instruction set).
#include "runtime/simd_compare.h"

#include "runtime/pyscalar.h"  // compare_values: the tails

#ifdef PYGRAFT_HAVE_HWY

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "runtime/simd_compare.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Note: the order matters; foreach_target.h must come before highway.h.
#include <hwy/highway.h>

#include <type_traits>

HWY_BEFORE_NAMESPACE();
namespace pygraft::rt {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// out[i] = a[i] OP s, a vector at a time: the mask made 0/1 lanes and
// truncated to bytes (bool is one byte holding 0 or 1), the tail by scalars.
template <CompareOp kOp, class T>
HWY_INLINE void compare_loop(const T* HWY_RESTRICT a, T s, bool* HWY_RESTRICT out, int64_t n) {
  const hn::ScalableTag<T> d;
  const hn::RebindToUnsigned<decltype(d)> du;
  const hn::Rebind<uint8_t, decltype(d)> d8;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const auto sv = hn::Set(d, s);
  const auto one = hn::Set(du, 1);
  constexpr bool kFloat = std::is_floating_point_v<T>;
  static_assert(sizeof(bool) == 1);
  auto* bytes = reinterpret_cast<uint8_t*>(out);
  int64_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    const auto x = hn::LoadU(d, a + i);
    decltype(hn::Eq(x, sv)) m;
    if constexpr (kOp == CompareOp::Eq) m = hn::Eq(x, sv);
    // Note: not Ne, an ordered compare on some targets (NaN != x is true).
    if constexpr (kOp == CompareOp::Ne) m = hn::Not(hn::Eq(x, sv));
    if constexpr (kOp == CompareOp::Lt) m = hn::Lt(x, sv);
    if constexpr (kOp == CompareOp::Gt) m = hn::Gt(x, sv);
    // Note: integers have no Le/Ge here (Highway 1.0); without NaN they are
    // the negations of Gt/Lt.
    if constexpr (kOp == CompareOp::Le && kFloat) m = hn::Le(x, sv);
    if constexpr (kOp == CompareOp::Le && !kFloat) m = hn::Not(hn::Gt(x, sv));
    if constexpr (kOp == CompareOp::Ge && kFloat) m = hn::Ge(x, sv);
    if constexpr (kOp == CompareOp::Ge && !kFloat) m = hn::Not(hn::Lt(x, sv));
    hn::StoreU(hn::TruncateTo(d8, hn::IfThenElseZero(hn::RebindMask(du, m), one)), d8, bytes + i);
  }
  for (; i < n; ++i) out[i] = compare_values(kOp, a[i], s);
}

template <class T>
HWY_INLINE void compare_scalar(CompareOp op, const T* a, T s, bool* out, int64_t n) {
  switch (op) {
    case CompareOp::Eq:
      return compare_loop<CompareOp::Eq>(a, s, out, n);
    case CompareOp::Ne:
      return compare_loop<CompareOp::Ne>(a, s, out, n);
    case CompareOp::Lt:
      return compare_loop<CompareOp::Lt>(a, s, out, n);
    case CompareOp::Le:
      return compare_loop<CompareOp::Le>(a, s, out, n);
    case CompareOp::Gt:
      return compare_loop<CompareOp::Gt>(a, s, out, n);
    case CompareOp::Ge:
      return compare_loop<CompareOp::Ge>(a, s, out, n);
  }
}

void CompareF32(CompareOp op, const float* a, float s, bool* out, int64_t n) {
  compare_scalar(op, a, s, out, n);
}
void CompareF64(CompareOp op, const double* a, double s, bool* out, int64_t n) {
  compare_scalar(op, a, s, out, n);
}
void CompareI32(CompareOp op, const int32_t* a, int32_t s, bool* out, int64_t n) {
  compare_scalar(op, a, s, out, n);
}
void CompareI64(CompareOp op, const int64_t* a, int64_t s, bool* out, int64_t n) {
  compare_scalar(op, a, s, out, n);
}

}  // namespace HWY_NAMESPACE
}  // namespace pygraft::rt
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pygraft::rt {

HWY_EXPORT(CompareF32);
HWY_EXPORT(CompareF64);
HWY_EXPORT(CompareI32);
HWY_EXPORT(CompareI64);

bool simd_compare_scalar(CompareOp op, const float* a, float s, bool* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(CompareF32)(op, a, s, out, n);
  return true;
}
bool simd_compare_scalar(CompareOp op, const double* a, double s, bool* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(CompareF64)(op, a, s, out, n);
  return true;
}
bool simd_compare_scalar(CompareOp op, const int32_t* a, int32_t s, bool* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(CompareI32)(op, a, s, out, n);
  return true;
}
bool simd_compare_scalar(CompareOp op, const int64_t* a, int64_t s, bool* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(CompareI64)(op, a, s, out, n);
  return true;
}

}  // namespace pygraft::rt
#endif  // HWY_ONCE

#else  // !PYGRAFT_HAVE_HWY

namespace pygraft::rt {

bool simd_compare_scalar(CompareOp, const float*, float, bool*, int64_t) {
  return false;
}
bool simd_compare_scalar(CompareOp, const double*, double, bool*, int64_t) {
  return false;
}
bool simd_compare_scalar(CompareOp, const int32_t*, int32_t, bool*, int64_t) {
  return false;
}
bool simd_compare_scalar(CompareOp, const int64_t*, int64_t, bool*, int64_t) {
  return false;
}

}  // namespace pygraft::rt

#endif  // PYGRAFT_HAVE_HWY
