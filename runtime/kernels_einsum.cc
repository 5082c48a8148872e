// np.einsum(subscripts, *operands, optimize=...) (also NumPy's interleaved
// form, np.einsum(a, [0, 1], b, [1, 2])): the subscripts are parsed
// and checked by runtime/einsum_spec.h, the operands cast to their promoted
// dtype (np.asarray of each, so Python scalars are strong), then contracted:
// two operands that form a (batched) matrix product after permuting their
// axes go to matmul's engines (runtime/matrix_product.h); anything else runs
// one loop over the labels' index space, summing into the result's dtype as
// NumPy does. Three or more operands contract left to right in pairs, which
// gives NumPy's single sum up to float rounding (exactly for ints and bools).
#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "runtime/cast.h"
#include "runtime/einsum_gemm.h"
#include "runtime/einsum_spec.h"
#include "runtime/kernel.h"
#include "runtime/promotion.h"

namespace pygraft::rt {
namespace {

bool has_label(const std::vector<int>& labels, int label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

// The size of `label` over these operands: a size of 1 broadcasts.
int64_t joint_size(std::span<const EinsumTensor> ops, int label) {
  int64_t size = 1;
  for (const EinsumTensor& op : ops) {
    auto at = std::find(op.axes.labels.begin(), op.axes.labels.end(), label);
    if (at != op.axes.labels.end() && size == 1)
      size = op.axes.sizes[static_cast<size_t>(at - op.axes.labels.begin())];
  }
  return size;
}

// ---- the generic loop ----

template <class T>
T times(T a, T b) {
  if constexpr (std::is_same_v<T, bool>) {
    return a && b;
  } else if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;  // NumPy's integer sums wrap around
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
  } else {
    return a * b;
  }
}

template <class T>
T plus(T a, T b) {
  if constexpr (std::is_same_v<T, bool>) {
    return a || b;
  } else if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
  } else {
    return a + b;
  }
}

// The index space: per axis its size and, per operand and for the output
// (last), the element stride (0 where the label is absent or broadcast).
struct LoopSpace {
  std::vector<int64_t> sizes;
  std::vector<std::vector<int64_t>> strides;  // [axis][operand..., output]
};

LoopSpace loop_space(std::span<const EinsumTensor> ops, const std::vector<int>& out_labels) {
  std::vector<int> labels = out_labels;
  for (int label = 0; label < kLabelCount; ++label) {
    for (const EinsumTensor& op : ops) {
      if (!has_label(labels, label) && has_label(op.axes.labels, label)) labels.push_back(label);
    }
  }
  LoopSpace space;
  int64_t out_stride = 1;
  std::vector<int64_t> out_strides(out_labels.size());
  for (size_t i = out_labels.size(); i-- > 0;) {
    out_strides[i] = out_stride;
    out_stride *= joint_size(ops, out_labels[i]);
  }
  for (size_t a = 0; a < labels.size(); ++a) {
    const int64_t size = joint_size(ops, labels[a]);
    std::vector<int64_t> strides;
    for (const EinsumTensor& op : ops) {
      const auto& own = op.axes.labels;
      auto at = std::find(own.begin(), own.end(), labels[a]);
      const size_t i = static_cast<size_t>(at - own.begin());
      strides.push_back(at == own.end() || op.axes.sizes[i] != size ? 0 : op.axes.strides[i]);
    }
    strides.push_back(a < out_labels.size() ? out_strides[a] : 0);
    space.sizes.push_back(size);
    space.strides.push_back(std::move(strides));
  }
  return space;
}

// out[o] (+)= the product of the operands at every point of the space;
// `assign` copies instead (one operand, nothing summed: NumPy's view).
template <class T>
void run_loop(std::span<const EinsumTensor> ops, const LoopSpace& space, T* out, bool assign) {
  const size_t nops = ops.size();
  std::vector<const T*> data;
  for (const EinsumTensor& op : ops) data.push_back(op.data.data<T>());
  const size_t rank = space.sizes.size();
  std::vector<int64_t> offsets(nops + 1, 0), index(rank, 0);
  const int64_t inner = rank == 0 ? 1 : space.sizes[rank - 1];
  const std::vector<int64_t> step =
      rank == 0 ? std::vector<int64_t>(nops + 1, 0) : space.strides[rank - 1];
  while (true) {
    for (int64_t i = 0; i < inner; ++i) {
      T product = data[0][offsets[0] + i * step[0]];
      for (size_t p = 1; p < nops; ++p) product = times(product, data[p][offsets[p] + i * step[p]]);
      T& slot = out[offsets[nops] + i * step[nops]];
      slot = assign ? product : plus(slot, product);
    }
    size_t d = rank > 0 ? rank - 1 : 0;
    while (d-- > 0) {
      for (size_t p = 0; p <= nops; ++p) offsets[p] += space.strides[d][p];
      if (++index[d] < space.sizes[d]) break;
      for (size_t p = 0; p <= nops; ++p) offsets[p] -= space.strides[d][p] * space.sizes[d];
      index[d] = 0;
    }
    if (d == static_cast<size_t>(-1)) return;
  }
}

Shape joint_shape(std::span<const EinsumTensor> ops, const std::vector<int>& labels) {
  Shape shape;
  for (int label : labels) shape.push_back(joint_size(ops, label));
  return shape;
}

Tensor contract_by_loop(std::span<const EinsumTensor> ops, const std::vector<int>& out_labels,
                        DType dtype) {
  const LoopSpace space = loop_space(ops, out_labels);
  Tensor out = Tensor::zeros(dtype, joint_shape(ops, out_labels));
  const bool empty = std::find(space.sizes.begin(), space.sizes.end(), 0) != space.sizes.end();
  if (empty) return out;
  const bool assign = ops.size() == 1 && space.sizes.size() == out_labels.size();
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    run_loop<T>(ops, space, out.data<T>(), assign);
  });
  return out;
}

