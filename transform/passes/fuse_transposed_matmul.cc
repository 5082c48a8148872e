#include "transform/passes/fuse_transposed_matmul.h"

#include <unordered_map>
#include <unordered_set>

#include "transform/passes/ir_walk.h"

namespace pygraft::transform {
namespace {

class RegionFuser {
 public:
  RegionFuser(Region& region, const std::unordered_map<ValueId, int>& uses)
      : region_(region), uses_(uses) {
    for (Node& node : region.nodes) {
      for (ValueId out : node.outputs) defined_[out] = &node;
    }
  }

  void run() {
    std::unordered_set<ValueId> fused;  // the results of the transposes folded away
    for (Node& node : region_.nodes) {
      if (node.op != OpCode::MatMul || node.inputs.size() != 2) continue;
      const Node* transpose = reversing_transpose(node.inputs[1]);
      if (transpose == nullptr || uses_.at(transpose->outputs[0]) != 1) continue;
      node.op = OpCode::MatMulTransposedB;
      node.inputs[1] = transpose->inputs[0];
      fused.insert(transpose->outputs[0]);
    }
    std::erase_if(region_.nodes, [&](const Node& n) {
      return n.op == OpCode::Transpose && fused.count(n.outputs[0]) > 0;
    });
  }

 private:
  // The node defining `value` here when it is a transpose without axes.
  const Node* reversing_transpose(ValueId value) const {
    const Node* node = defined_here(value);
    if (node == nullptr || node->op != OpCode::Transpose || node->outputs.size() != 1)
      return nullptr;
    if (node->inputs.size() == 1) return node;
    if (node->inputs.size() != 2) return nullptr;
    const Node* axes = defined_here(node->inputs[1]);
    const bool none = axes != nullptr && axes->op == OpCode::Const &&
                      axes->attr("value") != nullptr && axes->attr("value")->is_none();
    return none ? node : nullptr;
  }

  const Node* defined_here(ValueId value) const {
    auto it = defined_.find(value);
    return it == defined_.end() ? nullptr : it->second;
  }

  Region& region_;
  const std::unordered_map<ValueId, int>& uses_;
  std::unordered_map<ValueId, const Node*> defined_;
};

}  // namespace

void fuse_transposed_matmul(Function& function) {
  const std::unordered_map<ValueId, int> uses = count_uses(function.body);
  for_each_region(function.body, [&](Region& region) { RegionFuser(region, uses).run(); });
}

}  // namespace pygraft::transform
