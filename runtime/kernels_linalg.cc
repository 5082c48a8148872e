// Linear algebra: matmul (NumPy's gufunc with broadcast batch dims), dot,
// outer and transpose. Products run on BLAS (large), vector kernels with
// runtime dispatch (small, runtime/simd_gemm.h) or Eigen (the rest) for
// float32/float64 and on plain loops for ints (wrapping as NumPy does) and bools (or of ands).
#include <Eigen/Core>
#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "runtime/args.h"
#include "runtime/blas.h"
#include "runtime/cast.h"
#include "runtime/indexing.h"
#include "runtime/kernel.h"
#include "runtime/kernels_into.h"
#include "runtime/matrix_product.h"
#include "runtime/promotion.h"
#include "runtime/simd_gemm.h"

namespace pygraft::rt {
namespace {

// c (n x m) = a (n x k) * b (k x m); row-major, contiguous. `zeros` asks
// for +0.0 sums of -0.0 products (matmul) where the product path can give
// them directly; returns whether c has them (else the caller may clear
// them: clear_negative_zeros).
template <class T>
bool gemm(const T* a, const T* b, T* c, int64_t n, int64_t k, int64_t m, ZeroSums zeros) {
  if constexpr (std::is_floating_point_v<T>) {
    using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    if (blas_gemm(a, b, c, n, k, m)) return true;  // BLAS writes from +0.0
    if (simd_gemm(a, b, c, n, k, m, zeros)) return zeros == ZeroSums::Positive;
    Eigen::Map<Matrix> out(c, n, m);
    if (k == 0) {
      out.setZero();
      return true;
    }
    Eigen::Map<const Matrix> lhs(a, n, k);
    Eigen::Map<const Matrix> rhs(b, k, m);
    out.noalias() = lhs * rhs;
    return false;
  } else if constexpr (std::is_same_v<T, bool>) {
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < m; ++j) {
        bool any = false;
        for (int64_t p = 0; p < k && !any; ++p) any = a[i * k + p] && b[p * m + j];
        c[i * m + j] = any;
      }
    }
  } else {
    using U = std::make_unsigned_t<T>;  // NumPy's integer products wrap around
    std::fill(c, c + n * m, T{0});
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t p = 0; p < k; ++p) {
        const U av = static_cast<U>(a[i * k + p]);
        for (int64_t j = 0; j < m; ++j) {
          c[i * m + j] =
              static_cast<T>(static_cast<U>(c[i * m + j]) + av * static_cast<U>(b[p * m + j]));
        }
      }
    }
  }
  return true;  // no signed zeros
}

// A vector times the rows of a matrix up to this size runs on the vector
// kernels (see gemm_bt).
constexpr int64_t kCachedBytes = int64_t{4} << 20;

// c (n x m) = a (n x k) * b^T with b (m x k); row-major, contiguous, float.
// Same `zeros` contract as gemm.
template <class T>
bool gemm_bt(const T* a, const T* b, T* c, int64_t n, int64_t k, int64_t m, ZeroSums zeros) {
  // Note: a vector times the rows of a matrix that fits in the caches
  // (logits = h @ emb.T) is dot products of contiguous rows, which the
  // vector kernels run faster than OpenBLAS 0.3.21's sgemv here (greedy
  // decoding 212 -> 161 us; 1-2 MB: 10-20 % faster); from DRAM (16 MB) BLAS
  // streams better.
  const bool cached_vector = n == 1 && m * k * static_cast<int64_t>(sizeof(T)) <= kCachedBytes;
  if (cached_vector && simd_gemm_bt(a, b, c, n, k, m, zeros)) return zeros == ZeroSums::Positive;
  if (blas_gemm_bt(a, b, c, n, k, m)) return true;
  if (simd_gemm_bt(a, b, c, n, k, m, zeros)) return zeros == ZeroSums::Positive;
  using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Eigen::Map<Matrix> out(c, n, m);
  if (k == 0) {
    out.setZero();
    return true;
  }
  Eigen::Map<const Matrix> lhs(a, n, k);
  Eigen::Map<const Matrix> rhs(b, m, k);
  out.noalias() = lhs * rhs.transpose();
  return false;
}

