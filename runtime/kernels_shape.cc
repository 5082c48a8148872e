// Shape kernels: reshape, flatten, concatenate, stack, expand_dims, squeeze,
// copy, astype and the shape/ndim/size/dtype queries. Results that keep the
// element order share the input's buffer (value semantics make it safe:
// writers clone buffers that are not unique).
#include <cstring>
#include <string>
#include <vector>

#include "runtime/args.h"
#include "runtime/cast.h"
#include "runtime/indexing.h"
#include "runtime/kernel.h"
#include "runtime/promotion.h"
#include "runtime/reduce_plan.h"

namespace pygraft::rt {
namespace {

// NumPy spells an unknown dimension "newaxis" in reshape errors: "(4,newaxis)".
std::string reshape_target_string(const Shape& shape) {
  std::string s = "(";
  for (int i = 0; i < shape.rank(); ++i) {
    if (i > 0) s += ",";
    s += shape[i] == -1 ? "newaxis" : std::to_string(shape[i]);
  }
  if (shape.rank() == 1) s += ",";
  return s + ")";
}

Shape infer_reshape(const Shape& requested, int64_t numel) {
  Shape shape = requested;
  int unknown = -1;
  int64_t known = 1;
  for (int i = 0; i < shape.rank(); ++i) {
    if (shape[i] == -1) {
      unknown = i;
    } else if (__builtin_mul_overflow(known, shape[i], &known)) {
      known = -1;  // cannot match any real size
    }
  }
  if (unknown >= 0 && known > 0 && numel % known == 0) shape[unknown] = numel / known;
  if ((unknown >= 0 && shape[unknown] == -1) || (unknown < 0 && known != numel)) {
    throw RuntimeError(PyExc::ValueError, "cannot reshape array of size " + std::to_string(numel) +
                                              " into shape " + reshape_target_string(requested));
  }
  return shape;
}

// The arrays of np.concatenate / np.stack: a tuple, or an array's rows.
std::vector<Tensor> array_sequence(const Value& v) {
  std::vector<Tensor> out;
  if (v.is<TupleValue>()) {
    for (const Value& item : v.items()) out.push_back(to_tensor(item));
    return out;
  }
  if (!v.is_tensor() || v.as<Tensor>().rank() == 0) {
    throw RuntimeError(PyExc::TypeError, "The first input argument needs to be a sequence");
  }
  const Tensor& t = v.as<Tensor>();
  for (int64_t i = 0; i < t.shape()[0]; ++i) {
    IndexItem item;
    item.value = i;
    out.push_back(gather(t, index_plan(t.shape(), std::span<const IndexItem>(&item, 1))));
  }
  return out;
}

DType common_dtype(const std::vector<Tensor>& parts) {
  DType dtype = parts[0].dtype();
  for (const Tensor& t : parts) dtype = promote_types(dtype, t.dtype());
  return dtype;
}

void check_concat_shapes(const std::vector<Tensor>& parts, int axis) {
  const Shape& first = parts[0].shape();
  for (size_t k = 1; k < parts.size(); ++k) {
    const Shape& s = parts[k].shape();
    if (s.rank() != first.rank()) {
      throw RuntimeError(
          PyExc::ValueError,
          "all the input arrays must have same number of dimensions, but the array at index 0 "
          "has " +
              std::to_string(first.rank()) + " dimension(s) and the array at index " +
              std::to_string(k) + " has " + std::to_string(s.rank()) + " dimension(s)");
    }
    for (int d = 0; d < s.rank(); ++d) {
      if (d == axis || s[d] == first[d]) continue;
      throw RuntimeError(
          PyExc::ValueError,
          "all the input array dimensions except for the concatenation axis must match exactly, "
          "but along dimension " +
              std::to_string(d) + ", the array at index 0 has size " + std::to_string(first[d]) +
              " and the array at index " + std::to_string(k) + " has size " + std::to_string(s[d]));
    }
  }
}

// Joins same-rank parts along an existing axis.
Tensor concat_along(std::vector<Tensor>& parts, int axis) {
  check_concat_shapes(parts, axis);
  const DType dtype = common_dtype(parts);
  Shape shape = parts[0].shape();
  shape[axis] = 0;
  for (Tensor& t : parts) {
    t = cast(t, dtype);
    shape[axis] += t.shape()[axis];
  }
  Tensor out = Tensor::empty(dtype, shape);
  int64_t outer = 1;
  for (int d = 0; d < axis; ++d) outer *= shape[d];
  auto* dst = static_cast<char*>(out.raw());
  for (int64_t o = 0; o < outer && out.numel() > 0; ++o) {
    for (const Tensor& t : parts) {
      const int64_t chunk = t.nbytes() / outer;
      if (chunk == 0) continue;
      std::memcpy(dst, static_cast<const char*>(t.raw()) + o * chunk, static_cast<size_t>(chunk));
      dst += chunk;
    }
  }
  return out;
}

}  // namespace

void kernel_reshape(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  Shape shape = infer_reshape(shape_arg(ctx.inputs[1], /*allow_minus_one=*/true), a.numel());
  ctx.outputs[0] = a.reshaped(shape);
}

void kernel_flatten(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  ctx.outputs[0] = a.reshaped(Shape{a.numel()});
}

void kernel_concatenate(KernelContext& ctx) {
  std::vector<Tensor> parts = array_sequence(ctx.inputs[0]);
  if (parts.empty())
    throw RuntimeError(PyExc::ValueError, "need at least one array to concatenate");
  const Value& axis = ctx.inputs[1];
  if (axis.is_none()) {
    for (Tensor& t : parts) t = t.reshaped(Shape{t.numel()});
    ctx.outputs[0] = concat_along(parts, 0);
    return;
  }
  if (parts[0].rank() == 0)
    throw RuntimeError(PyExc::ValueError, "zero-dimensional arrays cannot be concatenated");
  ctx.outputs[0] = concat_along(parts, normalize_axis(int_arg(axis, "axis"), parts[0].rank()));
}

// np.hstack: along axis 1, or 0 when the arrays are 1-D (NumPy's
// atleast_1d first: numbers and 0-d arrays are 1-D of one element).
void kernel_hstack(KernelContext& ctx) {
  std::vector<Tensor> parts = array_sequence(ctx.inputs[0]);
  if (parts.empty())
    throw RuntimeError(PyExc::ValueError, "need at least one array to concatenate");
  for (Tensor& t : parts) {
    if (t.rank() == 0) t = t.reshaped(Shape{1});
  }
  ctx.outputs[0] = concat_along(parts, parts[0].rank() == 1 ? 0 : 1);
}

// np.append(arr, values, axis=None): both flattened and joined, or joined
// along the axis (then of one rank, as np.concatenate wants).
void kernel_append(KernelContext& ctx) {
  std::vector<Tensor> parts{to_tensor(ctx.inputs[0]), to_tensor(ctx.inputs[1])};
  const Value& axis = ctx.inputs[2];
  if (axis.is_none()) {
    for (Tensor& t : parts) t = t.reshaped(Shape{t.numel()});
    ctx.outputs[0] = concat_along(parts, 0);
    return;
  }
  if (parts[0].rank() == 0) {
    throw RuntimeError(PyExc::ValueError, "zero-dimensional arrays cannot be concatenated");
  }
  ctx.outputs[0] = concat_along(parts, normalize_axis(int_arg(axis, "axis"), parts[0].rank()));
}

// np.repeat(a, repeats, axis=None): each element (or slice along the axis)
// `repeats` times; repeats an int or one count per element along the axis.
void kernel_repeat(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  const Value& axis_value = ctx.inputs[2];
  if (axis_value.is_none()) a = a.reshaped(Shape{a.numel()});
  if (a.rank() == 0) a = a.reshaped(Shape{1});
  const int axis = axis_value.is_none() ? 0 : normalize_axis(int_arg(axis_value, "axis"), a.rank());
  const int64_t length = a.shape()[axis];
  std::vector<int64_t> counts(static_cast<size_t>(length));
  const Tensor repeats = to_tensor(ctx.inputs[1]);
  if (repeats.numel() != 1 && repeats.numel() != length) {
    throw RuntimeError(PyExc::ValueError, "operands could not be broadcast together with shape (" +
                                              std::to_string(length) + ",) (" +
                                              std::to_string(repeats.numel()) + ",)");
  }
  if (is_float(repeats.dtype())) {
    throw RuntimeError(PyExc::TypeError,
                       "Cannot cast array data from dtype('float64') to dtype('int64') according "
                       "to the rule 'safe'");
  }
  int64_t total = 0;
  for (int64_t i = 0; i < length; ++i) {
    const int64_t n = repeats.get_as_int(repeats.numel() == 1 ? 0 : i);
    if (n < 0) throw RuntimeError(PyExc::ValueError, "repeats may not contain negative values.");
    counts[static_cast<size_t>(i)] = n;
    total += n;
  }
  Shape shape = a.shape();
  shape[axis] = total;
  Tensor out = Tensor::empty(a.dtype(), shape);
  int64_t outer = 1, inner = 1;
  for (int d = 0; d < axis; ++d) outer *= a.shape()[d];
  for (int d = axis + 1; d < a.rank(); ++d) inner *= a.shape()[d];
  const size_t chunk = static_cast<size_t>(inner * static_cast<int64_t>(dtype_size(a.dtype())));
  const auto* src = static_cast<const char*>(a.raw());
  auto* dst = static_cast<char*>(out.raw());
  for (int64_t o = 0; o < outer && chunk > 0; ++o) {
    for (int64_t i = 0; i < length; ++i) {
      const char* from = src + (o * length + i) * static_cast<int64_t>(chunk);
      for (int64_t r = 0; r < counts[static_cast<size_t>(i)]; ++r, dst += chunk) {
        std::memcpy(dst, from, chunk);
      }
    }
  }
  ctx.outputs[0] = std::move(out);
}

// np.tile(A, reps): A repeated along each axis; reps an int or a tuple,
// the shorter of A's shape and reps padded with leading ones.
void kernel_tile(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  const Shape reps = shape_arg(ctx.inputs[1]);
  const int rank = std::max(a.rank(), reps.rank());
  if (rank > kMaxRank) throw RuntimeError(PyExc::ValueError, "tile: too many dimensions");
  Shape in_shape, out_shape;
  for (int d = 0; d < rank; ++d) {
    const int da = d - (rank - a.rank()), dr = d - (rank - reps.rank());
    in_shape.push_back(da >= 0 ? a.shape()[da] : 1);
    out_shape.push_back(in_shape[d] * (dr >= 0 ? reps[dr] : 1));
  }
  a = a.reshaped(in_shape);
  Tensor out = Tensor::empty(a.dtype(), out_shape);
  const auto in_strides = contiguous_strides(in_shape);
  const size_t width = dtype_size(a.dtype());
  const auto* src = static_cast<const char*>(a.raw());
  auto* dst = static_cast<char*>(out.raw());
  std::array<int64_t, kMaxRank> index{};
  for (int64_t i = 0; i < out.numel(); ++i) {
    int64_t from = 0;
    for (int d = 0; d < rank; ++d) from += index[d] % in_shape[d] * in_strides[d];
    std::memcpy(dst + i * static_cast<int64_t>(width), src + from * static_cast<int64_t>(width),
                width);
    for (int d = rank - 1; d >= 0; --d) {
      if (++index[d] < out_shape[d]) break;
      index[d] = 0;
    }
  }
  ctx.outputs[0] = std::move(out);
}

// np.vstack: along axis 0 after NumPy's atleast_2d (a vector is one row).
void kernel_vstack(KernelContext& ctx) {
  std::vector<Tensor> parts = array_sequence(ctx.inputs[0]);
  if (parts.empty())
    throw RuntimeError(PyExc::ValueError, "need at least one array to concatenate");
  for (Tensor& t : parts) {
    if (t.rank() < 2) t = t.reshaped(Shape{1, t.numel()});
  }
  ctx.outputs[0] = concat_along(parts, 0);
}

namespace {

// np.triu / np.tril: the last two axes' elements below (triu) or above
// (tril) the k-th diagonal set to zero; a vector is first broadcast to a
// square matrix, as NumPy does.
void triangle_kernel(KernelContext& ctx, bool upper) {
  Tensor a = to_tensor(ctx.inputs[0]);
  const int64_t k = int_arg(ctx.inputs[1], "k");
  if (a.rank() == 0) throw RuntimeError(PyExc::ValueError, "input array must be at least 1-d");
  if (a.rank() == 1) {
    const int64_t n = a.shape()[0];
    Tensor square = Tensor::empty(a.dtype(), Shape{n, n});
    const int64_t bytes = a.nbytes();
    for (int64_t r = 0; r < n && bytes > 0; ++r) {
      std::memcpy(static_cast<char*>(square.raw()) + r * bytes, a.raw(),
                  static_cast<size_t>(bytes));
    }
    a = std::move(square);
  }
  Tensor out = a.clone();
  const int64_t rows = a.shape()[a.rank() - 2], cols = a.shape()[a.rank() - 1];
  const int64_t matrices = rows * cols == 0 ? 0 : out.numel() / (rows * cols);
  dispatch_dtype(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* data = out.data<T>();
    for (int64_t m = 0; m < matrices; ++m) {
      for (int64_t i = 0; i < rows; ++i) {
        for (int64_t j = 0; j < cols; ++j) {
          const bool keep = upper ? j - i >= k : j - i <= k;
          if (!keep) data[(m * rows + i) * cols + j] = T{};
        }
      }
    }
  });
  ctx.outputs[0] = std::move(out);
}

}  // namespace

