#include "transform/passes/fuse_elementwise.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/fused_elementwise.h"
#include "graph/value_types.h"
#include "transform/passes/ir_walk.h"

namespace pygraft::transform {
namespace {

// Whether `v` is the constant `want` (None or False, the reductions' defaults).
bool is_constant(const ValueTypes& types, ValueId v, const Literal& want) {
  const std::optional<Literal>& c = types.of(v).constant;
  return c && *c == want;
}

// A sum, max or min over every element with NumPy's defaults (axis None, no
// dtype, keepdims False): the operands after the array are those constants.
bool reduces_everything(const Node& node, const ValueTypes& types) {
  const size_t expected = node.op == OpCode::Sum ? 4 : 3;  // (a, axis, [dtype,] keepdims)
  if (node.inputs.size() != expected) return false;
  for (size_t i = 1; i + 1 < expected; ++i) {
    if (!is_constant(types, node.inputs[i], Literal(NoneLiteral{}))) return false;
  }
  return is_constant(types, node.inputs.back(), Literal(false));
}

// The operands a node contributes to its fused step (a reduction: its array).
size_t step_operand_count(const Node& node) {
  return is_fused_reduction(node.op) ? 1 : node.inputs.size();
}

// Note: a result that type facts show is a Python scalar stays unfused: on
// scalars the executor runs single operators without a kernel call, and
// typed scalar loops (runtime/scalar_loop.h) compile them, both faster than
// a fused node on scalars.
bool fusable(const Node& node, const ValueTypes& types) {
  if (node.outputs.size() != 1 || !node.attrs.empty() || !node.regions.empty() ||
      !types.of(node.outputs[0]).may_be(kinds::Array)) {
    return false;
  }
  if (is_fused_reduction(node.op)) return reduces_everything(node, types);
  const int arity = fused_step_arity(node.op);
  return arity > 0 && node.inputs.size() == static_cast<size_t>(arity);
}

class RegionFuser {
 public:
  RegionFuser(Region& region, const std::unordered_map<ValueId, int>& uses, const ValueTypes& types)
      : region_(region), uses_(uses), types_(types) {}

  void run() {
    std::vector<Node>& nodes = region_.nodes;
    std::vector<bool> removed(nodes.size(), false);
    for (size_t end = nodes.size(); end-- > 0;) {
      if (!fusable(nodes[end], types_) || nodes[end].op == OpCode::UfuncOperand) continue;
      std::vector<size_t> members = collect_run(end);
      if (arithmetic_count(members) < 2) continue;
      std::reverse(members.begin(), members.end());  // source order
      for (size_t m : members) removed[m] = m != end;
      if (is_fused_reduction(nodes[end].op)) remove_default_operands(nodes[end], end, removed);
      nodes[end] = fused_node(members);
      end = members.front();  // continue before the run
    }
    size_t i = 0;
    std::erase_if(nodes, [&](const Node&) { return removed[i++]; });
  }

 private:
  // The constants a fused reduction no longer reads (axis=None, ...), when
  // nothing else reads them: they are defined before it in this region.
  void remove_default_operands(const Node& reduction, size_t end,
                               std::vector<bool>& removed) const {
    std::unordered_map<ValueId, int> reads;
    for (size_t i = 1; i < reduction.inputs.size(); ++i) ++reads[reduction.inputs[i]];
    for (size_t j = 0; j < end; ++j) {
      const Node& node = region_.nodes[j];
      if (node.op != OpCode::Const) continue;
      auto read = reads.find(node.outputs[0]);
      if (read != reads.end() && read->second == uses_.at(node.outputs[0])) removed[j] = true;
    }
  }

  // The run ending at `end`, last node first: walks back over constants and
  // over fusable nodes on the same line whose result only the run reads.
  std::vector<size_t> collect_run(size_t end) const {
    std::vector<size_t> members{end};
    std::unordered_map<ValueId, int> reads_in_run;
    const Node& last = region_.nodes[end];
    for (size_t i = 0; i < step_operand_count(last); ++i) ++reads_in_run[last.inputs[i]];
    const uint32_t line = region_.nodes[end].range.line;
    for (size_t j = end; j-- > 0 && members.size() < static_cast<size_t>(kMaxFusedSteps);) {
      const Node& node = region_.nodes[j];
      if (node.op == OpCode::Const) continue;
      if (!fusable(node, types_) || is_fused_reduction(node.op) || node.range.line != line) break;
      const ValueId out = node.outputs[0];
      auto read = reads_in_run.find(out);
      if (read == reads_in_run.end() || read->second != uses_.at(out)) break;
      members.push_back(j);
      for (ValueId v : node.inputs) ++reads_in_run[v];
    }
    return members;
  }

  int arithmetic_count(const std::vector<size_t>& members) const {
    return static_cast<int>(std::count_if(members.begin(), members.end(), [&](size_t m) {
      return region_.nodes[m].op != OpCode::UfuncOperand;
    }));
  }

  Node fused_node(const std::vector<size_t>& members) const {
    std::unordered_map<ValueId, int> step_of;  // results of earlier members
    for (size_t k = 0; k < members.size(); ++k) {
      step_of[region_.nodes[members[k]].outputs[0]] = static_cast<int>(k);
    }
    Node fused;
    fused.op = OpCode::FusedElementwise;
    std::unordered_map<ValueId, int> input_of;
    for (size_t m : members) {
      const Node& node = region_.nodes[m];
      for (size_t j = 0; j < step_operand_count(node); ++j) {
        const ValueId v = node.inputs[j];
        if (step_of.count(v) == 0 && input_of.count(v) == 0) {
          input_of[v] = static_cast<int>(fused.inputs.size());
          fused.inputs.push_back(v);
        }
      }
    }
    FusedProgram program;
    const int num_inputs = static_cast<int>(fused.inputs.size());
    for (size_t m : members) {
      const Node& node = region_.nodes[m];
      FusedStep& step = program.steps[static_cast<size_t>(program.size++)];
      step.op = node.op;
      step.num_operands = static_cast<int>(step_operand_count(node));
      for (size_t j = 0; j < step_operand_count(node); ++j) {
        auto s = step_of.find(node.inputs[j]);
        const int ref = s != step_of.end() ? num_inputs + s->second : input_of.at(node.inputs[j]);
        step.operands[j] = static_cast<uint16_t>(ref);
      }
    }
    const Node& last = region_.nodes[members.back()];
    fused.outputs = last.outputs;
    fused.range = last.range;
    fused.attrs = fused_program_attributes(program, fused.inputs.size());
    return fused;
  }

  Region& region_;
  const std::unordered_map<ValueId, int>& uses_;
  const ValueTypes& types_;
};

}  // namespace

void fuse_elementwise(Function& function) {
  const std::unordered_map<ValueId, int> uses = count_uses(function.body);
  const ValueTypes types = ValueTypes::infer(function);
  for_each_region(function.body, [&](Region& region) { RegionFuser(region, uses, types).run(); });
}

}  // namespace pygraft::transform
