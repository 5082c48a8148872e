// runtime/scalar_loop.h: analysis of a loop's instructions, code generation
// per kind signature, and the register machine that runs the code.
#include "runtime/scalar_loop.h"

#include <algorithm>
#include <array>
#include <bit>
#include <iostream>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "graph/fused_elementwise.h"
#include "graph/index_layout.h"
#include "runtime/fused_plan.h"
#include "runtime/interpreter_plan.h"
#include "runtime/kernel.h"
#include "runtime/kernels_into.h"
#include "runtime/pyscalar.h"
#include "runtime/reduce_fold.h"
#include "runtime/runtime_error.h"
#include "runtime/scalar_code_optimize.h"
#include "runtime/scalar_fast_path.h"

namespace pygraft::rt {

namespace {

using Kind = ScalarKind;
using Reg = ScalarReg;

// What the typed code knows of an array register: its dtype and rank, fixed
// by the signature (a live-in) or by the op that made it.
struct ArrayInfo {
  DType dtype = DType::Float64;
  int rank = 0;
  friend bool operator==(const ArrayInfo&, const ArrayInfo&) = default;
};

// A live-in's entry in a signature: its Kind, or for an array kArrayEntry |
// dtype << 3 | rank. Arrays of rank above 7 are not typed.
constexpr uint8_t kArrayEntry = 0x80;

std::optional<uint8_t> signature_entry(const Value& v) {
  if (v.is<bool>()) return static_cast<uint8_t>(Kind::Bool);
  if (v.is<int64_t>()) return static_cast<uint8_t>(Kind::Int);
  if (v.is<double>()) return static_cast<uint8_t>(Kind::Float);
  if (v.is_none()) return static_cast<uint8_t>(Kind::None);
  if (!v.is<Tensor>()) return std::nullopt;
  const Tensor& t = v.as<Tensor>();
  if (t.rank() == 0 && t.dtype() == DType::Float64) return static_cast<uint8_t>(Kind::NpFloat);
  if (t.rank() == 0 && t.dtype() == DType::Bool) return static_cast<uint8_t>(Kind::NpBool);
  // Note: narrow dtypes compute widened (runtime/narrow_dtypes.h), which the
  // typed code does not do: such loops run generically.
  if (t.rank() > 7 || is_narrow(t.dtype())) return std::nullopt;
  return static_cast<uint8_t>(kArrayEntry | static_cast<uint8_t>(t.dtype()) << 3 | t.rank());
}

Kind entry_kind(uint8_t entry) {
  return (entry & kArrayEntry) != 0 ? Kind::Array : static_cast<Kind>(entry);
}

ArrayInfo entry_array(uint8_t entry) {
  if ((entry & kArrayEntry) == 0) return {};
  return {static_cast<DType>((entry >> 3) & 0xF), entry & 7};
}

// A scalar register as the Value the generic executor would hold (arrays
// are boxed from the array file by the caller).
Value box(Reg r, Kind k) {
  switch (k) {
    case Kind::Bool:
      return Value(r.i != 0);
    case Kind::Int:
      return Value(r.i);
    case Kind::None:
    case Kind::Array:
      return Value();
    case Kind::NpFloat:
      return Value(Tensor::scalar(DType::Float64, r.f));
    case Kind::NpBool:
      return Value(Tensor::scalar(DType::Bool, r.i != 0));
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
  } else if (v.is<double>()) {
    r.f = v.as<double>();
  } else if (v.is<Tensor>() && v.as<Tensor>().rank() == 0) {
    const Tensor& t = v.as<Tensor>();
    if (t.dtype() == DType::Float64) {
      r.f = *t.data<double>();
    } else if (t.dtype() == DType::Bool) {
      r.i = *t.data<bool>() ? 1 : 0;
    }
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
  return is_float_kind(k) ? r.f != 0.0 : r.i != 0;
}

// Kinds whose truth is Python's bool() of the value (arrays' is an error
// for more than one element, None's is the generic executor's business).
bool has_truth(Kind k) {
  return k != Kind::None && k != Kind::Array;
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

// A fused chain of + - * / // % and negation only (exp, tanh and
// ufunc_operand make arrays of Python scalars).
bool arithmetic_only(const Node& node) {
  const std::optional<FusedProgram> program = read_fused_program(node);
  // Note: emit_fused gives the last step's value, the one output, and
  // reports every error at the node: merged nodes (segments) stay generic.
  if (!program || program->num_outputs != 1 || program->outputs[0] + 1 != program->size ||
      program->num_segments > 0) {
    return false;
  }
  for (int k = 0; k < program->size; ++k) {
    const FusedStep& step = program->steps[static_cast<size_t>(k)];
    const bool binary = step.num_operands == 2 && binary_op(step.op);
    const bool negation = step.num_operands == 1 && step.op == OpCode::Neg;
    if (!binary && !negation) return false;
  }
  return true;
}

// A fused chain whose one output is its last step's array (no reduction),
// on at most four inputs: the Fused instruction's form on arrays.
bool array_program(const Node& node, uint32_t inputs) {
  const std::optional<FusedProgram> program = read_fused_program(node);
  return program && inputs <= 4 && program->num_outputs == 1 &&
         program->outputs[0] + 1 == program->size &&
         !is_fused_reduction(program->steps[program->outputs[0]].op);
}

// i as an index of an axis of n elements, Python's way (negative counts
// from the end); false when out of range.
inline bool wrap_index(int64_t& i, int64_t n) {
  if (i < 0) i += n;
  return i >= 0 && i < n;
}

// A bound of a slice with step 1 over n elements, as slice.indices(n)
// makes it: negative counts from the end, then clamped to [0, n].
inline int64_t slice_bound(int64_t i, int64_t n) {
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  return std::min(i, n);
}

// A subscript of `count` integer-valued operands: x[i] (1), x[i, j] (2).
bool value_index(const Node& node, size_t count) {
  const Literal* layout = node.attr("index");
  if (layout == nullptr || !layout->is<LiteralTuple>()) return false;
  const LiteralTuple& items = layout->as<LiteralTuple>();
  if (items.size() != count) return false;
  for (const Literal& item : items) {
    if (!item.is<int64_t>() || item.as<int64_t>() != index_layout::kValue) return false;
  }
  return true;
}
bool single_index(const Node& node) {
  return value_index(node, 1);
}

// np.sum(a) with every other argument at its default (axis=None,
// dtype=None, keepdims=False): constants of the function.
bool plain_sum(const CompiledFunction& fn, const CompiledRegion& r, const Instr& in) {
  if (in.inputs_end - in.inputs_begin != 4) return false;
  auto constant = [&](uint32_t k) -> const Value* {
    const Slot s = r.operands[in.inputs_begin + k].slot;
    return fn.is_constant[s] ? &fn.template_frame[s] : nullptr;
  };
  const Value* axis = constant(1);
  const Value* dtype = constant(2);
  const Value* keepdims = constant(3);
  return axis != nullptr && axis->is_none() && dtype != nullptr && dtype->is_none() &&
         keepdims != nullptr && keepdims->is<bool>() && !keepdims->as<bool>();
}

// np.argmax(a) with axis=None and keepdims=False (constants).
bool plain_argmax(const CompiledFunction& fn, const CompiledRegion& r, const Instr& in) {
  if (in.inputs_end - in.inputs_begin != 3) return false;
  const Slot axis = r.operands[in.inputs_begin + 1].slot;
  const Slot keepdims = r.operands[in.inputs_begin + 2].slot;
  return fn.is_constant[axis] && fn.template_frame[axis].is_none() && fn.is_constant[keepdims] &&
         fn.template_frame[keepdims].is<bool>() && !fn.template_frame[keepdims].as<bool>();
}

// Calls nested deeper than this stay calls (and leave the loop generic);
// a recursive function is never run inline.
constexpr int kMaxInlineDepth = 4;

// x[a:b], x[a:], x[:b], x[:] with one item: a slice without a step.
bool plain_slice(const Node& node) {
  const Literal* layout = node.attr("index");
  if (layout == nullptr || !layout->is<LiteralTuple>()) return false;
  const LiteralTuple& items = layout->as<LiteralTuple>();
  if (items.size() != 1 || !items[0].is<int64_t>()) return false;
  const int64_t item = items[0].as<int64_t>();
  return index_layout::is_slice(item) &&
         ((item - index_layout::kSlice) & index_layout::kSliceHasStep) == 0;
}

bool analyze_region(std::span<const CompiledFunction> functions, const CompiledFunction& fn,
                    const CompiledRegion& r, int depth, std::unordered_set<uint32_t>& defined,
                    std::vector<uint32_t>& read);

// A call the code can run inline: every argument given (no defaults), one
// result, and a body of typed instructions (its own calls within the depth).
bool inlinable_call(std::span<const CompiledFunction> functions, const Instr& in, int depth) {
  if (depth >= kMaxInlineDepth || in.callee >= functions.size()) return false;
  const CompiledFunction& callee = functions[in.callee];
  if (in.inputs_end - in.inputs_begin != callee.body.args.size() ||
      in.outputs_end - in.outputs_begin != 1 || callee.body.yields.size() != 1) {
    return false;
  }
  // Note: the callee's slots are its own: what it defines and reads stays
  // out of the loop's live-ins.
  std::unordered_set<uint32_t> defined;
  std::vector<uint32_t> read;
  return analyze_region(functions, callee, callee.body, depth + 1, defined, read);
}

// Whether an instruction has a typed form (kinds aside).
bool has_typed_form(std::span<const CompiledFunction> functions, const CompiledFunction& fn,
                    const CompiledRegion& r, const Instr& in, int depth) {
  switch (in.kind) {
    case InstrKind::Cond:
    case InstrKind::Loop:
      return true;
    case InstrKind::Call:
      return inlinable_call(functions, in, depth);
    case InstrKind::Kernel:
      break;
  }
  const OpCode op = in.node->op;
  const uint32_t inputs = in.inputs_end - in.inputs_begin;
  if (in.outputs_end - in.outputs_begin != 1) return false;
  switch (op) {
    case OpCode::FusedElementwise:
      return arithmetic_only(*in.node) || array_program(*in.node, inputs);
    case OpCode::Neg:
    case OpCode::Not:
    case OpCode::ToInt:
    case OpCode::Abs:
    case OpCode::Exp:
    case OpCode::Tanh:
    case OpCode::UfuncOperand:
      return inputs == 1;
    case OpCode::MatMul:
    case OpCode::MatMulTransposedB:
      return inputs == 2;
    case OpCode::ArgMax:
      return plain_argmax(fn, r, in);
    case OpCode::GetItem:
      return (inputs == 2 && single_index(*in.node)) || (inputs == 3 && value_index(*in.node, 2)) ||
             plain_slice(*in.node);
    case OpCode::SetItem:
      return (inputs == 3 && single_index(*in.node)) || (inputs == 4 && value_index(*in.node, 2));
    case OpCode::Sum:
      return plain_sum(fn, r, in);
    case OpCode::ArrayReceiver:
    case OpCode::Shape:
    case OpCode::Size:
    case OpCode::RangeArg:
      return inputs == 1;
    default:
      break;
  }
  if (inputs != 2) return false;
  return binary_op(op) || compare_op(op) || op == OpCode::InPlaceResult;
}

// Every instruction of `r` and its children has a typed form; collects the
// slots the subtree defines and reads. `depth`: calls run inline around it.
bool analyze_region(std::span<const CompiledFunction> functions, const CompiledFunction& fn,
                    const CompiledRegion& r, int depth, std::unordered_set<uint32_t>& defined,
                    std::vector<uint32_t>& read) {
  for (Slot s : r.args) defined.insert(s);
  for (const Instr& in : r.instrs) {
    if (!has_typed_form(functions, fn, r, in, depth)) return false;
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) read.push_back(r.operands[k].slot);
    for (uint32_t k = in.outputs_begin; k < in.outputs_end; ++k) defined.insert(r.outputs[k]);
    const uint32_t children = in.kind == InstrKind::Cond || in.kind == InstrKind::Loop ? 2 : 0;
    for (uint32_t c = 0; c < children; ++c) {
      if (!analyze_region(functions, fn, r.children[in.first_child + c], depth, defined, read)) {
        return false;
      }
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
  CodeBuilder(std::span<const CompiledFunction> functions, const CompiledFunction& fn)
      : functions_(functions), root_(fn, 0, 0) {}

  std::optional<TypedScalarCode> build(const CompiledRegion& parent, const Instr& loop,
                                       const std::vector<uint32_t>& live_ins,
                                       const std::vector<uint8_t>& signature, bool resume) {
    for (size_t i = 0; i < live_ins.size(); ++i) {
      out_.live_in_regs.push_back(
          define(live_ins[i], entry_kind(signature[i]), entry_array(signature[i])));
    }
    for (uint32_t c = 0; c < 2; ++c) collect_array_reads(parent.children[loop.first_child + c]);
    if (!emit_loop(parent, loop, resume)) return std::nullopt;
    for (uint32_t k = loop.outputs_begin; k < loop.outputs_end; ++k) {
      out_.output_regs.push_back(scope_->reg_of.at(parent.outputs[k]));
    }
    emit({.op = TOp::End});
    out_.has_arrays = std::find(out_.reg_kinds.begin(), out_.reg_kinds.end(), Kind::Array) !=
                      out_.reg_kinds.end();
    optimize_scalar_code(out_);
    assign_handlers(out_);
    return std::move(out_);
  }

 private:
  uint32_t define(uint32_t slot, Kind kind, ArrayInfo array = {}) {
    auto [it, inserted] =
        scope_->reg_of.try_emplace(slot, static_cast<uint32_t>(out_.reg_kinds.size()));
    if (inserted) {
      out_.reg_kinds.push_back(kind);
      arrays_.push_back(array);
    } else if (out_.reg_kinds[it->second] != kind ||
               (kind == Kind::Array && arrays_[it->second] != array)) {
      ok_ = false;  // a value that changes kind (int carried, float yielded)
    }
    return it->second;
  }
  uint32_t temp(Kind kind) {
    out_.reg_kinds.push_back(kind);
    arrays_.emplace_back();
    return static_cast<uint32_t>(out_.reg_kinds.size() - 1);
  }
  // Defines `slot` as a copy of register `like`'s kind (and array info).
  uint32_t define_like(uint32_t slot, uint32_t like) {
    return define(slot, kind(like), arrays_[like]);
  }
  std::optional<uint32_t> use(uint32_t slot) {
    auto it = scope_->reg_of.find(slot);
    if (it != scope_->reg_of.end()) return it->second;
    if (scope_ != &root_ && fn().is_constant[slot]) return constant(slot);
    return std::nullopt;
  }
  // A constant of a function run inline, in a register set on entry (the
  // loop's own function's constants are live-ins).
  std::optional<uint32_t> constant(uint32_t slot) {
    const Value& value = fn().template_frame[slot];
    const std::optional<uint8_t> entry = signature_entry(value);
    if (!entry || entry_kind(*entry) == Kind::Array) return std::nullopt;
    const uint32_t reg = define(slot, entry_kind(*entry));
    out_.constants.emplace_back(reg, unbox(value));
    return reg;
  }
  Kind kind(uint32_t reg) const { return out_.reg_kinds[reg]; }
  // Whether `reg` is an array of `dtype` and `rank`.
  bool is_array(uint32_t reg, DType dtype, int rank) const {
    return kind(reg) == Kind::Array && arrays_[reg] == ArrayInfo{dtype, rank};
  }
  size_t emit(TInstr in) {
    in.frame = scope_->frame;
    out_.code.push_back(in);
    return out_.code.size() - 1;
  }
  void patch(size_t jump) { out_.code[jump].target = static_cast<uint32_t>(out_.code.size()); }
  void move(uint32_t dst, uint32_t src) {
    if (dst == src) return;
    const TOp op = kind(src) == Kind::Array ? TOp::MovArray : TOp::Mov;
    emit({.op = op, .ka = kind(src), .kd = kind(src), .dst = dst, .a = src});
  }
  // Marks the code untyped; returns a register number nobody reads.
  uint32_t fail() {
    ok_ = false;
    return 0;
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
          done = emit_call(r, in);
          break;
      }
      if (!done || !ok_) return false;
    }
    return true;
  }

  // A call run inline: the callee's body in a scope of its own, its
  // parameters bound to the argument registers, its result moved to the
  // call's. Its instructions' frame names the call for error messages.
  bool emit_call(const CompiledRegion& r, const Instr& in) {
    const CompiledFunction& callee = functions_[in.callee];
    if (out_.frames.size() >= UINT16_MAX) return false;
    std::vector<uint32_t> args;
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) {
      const auto reg = use(r.operands[k].slot);
      if (!reg) return false;
      args.push_back(*reg);
    }
    out_.frames.push_back({.function = &callee, .call = in.node, .caller = scope_->frame});
    Scope inner(callee, static_cast<uint16_t>(out_.frames.size() - 1), scope_->depth + 1);
    out_.inline_depth = std::max(out_.inline_depth, inner.depth);
    for (size_t i = 0; i < args.size(); ++i) inner.reg_of[callee.body.args[i]] = args[i];
    Scope* const outer = scope_;
    scope_ = &inner;
    collect_array_reads(callee.body);
    std::optional<uint32_t> result;
    if (emit_region(callee.body)) result = use(callee.body.yields[0].slot);
    scope_ = outer;
    if (!result || !ok_) return false;
    move(define_like(r.outputs[in.outputs_begin], *result), *result);
    return ok_;
  }

  bool emit_kernel(const CompiledRegion& r, const Instr& in) {
    const uint32_t out_slot = r.outputs[in.outputs_begin];
    std::vector<std::optional<uint32_t>> operands;
    switch (in.node->op) {
      case OpCode::FusedElementwise:
        return emit_fused(r, in, out_slot);
      case OpCode::ArgMax:
        return emit_argmax(r, in, out_slot);
      case OpCode::ToInt:
        return emit_to_int(r, in, out_slot);
      case OpCode::Sum:
        return emit_sum(r.operands[in.inputs_begin].slot, out_slot, in.node);
      case OpCode::GetItem:
        if (scope_->shapes.count(r.operands[in.inputs_begin].slot) != 0)
          return emit_dim(r, in, out_slot);
        if (plain_slice(*in.node)) return emit_slice(r, in, out_slot);
        break;
      default:
        break;
    }
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) {
      operands.push_back(use(r.operands[k].slot));
      if (!operands.back()) return false;
    }
    const bool on_array =
        std::any_of(operands.begin(), operands.end(),
                    [&](const std::optional<uint32_t>& reg) { return kind(*reg) == Kind::Array; });
    if (on_array && in.node->op == OpCode::UfuncOperand) {  // an array passes through
      move(define_like(out_slot, *operands[0]), *operands[0]);
      return true;
    }
    if (on_array && fused_step_arity(in.node->op) > 0) {
      std::vector<uint32_t> regs;
      for (const auto& reg : operands) regs.push_back(*reg);
      return emit_array_op(in.node->op, regs, out_slot, in.node);
    }
    switch (in.node->op) {
      case OpCode::Abs:
      case OpCode::Exp:
      case OpCode::Tanh:
      case OpCode::UfuncOperand:
        return false;              // of a Python number: a NumPy scalar
      case OpCode::InPlaceResult:  // `x op= v` on a scalar rebinds x to v
        // Note: on an array it writes into x, casting and checking the
        // shape: the kernel's business.
        if (kind(*operands[0]) == Kind::Array) return false;
        move(define_like(out_slot, *operands[1]), *operands[1]);
        return true;
      case OpCode::Neg:
        return emit_negative(*operands[0], &out_slot, in.node);
      case OpCode::Not:
        return emit_not(*operands[0], out_slot, in.node);
      case OpCode::MatMul:
      case OpCode::MatMulTransposedB:
        return emit_matmul(*operands[0], *operands[1], in.node->op == OpCode::MatMulTransposedB,
                           out_slot, in.node);
      case OpCode::GetItem:
        if (operands.size() == 3) {
          return emit_element2(*operands[0], *operands[1], *operands[2], out_slot, in.node);
        }
        return emit_getitem(*operands[0], *operands[1], out_slot, in.node);
      case OpCode::SetItem:
        if (operands.size() == 4) {
          return emit_setitem2(*operands[0], *operands[1], *operands[2], *operands[3], out_slot,
                               in.node);
        }
        return emit_setitem(*operands[0], *operands[1], *operands[2], out_slot, in.node);
      case OpCode::ArrayReceiver:  // x.attr of an array: x itself
        if (kind(*operands[0]) != Kind::Array) return false;
        move(define_like(out_slot, *operands[0]), *operands[0]);
        return true;
      case OpCode::Shape:
        if (kind(*operands[0]) != Kind::Array) return false;
        scope_->shapes[out_slot] = *operands[0];
        return true;
      case OpCode::Size:
        if (kind(*operands[0]) != Kind::Array) return false;
        emit({.op = TOp::Size,
              .ka = Kind::Array,
              .kd = Kind::Int,
              .dst = define(out_slot, Kind::Int),
              .a = *operands[0],
              .node = in.node});
        return true;
      case OpCode::RangeArg:  // operator.index of an int or a bool
        if (kind(*operands[0]) != Kind::Int && kind(*operands[0]) != Kind::Bool) return false;
        emit({.op = TOp::Mov,
              .ka = kind(*operands[0]),
              .kd = Kind::Int,
              .dst = define(out_slot, Kind::Int),
              .a = *operands[0]});
        return true;
      default:
        break;
    }
    if (emit_by_power_of_two(in.node->op, *operands[0], r.operands[in.inputs_begin + 1].slot,
                             out_slot, in.node)) {
      return true;
    }
    emit_binary(in.node->op, *operands[0], *operands[1], &out_slot, in.node);
    return ok_;
  }

