// The last-use analysis of the interpreter's plan (see runtime/interpreter_plan.h).
//
// Requires: a compiled function whose operands are all copies.
// Guarantees: an operand has `move` set exactly when no later read of its slot
// can happen in program order: a backward walk keeps the set of slots read
// later. A cond's branches each start from the set live after the cond, so a
// value read in both branches (and not after) is last used in each. A loop's
// free slots (read inside, defined outside) stay live throughout it, since the
// next iteration reads them again; the cond region reads the body's argument
// slots, so it never moves them. Constants are never moved. Each region's drop
// list holds its outputs that no read at the region's own level moves out.
#include <algorithm>

#include "runtime/interpreter_plan.h"

namespace pygraft::rt {
namespace {

using SlotSet = std::vector<bool>;

void merge_into(SlotSet& into, const SlotSet& from) {
  for (size_t s = 0; s < into.size(); ++s) {
    if (from[s]) into[s] = true;
  }
}

// Slots read (`reads`) and defined (`defs`) anywhere in `r`, nested included.
void collect_slots(const CompiledRegion& r, SlotSet& reads, SlotSet& defs) {
  for (Slot s : r.args) defs[s] = true;
  for (Slot s : r.outputs) defs[s] = true;
  for (const Operand& op : r.operands) reads[op.slot] = true;
  for (const Operand& op : r.yields) reads[op.slot] = true;
  for (const CompiledRegion& child : r.children) collect_slots(child, reads, defs);
}

class LastUseAnalysis {
 public:
  explicit LastUseAnalysis(const std::vector<bool>& is_constant) : is_constant_(is_constant) {}

  // `live`: slots read after the region ends; on return, also those it reads.
  void region(CompiledRegion& r, SlotSet& live) {
    for (size_t k = r.yields.size(); k-- > 0;) read(r.yields[k], live);
    for (size_t i = r.instrs.size(); i-- > 0;) instr(r, r.instrs[i], live);
  }

 private:
  void read(Operand& op, SlotSet& live) {
    op.move = !live[op.slot] && !is_constant_[op.slot];
    live[op.slot] = true;
  }

  void instr(CompiledRegion& r, const Instr& in, SlotSet& live) {
    if (in.kind == InstrKind::Cond) cond(r, in, live);
    if (in.kind == InstrKind::Loop) loop(r, in, live);
    // The node reads its operands before any of its regions run.
    for (uint32_t j = in.inputs_end; j-- > in.inputs_begin;) read(r.operands[j], live);
  }

  void cond(CompiledRegion& r, const Instr& in, SlotSet& live) {
    const SlotSet after = live;
    for (uint32_t b = 0; b < 2; ++b) {
      SlotSet branch = after;
      region(r.children[in.first_child + b], branch);
      merge_into(live, branch);
    }
  }

  void loop(CompiledRegion& r, const Instr& in, SlotSet& live) {
    CompiledRegion& cond_region = r.children[in.first_child];
    CompiledRegion& body = r.children[in.first_child + 1];
    SlotSet reads(live.size()), defs(live.size());
    collect_slots(cond_region, reads, defs);
    collect_slots(body, reads, defs);
    for (size_t s = 0; s < live.size(); ++s) {
      if (reads[s] && !defs[s]) live[s] = true;  // free in the loop: live throughout
    }
    SlotSet body_live = live;
    region(body, body_live);
    SlotSet cond_live = live;
    for (Slot s : body.args) cond_live[s] = true;
    region(cond_region, cond_live);
  }

  const std::vector<bool>& is_constant_;
};

void compute_drops(CompiledRegion& r, const std::vector<bool>& is_constant) {
  std::vector<Slot> moved;
  for (const Operand& op : r.operands) {
    if (op.move) moved.push_back(op.slot);
  }
  for (const Operand& op : r.yields) {
    if (op.move) moved.push_back(op.slot);
  }
  std::sort(moved.begin(), moved.end());
  r.drops.clear();
  for (Slot s : r.outputs) {
    if (!is_constant[s] && !std::binary_search(moved.begin(), moved.end(), s)) r.drops.push_back(s);
  }
  for (CompiledRegion& child : r.children) compute_drops(child, is_constant);
}

}  // namespace

void compute_last_uses(CompiledFunction& fn) {
  SlotSet live(fn.num_slots);
  LastUseAnalysis(fn.is_constant).region(fn.body, live);
  compute_drops(fn.body, fn.is_constant);
}

}  // namespace pygraft::rt
