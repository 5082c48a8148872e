#include "transform/passes/merge_fused_readers.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "graph/fused_elementwise.h"
#include "graph/op_table.h"
#include "transform/passes/ir_walk.h"

namespace pygraft::transform {
namespace {

bool is_number_constant(const Node& node) {
  if (node.op != OpCode::Const) return false;
  const Literal* value = node.attr("value");
  return value != nullptr && (value->is<bool>() || value->is<int64_t>() || value->is<double>());
}

// The position of each output of P among its program's outputs.
std::optional<int> output_index(const Node& node, ValueId v) {
  auto it = std::find(node.outputs.begin(), node.outputs.end(), v);
  if (it == node.outputs.end()) return std::nullopt;
  return static_cast<int>(it - node.outputs.begin());
}

class RegionMerger {
 public:
  RegionMerger(Region& region, std::unordered_map<ValueId, int>& uses)
      : region_(region), uses_(uses) {}

  void run() {
    for (size_t p = 0; p < region_.nodes.size(); ++p) {
      if (region_.nodes[p].op != OpCode::FusedElementwise) continue;
      while (merge_next_reader(p)) {
      }
    }
  }

 private:
  // Merges the first fused node after p that reads p's results and may
  // join it; whether there was one.
  bool merge_next_reader(size_t& p) {
    std::vector<Node>& nodes = region_.nodes;
    const std::optional<FusedProgram> producer = read_fused_program(nodes[p]);
    if (!producer) return false;
    for (size_t r = p + 1; r < nodes.size(); ++r) {
      const Node& node = nodes[r];
      if (node.op == OpCode::FusedElementwise && reads_outputs_of(node, nodes[p])) {
        std::vector<size_t> hoisted;
        std::optional<FusedProgram> reader = read_fused_program(node);
        if (reader && may_join(p, *producer, r, *reader, hoisted)) {
          merge(p, *producer, r, *reader, hoisted);
          p += hoisted.size();
          return true;
        }
      }
      // Note: R moves before the nodes between; none may raise or act.
      if (op_info(node.op).effects != OpEffects::Pure) return false;
    }
    return false;
  }

  static bool reads_outputs_of(const Node& reader, const Node& producer) {
    return std::any_of(reader.inputs.begin(), reader.inputs.end(),
                       [&](ValueId v) { return output_index(producer, v).has_value(); });
  }

  // Whether R (at r) may join P (at p); collects the constants between them
  // that R reads, which must move before P.
  bool may_join(size_t p, const FusedProgram& producer, size_t r, const FusedProgram& reader,
                std::vector<size_t>& hoisted) const {
    const Node& pn = region_.nodes[p];
    const Node& rn = region_.nodes[r];
    size_t extra_inputs = 0;
    for (ValueId v : rn.inputs) {
      if (std::optional<int> o = output_index(pn, v)) {
        const FusedStep& step = producer.steps[producer.outputs[static_cast<size_t>(*o)]];
        if (is_fused_reduction(step.op)) return false;  // a 0-d result, no step operand
        continue;
      }
      if (std::find(pn.inputs.begin(), pn.inputs.end(), v) != pn.inputs.end()) continue;
      std::optional<size_t> def = constant_definition(v, r);
      if (!def) return false;
      ++extra_inputs;
      if (*def > p) hoisted.push_back(*def);
    }
    std::sort(hoisted.begin(), hoisted.end());
    hoisted.erase(std::unique(hoisted.begin(), hoisted.end()), hoisted.end());
    return producer.size + reader.size <= kMaxFusedSteps &&
           pn.inputs.size() + extra_inputs <= static_cast<size_t>(kMaxFusedSteps) + 1 &&
           producer.num_outputs + reader.num_outputs <= kMaxFusedOutputs &&
           producer.num_segments + reader.num_segments + 1 <= kMaxFusedSegments;
  }

  // Where v is defined by a constant Python number before `before`.
  std::optional<size_t> constant_definition(ValueId v, size_t before) const {
    for (size_t j = before; j-- > 0;) {
      const Node& node = region_.nodes[j];
      if (std::find(node.outputs.begin(), node.outputs.end(), v) == node.outputs.end()) continue;
      if (is_number_constant(node)) return j;
      return std::nullopt;
    }
    return std::nullopt;  // a region argument or an outer value
  }