  // `a // 2**k` and `a % 2**k` of an int by a constant power of two: a
  // shift and a mask, which give Python's floor and sign rules in two's
  // complement, in place of a division (`n % 2`, `n // 2`, `i % 4`).
  bool emit_by_power_of_two(OpCode op, uint32_t a, Slot divisor, uint32_t out_slot,
                            const Node* node) {
    if ((op != OpCode::FloorDiv && op != OpCode::Mod) || kind(a) != Kind::Int) return false;
    if (!fn().is_constant[divisor] || !fn().template_frame[divisor].is<int64_t>()) return false;
    const int64_t d = fn().template_frame[divisor].as<int64_t>();
    if (d <= 0 || (d & (d - 1)) != 0) return false;
    emit({.op = op == OpCode::FloorDiv ? TOp::ShrI : TOp::AndI,
          .code = static_cast<uint8_t>(std::countr_zero(static_cast<uint64_t>(d))),
          .ka = Kind::Int,
          .kd = Kind::Int,
          .dst = define(out_slot, Kind::Int),
          .a = a,
          .node = node});
    return true;
  }

  // The slots something other than np.sum reads (an instruction's operand
  // or a yield): a row x[i] read so is made a view; one np.sum alone reads
  // is summed where it lies.
  void collect_array_reads(const CompiledRegion& r) {
    for (const Instr& in : r.instrs) {
      const bool sum = in.kind == InstrKind::Kernel && in.node->op == OpCode::Sum;
      for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) {
        if (!(sum && k == in.inputs_begin)) scope_->read_whole.insert(r.operands[k].slot);
      }
      if (in.kind == InstrKind::Cond || in.kind == InstrKind::Loop) {
        for (uint32_t c = 0; c < 2; ++c) collect_array_reads(r.children[in.first_child + c]);
      }
    }
    for (const Operand& y : r.yields) scope_->read_whole.insert(y.slot);
  }

