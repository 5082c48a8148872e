// runtime/scalar_loop.h: analysis of a loop's instructions, code generation
// per kind signature, and the register machine that runs the code.
#include "runtime/scalar_loop.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "graph/fused_elementwise.h"
#include "runtime/interpreter_plan.h"
#include "runtime/pyscalar.h"
#include "runtime/runtime_error.h"
#include "runtime/scalar_fast_path.h"

namespace pygraft::rt {

namespace {

enum class Kind : uint8_t { Bool, Int, Float };

union Reg {
  int64_t i;  // Int, and Bool as 0 / 1
  double f;
};

enum class TOp : uint8_t {
  Mov,
  AddI,
  SubI,
  MulI,
  FloorDivI,
  ModI,
  DivI,  // int / int, exact in double when both are below 2^53
  AddF,
  SubF,
  MulF,
  DivF,
  CmpI,
  CmpF,
  CmpJumpI,  // compare two ints and jump to target when false (a cmp + jump)
  CmpJumpF,
  Binary,   // py_binary on boxed operands
  Compare,  // py_compare on boxed operands
  JumpIfFalse,
  Jump,
  Count,  // one iteration of the loop `node`
  End,
};

struct TInstr {
  TOp op = TOp::End;
  uint8_t code = 0;  // BinaryOp or CompareOp
  Kind ka = Kind::Int, kb = Kind::Int, kd = Kind::Int;
  uint32_t dst = 0, a = 0, b = 0;  // registers
  uint32_t target = 0;             // jumps: index of the next instruction
  const Node* node = nullptr;
};

Value box(Reg r, Kind k) {
  switch (k) {
    case Kind::Bool:
      return Value(r.i != 0);
    case Kind::Int:
      return Value(r.i);
    case Kind::Float:
      break;
  }
  return Value(r.f);
}

Reg unbox(const Value& v) {
  Reg r{};
  if (v.is<bool>()) {
    r.i = v.as<bool>() ? 1 : 0;
  } else if (v.is<int64_t>()) {
    r.i = v.as<int64_t>();
  } else {
    r.f = v.as<double>();
  }
  return r;
}

std::optional<Kind> kind_of(const Value& v) {
  if (v.is<bool>()) return Kind::Bool;
  if (v.is<int64_t>()) return Kind::Int;
  if (v.is<double>()) return Kind::Float;
  return std::nullopt;
}

bool truth(Reg r, Kind k) {
  return k == Kind::Float ? r.f != 0.0 : r.i != 0;
}

// The Python operator of an op the typed code has: the executor's own table
// (runtime/scalar_fast_path.h), less `**`, whose result kind depends on the
// exponent's sign.
std::optional<BinaryOp> binary_op(OpCode op) {
  const ScalarFastOp fast = scalar_fast_op(op);
  if (fast.kind != ScalarFastOp::Kind::Binary) return std::nullopt;
  const auto bop = static_cast<BinaryOp>(fast.code);
  if (bop == BinaryOp::Pow) return std::nullopt;
  return bop;
}

std::optional<CompareOp> compare_op(OpCode op) {
  const ScalarFastOp fast = scalar_fast_op(op);
  if (fast.kind != ScalarFastOp::Kind::Compare) return std::nullopt;
  return static_cast<CompareOp>(fast.code);
}

// A fused chain of + - * / only (exp, tanh, negation and ufunc_operand
// make arrays of Python scalars or need Python's unary rules).
bool arithmetic_only(const Node& node) {
  const std::optional<FusedProgram> program = read_fused_program(node);
  if (!program) return false;
  for (int k = 0; k < program->size; ++k) {
    const FusedStep& step = program->steps[static_cast<size_t>(k)];
    if (step.num_operands != 2 || !binary_op(step.op)) return false;
  }
  return true;
}

// Whether an instruction has a typed form (kinds aside).
bool has_typed_form(const Instr& in) {
  switch (in.kind) {
    case InstrKind::Cond:
    case InstrKind::Loop:
      return true;
    case InstrKind::Call:
      return false;
    case InstrKind::Kernel:
      break;
  }
  const OpCode op = in.node->op;
  if (in.outputs_end - in.outputs_begin != 1) return false;
  if (op == OpCode::FusedElementwise) return arithmetic_only(*in.node);
  if (in.inputs_end - in.inputs_begin != 2) return false;
  return binary_op(op) || compare_op(op) || op == OpCode::InPlaceResult;
}

// Every instruction of `r` and its children has a typed form; collects the
// slots the subtree defines and reads.
bool analyze_region(const CompiledRegion& r, std::unordered_set<uint32_t>& defined,
                    std::vector<uint32_t>& read) {
  for (Slot s : r.args) defined.insert(s);
  for (const Instr& in : r.instrs) {
    if (!has_typed_form(in)) return false;
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) read.push_back(r.operands[k].slot);
    for (uint32_t k = in.outputs_begin; k < in.outputs_end; ++k) defined.insert(r.outputs[k]);
    const uint32_t children = in.kind == InstrKind::Kernel ? 0 : 2;
    for (uint32_t c = 0; c < children; ++c) {
      if (!analyze_region(r.children[in.first_child + c], defined, read)) return false;
    }
  }
  for (const Operand& y : r.yields) read.push_back(y.slot);
  return true;
}

}  // namespace