// gemm on tensors of c's dtype, at element offsets; same `zeros` contract.
bool gemm_tensors(const Tensor& a, int64_t a_offset, const Tensor& b, int64_t b_offset, Tensor& c,
                  int64_t c_offset, int64_t n, int64_t k, int64_t m,
                  ZeroSums zeros = ZeroSums::Kept) {
  return dispatch_dtype(c.dtype(), [&](auto tag) {
    using T = decltype(tag);
    return gemm(a.data<T>() + a_offset, b.data<T>() + b_offset, c.data<T>() + c_offset, n, k, m,
                zeros);
  });
}

// For every position of `batch`, the index of the matching matrix of an
// operand whose batch dims `own` broadcast to it.
std::vector<int64_t> batch_indices(const Shape& batch, const Shape& own) {
  std::vector<int64_t> out(static_cast<size_t>(batch.numel()));
  auto strides = contiguous_strides(own);
  const int lead = batch.rank() - own.rank();
  std::vector<int64_t> counter(static_cast<size_t>(batch.rank()), 0);
  for (int64_t& index : out) {
    index = 0;
    for (int d = 0; d < own.rank(); ++d) {
      if (own[d] != 1) index += counter[static_cast<size_t>(lead + d)] * strides[d];
    }
    for (int d = batch.rank() - 1; d >= 0; --d) {
      if (++counter[static_cast<size_t>(d)] < batch[d]) break;
      counter[static_cast<size_t>(d)] = 0;
    }
  }
  return out;
}

Shape broadcast_batch(const Shape& a, const Shape& b) {
  const int rank = std::max(a.rank(), b.rank());
  Shape out;
  for (int i = 0; i < rank; ++i) {
    const int ia = i - (rank - a.rank()), ib = i - (rank - b.rank());
    const int64_t da = ia >= 0 ? a[ia] : 1, db = ib >= 0 ? b[ib] : 1;
    if (da != db && da != 1 && db != 1) {
      throw RuntimeError(PyExc::ValueError,
                         "operands could not be broadcast together with shapes " +
                             compact_shape_string(a) + " " + compact_shape_string(b));
    }
    out.push_back(da == 1 ? db : da);
  }
  return out;
}

// BLAS accumulates products into a zeroed result, so NumPy's matmul and dot
// never give -0.0 (all products -0.0 sum to +0.0); Eigen may keep a lone
// -0.0 product. Adding +0.0 turns -0.0 into +0.0 and changes nothing else.
void clear_negative_zeros(Tensor& t) {
  if (!is_float(t.dtype())) return;
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      T* data = t.data<T>();
      for (int64_t i = 0; i < t.numel(); ++i) data[i] += T{0};
    }
  });
}

// NumPy's dot multiplies directly (keeping -0.0) only when one operand is a
// single element of rank <= 2 and the result is one element too.
bool dot_is_plain_product(const Tensor& a, const Tensor& b, const Tensor& out) {
  auto single = [](const Tensor& t) { return t.numel() == 1 && t.rank() <= 2; };
  return (single(a) || single(b)) && out.numel() == 1;
}

Shape leading(const Shape& s, int count) {
  return Shape(s.dims().subspan(0, static_cast<size_t>(count)));
}

// Note: np.dot, np.outer and np.matmul pass their operands through
// np.asarray, so Python scalars are strong: np.outer(0.75, float32_x) is float64.
DType product_dtype(const Value& x, const Value& y) {
  return promote_types(operand_type(x).dtype, operand_type(y).dtype);
}

[[noreturn]] void throw_not_aligned(const Shape& a, const Shape& b, int a_dim, int b_dim) {
  throw RuntimeError(PyExc::ValueError,
                     "shapes " + compact_shape_string(a) + " and " + compact_shape_string(b) +
                         " not aligned: " + std::to_string(a[a_dim]) + " (dim " +
                         std::to_string(a_dim) + ") != " + std::to_string(b[b_dim]) + " (dim " +
                         std::to_string(b_dim) + ")");
}

// np.dot when one side is 0-d: an elementwise product.
Tensor scale(const Tensor& a, const Tensor& b) {
  const Tensor& big = a.rank() == 0 ? b : a;
  const Tensor& small = a.rank() == 0 ? a : b;
  Tensor out = Tensor::empty(big.dtype(), big.shape());
  gemm_tensors(big, 0, small, 0, out, 0, big.numel(), 1, 1);
  return out;
}