  // The register of a typed array instruction's operand: an array of a
  // float dtype, or a Python bool, int or float.
  static bool array_operand_kind(Kind k) {
    return k == Kind::Array || k == Kind::Int || k == Kind::Float || k == Kind::Bool;
  }

  // a @ b (a @ b.T) of float arrays of one dtype, each a vector or a matrix
  // (b a matrix when transposed), the result at least a vector.
  bool emit_matmul(uint32_t a, uint32_t b, bool transposed, uint32_t out_slot, const Node* node) {
    if (kind(a) != Kind::Array || kind(b) != Kind::Array) return false;
    const ArrayInfo x = arrays_[a], y = arrays_[b];
    if (x.dtype != y.dtype || !is_float(x.dtype) || x.rank < 1 || x.rank > 2 || y.rank < 1 ||
        y.rank > 2 || (transposed && y.rank != 2)) {
      return false;
    }
    const int rank = transposed ? x.rank : (x.rank == 2) + (y.rank == 2);
    if (rank == 0) return false;  // a NumPy scalar
    emit({.op = TOp::MatMul,
          .code = static_cast<uint8_t>(transposed),
          .ka = Kind::Array,
          .kb = Kind::Array,
          .kd = Kind::Array,
          .dst = define(out_slot, Kind::Array, ArrayInfo{x.dtype, rank}),
          .a = a,
          .b = b,
          .node = node});
    return true;
  }