// The code of one loop for one kind signature.
class TypedScalarCode {
 public:
  std::vector<TInstr> code;
  std::vector<Kind> reg_kinds;
  std::vector<uint32_t> live_in_regs;   // parallel to ScalarLoop::live_ins_
  std::vector<uint32_t> output_regs;    // parallel to the loop's outputs
  std::vector<Reg> constant_registers;  // registers' initial values (zero)

  void execute(Reg* regs, int64_t& iterations, const ExecutionLimits& limits,
               const Node*& failed) const;
};

namespace {

bool reads_a(TOp op) {
  return op != TOp::Jump && op != TOp::Count && op != TOp::End;
}
bool reads_b(TOp op) {
  switch (op) {
    case TOp::Mov:
    case TOp::JumpIfFalse:
    case TOp::Jump:
    case TOp::Count:
    case TOp::End:
      return false;
    default:
      return true;
  }
}
bool writes_dst(TOp op) {
  return reads_a(op) && op != TOp::JumpIfFalse && op != TOp::CmpJumpI && op != TOp::CmpJumpF;
}

// Shortens the code without changing what it computes: a comparison whose
// only reader is the jump right after it becomes one compare-and-jump, and
// an instruction whose result only the move right after it reads writes the
// move's destination itself. `pinned`: registers read or written outside
// the code (live-ins, outputs), never renamed away.
void peephole(std::vector<TInstr>& code, const std::vector<uint32_t>& pinned, uint32_t num_regs) {
  std::vector<int> reads(num_regs, 0), writes(num_regs, 0);
  for (uint32_t r : pinned) reads[r] += 2, writes[r] += 2;
  std::vector<bool> target(code.size() + 1, false);
  for (const TInstr& in : code) {
    if (reads_a(in.op)) ++reads[in.a];
    if (reads_b(in.op)) ++reads[in.b];
    if (writes_dst(in.op)) ++writes[in.dst];
    if (in.op == TOp::Jump || in.op == TOp::JumpIfFalse) target[in.target] = true;
  }
  std::vector<bool> removed(code.size(), false);
  for (size_t i = 0; i + 1 < code.size(); ++i) {
    TInstr& in = code[i];
    TInstr& next = code[i + 1];
    if (removed[i] || target[i + 1] || !writes_dst(in.op) || reads[in.dst] != 1 ||
        writes[in.dst] != 1) {
      continue;
    }
    if ((in.op == TOp::CmpI || in.op == TOp::CmpF) && next.op == TOp::JumpIfFalse &&
        next.a == in.dst) {
      in.op = in.op == TOp::CmpI ? TOp::CmpJumpI : TOp::CmpJumpF;
      in.target = next.target;
      removed[i + 1] = true;
    } else if (next.op == TOp::Mov && next.a == in.dst && next.dst != in.dst) {
      --writes[in.dst];
      in.dst = next.dst;
      removed[i + 1] = true;
    }
  }
  // Close the gaps and point the jumps at the new places.
  std::vector<uint32_t> new_index(code.size() + 1, 0);
  uint32_t kept = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    new_index[i] = kept;
    if (!removed[i]) ++kept;
  }
  new_index[code.size()] = kept;
  std::vector<TInstr> out;
  out.reserve(kept);
  for (size_t i = 0; i < code.size(); ++i) {
    if (removed[i]) continue;
    TInstr in = code[i];
    if (in.op == TOp::Jump || in.op == TOp::JumpIfFalse || in.op == TOp::CmpJumpI ||
        in.op == TOp::CmpJumpF) {
      in.target = new_index[in.target];
    }
    out.push_back(in);
  }
  code = std::move(out);
}