// The labels the pair (left, right) must keep for what follows: those of
// the output (in its order), then those later operands use.
std::vector<int> kept_labels(const EinsumTensor& left, const EinsumTensor& right,
                             std::span<const EinsumTensor> later, const std::vector<int>& output) {
  std::vector<int> kept;
  auto used = [&](int label) {
    return has_label(left.axes.labels, label) || has_label(right.axes.labels, label);
  };
  for (int label : output) {
    if (used(label)) kept.push_back(label);
  }
  for (int label = 0; label < kLabelCount; ++label) {
    if (!used(label) || has_label(kept, label)) continue;
    for (const EinsumTensor& op : later) {
      if (has_label(op.axes.labels, label)) {
        kept.push_back(label);
        break;
      }
    }
  }
  return kept;
}

EinsumTensor labeled_result(Tensor data, const std::vector<int>& labels) {
  EinsumTensor out{std::move(data), {}};
  const auto strides = contiguous_strides(out.data.shape());
  out.axes.labels = labels;
  for (int d = 0; d < out.data.rank(); ++d) {
    out.axes.sizes.push_back(out.data.shape()[d]);
    out.axes.strides.push_back(strides[static_cast<size_t>(d)]);
  }
  return out;
}

Tensor contract_pair(std::span<const EinsumTensor> pair, const std::vector<int>& out_labels,
                     DType dtype) {
  if (std::optional<Tensor> product = contract_by_gemm(pair[0], pair[1], out_labels)) {
    return std::move(*product);
  }
  return contract_by_loop(pair, out_labels, dtype);
}

Tensor contract(std::vector<EinsumTensor> ops, const std::vector<int>& output, DType dtype) {
  if (ops.size() == 1) return contract_by_loop(ops, output, dtype);
  EinsumTensor acc = std::move(ops[0]);
  for (size_t i = 1; i < ops.size(); ++i) {
    std::span<const EinsumTensor> later(ops.data() + i + 1, ops.size() - i - 1);
    const std::vector<int> labels =
        later.empty() ? output : kept_labels(acc, ops[i], later, output);
    if (labels.size() > static_cast<size_t>(kMaxRank)) {
      // Note: a pair whose result would pass the rank limit: one loop over
      // what is left, as NumPy runs one loop over everything.
      std::vector<EinsumTensor> rest{std::move(acc)};
      for (size_t j = i; j < ops.size(); ++j) rest.push_back(std::move(ops[j]));
      return contract_by_loop(rest, output, dtype);
    }
    const EinsumTensor pair[2] = {std::move(acc), std::move(ops[i])};
    acc = labeled_result(contract_pair(pair, labels, dtype), labels);
  }
  return std::move(acc.data);
}