  // A fused chain on arrays of one float dtype and Python numbers: one
  // instruction running the node's plan.
  bool emit_array_fused(const Instr& in, const std::vector<uint32_t>& operands, uint32_t out_slot) {
    if (in.fused_plan == nullptr) return false;
    return emit_fused_plan(in.fused_plan, operands, out_slot, in.node);
  }

  // One elementwise op (+ - * /, negation, abs, exp, tanh) on a float array
  // and an array of its dtype or a Python number: the Fused instruction
  // with a program of that one step.
  bool emit_array_op(OpCode op, const std::vector<uint32_t>& operands, uint32_t out_slot,
                     const Node* node) {
    if (fused_step_arity(op) != static_cast<int>(operands.size()) || is_fused_reduction(op) ||
        op == OpCode::UfuncOperand) {
      return false;
    }
    FusedProgram program;
    program.steps[0] = {op, static_cast<int>(operands.size()), {0, 1}};
    program.size = 1;
    program.outputs[0] = 0;
    program.num_outputs = 1;
    auto plan = std::make_shared<const FusedPlan>(make_fused_plan(program, operands.size()));
    out_.own_plans.push_back(plan);
    return emit_fused_plan(plan.get(), operands, out_slot, node);
  }

  bool emit_fused_plan(const FusedPlan* plan, const std::vector<uint32_t>& operands,
                       uint32_t out_slot, const Node* node) {
    std::optional<DType> dtype;
    int rank = 0;
    for (uint32_t reg : operands) {
      if (!array_operand_kind(kind(reg))) return false;
      if (kind(reg) != Kind::Array) continue;
      const ArrayInfo info = arrays_[reg];
      if (!is_float(info.dtype) || (dtype && *dtype != info.dtype)) return false;
      dtype = info.dtype;
      rank = std::max(rank, info.rank);
    }
    if (!dtype || operands.empty() || operands.size() > 4) return false;
    const uint32_t count = static_cast<uint32_t>(operands.size());
    auto reg = [&](uint32_t k) { return operands[k < count ? k : 0]; };
    out_.fused_plans.push_back(plan);
    emit({.op = TOp::Fused,
          .code = static_cast<uint8_t>(count),
          .ka = kind(reg(0)),
          .kb = kind(reg(1)),
          .kc = kind(reg(2)),
          .kd = Kind::Array,
          .ke = kind(reg(3)),
          .dst = define(out_slot, Kind::Array, ArrayInfo{*dtype, rank}),
          .a = reg(0),
          .b = reg(1),
          .c = reg(2),
          .e = reg(3),
          .aux = static_cast<uint32_t>(out_.fused_plans.size() - 1),
          .node = node});
    return true;
  }

  // int(np.argmax(x)) of a float array: argmax records x (scope_->argmaxes), int()
  // emits the instruction; any other use of the NumPy int leaves the loop
  // generic.
  bool emit_argmax(const CompiledRegion& r, const Instr& in, uint32_t out_slot) {
    const auto x = use(r.operands[in.inputs_begin].slot);
    if (!x || kind(*x) != Kind::Array || !is_float(arrays_[*x].dtype)) return false;
    scope_->argmaxes[out_slot] = {*x, in.node};
    return true;
  }
  bool emit_to_int(const CompiledRegion& r, const Instr& in, uint32_t out_slot) {
    auto it = scope_->argmaxes.find(r.operands[in.inputs_begin].slot);
    if (it == scope_->argmaxes.end()) return false;
    emit({.op = TOp::ArgMax,
          .ka = Kind::Array,
          .kd = Kind::Int,
          .dst = define(out_slot, Kind::Int),
          .a = it->second.first,
          .node = it->second.second});
    return true;
  }

  // not a of a value with a truth value.
  bool emit_not(uint32_t a, uint32_t out_slot, const Node* node) {
    if (!has_truth(kind(a))) return false;
    emit({.op = TOp::Not,
          .ka = kind(a),
          .kd = Kind::Bool,
          .dst = define(out_slot, Kind::Bool),
          .a = a,
          .node = node});
    return true;
  }

  // -a of an int or float into the register of *out_slot, or of a new
  // temporary without one (last_dst_). -True is an int: generic.
  bool emit_negative(uint32_t a, const uint32_t* out_slot, const Node* node) {
    const Kind k = kind(a);
    if (k != Kind::Int && !is_float_kind(k)) return false;
    const TOp op = k == Kind::Int ? TOp::NegI : TOp::NegF;
    last_dst_ = out_slot != nullptr ? define(*out_slot, k) : temp(k);
    emit({.op = op, .ka = k, .kd = k, .dst = last_dst_, .a = a, .node = node});
    return true;
  }

  // x[i] of a float64 array: an element of a vector is a NumPy float64; a
  // row of a matrix is only typed as np.sum's operand (scope_->rows), its index
  // checked here, where the generic executor would check it.
  bool emit_getitem(uint32_t x, uint32_t i, uint32_t out_slot, const Node* node) {
    if (kind(i) != Kind::Int) return false;
    if (is_array(x, DType::Float64, 1)) {
      emit({.op = TOp::LoadF64,
            .ka = Kind::Array,
            .kb = Kind::Int,
            .kd = Kind::NpFloat,
            .dst = define(out_slot, Kind::NpFloat),
            .a = x,
            .b = i,
            .node = node});
      return true;
    }
    if (kind(x) != Kind::Array || arrays_[x].rank != 2 || !is_float(arrays_[x].dtype)) {
      return false;
    }
    const uint32_t row = temp(Kind::Int);
    emit({.op = TOp::RowIndex,
          .ka = Kind::Array,
          .kb = Kind::Int,
          .dst = row,
          .a = x,
          .b = i,
          .node = node});
    if (arrays_[x].dtype == DType::Float64) scope_->rows[out_slot] = {x, row};
    if (scope_->read_whole.count(out_slot) != 0) {
      emit({.op = TOp::RowView,
            .ka = Kind::Array,
            .kb = Kind::Int,
            .kd = Kind::Array,
            .dst = define(out_slot, Kind::Array, ArrayInfo{arrays_[x].dtype, 1}),
            .a = x,
            .b = row,
            .node = node});
    }
    return true;
  }