// Generates TypedScalarCode for a loop and the kinds of its live-ins; fails
// (nullopt) where a value's kind is not fixed.
class CodeBuilder {
 public:
  std::optional<TypedScalarCode> build(const CompiledRegion& parent, const Instr& loop,
                                       const std::vector<uint32_t>& live_ins,
                                       const std::vector<uint8_t>& kinds) {
    for (size_t i = 0; i < live_ins.size(); ++i) {
      out_.live_in_regs.push_back(define(live_ins[i], static_cast<Kind>(kinds[i])));
    }
    if (!emit_loop(parent, loop)) return std::nullopt;
    for (uint32_t k = loop.outputs_begin; k < loop.outputs_end; ++k) {
      out_.output_regs.push_back(reg_of_.at(parent.outputs[k]));
    }
    emit({.op = TOp::End});
    peephole(out_.code, live_in_registers(), static_cast<uint32_t>(out_.reg_kinds.size()));
    return std::move(out_);
  }

 private:
  uint32_t define(uint32_t slot, Kind kind) {
    auto [it, inserted] = reg_of_.try_emplace(slot, static_cast<uint32_t>(out_.reg_kinds.size()));
    if (inserted) {
      out_.reg_kinds.push_back(kind);
    } else if (out_.reg_kinds[it->second] != kind) {
      ok_ = false;  // a value that changes kind (int carried, float yielded)
    }
    return it->second;
  }
  uint32_t temp(Kind kind) {
    out_.reg_kinds.push_back(kind);
    return static_cast<uint32_t>(out_.reg_kinds.size() - 1);
  }
  std::optional<uint32_t> use(uint32_t slot) const {
    auto it = reg_of_.find(slot);
    if (it == reg_of_.end()) return std::nullopt;
    return it->second;
  }
  Kind kind(uint32_t reg) const { return out_.reg_kinds[reg]; }
  size_t emit(TInstr in) {
    out_.code.push_back(in);
    return out_.code.size() - 1;
  }
  void patch(size_t jump) { out_.code[jump].target = static_cast<uint32_t>(out_.code.size()); }
  void move(uint32_t dst, uint32_t src) {
    if (dst != src) emit({.op = TOp::Mov, .ka = kind(src), .kd = kind(src), .dst = dst, .a = src});
  }

  bool emit_region(const CompiledRegion& r) {
    for (const Instr& in : r.instrs) {
      bool done = false;
      switch (in.kind) {
        case InstrKind::Kernel:
          done = emit_kernel(r, in);
          break;
        case InstrKind::Cond:
          done = emit_cond(r, in);
          break;
        case InstrKind::Loop:
          done = emit_loop(r, in);
          break;
        case InstrKind::Call:
          break;
      }
      if (!done || !ok_) return false;
    }
    return true;
  }

  bool emit_kernel(const CompiledRegion& r, const Instr& in) {
    const uint32_t out_slot = r.outputs[in.outputs_begin];
    if (in.node->op == OpCode::FusedElementwise) return emit_fused(r, in, out_slot);
    const auto a = use(r.operands[in.inputs_begin].slot);
    const auto b = use(r.operands[in.inputs_begin + 1].slot);
    if (!a || !b) return false;
    if (in.node->op == OpCode::InPlaceResult) {  // `x op= v` on a scalar rebinds x to v
      move(define(out_slot, kind(*b)), *b);
      return true;
    }
    emit_binary(in.node->op, *a, *b, &out_slot, in.node);
    return true;
  }