void kernel_triu(KernelContext& ctx) {
  triangle_kernel(ctx, true);
}
void kernel_tril(KernelContext& ctx) {
  triangle_kernel(ctx, false);
}

void kernel_stack(KernelContext& ctx) {
  std::vector<Tensor> parts = array_sequence(ctx.inputs[0]);
  if (parts.empty()) throw RuntimeError(PyExc::ValueError, "need at least one array to stack");
  for (const Tensor& t : parts) {
    if (!(t.shape() == parts[0].shape())) {
      throw RuntimeError(PyExc::ValueError, "all input arrays must have the same shape");
    }
  }
  const int axis = normalize_axis(int_arg(ctx.inputs[1], "axis"), parts[0].rank() + 1);
  for (Tensor& t : parts) {
    Shape s = t.shape();
    s.insert(axis, 1);
    t = t.reshaped(s);
  }
  ctx.outputs[0] = concat_along(parts, axis);
}

void kernel_expand_dims(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  const Value& axis = ctx.inputs[1];
  const int count = axis.is<TupleValue>() ? static_cast<int>(axis.items().size()) : 1;
  const int out_rank = a.rank() + count;
  if (out_rank > kMaxRank)
    throw RuntimeError(PyExc::ValueError, "expand_dims: too many dimensions");
  AxisSet set;
  for (const Value& item : axis.is<TupleValue>() ? axis.items() : std::vector<Value>{axis}) {
    int ax = normalize_axis(int_arg(item, "axis"), out_rank);
    if (set.test(ax)) throw RuntimeError(PyExc::ValueError, "repeated axis");
    set.set(ax);
  }
  Shape shape;
  for (int i = 0, next = 0; i < out_rank; ++i) shape.push_back(set.test(i) ? 1 : a.shape()[next++]);
  ctx.outputs[0] = a.reshaped(shape);
}

