// np.einsum as ONNX's Einsum with an explicit equation. NumPy lets a label's
// dimension of size 1 broadcast against the other operands' sizes for it;
// ONNX's Einsum does not, so operands that share labels are first Expanded
// to each label's largest size (an Expand fails where NumPy raises too).
#include <map>

#include "graph/einsum_subscripts.h"
#include "onnx_export/emitters.h"
#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

namespace {

// Letters for the labels: a letter stays itself, each '...' dimension takes
// a letter no term uses.
std::map<int, char> label_letters(const EinsumLabels& labels) {
  std::map<int, char> letters;
  bool used[128] = {};
  for (const auto& term : labels.operands) {
    for (int label : term) {
      if (label < kEinsumBroadcastLabel) used[label] = true;
    }
  }
  char next = 'A';
  auto fresh = [&]() {
    while (used[static_cast<unsigned char>(next)])
      next = next == 'Z' ? 'a' : static_cast<char>(next + 1);
    used[static_cast<unsigned char>(next)] = true;
    return next;
  };
  for (const auto& term : labels.operands) {
    for (int label : term) {
      if (!letters.count(label)) {
        letters[label] = label < kEinsumBroadcastLabel ? static_cast<char>(label) : fresh();
      }
    }
  }
  return letters;
}

std::string term_text(const std::vector<int>& term, const std::map<int, char>& letters) {
  std::string out;
  for (int label : term) out += letters.at(label);
  return out;
}

}  // namespace

void emit_einsum(EmitContext& ctx) {
  const DType out = ctx.out_type().dtype;
  if (is_narrow(out)) {
    ctx.refuse("on " + std::string(dtype_name(out)) + " has no ONNX export");
    return;
  }
  // Booleans: products are ands, sums ors: count in int64, then test > 0.
  const DType dtype = out == DType::Bool ? DType::Int64 : out;
  const StaticType& operands = ctx.in_type(1);
  const Lowered& values = ctx.in_value(1);
  std::vector<int> ranks;
  for (const StaticType& t : operands.items) ranks.push_back(static_array_of(t)->rank());
  const EinsumLabels labels =
      parse_einsum_subscripts(ctx.in_type(0).constant->as<std::string>(), ranks);
  const std::map<int, char> letters = label_letters(labels);

  std::vector<std::string> tensors, shapes;
  for (size_t k = 0; k < operands.items.size(); ++k) {
    const Lowered item = values.is_tuple ? values.items.at(k) : Lowered{};
    tensors.push_back(ctx.array_value(item, operands.items[k], dtype));
    shapes.push_back(ctx.emit("Shape", {tensors.back()}));
  }
  // Each label's size: the largest of its dimensions' sizes.
  std::map<int, std::vector<std::string>> sizes_of;
  for (size_t k = 0; k < labels.operands.size(); ++k) {
    for (size_t d = 0; d < labels.operands[k].size(); ++d) {
      sizes_of[labels.operands[k][d]].push_back(
          ctx.emit("Gather", {shapes[k], ctx.int64s({static_cast<int64_t>(d)})}));
    }
  }
  std::map<int, std::string> size;
  for (const auto& [label, dims] : sizes_of)
    size[label] = dims.size() == 1 ? dims[0] : ctx.emit("Max", dims);
  std::string equation;
  for (size_t k = 0; k < labels.operands.size(); ++k) {
    const auto& term = labels.operands[k];
    bool shared = false;
    for (int label : term) shared = shared || sizes_of[label].size() > 1;
    if (shared && !term.empty()) {
      std::vector<std::string> target;
      for (int label : term) target.push_back(size[label]);
      const std::string shape =
          target.size() == 1 ? target[0] : ctx.emit("Concat", target, [](onnx::NodeProto& n) {
            set_attr(n, "axis", int64_t{0});
          });
      tensors[k] = ctx.emit("Expand", {tensors[k], shape});
    }
    if (k) equation += ",";
    equation += term_text(term, letters);
  }
  equation += "->" + term_text(labels.output, letters);
  const std::string result =
      ctx.emit("Einsum", tensors, [&](onnx::NodeProto& n) { set_attr(n, "equation", equation); });
  ctx.set_output(0,
                 out == DType::Bool ? ctx.emit("Greater", {result, ctx.int64_scalar(0)}) : result);
}

}  // namespace pygraft::onnx_export