  // A fused chain of arithmetic ops (graph/fused_elementwise.h), step by
  // step; every step reports errors at the fused node.
  bool emit_fused(const CompiledRegion& r, const Instr& in, uint32_t out_slot) {
    const std::optional<FusedProgram> program = read_fused_program(*in.node);
    if (!program) return false;
    std::vector<uint32_t> values;  // registers of the inputs, then of the steps
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) {
      const auto reg = use(r.operands[k].slot);
      if (!reg) return false;
      values.push_back(*reg);
    }
    for (int k = 0; k < program->size; ++k) {
      const FusedStep& step = program->steps[static_cast<size_t>(k)];
      const bool last = k + 1 == program->size;
      values.push_back(emit_binary(step.op, values[step.operands[0]], values[step.operands[1]],
                                   last ? &out_slot : nullptr, in.node));
    }
    return true;
  }

  // Emits `a op b` (an arithmetic operator or a comparison) into the
  // register of *out_slot, or of a new temporary without one; returns it.
  uint32_t emit_binary(OpCode op, uint32_t a, uint32_t b, const uint32_t* out_slot,
                       const Node* node) {
    const Kind ka = kind(a), kb = kind(b);
    TInstr t{.ka = ka, .kb = kb, .a = a, .b = b, .node = node};
    if (auto cmp = compare_op(op)) {
      t.code = static_cast<uint8_t>(*cmp);
      t.kd = Kind::Bool;
      t.op = ka == Kind::Int && kb == Kind::Int       ? TOp::CmpI
             : ka == Kind::Float && kb == Kind::Float ? TOp::CmpF
                                                      : TOp::Compare;
    } else {
      const BinaryOp bop = *binary_op(op);
      t.code = static_cast<uint8_t>(bop);
      const bool any_float = ka == Kind::Float || kb == Kind::Float;
      t.kd = any_float || bop == BinaryOp::TrueDiv ? Kind::Float : Kind::Int;
      t.op = typed_arith(bop, ka, kb);
    }
    t.dst = out_slot != nullptr ? define(*out_slot, t.kd) : temp(t.kd);
    emit(t);
    return t.dst;
  }

  static TOp typed_arith(BinaryOp op, Kind ka, Kind kb) {
    if (ka == Kind::Int && kb == Kind::Int) {
      switch (op) {
        case BinaryOp::Add:
          return TOp::AddI;
        case BinaryOp::Sub:
          return TOp::SubI;
        case BinaryOp::Mul:
          return TOp::MulI;
        case BinaryOp::FloorDiv:
          return TOp::FloorDivI;
        case BinaryOp::Mod:
          return TOp::ModI;
        case BinaryOp::TrueDiv:
          return TOp::DivI;
        default:
          return TOp::Binary;
      }
    }
    if (ka == Kind::Float && kb == Kind::Float) {
      switch (op) {
        case BinaryOp::Add:
          return TOp::AddF;
        case BinaryOp::Sub:
          return TOp::SubF;
        case BinaryOp::Mul:
          return TOp::MulF;
        case BinaryOp::TrueDiv:
          return TOp::DivF;
        default:
          return TOp::Binary;
      }
    }
    return TOp::Binary;  // bools and mixed kinds: Python's own conversions
  }

  bool emit_cond(const CompiledRegion& r, const Instr& in) {
    const auto pred = use(r.operands[in.inputs_begin].slot);
    if (!pred) return false;
    const size_t to_else =
        emit({.op = TOp::JumpIfFalse, .ka = kind(*pred), .a = *pred, .node = in.node});
    const CompiledRegion& then_r = r.children[in.first_child];
    const CompiledRegion& else_r = r.children[in.first_child + 1];
    if (!emit_region(then_r) || !emit_yields(r, in, then_r)) return false;
    const size_t to_end = emit({.op = TOp::Jump});
    patch(to_else);
    if (!emit_region(else_r) || !emit_yields(r, in, else_r)) return false;
    patch(to_end);
    return true;
  }

  // The cond's outputs from one branch's yields; both must give one kind.
  bool emit_yields(const CompiledRegion& r, const Instr& in, const CompiledRegion& branch) {
    for (size_t k = 0; k < branch.yields.size(); ++k) {
      const auto y = use(branch.yields[k].slot);
      if (!y) return false;
      move(define(r.outputs[in.outputs_begin + static_cast<uint32_t>(k)], kind(*y)), *y);
    }
    return ok_;
  }

  bool emit_loop(const CompiledRegion& r, const Instr& in) {
    const CompiledRegion& cond = r.children[in.first_child];
    const CompiledRegion& body = r.children[in.first_child + 1];
    std::vector<uint32_t> args;
    for (size_t k = 0; k < body.args.size(); ++k) {
      const auto init = use(r.operands[in.inputs_begin + static_cast<uint32_t>(k)].slot);
      if (!init) return false;
      args.push_back(define(body.args[k], kind(*init)));
      move(args.back(), *init);
    }
    const size_t head = out_.code.size();
    if (!emit_region(cond)) return false;
    const auto go = use(cond.yields[0].slot);
    if (!go) return false;
    const size_t to_exit = emit({.op = TOp::JumpIfFalse, .ka = kind(*go), .a = *go});
    emit({.op = TOp::Count, .node = in.node});
    if (!emit_region(body)) return false;
    // The yields become the arguments; through temporaries only when one
    // yields another's argument (a, b = b, a).
    std::vector<uint32_t> yields;
    for (size_t k = 0; k < body.yields.size(); ++k) {
      const auto y = use(body.yields[k].slot);
      if (!y || kind(*y) != kind(args[k])) return false;
      yields.push_back(*y);
    }
    bool crossed = false;
    for (size_t k = 0; k < yields.size(); ++k) {
      for (size_t j = 0; j < args.size(); ++j) crossed |= j != k && yields[k] == args[j];
    }
    if (crossed) {
      for (uint32_t& y : yields) {
        const uint32_t t = temp(kind(y));
        move(t, y);
        y = t;
      }
    }
    for (size_t k = 0; k < yields.size(); ++k) move(args[k], yields[k]);
    emit({.op = TOp::Jump, .target = static_cast<uint32_t>(head)});
    patch(to_exit);
    for (size_t k = 0; k < args.size(); ++k) {
      move(define(r.outputs[in.outputs_begin + static_cast<uint32_t>(k)], kind(args[k])), args[k]);
    }
    return ok_;
  }

  std::vector<uint32_t> live_in_registers() const {
    std::vector<uint32_t> regs = out_.live_in_regs;
    regs.insert(regs.end(), out_.output_regs.begin(), out_.output_regs.end());
    return regs;
  }

  TypedScalarCode out_;
  std::unordered_map<uint32_t, uint32_t> reg_of_;
  bool ok_ = true;
};