  // x[a:b], x[a:], x[:b] or x[:] of a float vector, a and b ints: a view.
  bool emit_slice(const CompiledRegion& r, const Instr& in, uint32_t out_slot) {
    const int64_t mask =
        in.node->attr("index")->as<LiteralTuple>()[0].as<int64_t>() - index_layout::kSlice;
    std::vector<uint32_t> regs;
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) {
      const auto reg = use(r.operands[k].slot);
      if (!reg) return false;
      regs.push_back(*reg);
    }
    const uint32_t x = regs[0];
    if (kind(x) != Kind::Array || arrays_[x].rank != 1 || !is_float(arrays_[x].dtype)) {
      return false;
    }
    size_t next = 1;
    uint32_t start = x, stop = x;
    if ((mask & index_layout::kSliceHasStart) != 0) start = regs[next++];
    if ((mask & index_layout::kSliceHasStop) != 0) stop = regs[next++];
    if ((start != x && kind(start) != Kind::Int) || (stop != x && kind(stop) != Kind::Int)) {
      return false;
    }
    emit({.op = TOp::SliceView,
          .code = static_cast<uint8_t>(mask & 3),
          .ka = Kind::Array,
          .kb = kind(start),
          .kc = kind(stop),
          .kd = Kind::Array,
          .dst = define(out_slot, Kind::Array, ArrayInfo{arrays_[x].dtype, 1}),
          .a = x,
          .b = start,
          .c = stop,
          .node = in.node});
    return true;
  }

  // x.shape[k] with k a constant within x's rank (known from the signature).
  bool emit_dim(const CompiledRegion& r, const Instr& in, uint32_t out_slot) {
    const uint32_t x = scope_->shapes.at(r.operands[in.inputs_begin].slot);
    const Slot index = r.operands[in.inputs_begin + 1].slot;
    if (!fn().is_constant[index] || !fn().template_frame[index].is<int64_t>()) return false;
    int64_t axis = fn().template_frame[index].as<int64_t>();
    if (!wrap_index(axis, arrays_[x].rank)) return false;  // the generic IndexError
    emit({.op = TOp::Dim,
          .code = static_cast<uint8_t>(axis),
          .ka = Kind::Array,
          .kd = Kind::Int,
          .dst = define(out_slot, Kind::Int),
          .a = x,
          .node = in.node});
    return true;
  }

  // x[i, j] = v of a float64 matrix and a number.
  bool emit_setitem2(uint32_t x, uint32_t v, uint32_t i, uint32_t j, uint32_t out_slot,
                     const Node* node) {
    const Kind kv = kind(v);
    if (!is_array(x, DType::Float64, 2) || kind(i) != Kind::Int || kind(j) != Kind::Int ||
        kv == Kind::None || kv == Kind::Array) {
      return false;
    }
    emit({.op = TOp::StoreF64x2,
          .ka = Kind::Array,
          .kb = Kind::Int,
          .kc = Kind::Int,
          .kd = Kind::Array,
          .ke = kv,
          .dst = define_like(out_slot, x),
          .a = x,
          .b = i,
          .c = j,
          .e = v,
          .node = node});
    return true;
  }

  // x[i, j] of a float64 matrix: a NumPy float64.
  bool emit_element2(uint32_t x, uint32_t i, uint32_t j, uint32_t out_slot, const Node* node) {
    if (!is_array(x, DType::Float64, 2) || kind(i) != Kind::Int || kind(j) != Kind::Int) {
      return false;
    }
    emit({.op = TOp::LoadF64x2,
          .ka = Kind::Array,
          .kb = Kind::Int,
          .kc = Kind::Int,
          .kd = Kind::NpFloat,
          .dst = define(out_slot, Kind::NpFloat),
          .a = x,
          .b = i,
          .c = j,
          .node = node});
    return true;
  }

  bool emit_sum(uint32_t operand_slot, uint32_t out_slot, const Node* node) {
    TInstr t{.ka = Kind::Array, .kd = Kind::NpFloat, .node = node};
    if (auto row = scope_->rows.find(operand_slot); row != scope_->rows.end()) {
      t.op = TOp::SumRowF64;
      t.a = row->second.first;
      t.b = row->second.second;
      t.kb = Kind::Int;
    } else {
      const auto a = use(operand_slot);
      if (!a || !is_array(*a, DType::Float64, 1)) return false;
      t.op = TOp::SumF64;
      t.a = *a;
    }
    t.dst = define(out_slot, Kind::NpFloat);
    emit(t);
    return true;
  }

  // x[i] = v of a float64 vector and a number (cast to float64 as NumPy
  // casts it).
  bool emit_setitem(uint32_t x, uint32_t v, uint32_t i, uint32_t out_slot, const Node* node) {
    const Kind kv = kind(v);
    if (!is_array(x, DType::Float64, 1) || kind(i) != Kind::Int ||
        (kv == Kind::None || kv == Kind::Array)) {
      return false;
    }
    emit({.op = TOp::StoreF64,
          .ka = Kind::Array,
          .kb = Kind::Int,
          .kc = kv,
          .kd = Kind::Array,
          .dst = define_like(out_slot, x),
          .a = x,
          .b = i,
          .c = v,
          .node = node});
    return true;
  }

  // A fused chain of arithmetic ops (graph/fused_elementwise.h), step by
  // step; every step reports errors at the fused node.
  bool emit_fused(const CompiledRegion& r, const Instr& in, uint32_t out_slot) {
    const std::optional<FusedProgram> program = read_fused_program(*in.node);
    if (!program) return false;
    std::vector<uint32_t> values;  // registers of the inputs, then of the steps
    bool any_array = false;
    for (uint32_t k = in.inputs_begin; k < in.inputs_end; ++k) {
      const auto reg = use(r.operands[k].slot);
      if (!reg) return false;
      values.push_back(*reg);
      any_array |= kind(*reg) == Kind::Array;
    }
    if (any_array) return emit_array_fused(in, values, out_slot);
    if (!arithmetic_only(*in.node)) return false;
    for (int k = 0; k < program->size; ++k) {
      const FusedStep& step = program->steps[static_cast<size_t>(k)];
      const bool last = k + 1 == program->size;
      const uint32_t* dst = last ? &out_slot : nullptr;
      if (step.num_operands == 1) {
        if (!emit_negative(values[step.operands[0]], dst, in.node)) return false;
        values.push_back(last_dst_);
        continue;
      }
      values.push_back(
          emit_binary(step.op, values[step.operands[0]], values[step.operands[1]], dst, in.node));
      if (!ok_) return false;
    }
    return true;
  }

  // Emits `a op b` (an arithmetic operator or a comparison) into the
  // register of *out_slot, or of a new temporary without one; returns it.
  uint32_t emit_binary(OpCode op, uint32_t a, uint32_t b, const uint32_t* out_slot,
                       const Node* node) {
    const bool numpy = kind(a) == Kind::NpFloat || kind(b) == Kind::NpFloat;
    if (numpy && !compare_op(op)) {
      // NumPy's arithmetic converts a Python int or bool operand to float64
      // first (NEP 50), as a C conversion rounds it. Comparisons stay
      // generic: NumPy compares through the rounded value, Python exactly.
      a = as_float(a);
      b = as_float(b);
    }
    const Kind ka = kind(a), kb = kind(b);
    TInstr t{.ka = ka, .kb = kb, .a = a, .b = b, .node = node};
    if (ka == Kind::None || kb == Kind::None || ka == Kind::Array || kb == Kind::Array ||
        ka == Kind::NpBool || kb == Kind::NpBool ||
        (numpy && !(is_float_kind(ka) && is_float_kind(kb)))) {
      return fail();  // the generic executor's business
    }
    if (auto cmp = compare_op(op)) {
      t.code = static_cast<uint8_t>(*cmp);
      t.kd = numpy ? Kind::NpBool : Kind::Bool;
      t.op = ka == Kind::Int && kb == Kind::Int       ? TOp::CmpI
             : is_float_kind(ka) && is_float_kind(kb) ? TOp::CmpF
                                                      : TOp::Compare;
    } else {
      const BinaryOp bop = *binary_op(op);
      t.code = static_cast<uint8_t>(bop);
      if (numpy) {
        // NumPy float64 scalars with floats: IEEE arithmetic, NumPy's
        // scalar; the rest (// % and mixed kinds) stays generic.
        t.kd = Kind::NpFloat;
        t.op = bop == BinaryOp::TrueDiv ? TOp::DivNF : typed_arith(bop, Kind::Float, Kind::Float);
        if (t.op == TOp::Binary) return fail();
      } else {
        const bool any_float = ka == Kind::Float || kb == Kind::Float;
        t.kd = any_float || bop == BinaryOp::TrueDiv ? Kind::Float : Kind::Int;
        t.op = typed_arith(bop, ka, kb);
      }
    }
    t.dst = out_slot != nullptr ? define(*out_slot, t.kd) : temp(t.kd);
    emit(t);
    return t.dst;
  }

  // `reg` as a float register: itself, or an int or bool converted.
  uint32_t as_float(uint32_t reg) {
    if (kind(reg) != Kind::Int && kind(reg) != Kind::Bool) return reg;
    const uint32_t f = temp(Kind::Float);
    emit({.op = TOp::IntToFloat, .ka = kind(reg), .kd = Kind::Float, .dst = f, .a = reg});
    return f;
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
    if (!pred || !has_truth(kind(*pred))) return false;
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
      move(define_like(r.outputs[in.outputs_begin + static_cast<uint32_t>(k)], *y), *y);
    }
    return ok_;
  }

  // `resume`: the loop has run its first iteration; the carried values are
  // live-ins in the body's argument slots, and the code starts at the test.
  bool emit_loop(const CompiledRegion& r, const Instr& in, bool resume = false) {
    const CompiledRegion& cond = r.children[in.first_child];
    const CompiledRegion& body = r.children[in.first_child + 1];
    std::vector<uint32_t> args;
    for (size_t k = 0; k < body.args.size(); ++k) {
      if (resume) {
        const auto carried = use(body.args[k]);
        if (!carried) return false;
        args.push_back(*carried);
        continue;
      }
      const auto init = use(r.operands[in.inputs_begin + static_cast<uint32_t>(k)].slot);
      if (!init) return false;
      args.push_back(define_like(body.args[k], *init));
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
      if (!y || kind(*y) != kind(args[k]) || arrays_[*y] != arrays_[args[k]]) return false;
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
    if (!go || !has_truth(kind(*go))) return false;
    emit({.op = TOp::JumpIfTrue, .ka = kind(*go), .a = *go, .target = body_start});
    for (size_t k = 0; k < args.size(); ++k) {
      move(define_like(r.outputs[in.outputs_begin + static_cast<uint32_t>(k)], args[k]), args[k]);
    }
    return ok_;
  }

  // What the code knows of one function's slots: the loop's function, or
  // one run inline (its slots are its own).
  struct Scope {
    Scope(const CompiledFunction& function, uint16_t frame_index, int inline_depth)
        : fn(&function), frame(frame_index), depth(inline_depth) {}
    const CompiledFunction* fn;
    uint16_t frame;  // into out_.frames
    int depth;       // calls run inline around it
    std::unordered_map<uint32_t, uint32_t> reg_of;
    // Rows x[i] of matrices: slot -> (register of x, register of the checked i).
    std::unordered_map<uint32_t, std::pair<uint32_t, uint32_t>> rows;
    // x.shape of arrays: slot -> register of x (only x.shape[k] is typed).
    std::unordered_map<uint32_t, uint32_t> shapes;
    // np.argmax(x) results: slot -> (register of x, the argmax node).
    std::unordered_map<uint32_t, std::pair<uint32_t, const Node*>> argmaxes;
    std::unordered_set<uint32_t> read_whole;  // see collect_array_reads
  };
  const CompiledFunction& fn() const { return *scope_->fn; }

  std::span<const CompiledFunction> functions_;
  TypedScalarCode out_;
  std::vector<ArrayInfo> arrays_;  // per register (meaningful for arrays)
  Scope root_;
  Scope* scope_ = &root_;
  uint32_t last_dst_ = 0;  // the register emit_negative wrote
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

Reg slow_negative(const TInstr& in, const Reg* regs) {
  return unbox(py_unary(UnaryOp::Neg, box(regs[in.a], in.ka)));
}

// Runs the generic kernel of in.node on `inputs`, which it refuses with its
// own error (an index out of range): the typed code raises what the generic
// executor would.
[[noreturn]] void raise_as_kernel(const TInstr& in, std::span<Value> inputs) {
  Value result;
  KernelContext ctx{inputs, std::span<Value>(&result, 1), *in.node, std::cerr};
  kernel_for(in.node->op)(ctx);
  throw RuntimeError(PyExc::InternalError, "typed loop: the kernel accepted what the code refused");
}

// Operand k (0..3: a, b, c, e) of an array instruction.
uint32_t operand_reg(const TInstr& in, int k) {
  const uint32_t regs[] = {in.a, in.b, in.c, in.e};
  return regs[k];
}
Kind operand_kind(const TInstr& in, int k) {
  const Kind kinds[] = {in.ka, in.kb, in.kc, in.ke};
  return kinds[k];
}

// An array instruction outside its fast path (operands that broadcast or
// disagree): the node's kernel on the boxed operands, its result into dst,
// its error raised as the generic executor raises it.
void run_array_kernel(const TInstr& in, int count, const Reg* regs, Tensor* arrays,
                      const FusedPlan* plan) {
  std::array<Value, 4> inputs;
  for (int k = 0; k < count; ++k) {
    const uint32_t r = operand_reg(in, k);
    const Kind kind = operand_kind(in, k);
    inputs[static_cast<size_t>(k)] = kind == Kind::Array ? Value(arrays[r]) : box(regs[r], kind);
  }
  Value result;
  KernelContext ctx{std::span<Value>(inputs.data(), static_cast<size_t>(count)),
                    std::span<Value>(&result, 1), *in.node, std::cerr};
  ctx.fused_plan = plan;
  kernel_for(in.node->op)(ctx);
  if (!result.is_tensor()) {
    throw RuntimeError(PyExc::InternalError, "typed loop: an array op gave no array");
  }
  arrays[in.dst] = std::move(result.as<Tensor>());
}

// The Fused instruction's operands; its Python numbers boxed in `boxed`.
std::array<FusedOperand, 4> fused_operands(const TInstr& in, const Reg* regs, Tensor* arrays,
                                           std::array<Value, 4>& boxed) {
  std::array<FusedOperand, 4> ops;
  for (int k = 0; k < in.code; ++k) {
    const uint32_t r = operand_reg(in, k);
    const Kind kind = operand_kind(in, k);
    const auto i = static_cast<size_t>(k);
    if (kind == Kind::Array) {
      ops[i].array = &arrays[r];
    } else {
      boxed[i] = box(regs[r], kind);
      ops[i].scalar = &boxed[i];
    }
  }
  return ops;
}

double as_double(Reg r, Kind k) {
  return is_float_kind(k) ? r.f : static_cast<double>(r.i);
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

// The runner's handler table: one per TOp, then the comparison-and-jump
// instructions again, one handler per operator (a jump's operator never
// changes, so its handler's own indirect jump predicts where the shared
// one, picking the operator at run time, would not).
constexpr size_t kCompareOps = 6;
constexpr size_t kCmpJumpIHandlers = static_cast<size_t>(TOp::End) + 1;
constexpr size_t kCmpJumpFHandlers = kCmpJumpIHandlers + kCompareOps;

}  // namespace

void assign_handlers(TypedScalarCode& typed) {
  for (TInstr& in : typed.code) {
    size_t handler = static_cast<size_t>(in.op);
    if (PG_THREADED_DISPATCH && in.op == TOp::CmpJumpI) handler = kCmpJumpIHandlers + in.code;
    if (PG_THREADED_DISPATCH && in.op == TOp::CmpJumpF) handler = kCmpJumpFHandlers + in.code;
    in.handler = static_cast<uint8_t>(handler);
  }
}

namespace {

void run_typed_code(const TypedScalarCode& typed, Reg* regs, Tensor* arrays, int64_t& iterations,
                    const ExecutionLimits& limits, const TInstr*& failed) {
  const TInstr* const base = typed.code.data();
  const TInstr* pc = base;  // the instruction to run next
  const TInstr* in = pc;    // the instruction running
  IterationCounter counter(iterations, limits);
  Tensor spare;  // see MatMul
  // MatMul and ArgMax marked by mark_screened_argmax: the product's argmax
  // found without the product (-1: not found, the ArgMax computes it), and
  // the screened copy of b, made again in every run (b cannot change within
  // one: no instruction writes it).
  int64_t screened_argmax = -1;
  thread_local ScreenedMatrix screen;
  screen.reset();
  std::array<Value, 4> boxed;  // a Fused instruction's Python numbers
#if PG_THREADED_DISPATCH
  static const void* const kHandlers[] = {
      &&op_Mov, &&op_AddI, &&op_SubI, &&op_MulI, &&op_FloorDivI, &&op_ModI, &&op_DivI, &&op_AddF,
      &&op_SubF, &&op_MulF, &&op_DivF, &&op_CmpI, &&op_CmpF, &&op_CmpJumpI, &&op_CmpJumpF,
      &&op_NegI, &&op_NegF, &&op_DivNF, &&op_LoadF64, &&op_LoadF64x2, &&op_RowIndex, &&op_SumRowF64,
      &&op_SumF64, &&op_StoreF64, &&op_StoreF64x2, &&op_MovArray, &&op_IntToFloat, &&op_Dim,
      &&op_Size, &&op_ShrI, &&op_AndI, &&op_Not, &&op_RowView, &&op_SliceView, &&op_MatMul,
      &&op_Fused, &&op_ArgMax, &&op_Binary, &&op_Compare, &&op_JumpIfFalse, &&op_JumpIfTrue,
      &&op_Jump, &&op_Count, &&op_End,
      // CmpJumpI, then CmpJumpF, by CompareOp
      &&op_JumpEqI, &&op_JumpNeI, &&op_JumpLtI, &&op_JumpLeI, &&op_JumpGtI, &&op_JumpGeI,
      &&op_JumpEqF, &&op_JumpNeF, &&op_JumpLtF, &&op_JumpLeF, &&op_JumpGtF, &&op_JumpGeF};
  static_assert(std::size(kHandlers) == kCmpJumpFHandlers + kCompareOps);
#define PG_CASE(name) op_##name
#define PG_NEXT() goto* kHandlers[(in = pc++)->handler]
#else
#define PG_CASE(name) case TOp::name
#define PG_NEXT() continue
#endif
#define PG_A regs[in->a]
#define PG_B regs[in->b]
#define PG_D regs[in->dst]
#define PG_ARRAY(r) arrays[in->r]
#define PG_JUMP() pc = base + in->target
#define PG_TAKE()                         \
  do {                                    \
    if (in->counts) counter.tick(limits); \
    PG_JUMP();                            \
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
    PG_CASE(NegI) : {
      if (PG_A.i == INT64_MIN) {
        PG_D = slow_negative(*in, regs);
      } else {
        PG_D.i = -PG_A.i;
      }
    }
    PG_NEXT();
    PG_CASE(ShrI) : PG_D.i = PG_A.i >> in->code;
    PG_NEXT();
    PG_CASE(AndI) : PG_D.i = PG_A.i & static_cast<int64_t>((uint64_t{1} << in->code) - 1);
    PG_NEXT();
    PG_CASE(Not) : PG_D.i = !truth(PG_A, in->ka);
    PG_NEXT();
    PG_CASE(RowView) : {
      const Tensor& x = PG_ARRAY(a);
      const int64_t cols = x.shape()[1];
      PG_ARRAY(dst).assign_block(x, PG_B.i * cols, Shape{cols});
    }
    PG_NEXT();
    PG_CASE(SliceView) : {
      const Tensor& x = PG_ARRAY(a);
      const int64_t n = x.shape()[0];
      const int64_t start = (in->code & 1) != 0 ? slice_bound(PG_B.i, n) : 0;
      const int64_t stop = (in->code & 2) != 0 ? slice_bound(regs[in->c].i, n) : n;
      PG_ARRAY(dst).assign_block(x, start, Shape{std::max<int64_t>(stop - start, 0)});
    }
    PG_NEXT();
    PG_CASE(MatMul) : {
      screened_argmax = -1;
      if ((in->code & 2) != 0 &&
          argmax_of_product_bt(PG_ARRAY(a), PG_ARRAY(b), screen, screened_argmax)) {
        PG_NEXT();  // the ArgMax after it takes screened_argmax; the product is dead
      }
      // Note: the product cannot be written over an operand it reads: then
      // into the spare tensor, which takes the operand's buffer after.
      const bool over_operand = in->dst == in->a || in->dst == in->b;
      Tensor& out = over_operand ? spare : PG_ARRAY(dst);
      if (!matmul_floats_into(PG_ARRAY(a), PG_ARRAY(b), (in->code & 1) != 0, out)) {
        run_array_kernel(*in, 2, regs, arrays, nullptr);
      } else if (over_operand) {
        std::swap(PG_ARRAY(dst), spare);
      }
    }
    PG_NEXT();
    PG_CASE(Fused) : {
      const std::array<FusedOperand, 4> ops = fused_operands(*in, regs, arrays, boxed);
      const FusedPlan* plan = typed.fused_plans[in->aux];
      if (!fused_elementwise_into(*plan, std::span<const FusedOperand>(ops.data(), in->code),
                                  PG_ARRAY(dst))) {
        run_array_kernel(*in, in->code, regs, arrays, plan);
      }
    }
    PG_NEXT();
    PG_CASE(ArgMax) : {
      int64_t index = 0;
      if ((in->code & 1) != 0 && screened_argmax >= 0) {
        index = screened_argmax;
      } else if (!argmax_floats(PG_ARRAY(a), index)) {
        Value inputs[] = {Value(PG_ARRAY(a)), Value(), Value(false)};
        raise_as_kernel(*in, inputs);
      }
      PG_D.i = index;
    }
    PG_NEXT();
    PG_CASE(NegF) : PG_D.f = -PG_A.f;
    PG_NEXT();
    PG_CASE(DivNF) : PG_D.f = PG_A.f / PG_B.f;
    PG_NEXT();
    PG_CASE(LoadF64) : {
      const Tensor& x = PG_ARRAY(a);
      int64_t i = PG_B.i;
      if (!wrap_index(i, x.shape()[0])) {
        Value inputs[] = {Value(x), Value(PG_B.i)};
        raise_as_kernel(*in, inputs);
      }
      PG_D.f = x.data<double>()[i];
    }
    PG_NEXT();
    PG_CASE(LoadF64x2) : {
      const Tensor& x = PG_ARRAY(a);
      int64_t i = PG_B.i, j = regs[in->c].i;
      if (!wrap_index(i, x.shape()[0]) || !wrap_index(j, x.shape()[1])) {
        Value inputs[] = {Value(x), Value(PG_B.i), Value(regs[in->c].i)};
        raise_as_kernel(*in, inputs);
      }
      PG_D.f = x.data<double>()[i * x.shape()[1] + j];
    }
    PG_NEXT();
    PG_CASE(RowIndex) : {
      const Tensor& x = PG_ARRAY(a);
      int64_t i = PG_B.i;
      if (!wrap_index(i, x.shape()[0])) {
        Value inputs[] = {Value(x), Value(PG_B.i)};
        raise_as_kernel(*in, inputs);
      }
      PG_D.i = i;
    }
    PG_NEXT();
    PG_CASE(SumRowF64) : {
      const Tensor& x = PG_ARRAY(a);
      const int64_t cols = x.shape()[1];
      PG_D.f = 0.0 + pairwise_sum(x.data<double>() + PG_B.i * cols, cols);
    }
    PG_NEXT();
    PG_CASE(SumF64) : {
      const Tensor& x = PG_ARRAY(a);
      PG_D.f = 0.0 + pairwise_sum(x.data<double>(), x.numel());
    }
    PG_NEXT();
    PG_CASE(StoreF64) : {
      int64_t i = PG_B.i;
      if (!wrap_index(i, PG_ARRAY(a).shape()[0])) {
        Value inputs[] = {Value(PG_ARRAY(a)), box(regs[in->c], in->kc), Value(PG_B.i)};
        raise_as_kernel(*in, inputs);
      }
      const double v = as_double(regs[in->c], in->kc);
      if (in->dst != in->a) PG_ARRAY(dst) = PG_ARRAY(a);
      Tensor& x = PG_ARRAY(dst);
      if (!x.unique()) x = x.clone();  // value semantics: another value shares the buffer
      x.data<double>()[i] = v;
    }
    PG_NEXT();
    PG_CASE(StoreF64x2) : {
      int64_t i = PG_B.i, j = regs[in->c].i;
      if (!wrap_index(i, PG_ARRAY(a).shape()[0]) || !wrap_index(j, PG_ARRAY(a).shape()[1])) {
        Value inputs[] = {Value(PG_ARRAY(a)), box(regs[in->e], in->ke), Value(PG_B.i),
                          Value(regs[in->c].i)};
        raise_as_kernel(*in, inputs);
      }
      const double v = as_double(regs[in->e], in->ke);
      if (in->dst != in->a) PG_ARRAY(dst) = PG_ARRAY(a);
      Tensor& x = PG_ARRAY(dst);
      if (!x.unique()) x = x.clone();  // value semantics: another value shares the buffer
      x.data<double>()[i * x.shape()[1] + j] = v;
    }
    PG_NEXT();
    PG_CASE(MovArray) : {
      if (in->when) {
        // Note: a is dead; it keeps dst's old buffer, which an array
        // instruction writing to a then reuses (double buffering).
        std::swap(PG_ARRAY(dst), PG_ARRAY(a));
      } else {
        PG_ARRAY(dst) = PG_ARRAY(a);
      }
    }
    PG_NEXT();
    PG_CASE(IntToFloat) : PG_D.f = static_cast<double>(PG_A.i);
    PG_NEXT();
    PG_CASE(Dim) : PG_D.i = PG_ARRAY(a).shape()[in->code];
    PG_NEXT();
    PG_CASE(Size) : PG_D.i = PG_ARRAY(a).numel();
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
    PG_CASE(Count) : counter.tick(limits);
    PG_NEXT();
#if PG_THREADED_DISPATCH
// A comparison of ints or floats that jumps: one handler per operator.
#define PG_CMP_JUMP(name, field, rel)                                 \
  op_##name : if ((PG_A.field rel PG_B.field) == in->when) PG_TAKE(); \
  PG_NEXT();
    PG_CMP_JUMP(JumpEqI, i, ==)
    PG_CMP_JUMP(JumpNeI, i, !=)
    PG_CMP_JUMP(JumpLtI, i, <)
    PG_CMP_JUMP(JumpLeI, i, <=)
    PG_CMP_JUMP(JumpGtI, i, >)
    PG_CMP_JUMP(JumpGeI, i, >=)
    PG_CMP_JUMP(JumpEqF, f, ==)
    PG_CMP_JUMP(JumpNeF, f, !=)
    PG_CMP_JUMP(JumpLtF, f, <)
    PG_CMP_JUMP(JumpLeF, f, <=)
    PG_CMP_JUMP(JumpGtF, f, >)
    PG_CMP_JUMP(JumpGeF, f, >=)
#undef PG_CMP_JUMP
#endif
    PG_CASE(End) : iterations = counter.count();
    return;
#if !PG_THREADED_DISPATCH
  }
}
#endif
}
catch (const RuntimeError&) {
  iterations = counter.count();
  failed = in;
  throw;
}
#undef PG_CASE
#undef PG_NEXT
#undef PG_A
#undef PG_B
#undef PG_D
#undef PG_ARRAY
#undef PG_JUMP
#undef PG_TAKE
}

}  // namespace