// An int or a tuple of ints (also a 1-d integer array): transpose's axes.
std::vector<int64_t> axis_list(const Value& v) {
  std::vector<int64_t> out;
  if (v.is<TupleValue>()) {
    for (const Value& item : v.items()) out.push_back(int_arg(item, "axes"));
  } else if (v.is_tensor() && v.as<Tensor>().rank() == 1) {
    const Tensor& t = v.as<Tensor>();
    if (!is_integer(t.dtype()))
      throw RuntimeError(PyExc::TypeError, "an integer is required for the axes");
    for (int64_t i = 0; i < t.numel(); ++i) out.push_back(t.get_as_int(i));
  } else {
    out.push_back(int_arg(v, "axes"));
  }
  return out;
}

// a.T: the axes reversed (transpose without axes).
Tensor reverse_axes(const Tensor& a) {
  std::vector<int> perm;
  for (int d = a.rank() - 1; d >= 0; --d) perm.push_back(d);
  return gather(a, permute_plan(a.shape(), perm));
}

// a @ b.T without transposing b, where that is plainly the same product: b
// 2-D, a 1-D or 2-D with a's last dim equal to b's, a float result.
// nullopt for everything else.
// out = a @ b.T for float tensors of one dtype, b a matrix (m x k) and a a
// vector or a matrix (n x k).
void product_bt_into(const Tensor& a, const Tensor& b, Tensor& out) {
  const int64_t k = a.shape()[a.rank() - 1], m = b.shape()[0];
  const int64_t n = a.rank() == 2 ? a.shape()[0] : 1;
  reuse_or_allocate(out, a.dtype(), a.rank() == 2 ? Shape{n, m} : Shape{m});
  const bool cleared = dispatch_dtype(a.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      return gemm_bt(a.data<T>(), b.data<T>(), out.data<T>(), n, k, m, ZeroSums::Positive);
    } else {
      return true;
    }
  });
  if (!cleared) clear_negative_zeros(out);
}

// Whether a @ b.T has product_bt_into's form once both are cast to `dtype`.
bool has_bt_form(const Tensor& a, const Tensor& b, DType dtype) {
  return is_float(dtype) && b.rank() == 2 && (a.rank() == 1 || a.rank() == 2) &&
         b.shape()[1] == a.shape()[a.rank() - 1];
}

std::optional<Tensor> product_with_transposed(const Value& x, const Value& y) {
  if (!x.is_tensor() || !y.is_tensor()) return std::nullopt;
  const DType dtype = product_dtype(x, y);
  if (!has_bt_form(x.as<Tensor>(), y.as<Tensor>(), dtype)) return std::nullopt;
  const Tensor a = cast(x.as<Tensor>(), dtype), b = cast(y.as<Tensor>(), dtype);
  Tensor out;
  product_bt_into(a, b, out);
  return out;
}

// out = a @ b for float tensors of one dtype, each a vector or a matrix,
// inner dims agreeing.
void product_into(const Tensor& a, const Tensor& b, Tensor& out) {
  const int64_t n = a.rank() == 2 ? a.shape()[0] : 1;
  const int64_t k = a.shape()[a.rank() - 1];
  const int64_t m = b.rank() == 2 ? b.shape()[1] : 1;
  Shape out_shape;
  if (a.rank() == 2) out_shape.push_back(n);
  if (b.rank() == 2) out_shape.push_back(m);
  reuse_or_allocate(out, a.dtype(), out_shape);
  if (!gemm_tensors(a, 0, b, 0, out, 0, n, k, m, ZeroSums::Positive)) clear_negative_zeros(out);
}

bool has_plain_form(const Tensor& a, const Tensor& b) {
  return a.dtype() == b.dtype() && is_float(a.dtype()) && a.rank() >= 1 && a.rank() <= 2 &&
         b.rank() >= 1 && b.rank() <= 2 && b.shape()[0] == a.shape()[a.rank() - 1];
}

}  // namespace

namespace {

// a @ b for two float arrays of one dtype, a a vector or a matrix and b a
// matrix or a vector, whose inner dims agree: the products of loops over
// small arrays, computed as the general path computes them without its
// conversions and batch logic. Returns false for anything else, which the
// general path computes or reports.
bool matmul_plain_floats(KernelContext& ctx) {
  const Value& x = ctx.inputs[0];
  const Value& y = ctx.inputs[1];
  if (!x.is<Tensor>() || !y.is<Tensor>() || !has_plain_form(x.as<Tensor>(), y.as<Tensor>())) {
    return false;
  }
  Tensor out;
  product_into(x.as<Tensor>(), y.as<Tensor>(), out);
  ctx.outputs[0] = std::move(out);
  return true;
}

}  // namespace