// The generic path of an instruction: boxed operands through py_binary /
// py_compare, exactly the kernels' functions.
Reg slow_binary(const TInstr& in, const Reg* regs) {
  const Value result =
      py_binary(static_cast<BinaryOp>(in.code), box(regs[in.a], in.ka), box(regs[in.b], in.kb));
  if (kind_of(result) != in.kd) {
    throw RuntimeError(PyExc::InternalError, "typed scalar loop: unexpected result kind");
  }
  return unbox(result);
}

bool slow_compare(const TInstr& in, const Reg* regs) {
  return py_compare(static_cast<CompareOp>(in.code), box(regs[in.a], in.ka),
                    box(regs[in.b], in.kb));
}

constexpr int64_t kExactInDouble = int64_t{1} << 53;

}  // namespace

void TypedScalarCode::execute(Reg* regs, int64_t& iterations, const ExecutionLimits& limits,
                              const Node*& failed) const {
  const TInstr* const base = code.data();
  const TInstr* pc = base;  // the instruction being run
  try {
    for (;;) {
      const TInstr& in = *pc++;
      Reg& d = regs[in.dst];
      // Note: operands are read per case; a jump's a/b are not registers.
#define PG_A regs[in.a]
#define PG_B regs[in.b]
      switch (in.op) {
        case TOp::Mov:
          d = PG_A;
          break;
        case TOp::AddI:
          if (__builtin_add_overflow(PG_A.i, PG_B.i, &d.i)) d = slow_binary(in, regs);
          break;
        case TOp::SubI:
          if (__builtin_sub_overflow(PG_A.i, PG_B.i, &d.i)) d = slow_binary(in, regs);
          break;
        case TOp::MulI:
          if (__builtin_mul_overflow(PG_A.i, PG_B.i, &d.i)) d = slow_binary(in, regs);
          break;
        case TOp::FloorDivI: {
          const int64_t a = PG_A.i, b = PG_B.i;
          if (b == 0 || (b == -1 && a == INT64_MIN)) {
            d = slow_binary(in, regs);
          } else {
            d.i = int_floor_div(a, b);
          }
          break;
        }
        case TOp::ModI: {
          const int64_t a = PG_A.i, b = PG_B.i;
          if (b == 0) {
            d = slow_binary(in, regs);
          } else {
            d.i = int_mod(a, b);
          }
          break;
        }
        case TOp::DivI: {
          const int64_t a = PG_A.i, b = PG_B.i;
          if (b == 0 || a <= -kExactInDouble || a >= kExactInDouble || b <= -kExactInDouble ||
              b >= kExactInDouble) {
            d = slow_binary(in, regs);
          } else {
            d.f = static_cast<double>(a) / static_cast<double>(b);
          }
          break;
        }
        case TOp::AddF:
          d.f = PG_A.f + PG_B.f;
          break;
        case TOp::SubF:
          d.f = PG_A.f - PG_B.f;
          break;
        case TOp::MulF:
          d.f = PG_A.f * PG_B.f;
          break;
        case TOp::DivF:
          if (PG_B.f == 0.0) {
            d = slow_binary(in, regs);
          } else {
            d.f = PG_A.f / PG_B.f;
          }
          break;
        case TOp::CmpI:
          d.i = compare_values(static_cast<CompareOp>(in.code), PG_A.i, PG_B.i);
          break;
        case TOp::CmpF:
          d.i = compare_values(static_cast<CompareOp>(in.code), PG_A.f, PG_B.f);
          break;
        case TOp::CmpJumpI:
          if (!compare_values(static_cast<CompareOp>(in.code), PG_A.i, PG_B.i))
            pc = base + in.target;
          break;
        case TOp::CmpJumpF:
          if (!compare_values(static_cast<CompareOp>(in.code), PG_A.f, PG_B.f))
            pc = base + in.target;
          break;
        case TOp::Binary:
          d = slow_binary(in, regs);
          break;
        case TOp::Compare:
          d.i = slow_compare(in, regs);
          break;
        case TOp::JumpIfFalse:
          if (!truth(PG_A, in.ka)) pc = base + in.target;
          break;
        case TOp::Jump:
          pc = base + in.target;
          break;
        case TOp::Count:
          count_loop_iteration(iterations, limits);
          break;
        case TOp::End:
          return;
      }
#undef PG_A
#undef PG_B
    }
  } catch (const RuntimeError&) {
    failed = (pc - 1)->node;  // Note: no jump precedes a throw, so pc - 1 raised
    throw;
  }
}