std::unique_ptr<ScalarLoop> ScalarLoop::analyze(std::span<const CompiledFunction> functions,
                                                const CompiledFunction& fn,
                                                const CompiledRegion& parent, const Instr& loop) {
  std::unordered_set<uint32_t> defined;
  std::vector<uint32_t> inner;  // read by the cond and body regions
  for (uint32_t c = 0; c < 2; ++c) {
    if (!analyze_region(functions, fn, parent.children[loop.first_child + c], 0, defined, inner)) {
      return nullptr;
    }
  }
  auto add_live_in = [&](Entry& entry, uint32_t s, bool movable) {
    if (std::find(entry.live_ins.begin(), entry.live_ins.end(), s) != entry.live_ins.end()) return;
    entry.live_ins.push_back(s);
    entry.movable.push_back(movable);
  };
  // From the start: the loop's operands and what the regions read from
  // outside. A live-in the loop's own operand reads last (the value a loop
  // carries in, dead after it) can leave its slot: an array then stays
  // unique and is updated in place.
  Entry start;
  for (uint32_t k = loop.inputs_begin; k < loop.inputs_end; ++k) {
    add_live_in(start, parent.operands[k].slot, false);
  }
  for (uint32_t s : inner) {
    if (!defined.count(s)) add_live_in(start, s, false);
  }
  for (size_t i = 0; i < start.live_ins.size(); ++i) {
    for (uint32_t k = loop.inputs_begin; k < loop.inputs_end; ++k) {
      const Operand& operand = parent.operands[k];
      if (operand.slot == start.live_ins[i] && operand.move) start.movable[i] = true;
    }
  }
  // After the first iteration: the carried values, which the loop owns, and
  // what the regions read from outside.
  Entry resumed;
  for (Slot s : parent.children[loop.first_child + 1].args) add_live_in(resumed, s, true);
  for (uint32_t s : inner) {
    if (!defined.count(s)) add_live_in(resumed, s, false);
  }
  return std::make_unique<ScalarLoop>(functions, fn, parent, loop, std::move(start),
                                      std::move(resumed));
}