  void merge(size_t p, const FusedProgram& producer, size_t r, const FusedProgram& reader,
             const std::vector<size_t>& hoisted) {
    std::vector<Node>& nodes = region_.nodes;
    Node merged = merged_node(nodes[p], producer, nodes[r], reader);
    std::vector<Node> moved;
    for (size_t h : hoisted) moved.push_back(std::move(nodes[h]));
    std::vector<bool> gone(nodes.size(), false);
    gone[r] = true;
    for (size_t h : hoisted) gone[h] = true;
    nodes[p] = std::move(merged);
    size_t i = 0;
    std::erase_if(nodes, [&](const Node&) { return gone[i++]; });
    nodes.insert(nodes.begin() + static_cast<std::ptrdiff_t>(p),
                 std::make_move_iterator(moved.begin()), std::make_move_iterator(moved.end()));
  }

  Node merged_node(const Node& pn, const FusedProgram& producer, const Node& rn,
                   const FusedProgram& reader) {
    Node merged;
    merged.op = OpCode::FusedElementwise;
    merged.range = pn.range;
    merged.inputs = pn.inputs;
    for (ValueId v : rn.inputs) {
      if (!output_index(pn, v) &&
          std::find(merged.inputs.begin(), merged.inputs.end(), v) == merged.inputs.end()) {
        merged.inputs.push_back(v);
      }
    }
    const uint16_t base = static_cast<uint16_t>(merged.inputs.size());
    const size_t p_inputs = pn.inputs.size();
    FusedProgram program = producer;
    for (int k = 0; k < program.size; ++k) {  // P's step values move up by R's new inputs
      FusedStep& step = program.steps[static_cast<size_t>(k)];
      for (int j = 0; j < step.num_operands; ++j) {
        uint16_t& ref = step.operands[static_cast<size_t>(j)];
        if (ref >= p_inputs) ref = static_cast<uint16_t>(ref - p_inputs + base);
      }
    }
    auto reader_ref = [&](uint16_t ref) -> uint16_t {
      if (ref >= rn.inputs.size()) {
        return static_cast<uint16_t>(ref - rn.inputs.size() + base + producer.size);
      }
      const ValueId v = rn.inputs[ref];
      if (std::optional<int> o = output_index(pn, v)) {
        return static_cast<uint16_t>(base + producer.outputs[static_cast<size_t>(*o)]);
      }
      auto it = std::find(merged.inputs.begin(), merged.inputs.end(), v);
      return static_cast<uint16_t>(it - merged.inputs.begin());
    };
    for (int k = 0; k < reader.size; ++k) {
      FusedStep step = reader.steps[static_cast<size_t>(k)];
      for (int j = 0; j < step.num_operands; ++j) {
        step.operands[static_cast<size_t>(j)] = reader_ref(step.operands[static_cast<size_t>(j)]);
      }
      program.steps[static_cast<size_t>(program.size++)] = step;
    }
    // Outputs: P's that something besides R reads, then R's.
    for (ValueId v : rn.inputs) --uses_[v];
    program.num_outputs = 0;
    for (size_t o = 0; o < pn.outputs.size(); ++o) {
      if (uses_[pn.outputs[o]] > 0) {
        program.outputs[static_cast<size_t>(program.num_outputs++)] = producer.outputs[o];
        merged.outputs.push_back(pn.outputs[o]);
      }
    }
    for (int o = 0; o < reader.num_outputs; ++o) {
      program.outputs[static_cast<size_t>(program.num_outputs++)] =
          static_cast<uint16_t>(producer.size + reader.outputs[static_cast<size_t>(o)]);
      merged.outputs.push_back(rn.outputs[static_cast<size_t>(o)]);
    }
    for (ValueId v : merged.inputs) ++uses_[v];
    for (ValueId v : pn.inputs) --uses_[v];
    // Segments: R's own range for its first steps, then R's segments.
    program.segments[static_cast<size_t>(program.num_segments++)] =
        FusedSegment{producer.size, rn.range};
    for (int s = 0; s < reader.num_segments; ++s) {
      FusedSegment segment = reader.segments[static_cast<size_t>(s)];
      segment.first_step += producer.size;
      program.segments[static_cast<size_t>(program.num_segments++)] = segment;
    }
    merged.attrs = fused_program_attributes(program, merged.inputs.size());
    return merged;
  }

  Region& region_;
  std::unordered_map<ValueId, int>& uses_;
};

}  // namespace

void merge_fused_readers(Function& function) {
  std::unordered_map<ValueId, int> uses = count_uses(function.body);
  for_each_region(function.body, [&](Region& region) { RegionMerger(region, uses).run(); });
}

}  // namespace pygraft::transform
