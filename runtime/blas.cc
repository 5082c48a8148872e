// runtime/blas.h over CBLAS (PYGRAFT_HAVE_CBLAS) or nothing.
//
// The BLAS library is opened at the first product big enough for it, not
// when pygraft starts: loading OpenBLAS probes the CPU and starts its thread
// pool (~4 ms of CPU here), which `pygraft compile` and `check`, and runs
// without a large product, never need.
#include "runtime/blas.h"

#ifdef PYGRAFT_HAVE_CBLAS
#include <cblas.h>
#include <dlfcn.h>

#include <initializer_list>
#include <limits>
#endif

namespace pygraft::rt {

#ifdef PYGRAFT_HAVE_CBLAS
namespace {

// Below this many multiply-adds a BLAS call's fixed cost (argument checks,
// dispatch, packing) is not repaid. Note: a first choice, not yet tuned:
// benchmarks/micro's BM_Matmul built with -DPYGRAFT_BLAS=OFF and ON is how
// to tune it.
constexpr int64_t kMinBlasWork = 32 * 32 * 32;

bool worth_blas(int64_t n, int64_t k, int64_t m) {
  constexpr int64_t kMaxDim = std::numeric_limits<int>::max();  // CBLAS takes int
  if (n <= 0 || k <= 0 || m <= 0 || n > kMaxDim || k > kMaxDim || m > kMaxDim) return false;
  return n * k * m >= kMinBlasWork;
}

// The CBLAS entry points, from the library cmake found (its soname first,
// then the path it was found at); all null when neither opens, and the
// products then stay on pygraft's own kernels.
struct Cblas {
  decltype(&cblas_sgemm) sgemm = nullptr;
  decltype(&cblas_dgemm) dgemm = nullptr;
  decltype(&cblas_sgemv) sgemv = nullptr;
  decltype(&cblas_dgemv) dgemv = nullptr;
};

template <class F>
void bind(void* library, const char* name, F& f) {
  f = reinterpret_cast<F>(dlsym(library, name));
}

Cblas open_cblas() {
  Cblas c;
  void* library = nullptr;
  for (const char* name : {PYGRAFT_CBLAS_SONAME, PYGRAFT_CBLAS_PATH}) {
    library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library != nullptr) break;
  }
  if (library == nullptr) return c;
  bind(library, "cblas_sgemm", c.sgemm);
  bind(library, "cblas_dgemm", c.dgemm);
  bind(library, "cblas_sgemv", c.sgemv);
  bind(library, "cblas_dgemv", c.dgemv);
  if (!c.sgemm || !c.dgemm || !c.sgemv || !c.dgemv) return Cblas{};
  return c;  // Note: the library stays open for the life of the process
}

const Cblas& cblas() {
  static const Cblas c = open_cblas();  // once, thread-safe
  return c;
}

// Note: a row vector times a matrix (n == 1) and a matrix times a column
// (m == 1) are matrix-vector products: gemv streams the matrix once, where
// gemm would pack it first.
template <class T, class Gemm, class Gemv>
bool product(const T* a, const T* b, T* c, int64_t n, int64_t k, int64_t m, Gemm gemm, Gemv gemv) {
  if (!worth_blas(n, k, m) || gemm == nullptr) return false;
  const int N = static_cast<int>(n), K = static_cast<int>(k), M = static_cast<int>(m);
  if (n == 1) {  // c (m) = b^T (m x k) a (k)
    gemv(CblasRowMajor, CblasTrans, K, M, T{1}, b, M, a, 1, T{0}, c, 1);
  } else if (m == 1) {  // c (n) = a (n x k) b (k)
    gemv(CblasRowMajor, CblasNoTrans, N, K, T{1}, a, K, b, 1, T{0}, c, 1);
  } else {
    gemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, N, M, K, T{1}, a, K, b, M, T{0}, c, M);
  }
  return true;
}

// c = a b^T with b (m x k): for a single row of a, c (m) = b (m x k) a (k).
template <class T, class Gemm, class Gemv>
bool product_bt(const T* a, const T* b, T* c, int64_t n, int64_t k, int64_t m, Gemm gemm,
                Gemv gemv) {
  if (!worth_blas(n, k, m) || gemm == nullptr) return false;
  const int N = static_cast<int>(n), K = static_cast<int>(k), M = static_cast<int>(m);
  if (n == 1) {
    gemv(CblasRowMajor, CblasNoTrans, M, K, T{1}, b, K, a, 1, T{0}, c, 1);
  } else {
    gemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, M, K, T{1}, a, K, b, K, T{0}, c, M);
  }
  return true;
}

}  // namespace

bool blas_gemm_bt(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) {
  return worth_blas(n, k, m) && product_bt(a, b, c, n, k, m, cblas().sgemm, cblas().sgemv);
}
bool blas_gemm_bt(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) {
  return worth_blas(n, k, m) && product_bt(a, b, c, n, k, m, cblas().dgemm, cblas().dgemv);
}

bool blas_gemm(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) {
  return worth_blas(n, k, m) && product(a, b, c, n, k, m, cblas().sgemm, cblas().sgemv);
}
bool blas_gemm(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) {
  return worth_blas(n, k, m) && product(a, b, c, n, k, m, cblas().dgemm, cblas().dgemv);
}

#else

bool blas_gemm(const float*, const float*, float*, int64_t, int64_t, int64_t) {
  return false;
}
bool blas_gemm(const double*, const double*, double*, int64_t, int64_t, int64_t) {
  return false;
}
bool blas_gemm_bt(const float*, const float*, float*, int64_t, int64_t, int64_t) {
  return false;
}
bool blas_gemm_bt(const double*, const double*, double*, int64_t, int64_t, int64_t) {
  return false;
}

#endif

}  // namespace pygraft::rt