std::unique_ptr<ScalarLoop> ScalarLoop::analyze(const CompiledRegion& parent, const Instr& loop) {
  std::unordered_set<uint32_t> defined;
  std::vector<uint32_t> read;
  for (uint32_t k = loop.inputs_begin; k < loop.inputs_end; ++k) {
    read.push_back(parent.operands[k].slot);
  }
  for (uint32_t c = 0; c < 2; ++c) {
    if (!analyze_region(parent.children[loop.first_child + c], defined, read)) return nullptr;
  }
  std::vector<uint32_t> live_ins;
  for (uint32_t s : read) {
    if (!defined.count(s) && std::find(live_ins.begin(), live_ins.end(), s) == live_ins.end()) {
      live_ins.push_back(s);
    }
  }
  return std::make_unique<ScalarLoop>(parent, loop, std::move(live_ins));
}

ScalarLoop::ScalarLoop(const CompiledRegion& parent, const Instr& loop,
                       std::vector<uint32_t> live_ins)
    : parent_(parent), loop_(loop), live_ins_(std::move(live_ins)) {}

ScalarLoop::~ScalarLoop() = default;

std::shared_ptr<const TypedScalarCode> ScalarLoop::code_for(
    const std::vector<uint8_t>& kinds) const {
  std::lock_guard lock(mutex_);
  for (const auto& [signature, code] : cache_) {
    if (signature == kinds) return code;
  }
  std::shared_ptr<const TypedScalarCode> code;
  if (auto built = CodeBuilder().build(parent_, loop_, live_ins_, kinds)) {
    code = std::make_shared<const TypedScalarCode>(std::move(*built));
  }
  cache_.emplace_back(kinds, code);
  return code;
}

bool ScalarLoop::run(std::vector<Value>& slots, int64_t& iterations, const ExecutionLimits& limits,
                     const Node*& failed) const {
  // Note: a handful of live-ins; the signature lives on the stack for most.
  std::vector<uint8_t> kinds(live_ins_.size());
  for (size_t i = 0; i < live_ins_.size(); ++i) {
    const auto k = kind_of(slots[live_ins_[i]]);
    if (!k) return false;
    kinds[i] = static_cast<uint8_t>(*k);
  }
  const std::shared_ptr<const TypedScalarCode> code = code_for(kinds);
  if (!code) return false;
  std::vector<Reg> regs(code->reg_kinds.size(), Reg{});
  for (size_t i = 0; i < live_ins_.size(); ++i) {
    regs[code->live_in_regs[i]] = unbox(slots[live_ins_[i]]);
  }
  code->execute(regs.data(), iterations, limits, failed);
  for (uint32_t k = loop_.outputs_begin; k < loop_.outputs_end; ++k) {
    const uint32_t reg = code->output_regs[k - loop_.outputs_begin];
    slots[parent_.outputs[k]] = box(regs[reg], code->reg_kinds[reg]);
  }
  return true;
}

}  // namespace pygraft::rt
