// Vectorised float32 / float64 array math with runtime CPU dispatch: exp,
// tanh, log, sqrt; + - * / (also over broadcast blocks); max/min and sums of
// short rows; the searches behind argmax/argmin. One binary uses AVX-512 or
// AVX2 where the CPU has them and SSE elsewhere (Google Highway's dynamic
// dispatch; Debian libhwy-dev). Without Highway at build time they are
// scalar loops (the C library's functions for exp, tanh, log, sqrt).
//
// Accuracy of exp, tanh and log: within a few ulp of the correctly rounded result
// (Highway's contrib/math: exp 1 ulp, float64 tanh and log 4 ulp; float32 tanh, a
// rational function of our own, 7 ulp), like NumPy's own SIMD loops, which also
// differ from glibc in the last bits. Elements outside the polynomial's
// range (NaN, infinities, overflow, subnormal results) are computed by the C
// library, so special values are exactly NumPy's.
//
// `out` may equal `in`. The same input gives the same bits on every run of a
// given CPU; CPUs of different vector widths may differ in the last ulp.
#pragma once

#include <cstdint>

namespace pygraft::rt {

void simd_exp(const float* in, float* out, int64_t n);
void simd_exp(const double* in, double* out, int64_t n);
void simd_tanh(const float* in, float* out, int64_t n);
void simd_tanh(const double* in, double* out, int64_t n);
void simd_log(const float* in, float* out, int64_t n);
void simd_log(const double* in, double* out, int64_t n);
// The sign bit cleared, as std::abs.
void simd_abs(const float* in, float* out, int64_t n);
void simd_abs(const double* in, double* out, int64_t n);
// Correctly rounded (IEEE), so the same bits as the C library's sqrt.
void simd_sqrt(const float* in, float* out, int64_t n);
void simd_sqrt(const double* in, double* out, int64_t n);

// out[i] = a[i] OP b[i] for + - * /, where an operand that is not an array
// is one value for every i. Exactly IEEE's correctly rounded operation on
// each element (no fused multiply-add), so the same bits as a scalar loop.
enum class SimdBinary : uint8_t { Add, Sub, Mul, Div };
void simd_binary(SimdBinary op, const float* a, bool a_array, const float* b, bool b_array,
                 float* out, int64_t n);
void simd_binary(SimdBinary op, const double* a, bool a_array, const double* b, bool b_array,
                 double* out, int64_t n);

// out[i] = (a[i] OP b[i]) * m + c, each operation rounded on its own (no
// fused multiply-add): with m = 1 it is (a OP b) + c, with c = -0.0 it is
// (a OP b) * m, bit for bit. A fused chain's `x * 0.5 + 1.0` in one pass.
void simd_binary_affine(SimdBinary op, const float* a, bool a_array, const float* b, bool b_array,
                        float m, float c, float* out, int64_t n);
void simd_binary_affine(SimdBinary op, const double* a, bool a_array, const double* b, bool b_array,
                        double m, double c, double* out, int64_t n);

// out = a OP b where the output is `blocks` contiguous blocks of `run` x
// `count` elements and each operand, block by block, is its own contiguous
// block, one run repeated `count` times, or one value (a broadcast whose
// inner axes are short: points[:, None, :] - centers[None, :, :] is 10000
// blocks of 8 runs of 2). Block o of an operand starts at data + o * step.
// A repeated run must fill 16 bytes a whole number of times (run * sizeof(T)
// divides 16). Same IEEE operation per element as simd_binary.
enum class SimdRepeat : uint8_t { Block, Run, Value };
template <class T>
struct SimdBlockOperand {
  const T* data;
  int64_t step;
  SimdRepeat repeat;
};
void simd_binary_blocks(SimdBinary op, SimdBlockOperand<float> a, SimdBlockOperand<float> b,
                        float* out, int64_t blocks, int64_t run, int64_t count);
void simd_binary_blocks(SimdBinary op, SimdBlockOperand<double> a, SimdBlockOperand<double> b,
                        double* out, int64_t blocks, int64_t run, int64_t count);

// out[r] = init + (((0 + x[r][0]) + x[r][1]) + ...) for `rows` contiguous rows
// of `length` elements, 2 <= length <= 4: the sum reduction's fold of a
// short last axis (SumStep::run with NumPy's pairwise sum below 8 terms), the
// rows a vector at a time (k-means' sum over 2 or 3 coordinates).
void simd_sum_short_rows(const float* x, int64_t rows, int64_t length, float init, float* out);
void simd_sum_short_rows(const double* x, int64_t rows, int64_t length, double init, double* out);

// The largest / smallest of x[0..n), n >= 1; the first NaN when there is
// one (NumPy's max and min propagate NaN). Which of +0.0 and -0.0 a tie
// gives is unspecified, as in NumPy's own SIMD loops.
float simd_reduce_max(const float* x, int64_t n);
double simd_reduce_max(const double* x, int64_t n);
float simd_reduce_min(const float* x, int64_t n);
double simd_reduce_min(const double* x, int64_t n);

// simd_reduce_max (is_max) or simd_reduce_min of |x|: np.max(np.abs(x))
// without the absolute values stored (a NaN comes back with its sign
// cleared, as np.abs leaves it).
float simd_reduce_extremum_abs(const float* x, int64_t n, bool is_max);
double simd_reduce_extremum_abs(const double* x, int64_t n, bool is_max);

// The first i in [0, n) with x[i] == value, or n when there is none (the
// position of an extremum once it is known: argmax / argmin).
int64_t simd_find_equal(const float* x, int64_t n, float value);
int64_t simd_find_equal(const double* x, int64_t n, double value);

// argmax (is_max) or argmin of each of `rows` contiguous rows of n elements:
// the first extremum, or the first NaN when a row has one (NumPy's rule);
// -0.0 and +0.0 are equal. False, having done nothing, when the vectors of
// this CPU are shorter than a row (the caller then scans).
bool simd_arg_best_rows(const float* x, int64_t rows, int64_t n, bool is_max, int64_t* out);
bool simd_arg_best_rows(const double* x, int64_t rows, int64_t n, bool is_max, int64_t* out);

// The instruction set the dispatch chose on this CPU ("AVX3", "AVX2",
// "SSE4", ...; "C library" without Highway): for benchmarks and --version.
const char* simd_target_name();

}  // namespace pygraft::rt
