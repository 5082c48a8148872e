// np.einsum's matrix-product path (see runtime/einsum_gemm.h).
#include "runtime/einsum_gemm.h"

#include <algorithm>

#include "runtime/indexing.h"
#include "runtime/matrix_product.h"

namespace pygraft::rt {
namespace {

bool has_label(const std::vector<int>& labels, int label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

size_t position(const std::vector<int>& labels, int label) {
  return static_cast<size_t>(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

// The product's label groups, each in the order of the operand named.
struct Groups {
  std::vector<int> batch, rows, summed;  // a's order
  std::vector<int> columns;              // b's order
};

// Every label of `own` must be shared with the output or `other` (with the
// same size: no broadcasting), and the operand must have no diagonal.
bool fits(const EinsumTensor& own, const EinsumTensor& other, const std::vector<int>& out) {
  if (own.axes.labels.size() != static_cast<size_t>(own.data.rank())) return false;
  for (size_t i = 0; i < own.axes.labels.size(); ++i) {
    const int label = own.axes.labels[i];
    const bool shared = has_label(other.axes.labels, label);
    if (!shared && !has_label(out, label)) return false;
    if (shared && other.axes.sizes[position(other.axes.labels, label)] != own.axes.sizes[i]) {
      return false;
    }
  }
  return true;
}

Groups group_labels(const EinsumTensor& a, const EinsumTensor& b, const std::vector<int>& out) {
  Groups g;
  for (int label : a.axes.labels) {
    const bool in_b = has_label(b.axes.labels, label), in_out = has_label(out, label);
    (in_b ? (in_out ? g.batch : g.summed) : g.rows).push_back(label);
  }
  for (int label : b.axes.labels) {
    if (!has_label(a.axes.labels, label)) g.columns.push_back(label);
  }
  return g;
}

std::vector<int> concat(std::initializer_list<const std::vector<int>*> parts) {
  std::vector<int> out;
  for (const std::vector<int>* part : parts) out.insert(out.end(), part->begin(), part->end());
  return out;
}

int64_t volume(const EinsumTensor& t, const std::vector<int>& labels) {
  int64_t n = 1;
  for (int label : labels) n *= t.axes.sizes[position(t.axes.labels, label)];
  return n;
}

// t's data with its axes in the order `labels` (t itself when they are).
Tensor arranged(const EinsumTensor& t, const std::vector<int>& labels) {
  if (labels == t.axes.labels) return t.data;
  std::vector<int> perm;
  for (int label : labels) perm.push_back(static_cast<int>(position(t.axes.labels, label)));
  return gather(t.data, permute_plan(t.data.shape(), perm));
}

}  // namespace

std::optional<Tensor> contract_by_gemm(const EinsumTensor& a, const EinsumTensor& b,
                                       const std::vector<int>& out_labels) {
  if (!fits(a, b, out_labels) || !fits(b, a, out_labels)) return std::nullopt;
  const Groups g = group_labels(a, b, out_labels);
  const int64_t rows = volume(a, g.rows), inner = volume(a, g.summed);
  const int64_t columns = volume(b, g.columns), batch = volume(a, g.batch);
  // Note: elementwise products and broadcasts (one element per product) run
  // faster as the generic loop than as tiny matrix products.
  if (inner < 2 && (rows < 2 || columns < 2)) return std::nullopt;
  const DType dtype = a.data.dtype();
  const Tensor lhs = arranged(a, concat({&g.batch, &g.rows, &g.summed}));
  const std::vector<int> b_plain = concat({&g.batch, &g.summed, &g.columns});
  const std::vector<int> b_transposed = concat({&g.batch, &g.columns, &g.summed});
  const bool transposed =
      is_float(dtype) && b.axes.labels != b_plain && b.axes.labels == b_transposed;
  const Tensor rhs = transposed ? b.data : arranged(b, b_plain);
  const std::vector<int> c_labels = concat({&g.batch, &g.rows, &g.columns});
  Shape c_shape;
  for (int label : c_labels) {
    c_shape.push_back(has_label(a.axes.labels, label)
                          ? a.axes.sizes[position(a.axes.labels, label)]
                          : b.axes.sizes[position(b.axes.labels, label)]);
  }
  // Note: the products write every element; only a sum over nothing is 0.
  const bool computed = c_shape.numel() > 0 && inner > 0;
  Tensor c = computed ? Tensor::empty(dtype, c_shape) : Tensor::zeros(dtype, c_shape);
  if (computed) {
    for (int64_t i = 0; i < batch; ++i) {
      matrix_product(lhs, i * rows * inner, rhs, i * inner * columns, c, i * rows * columns, rows,
                     inner, columns, transposed);
    }
  }
  if (c_labels == out_labels) return c;
  std::vector<int> perm;
  for (int label : out_labels) perm.push_back(static_cast<int>(position(c_labels, label)));
  return gather(c, permute_plan(c.shape(), perm));
}

}  // namespace pygraft::rt