bool matmul_floats_into(const Tensor& a, const Tensor& b, bool transposed_b, Tensor& out) {
  if (&out == &a || &out == &b) return false;
  if (transposed_b) {
    if (a.dtype() != b.dtype() || !has_bt_form(a, b, a.dtype())) return false;
    product_bt_into(a, b, out);
    return true;
  }
  if (!has_plain_form(a, b)) return false;
  product_into(a, b, out);
  return true;
}

bool argmax_of_product_bt(const Tensor& a, const Tensor& b, ScreenedMatrix& screen,
                          int64_t& index) {
  if (a.dtype() != DType::Float32 || b.dtype() != DType::Float32 || a.rank() != 1 ||
      b.rank() != 2 || b.shape()[1] != a.shape()[0]) {
    return false;
  }
  const int64_t m = b.shape()[0], k = b.shape()[1];
  if (m * k * static_cast<int64_t>(sizeof(float)) > kCachedBytes) return false;  // BLAS's
  return screened_argmax_bt(a.data<float>(), b.data<float>(), m, k, screen, index);
}

void matrix_product(const Tensor& a, int64_t a_offset, const Tensor& b, int64_t b_offset, Tensor& c,
                    int64_t c_offset, int64_t n, int64_t k, int64_t m, bool transposed_b) {
  if (!transposed_b) {
    gemm_tensors(a, a_offset, b, b_offset, c, c_offset, n, k, m);
    return;
  }
  dispatch_dtype(c.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      gemm_bt(a.data<T>() + a_offset, b.data<T>() + b_offset, c.data<T>() + c_offset, n, k, m,
              ZeroSums::Kept);
    }
  });
}

void kernel_matmul(KernelContext& ctx) {
  if (matmul_plain_floats(ctx)) return;
  if (ctx.inputs[0].is_py_scalar() && ctx.inputs[1].is_py_scalar()) {
    throw RuntimeError(PyExc::TypeError, "unsupported operand type(s) for @: '" +
                                             type_name(ctx.inputs[0]) + "' and '" +
                                             type_name(ctx.inputs[1]) + "'");
  }
  const DType dtype = product_dtype(ctx.inputs[0], ctx.inputs[1]);
  Tensor a = cast(to_tensor(ctx.inputs[0]), dtype), b = cast(to_tensor(ctx.inputs[1]), dtype);
  for (int i = 0; i < 2; ++i) {
    if ((i == 0 ? a : b).rank() == 0) {
      throw RuntimeError(PyExc::ValueError,
                         "matmul: Input operand " + std::to_string(i) +
                             " does not have enough dimensions (has 0, gufunc core with signature "
                             "(n?,k),(k,m?)->(n?,m?) requires 1)");
    }
  }
  Shape as = a.shape(), bs = b.shape();
  if (a.rank() == 1) as.insert(0, 1);
  if (b.rank() == 1) bs.push_back(1);
  const int64_t n = as[as.rank() - 2], k = as[as.rank() - 1], m = bs[bs.rank() - 1];
  if (bs[bs.rank() - 2] != k) {
    throw RuntimeError(
        PyExc::ValueError,
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
        "(n?,k),(k,m?)->(n?,m?) (size " +
            std::to_string(bs[bs.rank() - 2]) + " is different from " + std::to_string(k) + ")");
  }
  const Shape a_batch = leading(as, as.rank() - 2), b_batch = leading(bs, bs.rank() - 2);
  const Shape batch = broadcast_batch(a_batch, b_batch);
  Shape out_shape = batch;
  if (a.rank() > 1) out_shape.push_back(n);
  if (b.rank() > 1) out_shape.push_back(m);
  Tensor out = Tensor::empty(dtype, out_shape);
  if (batch.rank() == 0) {
    gemm_tensors(a, 0, b, 0, out, 0, n, k, m);  // one product: no index lists to build
  } else {
    const std::vector<int64_t> ai = batch_indices(batch, a_batch),
                               bi = batch_indices(batch, b_batch);
    for (size_t i = 0; i < ai.size(); ++i) {
      gemm_tensors(a, ai[i] * n * k, b, bi[i] * k * m, out, static_cast<int64_t>(i) * n * m, n, k,
                   m);
    }
  }
  clear_negative_zeros(out);
  ctx.outputs[0] = std::move(out);
}

