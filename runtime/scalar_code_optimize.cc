// runtime/scalar_code_optimize.h: move coalescing and compare-and-jump
// fusion on typed scalar code.
#include "runtime/scalar_code_optimize.h"

#include <numeric>

namespace pygraft::rt {

namespace {

// A set of registers; the code of a loop has tens of them, rarely hundreds.
class RegSet {
 public:
  explicit RegSet(size_t n) : words_((n + 63) / 64, 0) {}
  void insert(uint32_t r) { words_[r / 64] |= uint64_t{1} << (r % 64); }
  void erase(uint32_t r) { words_[r / 64] &= ~(uint64_t{1} << (r % 64)); }
  bool contains(uint32_t r) const { return (words_[r / 64] >> (r % 64)) & 1; }
  // this |= other; returns whether this grew.
  bool merge(const RegSet& other) {
    bool grew = false;
    for (size_t w = 0; w < words_.size(); ++w) {
      const uint64_t next = words_[w] | other.words_[w];
      grew |= next != words_[w];
      words_[w] = next;
    }
    return grew;
  }
  template <class F>
  void for_each(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        f(static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
      }
    }
  }

 private:
  std::vector<uint64_t> words_;
};

bool is_move(TOp op) {
  return op == TOp::Mov || op == TOp::MovArray;
}

void add_uses(const TInstr& in, const TypedScalarCode& code, RegSet& set) {
  if (reads_a(in.op)) set.insert(in.a);
  if (reads_b(in.op)) set.insert(in.b);
  if (reads_c(in.op)) set.insert(in.c);
  if (reads_e(in.op)) set.insert(in.e);
  if (in.op == TOp::End) {
    for (uint32_t r : code.output_regs) set.insert(r);
  }
}

// The registers live after each instruction (backward dataflow to a fixed
// point over the control-flow graph: fall-through and jump targets).
std::vector<RegSet> live_after(const TypedScalarCode& code) {
  const size_t n = code.code.size(), regs = code.reg_kinds.size();
  std::vector<RegSet> live_in(n, RegSet(regs)), live_out(n, RegSet(regs));
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = n; i-- > 0;) {
      const TInstr& in = code.code[i];
      RegSet out(regs);
      if (falls_through(in.op) && i + 1 < n) out.merge(live_in[i + 1]);
      if (is_jump(in.op)) out.merge(live_in[in.target]);
      RegSet before = out;
      if (writes_dst(in.op)) before.erase(in.dst);
      add_uses(in, code, before);
      live_out[i] = std::move(out);
      changed |= live_in[i].merge(before);
    }
  }
  return live_out;
}

// Registers that may not share storage: one is written while the other is
// live (a move's source excepted), or both are defined on entry.
class Interference {
 public:
  explicit Interference(size_t regs) : rows_(regs, RegSet(regs)) {}
  void add(uint32_t a, uint32_t b) {
    if (a == b) return;
    rows_[a].insert(b);
    rows_[b].insert(a);
  }
  bool interfere(uint32_t a, uint32_t b) const { return rows_[a].contains(b); }
  // `from` joins `into`: into now interferes with all that from did.
  void merge(uint32_t into, uint32_t from) {
    rows_[from].for_each([&](uint32_t r) { add(into, r); });
  }

 private:
  std::vector<RegSet> rows_;
};

Interference build_interference(const TypedScalarCode& code, const std::vector<RegSet>& live) {
  const size_t regs = code.reg_kinds.size();
  Interference graph(regs);
  for (size_t i = 0; i < code.code.size(); ++i) {
    const TInstr& in = code.code[i];
    if (!writes_dst(in.op)) continue;
    live[i].for_each([&](uint32_t r) {
      if (!(is_move(in.op) && r == in.a)) graph.add(in.dst, r);
    });
  }
  // On entry the live-ins hold their values, and whatever is read before it
  // is written holds something too.
  RegSet entry(regs);
  if (!code.code.empty()) {
    RegSet before = live[0];
    const TInstr& first = code.code[0];
    if (writes_dst(first.op)) before.erase(first.dst);
    add_uses(first, code, before);
    entry.merge(before);
  }
  for (uint32_t r : code.live_in_regs) entry.insert(r);
  entry.for_each([&](uint32_t a) { entry.for_each([&](uint32_t b) { graph.add(a, b); }); });
  return graph;
}

uint32_t find(std::vector<uint32_t>& parent, uint32_t r) {
  while (parent[r] != r) r = parent[r] = parent[parent[r]];
  return r;
}

void rename_registers(TypedScalarCode& code, std::vector<uint32_t>& parent) {
  for (TInstr& in : code.code) {
    if (reads_a(in.op)) in.a = find(parent, in.a);
    if (reads_b(in.op)) in.b = find(parent, in.b);
    if (reads_c(in.op)) in.c = find(parent, in.c);
    if (reads_e(in.op)) in.e = find(parent, in.e);
    if (writes_dst(in.op)) in.dst = find(parent, in.dst);
  }
  for (uint32_t& r : code.live_in_regs) r = find(parent, r);
  for (uint32_t& r : code.output_regs) r = find(parent, r);
}

// Drops the instructions marked in `removed` and points the jumps at the
// instructions that follow what they pointed at.
void compact(TypedScalarCode& code, const std::vector<bool>& removed) {
  const size_t n = code.code.size();
  std::vector<uint32_t> new_index(n + 1, 0);
  uint32_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    new_index[i] = kept;
    if (!removed[i]) ++kept;
  }
  new_index[n] = kept;
  std::vector<TInstr> out;
  out.reserve(kept);
  for (size_t i = 0; i < n; ++i) {
    if (removed[i]) continue;
    TInstr in = code.code[i];
    if (is_jump(in.op)) in.target = new_index[in.target];
    out.push_back(in);
  }
  code.code = std::move(out);
}