ScalarLoop::ScalarLoop(std::span<const CompiledFunction> functions, const CompiledFunction& fn,
                       const CompiledRegion& parent, const Instr& loop, Entry start, Entry resumed)
    : functions_(functions),
      fn_(fn),
      parent_(parent),
      loop_(loop),
      start_(std::move(start)),
      resumed_(std::move(resumed)) {}

ScalarLoop::~ScalarLoop() = default;

std::shared_ptr<const TypedScalarCode> ScalarLoop::code_for(const std::vector<uint8_t>& signature,
                                                            bool resume) const {
  std::lock_guard lock(mutex_);
  for (const CachedCode& known : cache_) {
    if (known.resume == resume && known.signature == signature) return known.code;
  }
  const Entry& entry = resume ? resumed_ : start_;
  std::shared_ptr<const TypedScalarCode> code;
  if (auto built =
          CodeBuilder(functions_, fn_).build(parent_, loop_, entry.live_ins, signature, resume)) {
    code = std::make_shared<const TypedScalarCode>(std::move(*built));
  }
  cache_.push_back({resume, signature, code});
  return code;
}

bool ScalarLoop::run(std::vector<Value>& slots, int depth, int64_t& iterations,
                     const ExecutionLimits& limits, TypedFailure& failed) const {
  return run_from(start_, false, slots, depth, iterations, limits, failed);
}

