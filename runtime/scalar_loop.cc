// runtime/scalar_loop.h: analysis of a loop's instructions, code generation
// per kind signature, and the register machine that runs the code.
#include "runtime/scalar_loop.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "graph/fused_elementwise.h"
#include "runtime/interpreter_plan.h"
#include "runtime/pyscalar.h"
#include "runtime/runtime_error.h"
#include "runtime/scalar_code_optimize.h"
#include "runtime/scalar_fast_path.h"

namespace pygraft::rt {

namespace {

using Kind = ScalarKind;
using Reg = ScalarReg;

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
  // Note: emit_fused gives the last step's value, the one output.
  if (!program || program->num_outputs != 1 || program->outputs[0] + 1 != program->size) {
    return false;
  }
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

namespace {

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
    optimize_scalar_code(out_);
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
    // Rotated: the condition is tested after the body, one jump per
    // iteration fewer; a jump into the test starts the loop.
    const size_t to_test = emit({.op = TOp::Jump});
    const auto body_start = static_cast<uint32_t>(out_.code.size());
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
    patch(to_test);
    if (!emit_region(cond)) return false;
    const auto go = use(cond.yields[0].slot);
    if (!go) return false;
    emit({.op = TOp::JumpIfTrue, .ka = kind(*go), .a = *go, .target = body_start});
    for (size_t k = 0; k < args.size(); ++k) {
      move(define(r.outputs[in.outputs_begin + static_cast<uint32_t>(k)], kind(args[k])), args[k]);
    }
    return ok_;
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

// Runs typed code on `regs`. Each handler ends in its own indirect jump to
// the next instruction's handler (threaded dispatch with GNU C's labels as
// values) where the compiler has them: one shared `switch` jump predicts
// worse. Other compilers get the switch.
#if defined(__GNUC__)
#define PG_THREADED_DISPATCH 1
#else
#define PG_THREADED_DISPATCH 0
#endif

// compare_values without a branch on the operator: every relation is
// computed and the operator picks its bit. One compare instruction serves
// several comparisons of a loop (`n != 1`, `n % 2 == 0`), so a jump table on
// the operator would be an indirect branch mispredicted as they alternate.
template <class T>
inline bool compare_without_branch(uint8_t op, T a, T b) {
  static_assert(static_cast<int>(CompareOp::Eq) == 0 && static_cast<int>(CompareOp::Ne) == 1 &&
                static_cast<int>(CompareOp::Lt) == 2 && static_cast<int>(CompareOp::Le) == 3 &&
                static_cast<int>(CompareOp::Gt) == 4 && static_cast<int>(CompareOp::Ge) == 5);
  const unsigned eq = a == b, lt = a<b, gt = a> b;  // all false for NaN
  const unsigned bits = eq | (eq ^ 1U) << 1 | lt << 2 | (lt | eq) << 3 | gt << 4 | (gt | eq) << 5;
  return ((bits >> op) & 1U) != 0;
}

void run_typed_code(const TypedScalarCode& typed, Reg* regs, int64_t& iterations,
                    const ExecutionLimits& limits, const Node*& failed) {
  const TInstr* const base = typed.code.data();
  const TInstr* pc = base;  // the instruction to run next
  const TInstr* in = pc;    // the instruction running
#if PG_THREADED_DISPATCH
  static const void* const kHandlers[] = {
      &&op_Mov,        &&op_AddI,     &&op_SubI,     &&op_MulI,   &&op_FloorDivI, &&op_ModI,
      &&op_DivI,       &&op_AddF,     &&op_SubF,     &&op_MulF,   &&op_DivF,      &&op_CmpI,
      &&op_CmpF,       &&op_CmpJumpI, &&op_CmpJumpF, &&op_Binary, &&op_Compare,   &&op_JumpIfFalse,
      &&op_JumpIfTrue, &&op_Jump,     &&op_Count,    &&op_End};
  static_assert(std::size(kHandlers) == static_cast<size_t>(TOp::End) + 1);
#define PG_CASE(name) op_##name
#define PG_NEXT() goto* kHandlers[static_cast<size_t>((in = pc++)->op)]
#else
#define PG_CASE(name) case TOp::name
#define PG_NEXT() continue
#endif
#define PG_A regs[in->a]
#define PG_B regs[in->b]
#define PG_D regs[in->dst]
#define PG_JUMP() pc = base + in->target
#define PG_TAKE()                                             \
  do {                                                        \
    if (in->counts) count_loop_iteration(iterations, limits); \
    PG_JUMP();                                                \
  } while (false)
  try {
#if PG_THREADED_DISPATCH
    PG_NEXT();
#else
    for (;;) {
      switch ((in = pc++)->op) {
#endif
    PG_CASE(Mov) : PG_D = PG_A;
    PG_NEXT();
    PG_CASE(AddI) : {
      int64_t r;  // Note: dst may be an operand, which the slow path reads
      if (__builtin_add_overflow(PG_A.i, PG_B.i, &r)) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.i = r;
      }
    }
    PG_NEXT();
    PG_CASE(SubI) : {
      int64_t r;
      if (__builtin_sub_overflow(PG_A.i, PG_B.i, &r)) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.i = r;
      }
    }
    PG_NEXT();
    PG_CASE(MulI) : {
      int64_t r;
      if (__builtin_mul_overflow(PG_A.i, PG_B.i, &r)) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.i = r;
      }
    }
    PG_NEXT();
    PG_CASE(FloorDivI) : {
      const int64_t a = PG_A.i, b = PG_B.i;
      if (b == 0 || (b == -1 && a == INT64_MIN)) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.i = int_floor_div(a, b);
      }
    }
    PG_NEXT();
    PG_CASE(ModI) : {
      const int64_t a = PG_A.i, b = PG_B.i;
      if (b == 0) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.i = int_mod(a, b);
      }
    }
    PG_NEXT();
    PG_CASE(DivI) : {
      const int64_t a = PG_A.i, b = PG_B.i;
      if (b == 0 || a <= -kExactInDouble || a >= kExactInDouble || b <= -kExactInDouble ||
          b >= kExactInDouble) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.f = static_cast<double>(a) / static_cast<double>(b);
      }
    }
    PG_NEXT();
    PG_CASE(AddF) : PG_D.f = PG_A.f + PG_B.f;
    PG_NEXT();
    PG_CASE(SubF) : PG_D.f = PG_A.f - PG_B.f;
    PG_NEXT();
    PG_CASE(MulF) : PG_D.f = PG_A.f * PG_B.f;
    PG_NEXT();
    PG_CASE(DivF) : {
      if (PG_B.f == 0.0) {
        PG_D = slow_binary(*in, regs);
      } else {
        PG_D.f = PG_A.f / PG_B.f;
      }
    }
    PG_NEXT();
    PG_CASE(CmpI) : PG_D.i = compare_without_branch(in->code, PG_A.i, PG_B.i);
    PG_NEXT();
    PG_CASE(CmpF) : PG_D.i = compare_without_branch(in->code, PG_A.f, PG_B.f);
    PG_NEXT();
    PG_CASE(CmpJumpI) : if (compare_without_branch(in->code, PG_A.i, PG_B.i) == in->when) PG_TAKE();
    PG_NEXT();
    PG_CASE(CmpJumpF) : if (compare_without_branch(in->code, PG_A.f, PG_B.f) == in->when) PG_TAKE();
    PG_NEXT();
    PG_CASE(Binary) : PG_D = slow_binary(*in, regs);
    PG_NEXT();
    PG_CASE(Compare) : PG_D.i = slow_compare(*in, regs);
    PG_NEXT();
    PG_CASE(JumpIfFalse) : if (!truth(PG_A, in->ka)) PG_TAKE();
    PG_NEXT();
    PG_CASE(JumpIfTrue) : if (truth(PG_A, in->ka)) PG_TAKE();
    PG_NEXT();
    PG_CASE(Jump) : PG_TAKE();
    PG_NEXT();
    PG_CASE(Count) : count_loop_iteration(iterations, limits);
    PG_NEXT();
    PG_CASE(End) : return;
#if !PG_THREADED_DISPATCH
  }
}
#endif
}
catch (const RuntimeError&) {
  failed = in->node;
  throw;
}
#undef PG_CASE
#undef PG_NEXT
#undef PG_A
#undef PG_B
#undef PG_D
#undef PG_JUMP
#undef PG_TAKE
}

}  // namespace

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
  run_typed_code(*code, regs.data(), iterations, limits, failed);
  for (uint32_t k = loop_.outputs_begin; k < loop_.outputs_end; ++k) {
    const uint32_t reg = code->output_regs[k - loop_.outputs_begin];
    slots[parent_.outputs[k]] = box(regs[reg], code->reg_kinds[reg]);
  }
  return true;
}

}  // namespace pygraft::rt