void kernel_squeeze(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  if (is_scalar_axis(ctx.inputs[1], a.rank())) {  // NumPy lets x.squeeze(0) pass on 0-d x
    ctx.outputs[0] = std::move(a);
    return;
  }
  const bool all = ctx.inputs[1].is_none();
  AxisSet set = axes_arg(ctx.inputs[1], a.rank());
  Shape shape;
  for (int i = 0; i < a.rank(); ++i) {
    const int64_t d = a.shape()[i];
    if (set.test(i) && d == 1) continue;
    if (set.test(i) && !all) {
      throw RuntimeError(PyExc::ValueError,
                         "cannot select an axis to squeeze out which has size not equal to one");
    }
    shape.push_back(d);
  }
  ctx.outputs[0] = a.reshaped(shape);
}

void kernel_copy(KernelContext& ctx) {
  // Note: lists and dicts have value semantics here; their copy is the value.
  if (ctx.inputs[0].is_list() || ctx.inputs[0].is_dict()) {
    ctx.outputs[0] = std::move(ctx.inputs[0]);
    return;
  }
  ctx.outputs[0] = to_tensor(ctx.inputs[0]).clone();
}

void kernel_astype(KernelContext& ctx) {
  const DType dtype = dtype_arg(ctx.inputs[1]).value_or(DType::Float64);
  ctx.outputs[0] = cast(to_tensor(ctx.inputs[0]), dtype);
}

void kernel_shape(KernelContext& ctx) {
  const Tensor a = to_tensor(ctx.inputs[0]);
  std::vector<Value> dims;
  for (int64_t d : a.shape()) dims.emplace_back(d);
  ctx.outputs[0] = Value::tuple(std::move(dims));
}

void kernel_ndim(KernelContext& ctx) {
  ctx.outputs[0] = static_cast<int64_t>(to_tensor(ctx.inputs[0]).rank());
}

void kernel_size(KernelContext& ctx) {
  ctx.outputs[0] = to_tensor(ctx.inputs[0]).numel();
}

void kernel_dtype_of(KernelContext& ctx) {
  ctx.outputs[0] = to_tensor(ctx.inputs[0]).dtype();
}

}  // namespace pygraft::rt