bool ScalarLoop::resume(std::vector<Value>& slots, int depth, int64_t& iterations,
                        const ExecutionLimits& limits, TypedFailure& failed) const {
  return run_from(resumed_, true, slots, depth, iterations, limits, failed);
}

namespace {

// Where instruction `in` of `code` raised, with the calls run inline that
// led to it, innermost first.
void describe_failure(const TypedScalarCode& code, const TInstr& in, TypedFailure& failed) {
  failed.node = in.node;
  failed.function = code.frames[in.frame].function;
  for (uint16_t frame = in.frame; frame != 0; frame = code.frames[frame].caller) {
    const InlinedFrame& called = code.frames[frame];
    failed.callers.push_back({code.frames[called.caller].function, called.call});
  }
}

}  // namespace

bool ScalarLoop::run_from(const Entry& entry, bool resume, std::vector<Value>& slots, int depth,
                          int64_t& iterations, const ExecutionLimits& limits,
                          TypedFailure& failed) const {
  const std::vector<uint32_t>& live_ins = entry.live_ins;
  // Note: a handful of live-ins; the signature lives on the stack for most.
  std::vector<uint8_t> signature(live_ins.size());
  for (size_t i = 0; i < live_ins.size(); ++i) {
    const auto e = signature_entry(slots[live_ins[i]]);
    if (!e) return false;
    signature[i] = *e;
  }
  const std::shared_ptr<const TypedScalarCode> code = code_for(signature, resume);
  // Note: a call run inline at nesting j is made j - 1 calls below `depth`;
  // where one could exceed the limit, the generic executor raises the
  // RecursionError at that call.
  if (!code || depth + code->inline_depth > limits.max_call_depth) return false;
  std::vector<Reg> regs(code->reg_kinds.size(), Reg{});
  std::vector<Tensor> arrays(code->has_arrays ? code->reg_kinds.size() : 0);
  for (size_t i = 0; i < live_ins.size(); ++i) {
    const uint32_t reg = code->live_in_regs[i];
    Value& v = slots[live_ins[i]];
    if (code->reg_kinds[reg] != Kind::Array) {
      regs[reg] = unbox(v);
    } else if (entry.movable[i]) {
      arrays[reg] = std::move(v.as<Tensor>());
    } else {
      arrays[reg] = v.as<Tensor>();
    }
  }
  for (const auto& [reg, value] : code->constants) regs[reg] = value;
  const TInstr* failed_at = nullptr;
  try {
    run_typed_code(*code, regs.data(), arrays.data(), iterations, limits, failed_at);
  } catch (const RuntimeError&) {
    if (failed_at != nullptr) describe_failure(*code, *failed_at, failed);
    throw;
  }
  for (uint32_t k = loop_.outputs_begin; k < loop_.outputs_end; ++k) {
    const uint32_t reg = code->output_regs[k - loop_.outputs_begin];
    // Note: two outputs may share a register; arrays are shared, not moved.
    slots[parent_.outputs[k]] = code->reg_kinds[reg] == Kind::Array
                                    ? Value(arrays[reg])
                                    : box(regs[reg], code->reg_kinds[reg]);
  }
  return true;
}

}  // namespace pygraft::rt
