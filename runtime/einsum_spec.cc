// np.einsum's subscripts (see runtime/einsum_spec.h). The checks and their
// order follow NumPy 1.24's PyArray_EinsteinSum: the operands' terms left to
// right, the output, the single-operand view, the diagonals, and last the
// iterator's broadcasting of the labels' sizes.
#include "runtime/einsum_spec.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

[[noreturn]] void fail(std::string message) {
  throw RuntimeError(PyExc::ValueError, std::move(message));
}

}  // namespace

EinsumLabels parse_einsum_subscripts(std::string_view subscripts, std::span<const int> ranks) {
  try {
    return pygraft::parse_einsum_subscripts(subscripts, ranks);
  } catch (const EinsumSubscriptError& e) {
    fail(e.what());
  }
}

namespace {

std::string label_text(int label) {
  return std::string(1, static_cast<char>(label));
}

// NumPy's convert_shape_to_string: leading new axes (-1) are left out.
std::string remapped_shape_string(const std::vector<int64_t>& dims, std::string_view ending) {
  size_t i = 0;
  while (i < dims.size() && dims[i] < 0) ++i;
  if (i == dims.size()) return "()" + std::string(ending);
  std::string text = "(" + std::to_string(dims[i++]);
  for (; i < dims.size(); ++i) text += dims[i] < 0 ? ",newaxis" : "," + std::to_string(dims[i]);
  return text + (dims.size() == 1 ? ",)" : ")") + std::string(ending);
}

// With one operand NumPy first tries to return a view, checking the
// diagonals it meets before the first summed label with its own words.
void check_single_operand_view(const std::vector<int>& labels, const Shape& shape,
                               const std::vector<int>& output) {
  std::vector<int64_t> seen(output.size(), 0);
  for (size_t d = 0; d < labels.size(); ++d) {
    auto at = std::find(output.begin(), output.end(), labels[d]);
    if (at == output.end()) return;
    int64_t& size = seen[static_cast<size_t>(at - output.begin())];
    const int64_t dim = shape[static_cast<int>(d)];
    if (size != 0 && size != dim) {
      fail("dimensions in single operand for collapsing index '" + label_text(labels[d]) +
           "' don't match (" + std::to_string(size) + " != " + std::to_string(dim) + ")");
    }
    size = dim;
  }
}

EinsumOperand combine_diagonals(const std::vector<int>& labels, const Shape& shape, int iop) {
  EinsumOperand out;
  const auto strides = contiguous_strides(shape);
  for (size_t d = 0; d < labels.size(); ++d) {
    const int64_t dim = shape[static_cast<int>(d)];
    auto at = std::find(out.labels.begin(), out.labels.end(), labels[d]);
    if (at == out.labels.end()) {
      out.labels.push_back(labels[d]);
      out.sizes.push_back(dim);
      out.strides.push_back(strides[d]);
      continue;
    }
    const size_t i = static_cast<size_t>(at - out.labels.begin());
    if (out.sizes[i] != dim) {
      fail("dimensions in operand " + std::to_string(iop) + " for collapsing index '" +
           label_text(labels[d]) + "' don't match (" + std::to_string(out.sizes[i]) +
           " != " + std::to_string(dim) + ")");
    }
    out.strides[i] += strides[d];
  }
  return out;
}

// The iterator's axes: the output's labels, then the summed ones.
std::vector<int> iteration_labels(const EinsumShapes& shapes) {
  std::vector<int> labels = shapes.output;
  for (int label = 0; label < kLabelCount; ++label) {
    if (std::find(labels.begin(), labels.end(), label) != labels.end()) continue;
    for (const EinsumOperand& op : shapes.operands) {
      if (std::find(op.labels.begin(), op.labels.end(), label) != op.labels.end()) {
        labels.push_back(label);
        break;
      }
    }
  }
  return labels;
}

[[noreturn]] void fail_broadcast(const EinsumShapes& shapes, const std::vector<int>& iteration) {
  std::string message =
      "operands could not be broadcast together with remapped shapes [original->remapped]: ";
  for (const EinsumOperand& op : shapes.operands) {
    std::vector<int64_t> remapped;
    for (int label : iteration) {
      auto at = std::find(op.labels.begin(), op.labels.end(), label);
      remapped.push_back(
          at == op.labels.end() ? -1 : op.sizes[static_cast<size_t>(at - op.labels.begin())]);
    }
    message += remapped_shape_string(op.sizes, "->") + remapped_shape_string(remapped, " ");
  }
  fail(message);
}

}  // namespace

EinsumShapes resolve_einsum_shapes(const EinsumLabels& labels, std::span<const Shape> shapes) {
  EinsumShapes out;
  out.output = labels.output;
  if (shapes.size() == 1) check_single_operand_view(labels.operands[0], shapes[0], labels.output);
  for (size_t iop = 0; iop < shapes.size(); ++iop) {
    out.operands.push_back(
        combine_diagonals(labels.operands[iop], shapes[iop], static_cast<int>(iop)));
  }
  out.sizes.fill(1);
  for (const EinsumOperand& op : out.operands) {
    for (size_t i = 0; i < op.labels.size(); ++i) {
      int64_t& size = out.sizes[static_cast<size_t>(op.labels[i])];
      if (size == 1) {
        size = op.sizes[i];
      } else if (op.sizes[i] != 1 && op.sizes[i] != size) {
        fail_broadcast(out, iteration_labels(out));
      }
    }
  }
  for (int label : out.output) out.output_shape.push_back(out.sizes[static_cast<size_t>(label)]);
  return out;
}

}  // namespace pygraft::rt