// a @ b.T, fused by transform/passes/fuse_transposed_matmul.h: b read
// transposed in place where product_with_transposed applies, otherwise
// transpose then matmul, with their results and errors.
void kernel_matmul_transposed_b(KernelContext& ctx) {
  if (std::optional<Tensor> out = product_with_transposed(ctx.inputs[0], ctx.inputs[1])) {
    ctx.outputs[0] = std::move(*out);
    return;
  }
  Value operands[2] = {std::move(ctx.inputs[0]), Value(reverse_axes(to_tensor(ctx.inputs[1])))};
  KernelContext matmul{operands, ctx.outputs, ctx.node, ctx.print_stream};
  kernel_matmul(matmul);
}

void kernel_dot(KernelContext& ctx) {
  const DType dtype = product_dtype(ctx.inputs[0], ctx.inputs[1]);
  Tensor a = cast(to_tensor(ctx.inputs[0]), dtype), b = cast(to_tensor(ctx.inputs[1]), dtype);
  if (a.rank() == 0 || b.rank() == 0) {
    Tensor out = scale(a, b);
    if (!dot_is_plain_product(a, b, out)) clear_negative_zeros(out);
    ctx.outputs[0] = std::move(out);
    return;
  }
  // Contracts a's last axis with b's second-to-last (its only one for 1-d).
  const int a_axis = a.rank() - 1, b_axis = std::max(b.rank() - 2, 0);
  const int64_t k = a.shape()[a_axis];
  if (b.shape()[b_axis] != k) throw_not_aligned(a.shape(), b.shape(), a_axis, b_axis);
  Shape out_shape = leading(a.shape(), a_axis);
  int64_t q = 1;
  if (b.rank() >= 2) {
    std::vector<int> perm{b_axis};
    for (int d = 0; d < b.rank(); ++d) {
      if (d != b_axis) {
        perm.push_back(d);
        out_shape.push_back(b.shape()[d]);
        q *= b.shape()[d];
      }
    }
    b = gather(b, permute_plan(b.shape(), perm));
  }
  Tensor out = Tensor::empty(dtype, out_shape);
  const int64_t p = leading(a.shape(), a_axis).numel();
  gemm_tensors(a, 0, b, 0, out, 0, p, k, q);
  if (!dot_is_plain_product(a, b, out)) clear_negative_zeros(out);
  ctx.outputs[0] = std::move(out);
}

void kernel_outer(KernelContext& ctx) {
  const DType dtype = product_dtype(ctx.inputs[0], ctx.inputs[1]);
  Tensor a = cast(to_tensor(ctx.inputs[0]), dtype), b = cast(to_tensor(ctx.inputs[1]), dtype);
  Tensor out = Tensor::empty(dtype, Shape{a.numel(), b.numel()});
  // Note: NumPy's outer is an elementwise multiply of a column by a row (not
  // a product summed from zero), so -0.5 * 0.0 stays -0.0 and ints wrap.
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    const T* pa = a.data<T>();
    const T* pb = b.data<T>();
    T* po = out.data<T>();
    for (int64_t i = 0; i < a.numel(); ++i) {
      for (int64_t j = 0; j < b.numel(); ++j) {
        if constexpr (std::is_same_v<T, bool>) {
          *po++ = pa[i] && pb[j];
        } else if constexpr (std::is_integral_v<T>) {
          using U = std::make_unsigned_t<T>;
          *po++ = static_cast<T>(static_cast<U>(pa[i]) * static_cast<U>(pb[j]));
        } else {
          *po++ = pa[i] * pb[j];
        }
      }
    }
  });
  ctx.outputs[0] = std::move(out);
}

void kernel_transpose(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  const Value& axes = ctx.inputs[1];
  if (axes.is_none() || (axes.is<TupleValue>() && axes.items().empty())) {
    ctx.outputs[0] = reverse_axes(a);
    return;
  }
  std::vector<int64_t> given = axis_list(axes);
  if (static_cast<int>(given.size()) != a.rank())
    throw RuntimeError(PyExc::ValueError, "axes don't match array");
  std::vector<int> perm;
  std::vector<bool> seen(static_cast<size_t>(a.rank()), false);
  for (int64_t ax : given) {
    const int d = normalize_axis(ax, a.rank());
    if (seen[static_cast<size_t>(d)])
      throw RuntimeError(PyExc::ValueError, "repeated axis in transpose");
    seen[static_cast<size_t>(d)] = true;
    perm.push_back(d);
  }
  ctx.outputs[0] = gather(a, permute_plan(a.shape(), perm));
}

}  // namespace pygraft::rt