void coalesce_moves(TypedScalarCode& code) {
  const size_t regs = code.reg_kinds.size();
  Interference graph = build_interference(code, live_after(code));
  std::vector<uint32_t> parent(regs);
  std::iota(parent.begin(), parent.end(), 0u);
  for (const TInstr& in : code.code) {
    // A store whose array is dead after it becomes one register with its
    // result, so the array is updated in place.
    if (!is_move(in.op) && in.op != TOp::StoreF64 && in.op != TOp::StoreF64x2) continue;
    const uint32_t into = find(parent, in.dst), from = find(parent, in.a);
    if (into == from || code.reg_kinds[into] != code.reg_kinds[from] ||
        graph.interfere(into, from)) {
      continue;
    }
    parent[from] = into;
    graph.merge(into, from);
  }
  rename_registers(code, parent);
  std::vector<bool> removed(code.code.size(), false);
  for (size_t i = 0; i < code.code.size(); ++i) {
    const TInstr& in = code.code[i];
    removed[i] = is_move(in.op) && in.dst == in.a;
  }
  compact(code, removed);
}

void fuse_compare_jumps(TypedScalarCode& code) {
  const size_t n = code.code.size();
  std::vector<int> reads(code.reg_kinds.size(), 0);
  std::vector<bool> target(n + 1, false);
  for (const TInstr& in : code.code) {
    if (reads_a(in.op)) ++reads[in.a];
    if (reads_b(in.op)) ++reads[in.b];
    if (reads_c(in.op)) ++reads[in.c];
    if (reads_e(in.op)) ++reads[in.e];
    if (is_jump(in.op)) target[in.target] = true;
  }
  for (uint32_t r : code.output_regs) reads[r] += 2;
  std::vector<bool> removed(n, false);
  for (size_t i = 0; i + 1 < n; ++i) {
    TInstr& cmp = code.code[i];
    const TInstr& jump = code.code[i + 1];
    const bool conditional = jump.op == TOp::JumpIfFalse || jump.op == TOp::JumpIfTrue;
    if ((cmp.op != TOp::CmpI && cmp.op != TOp::CmpF) || !conditional || jump.a != cmp.dst ||
        reads[cmp.dst] != 1 || target[i + 1]) {
      continue;
    }
    cmp.op = cmp.op == TOp::CmpI ? TOp::CmpJumpI : TOp::CmpJumpF;
    cmp.when = jump.op == TOp::JumpIfTrue;
    cmp.target = jump.target;
    removed[i + 1] = true;
  }
  compact(code, removed);
}

// A Count that only jumps reach (a rotated loop's body: its test jumps back
// to it, and the entry jumps to the test) becomes part of those jumps: a
// taken jump counts the iteration, one dispatch fewer per iteration. Jumps
// never raise, so their node can become the loop's, which an iteration
// limit reports.
void fold_counts_into_jumps(TypedScalarCode& code) {
  const size_t n = code.code.size();
  std::vector<bool> removed(n, false);
  for (size_t t = 1; t < n; ++t) {
    const TInstr& count = code.code[t];
    if (count.op != TOp::Count || falls_through(code.code[t - 1].op)) continue;
    for (TInstr& in : code.code) {
      if (!is_jump(in.op) || in.target != t) continue;
      in.counts = true;
      in.node = count.node;
      in.frame = count.frame;
      removed[t] = true;
    }
  }
  compact(code, removed);
}

// An array move whose source is dead after it hands the handle over
// instead of sharing it: a shared buffer is copied at its next store.
void move_dead_arrays(TypedScalarCode& code) {
  if (!code.has_arrays) return;
  const std::vector<RegSet> live = live_after(code);
  for (size_t i = 0; i < code.code.size(); ++i) {
    TInstr& in = code.code[i];
    if (in.op == TOp::MovArray) in.when = !live[i].contains(in.a);
  }
}

// `int(np.argmax(a @ b.T))` with the product read by nothing else and b
// written by no instruction (greedy decoding's `h @ emb.T`): the MatMul
// (code bit 2) and the ArgMax right after it (code bit 1) are marked, so
// the runner may find the argmax by screening (runtime/screened_argmax.h)
// without making the product. Nothing jumps to the ArgMax, so it always
// runs right after the MatMul.
void mark_screened_argmax(TypedScalarCode& code) {
  if (!code.has_arrays) return;
  const size_t n = code.code.size();
  std::vector<bool> written(code.reg_kinds.size(), false), jumped_to(n + 1, false);
  for (const TInstr& in : code.code) {
    if (writes_dst(in.op)) written[in.dst] = true;
    if (in.op == TOp::MovArray && in.when) written[in.a] = true;  // its buffer moves on
    if (is_jump(in.op)) jumped_to[in.target] = true;
  }
  const std::vector<RegSet> live = live_after(code);
  for (size_t i = 0; i + 1 < n; ++i) {
    TInstr& product = code.code[i];
    TInstr& argmax = code.code[i + 1];
    if (product.op != TOp::MatMul || product.code != 1 || argmax.op != TOp::ArgMax ||
        argmax.a != product.dst || jumped_to[i + 1] || live[i + 1].contains(product.dst) ||
        product.dst == product.a || product.dst == product.b || written[product.b]) {
      continue;
    }
    product.code |= 2;
    argmax.code |= 1;
  }
}

}  // namespace

void optimize_scalar_code(TypedScalarCode& code) {
  coalesce_moves(code);
  fuse_compare_jumps(code);
  fold_counts_into_jumps(code);
  move_dead_arrays(code);
  mark_screened_argmax(code);
}

}  // namespace pygraft::rt