// Sums NumPy makes start from +0.0, so a sum of -0.0 products is +0.0.
void clear_negative_zeros(Tensor& t) {
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      T* data = t.data<T>();
      for (int64_t i = 0; i < t.numel(); ++i) data[i] += T{0};
    }
  });
}

std::vector<Value> packed_values(const Value& packed) {
  if (!packed.is_plain_tuple()) return {packed};
  return packed.items();
}

// One label of NumPy's interleaved form, np.einsum(a, [0, 1], b, [1, 2]):
// 0..25 are 'A'..'Z', 26..51 'a'..'z'.
char sublist_label(const Value& item) {
  const bool integer = item.is<int64_t>() || (item.is_tensor() && item.as<Tensor>().rank() == 0 &&
                                              is_integer(item.as<Tensor>().dtype()));
  if (!integer) {
    throw RuntimeError(PyExc::TypeError, "each subscript must be either an integer or an ellipsis");
  }
  const int64_t n = item.is<int64_t>() ? item.as<int64_t>() : item.as<Tensor>().get_as_int(0);
  if (n < 0 || n >= 52) {
    throw RuntimeError(PyExc::ValueError, "subscript is not within the valid range [0, 52)");
  }
  return static_cast<char>(n < 26 ? 'A' + n : 'a' + (n - 26));
}

std::string sublist_term(const Value& sublist) {
  std::string term;
  if (sublist.is<TupleValue>()) {
    for (const Value& item : sublist.items()) term += sublist_label(item);
  } else if (sublist.is_tensor() && sublist.as<Tensor>().rank() == 1 &&
             is_integer(sublist.as<Tensor>().dtype())) {
    const Tensor& t = sublist.as<Tensor>();
    for (int64_t i = 0; i < t.numel(); ++i) term += sublist_label(Value(t.get_as_int(i)));
  } else {
    throw RuntimeError(PyExc::TypeError, "each subscript must be either an integer or an ellipsis");
  }
  return term;
}

// The interleaved form (operand, sublist, operand, sublist, ..., [output
// sublist]) as the subscripts string it stands for; `operands` gets the
// operands.
std::string interleaved_subscripts(const std::vector<Value>& args, std::vector<Value>& operands) {
  std::string subscripts;
  size_t i = 0;
  for (; i + 1 < args.size(); i += 2) {
    operands.push_back(args[i]);
    subscripts += (i == 0 ? "" : ",") + sublist_term(args[i + 1]);
  }
  if (i < args.size()) subscripts += "->" + sublist_term(args[i]);
  return subscripts;
}

}  // namespace

void kernel_einsum(KernelContext& ctx) {
  std::vector<Value> operands = packed_values(ctx.inputs[1]);
  std::string subscripts;
  if (ctx.inputs[0].is<StrValue>()) {
    subscripts = *ctx.inputs[0].as<StrValue>().text;
  } else {
    std::vector<Value> args{ctx.inputs[0]};
    args.insert(args.end(), operands.begin(), operands.end());
    operands.clear();
    subscripts = interleaved_subscripts(args, operands);
  }
  std::vector<Tensor> tensors;
  for (const Value& operand : operands) tensors.push_back(to_tensor(operand));
  std::vector<int> ranks;
  std::vector<Shape> shapes;
  for (const Tensor& t : tensors) {
    ranks.push_back(t.rank());
    shapes.push_back(t.shape());
  }
  const EinsumLabels labels = parse_einsum_subscripts(subscripts, ranks);
  const EinsumShapes resolved = resolve_einsum_shapes(labels, shapes);
  DType dtype = tensors[0].dtype();
  for (const Tensor& t : tensors) dtype = promote_types(dtype, t.dtype());
  std::vector<EinsumTensor> ops;
  for (size_t i = 0; i < tensors.size(); ++i) {
    ops.push_back(EinsumTensor{cast(tensors[i], dtype), resolved.operands[i]});
  }
  Tensor out = contract(std::move(ops), resolved.output, dtype);
  if (tensors.size() > 1) clear_negative_zeros(out);
  ctx.outputs[0] = std::move(out);
}

}  // namespace pygraft::rt
