// The executor of runtime/interpreter_exec.h.
#include "runtime/interpreter_exec.h"

#include <new>
#include <span>
#include <string>
#include <type_traits>
#include <variant>

namespace pygraft::rt {
namespace {

inline void move_or_copy(Value& dst, Value& src, bool move) {
  if (move) {
    dst = std::move(src);
  } else {
    dst = src;
  }
}

// Reads an operand: moved out at its last use, copied otherwise.
inline void read_into(Value& dst, std::vector<Value>& slots, const Operand& op) {
  Value& src = slots[op.slot];
  if (!assign_same_scalar(dst, src)) move_or_copy(dst, src, op.move);
}

// Scalars own nothing: leaving them in the scratch saves resetting it.
static_assert(std::is_same_v<std::variant_alternative_t<3, Value::Storage>, double>);
static_assert(std::is_same_v<std::variant_alternative_t<4, Value::Storage>, StrValue>);
inline bool holds_resources(const Value& v) {
  return v.storage().index() > 3 && !v.is<DType>();  // not None, bool, int or float
}

inline void check_defined(const Value& v) {
  if (v.is<UndefValue>()) throw_unbound(v);
}

// Reads an operand that must be bound (the inputs of kernels and calls).
inline void read_defined(Value& dst, std::vector<Value>& slots, const Operand& op) {
  Value& src = slots[op.slot];
  if (assign_same_scalar(dst, src)) return;
  check_defined(src);
  move_or_copy(dst, src, op.move);
}

// Resets the slots a region leaves behind (see CompiledRegion::drops).
// Note: a Python scalar owns nothing and its slot is written before it is
// read again, so it may stay.
inline void drop(const CompiledRegion& r, std::vector<Value>& slots) {
  for (Slot s : r.drops) {
    if (holds_resources(slots[s])) slots[s] = Value();
  }
}

// Python truthiness of a cond predicate or loop condition, consuming it at its last use.
inline bool take_truth(std::vector<Value>& slots, const Operand& op) {
  Value& v = slots[op.slot];
  if (v.is<bool>()) return v.as<bool>();  // a comparison of Python scalars
  check_defined(v);
  bool result = truth(v);
  if (op.move) v = Value();
  return result;
}

}  // namespace

void throw_unbound(const Value& undef) {
  const auto& name = undef.as<UndefValue>().name;
  throw RuntimeError(PyExc::UnboundLocalError, "cannot access local variable '" +
                                                   (name ? *name : std::string("?")) +
                                                   "' where it is not associated with a value");
}

void ExecutorScratch::release_values() {
  for (std::vector<Value>& frame : frames) frame.clear();
  for (Value& v : operands) v = Value();
  for (Value& v : carried) v = Value();
}

namespace {
thread_local std::unique_ptr<ExecutorScratch> idle_scratch;
}  // namespace

ScratchLease::ScratchLease()
    : held_(idle_scratch ? std::move(idle_scratch) : std::make_unique<ExecutorScratch>()) {}

ScratchLease::~ScratchLease() {
  held_->release_values();
  if (!idle_scratch) idle_scratch = std::move(held_);
}

Executor::Executor(const LoadedProgram& program, std::ostream& print_stream, ExecutionLimits limits)
    : program_(program),
      print_(print_stream),
      limits_(limits),
      frames_(scratch_.get().frames),
      operands_(scratch_.get().operands),
      carried_(scratch_.get().carried) {
  const size_t operands = program.max_kernel_inputs + program.max_kernel_outputs;
  if (operands_.size() < operands) operands_.resize(operands);
  if (carried_.size() < program.max_carried) carried_.resize(program.max_carried);
}

Value Executor::run(size_t index, std::vector<Value> args) {
  const CompiledFunction& fn = program_.functions[index];
  std::vector<Value>& slots = enter(fn, 0);
  for (size_t i = 0; i < args.size(); ++i) slots[fn.body.args[i]] = std::move(args[i]);
  return finish(fn, slots, 0);
}

std::vector<Value>& Executor::enter(const CompiledFunction& fn, int depth) {
  while (frames_.size() <= static_cast<size_t>(depth)) frames_.emplace_back();
  std::vector<Value>& slots = frames_[static_cast<size_t>(depth)];
  slots.assign(fn.template_frame.begin(), fn.template_frame.end());  // reuses capacity
  return slots;
}

// Runs the body of a function whose arguments are bound, and returns its result.
Value Executor::finish(const CompiledFunction& fn, std::vector<Value>& slots, int depth) {
  Frame frame{slots, fn, depth};
  run_region(fn.body, frame);
  Value result;
  read_into(result, slots, fn.body.yields[0]);
  slots.clear();  // Note: releases the callee's references now; keeps capacity.
  check_defined(result);
  return result;
}

// Deeper than any compiled source (the parser allows 200 levels) and than one
// loaded function (512), well inside the stack even under ASan.
constexpr int kMaxRegionNesting = 1024;

void Executor::run_region(const CompiledRegion& r, Frame& f) {
  if (region_nesting_ >= kMaxRegionNesting) {
    throw RuntimeError(PyExc::LimitExceeded, "execution is nested too deeply: more than " +
                                                 std::to_string(kMaxRegionNesting) +
                                                 " regions across calls");
  }
  struct NestingScope {
    int& nesting;
    ~NestingScope() { --nesting; }
  } scope{++region_nesting_};
  size_t i = 0;
  try {
    for (; i < r.instrs.size(); ++i) step(r, r.instrs[i], f);
  } catch (const RuntimeError& e) {
    throw LocatedError{&f.function, r.instrs[i].node, e.kind(), e.what(), {}, e.range()};
  } catch (const std::bad_alloc&) {
    throw LocatedError{&f.function, r.instrs[i].node, PyExc::MemoryError, "out of memory", {}};
  } catch (const std::exception& e) {
    throw LocatedError{&f.function,
                       r.instrs[i].node,
                       PyExc::InternalError,
                       std::string("internal error: ") + e.what(),
                       {}};
  }
}

void Executor::step(const CompiledRegion& r, const Instr& in, Frame& f) {
  switch (in.kind) {
    case InstrKind::Kernel:
      return run_kernel(r, in, f);
    case InstrKind::Cond:
      return run_cond(r, in, f);
    case InstrKind::Loop:
      return run_loop(r, in, f);
    case InstrKind::Call:
      return run_call(r, in, f);
  }
}

void Executor::run_kernel(const CompiledRegion& r, const Instr& in, Frame& f) {
  const size_t num_inputs = in.inputs_end - in.inputs_begin;
  const size_t num_outputs = in.outputs_end - in.outputs_begin;
  const Operand* ops = r.operands.data() + in.inputs_begin;
  // Note: Python scalars own nothing, so leaving them in their slots at
  // their last use is as good as moving them out.
  if (in.scalar_fast.kind != ScalarFastOp::Kind::None) {
    Value& a = f.slots[ops[0].slot];
    Value& b = f.slots[ops[1].slot];
    Value& out = f.slots[r.outputs[in.outputs_begin]];
    if (try_scalar_fast(in.scalar_fast, a, b, out) ||
        try_numpy_float_scalar_fast(in.scalar_fast, a, ops[0].move, b, ops[1].move, out)) {
      return;
    }
  }
  Value* inputs = operands_.data();
  for (size_t j = 0; j < num_inputs; ++j) read_defined(inputs[j], f.slots, ops[j]);
  const Slot* outs = r.outputs.data() + in.outputs_begin;
  // Note: a single result is written straight into its slot.
  std::span<Value> outputs = num_outputs == 1 ? std::span<Value>(&f.slots[outs[0]], 1)
                                              : std::span<Value>(inputs + num_inputs, num_outputs);
  KernelContext ctx{std::span<Value>(inputs, num_inputs), outputs, *in.node, print_, in.fused_plan};
  in.kernel(ctx);
  if (num_outputs > 1) {
    for (size_t k = 0; k < num_outputs; ++k) f.slots[outs[k]] = std::move(outputs[k]);
  }
  for (size_t j = 0; j < num_inputs; ++j) {
    if (holds_resources(inputs[j])) inputs[j] = Value();  // release moved-in operands
  }
}

void Executor::run_cond(const CompiledRegion& r, const Instr& in, Frame& f) {
  const bool taken = take_truth(f.slots, r.operands[in.inputs_begin]);
  const CompiledRegion& branch = r.children[in.first_child + (taken ? 0 : 1)];
  run_region(branch, f);
  for (size_t k = 0; k < branch.yields.size(); ++k) {
    read_into(f.slots[r.outputs[in.outputs_begin + k]], f.slots, branch.yields[k]);
  }
  drop(branch, f.slots);
}

void Executor::run_loop(const CompiledRegion& r, const Instr& in, Frame& f) {
  const ScalarLoop* typed =
      in.scalar_loop != kNoScalarLoop ? f.function.scalar_loops[in.scalar_loop].get() : nullptr;
  if (typed != nullptr && run_typed(*typed, false, in, f)) return;
  const CompiledRegion& cond = r.children[in.first_child];
  const CompiledRegion& body = r.children[in.first_child + 1];
  for (size_t k = 0; k < body.args.size(); ++k) {
    read_into(f.slots[body.args[k]], f.slots, r.operands[in.inputs_begin + k]);
  }
  while (loop_condition(cond, f)) {
    count_iteration();
    run_region(body, f);
    rebind(body, f.slots);
    drop(body, f.slots);
    // A value that changed kind in the first iteration may keep its new
    // one: the typed code takes over from the second (once per loop run).
    if (typed != nullptr) {
      if (run_typed(*typed, true, in, f)) return;
      typed = nullptr;
    }
  }
  for (size_t k = 0; k < body.args.size(); ++k) {
    f.slots[r.outputs[in.outputs_begin + k]] = std::move(f.slots[body.args[k]]);
  }
}

bool Executor::run_typed(const ScalarLoop& typed, bool resume, const Instr& in, Frame& f) {
  TypedFailure failed;
  failed.node = in.node;
  try {
    return resume ? typed.resume(f.slots, f.depth, iterations_, limits_, failed)
                  : typed.run(f.slots, f.depth, iterations_, limits_, failed);
  } catch (const RuntimeError& e) {
    // Note: a function run inline is named as run_call names it, with the
    // calls that led to it (here: within the loop's function).
    const auto function_of = [&f](const CompiledFunction* fn) { return fn ? fn : &f.function; };
    LocatedError error{
        function_of(failed.function), failed.node, e.kind(), e.what(), {}, e.range()};
    for (const TypedFailure::Caller& caller : failed.callers) {
      error.callers.push_back(LocatedError::Caller{function_of(caller.function), caller.call});
    }
    throw error;
  }
}

void Executor::count_iteration() {
  count_loop_iteration(iterations_, limits_);
}

bool Executor::loop_condition(const CompiledRegion& cond, Frame& f) {
  run_region(cond, f);
  const bool go = take_truth(f.slots, cond.yields[0]);
  drop(cond, f.slots);
  return go;
}

// The body's yields become its arguments for the next iteration, moved.
void Executor::rebind(const CompiledRegion& body, std::vector<Value>& slots) {
  const size_t n = body.args.size();
  if (!body.rebind_via_scratch) {
    for (size_t k = 0; k < n; ++k) {
      if (body.yields[k].slot != body.args[k])
        read_into(slots[body.args[k]], slots, body.yields[k]);
    }
    return;
  }
  for (size_t k = 0; k < n; ++k) read_into(carried_[k], slots, body.yields[k]);
  for (size_t k = 0; k < n; ++k) slots[body.args[k]] = std::move(carried_[k]);
}

void Executor::run_call(const CompiledRegion& r, const Instr& in, Frame& f) {
  if (f.depth >= limits_.max_call_depth) {
    throw RuntimeError(PyExc::RecursionError, "maximum recursion depth exceeded (more than " +
                                                  std::to_string(limits_.max_call_depth) +
                                                  " nested calls)");
  }
  const CompiledFunction& callee = program_.functions[in.callee];
  std::vector<Value>& slots = enter(callee, f.depth + 1);
  const size_t given = in.inputs_end - in.inputs_begin;
  for (size_t i = 0; i < given; ++i) {
    read_defined(slots[callee.body.args[i]], f.slots, r.operands[in.inputs_begin + i]);
  }
  for (size_t i = given; i < callee.body.args.size(); ++i) {
    if (!callee.defaults[i]) {
      throw RuntimeError(PyExc::TypeError, callee.source->name + "() missing required argument '" +
                                               callee.source->params[i].name + "'");
    }
    slots[callee.body.args[i]] = *callee.defaults[i];
  }
  // Note: the try costs nothing until something throws; on the way out each
  // call adds itself, so the error carries the whole chain of calls.
  try {
    f.slots[r.outputs[in.outputs_begin]] = finish(callee, slots, f.depth + 1);
  } catch (LocatedError& e) {
    e.callers.push_back(LocatedError::Caller{&f.function, in.node});
    throw;
  }
}

}  // namespace pygraft::rt
