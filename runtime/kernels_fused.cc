// fused_elementwise (graph/fused_elementwise.h): a chain of elementwise ops
// in one pass over memory.
//
// Fast path: every input is a float32 or float64 array of one dtype and one
// shape, or a Python scalar (weak under NEP 50, so it takes the arrays'
// dtype), and every step has an array operand. Each step's result is then an
// array of that dtype and shape, computed with the very element operations
// the ops' kernels use (the same float op, simd_tanh / simd_exp, which give
// an element the same bits wherever it sits), so the result is bit for bit
// the unfused one. The steps run over blocks of 8 KB whose temporaries
// stay in the L1 cache (steps whose values are not needed at once share
// one); only the array outputs are allocated (or an input's buffer reused).
// Reductions (sum/max/min, any number of them, beside array outputs: see
// merge_fused_readers) take the blocks as they are made: a sum through
// NumPy's pairwise tree, the passes made of whole leaves of it, each leaf
// summed as NumPy sums it; max/min with the max/min kernel's own vector
// steps. So each result has the bits of reducing the stored chain (which
// of two equal zeros a max keeps aside: NumPy leaves that open too).
// Anything else (ints, bools, broadcasting, 0-d arrays with scalars, tuples)
// runs the steps one by one through the ops' own kernels: results and errors
// are exactly the unfused graph's.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "graph/fused_elementwise.h"
#include "runtime/elementwise.h"
#include "runtime/fused_plan.h"
#include "runtime/kernel.h"
#include "runtime/kernels_into.h"
#include "runtime/reduce_fold.h"
#include "runtime/simd_leaf_sums.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {
namespace {

// Elements per pass: 8 KB of each temporary (they share a few slots, see
// runtime/fused_plan.h), long enough that a step's call costs little beside
// its arithmetic.
template <class T>
constexpr int64_t kBlockOf = 8192 / sizeof(T);
constexpr int kMaxValues = 2 * kMaxFusedSteps + 1;  // inputs then step results

// Whether the fast path applies; sets the loop's dtype and shape.
bool fast_path_applies(std::span<const FusedOperand> inputs, const FusedProgram& program,
                       DType& dtype, const Shape*& shape) {
  std::array<bool, kMaxValues> is_array{};
  shape = nullptr;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const FusedOperand& v = inputs[i];
    if (v.array != nullptr) {
      const Tensor& t = *v.array;
      if (shape == nullptr) {
        if (t.dtype() != DType::Float32 && t.dtype() != DType::Float64) return false;
        shape = &t.shape();
        dtype = t.dtype();
      } else if (t.dtype() != dtype || !(t.shape() == *shape)) {
        return false;
      }
      is_array[i] = true;
    } else if (v.scalar == nullptr || !v.scalar->is_py_scalar()) {
      return false;
    }
  }
  if (shape == nullptr) return false;
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    bool any_array = false;
    for (int j = 0; j < step.num_operands; ++j) any_array |= is_array[step.operands[j]];
    if (!any_array) return false;  // a step on Python scalars follows Python's rules
    is_array[inputs.size() + static_cast<size_t>(k)] = true;
  }
  return true;
}

// An operand within the current block: an array (stride 1) or a scalar.
template <class T>
struct BlockOperand {
  const T* data;
  bool is_array;
};

// The vector operation of a binary arithmetic step.
SimdBinary simd_op(OpCode op) {
  switch (op) {
    case OpCode::Add:
      return SimdBinary::Add;
    case OpCode::Sub:
      return SimdBinary::Sub;
    case OpCode::Mul:
      return SimdBinary::Mul;
    default:
      return SimdBinary::Div;
  }
}

template <class T>
void binary_block(SimdBinary op, T* out, BlockOperand<T> a, BlockOperand<T> b, int64_t n) {
  simd_binary(op, a.data, a.is_array, b.data, b.is_array, out, n);
}

template <class T>
void run_step(const FusedStep& step, T* out, BlockOperand<T> a, BlockOperand<T> b, int64_t n) {
  switch (step.op) {
    case OpCode::Add:
      return binary_block(SimdBinary::Add, out, a, b, n);
    case OpCode::Sub:
      return binary_block(SimdBinary::Sub, out, a, b, n);
    case OpCode::Mul:
      return binary_block(SimdBinary::Mul, out, a, b, n);
    case OpCode::TrueDiv:
      return binary_block(SimdBinary::Div, out, a, b, n);
    case OpCode::Neg:
      for (int64_t i = 0; i < n; ++i) out[i] = -a.data[i];
      return;
    case OpCode::Abs:
      return simd_abs(a.data, out, n);
    case OpCode::Exp:
      return simd_exp(a.data, out, n);
    case OpCode::Tanh:
      return simd_tanh(a.data, out, n);
    case OpCode::UfuncOperand:  // an array passes through
      if (out != a.data) std::copy_n(a.data, n, out);
      return;
    default:
      return;
  }
}

// Evaluates the elementwise steps of a program block by block: the inputs'
// data, the Python scalars as single elements, the step results in
// temporaries of kBlock elements (or in the caller's buffer for one step).
// Reduction steps are the caller's: run() skips them.
template <class T>
class BlockEvaluator {
 public:
  static constexpr int64_t kBlock = kBlockOf<T>;

  BlockEvaluator(std::span<const FusedOperand> inputs, const FusedPlan& plan)
      : num_inputs_(inputs.size()), plan_(plan) {
    for (size_t i = 0; i < num_inputs_; ++i) {
      const FusedOperand& v = inputs[i];
      is_array_[i] = v.array != nullptr;
      if (is_array_[i]) {
        data_[i] = v.array->data<T>();
      } else {
        scalars_[i] = py_scalar_element<T>(*v.scalar, dtype_of<T>());
        data_[i] = &scalars_[i];
      }
    }
    // Note: per thread and never shrunk, so a loop of fused nodes allocates
    // (and zero-fills) it once; each slot starts at a cache line, since a
    // vector store across two lines costs twice one within a line (the
    // chain's passes 25 % slower on malloc's 16-byte alignment).
    constexpr size_t kLine = 64 / sizeof(T);
    const size_t size = static_cast<size_t>(plan.num_slots) * kBlock + kLine;
    thread_local std::vector<T> temporaries;
    if (temporaries.size() < size) temporaries.resize(size);
    const auto misalignment = reinterpret_cast<uintptr_t>(temporaries.data()) % 64 / sizeof(T);
    temporaries_ = temporaries.data() + (kLine - misalignment) % kLine;
  }

  // Runs the steps on elements [start, start + len), len <= kBlock; step
  // plan.direct writes to `dst` (the block's place in the result).
  void run(int64_t start, int64_t len, T* dst = nullptr) {
    start_ = start;
    const FusedProgram& program = plan_.program;
    for (int k = 0; k < program.size; ++k) {
      const FusedStep& step = program.steps[static_cast<size_t>(k)];
      if (is_fused_reduction(step.op) || plan_.skipped[static_cast<size_t>(k)]) continue;
      const BlockOperand<T> a = operand(step.operands[0]);
      if (plan_.passes_through(k)) {
        data_[num_inputs_ + static_cast<size_t>(k)] = a.data;
        continue;
      }
      const BlockOperand<T> b = step.num_operands > 1 ? operand(step.operands[1]) : a;
      if (k + 1 < program.size && plan_.joins_previous[static_cast<size_t>(k + 1)] &&
          run_joined(k, a, b, len, dst)) {
        ++k;  // step k + 1 ran with step k
        continue;
      }
      T* out = output_of(k, dst);
      run_step(step, out, a, b, len);
      data_[num_inputs_ + static_cast<size_t>(k)] = out;
    }
  }

  // Where step k writes its block.
  T* output_of(int k, T* dst) const {
    return k == plan_.direct ? dst : temporaries_ + plan_.slot[static_cast<size_t>(k)] * kBlock;
  }

  // Steps k and k + 1 (plan_.joins_previous) in one pass when k + 1's
  // second operand is a number (a NaN keeps the two passes: negating it for
  // `t - s` would flip the sign bit of the NaN the result carries).
  bool run_joined(int k, BlockOperand<T> a, BlockOperand<T> b, int64_t len, T* dst) {
    const FusedStep& step = plan_.program.steps[static_cast<size_t>(k)];
    const FusedStep& next = plan_.program.steps[static_cast<size_t>(k + 1)];
    const BlockOperand<T> s = operand(next.operands[1]);
    if (s.is_array || *s.data != *s.data) return false;
    const T m = next.op == OpCode::Mul ? *s.data : T(1);
    const T c = next.op == OpCode::Add ? *s.data : next.op == OpCode::Sub ? -*s.data : T(-0.0);
    T* out = output_of(k + 1, dst);
    simd_binary_affine(simd_op(step.op), a.data, a.is_array, b.data, b.is_array, m, c, out, len);
    data_[num_inputs_ + static_cast<size_t>(k) + 1] = out;
    return true;
  }

  // Value `ref` (an input or a step result) within the block run last.
  BlockOperand<T> operand(uint16_t ref) const {
    if (ref < num_inputs_ && !is_array_[ref]) return {data_[ref], false};
    return {data_[ref] + (ref < num_inputs_ ? start_ : 0), true};
  }

 private:
  size_t num_inputs_;
  const FusedPlan& plan_;
  int64_t start_ = 0;
  // Note: not cleared (a call on small arrays would spend more on that than
  // on its arithmetic); the constructor sets every input's entries and run()
  // every step's before they are read.
  std::array<const T*, kMaxValues> data_;
  std::array<T, kMaxFusedSteps + 1> scalars_;
  std::array<bool, kMaxFusedSteps + 1> is_array_;
  T* temporaries_ = nullptr;
};

// The node's outputs on the fast path, all made in one pass over the
// elements. The passes go over whole leaves of the pairwise tree when a sum
// is among them (at most kBlock elements at a time), so each sum adds its
// leaves as NumPy's pairwise sum of the stored values does, and gets its
// bits; max/min fold each pass with the max/min kernel's own vector steps;
// array outputs are written block by block (by the last step itself when it
// is the only output, else copied once every step has read the block, since
// a buffer reused from an input must not change before that).
template <class T>
class OnePass {
 public:
  static constexpr int64_t kBlock = kBlockOf<T>;

  // array_data: each output's data, nullptr for a reduction's.
  OnePass(std::span<const FusedOperand> inputs, const FusedPlan& plan, int64_t n,
          std::span<T* const> array_data)
      : inputs_(inputs), plan_(plan), program_(plan.program), n_(n) {
    std::copy(array_data.begin(), array_data.end(), arrays_.begin());
  }

  void run() {
    BlockEvaluator<T> eval(inputs_, plan_);
    for (int o = 0; o < program_.num_outputs; ++o)
      accumulators_[static_cast<size_t>(o)] = initial(o);
    thread_local std::vector<T> leaf_sums;
    if (plan_.has_sum && n_ > 0) {
      run_over_leaves(eval, leaf_sums);
    } else {
      for (int64_t start = 0; start < n_; start += kBlock) {
        const int64_t len = std::min(kBlock, n_ - start);
        eval.run(start, len, plan_.direct >= 0 ? arrays_[0] + start : nullptr);
        finish_pass(eval, start, len, {}, nullptr);
      }
    }
    for (int o = 0; o < program_.num_outputs; ++o) {
      const size_t k = static_cast<size_t>(o);
      const OpCode op = program_.steps[program_.outputs[k]].op;
      if (op == OpCode::Sum && n_ > 0) {
        size_t next = 0;
        accumulators_[k] =
            T(0) + combine_leaves(
                       StridedSums{leaf_sums.data() + k, static_cast<size_t>(program_.num_outputs)},
                       next, n_);
      }
    }
  }

  // Output o's value once run() is done, when it is a reduction.
  T reduced(int o) const { return accumulators_[static_cast<size_t>(o)]; }

 private:
  // Passes made of whole leaves of the pairwise tree, at most kBlock
  // elements each; fills leaf_sums, num_outputs entries per leaf.
  void run_over_leaves(BlockEvaluator<T>& eval, std::vector<T>& leaf_sums) {
    // Note: the tree of the last length is kept: a loop sums arrays of one
    // length (1e6 elements: 8192 leaves, 10 us to list).
    thread_local std::vector<int64_t> leaves;
    thread_local int64_t leaves_of = -1;
    if (leaves_of != n_) {
      leaves.clear();
      pairwise_leaves(n_, leaves);
      leaves_of = n_;
    }
    const size_t stride = static_cast<size_t>(program_.num_outputs);
    if (leaf_sums.size() < leaves.size() * stride) leaf_sums.resize(leaves.size() * stride);
    int64_t start = 0;
    for (size_t leaf = 0; leaf < leaves.size();) {
      size_t end = leaf;
      int64_t len = 0;
      while (end < leaves.size() && len + leaves[end] <= kBlock) len += leaves[end++];
      eval.run(start, len, plan_.direct >= 0 ? arrays_[0] + start : nullptr);
      finish_pass(eval, start, len, std::span<const int64_t>(leaves.data() + leaf, end - leaf),
                  leaf_sums.data() + leaf * stride);
      start += len;
      leaf = end;
    }
  }

  // Leaf sums of output k: every num_outputs-th entry from k.
  struct StridedSums {
    const T* data;
    size_t stride;
    T operator[](size_t i) const { return data[i * stride]; }
  };

  template <class Sums>
  static T combine_leaves(const Sums& sums, size_t& next, int64_t n) {
    if (n <= 128) return sums[next++];
    int64_t half = n / 2;
    half -= half % 8;
    const T left = combine_leaves(sums, next, half);
    return left + combine_leaves(sums, next, n - half);
  }

  T initial(int o) const {
    const OpCode op = program_.steps[program_.outputs[static_cast<size_t>(o)]].op;
    if (op == OpCode::Max) return -std::numeric_limits<T>::infinity();
    if (op == OpCode::Min) return std::numeric_limits<T>::infinity();
    return T(0);
  }

  // Consumes the pass just evaluated on [start, start + len), made of
  // `leaves` when a sum is among the outputs.
  void finish_pass(const BlockEvaluator<T>& eval, int64_t start, int64_t len,
                   std::span<const int64_t> leaves, T* leaf_sums) {
    const size_t stride = static_cast<size_t>(program_.num_outputs);
    for (size_t k = 0; k < stride; ++k) {
      const FusedStep& step = program_.steps[program_.outputs[k]];
      if (!is_fused_reduction(step.op)) continue;
      const size_t at = program_.outputs[k];
      const T* data = eval.operand(plan_.reduce_operand[at]).data;
      const FusedPlan::ReduceForm form = plan_.reduce_form[at];
      if (step.op == OpCode::Sum) {
        simd_leaf_sums(data, leaves.data(), leaves.size(), form == FusedPlan::ReduceForm::OfSquares,
                       leaf_sums + k, stride);
      } else if (form == FusedPlan::ReduceForm::OfAbs) {
        const bool is_max = step.op == OpCode::Max;
        const T best = simd_reduce_extremum_abs(data, len, is_max);
        accumulators_[k] =
            is_max ? MaxStep{}(accumulators_[k], best) : MinStep{}(accumulators_[k], best);
      } else if (step.op == OpCode::Max) {
        accumulators_[k] = MaxStep{}.run(accumulators_[k], data, len);
      } else {
        accumulators_[k] = MinStep{}.run(accumulators_[k], data, len);
      }
    }
    if (plan_.direct >= 0) return;
    for (size_t k = 0; k < stride; ++k) {
      const uint16_t out = program_.outputs[k];
      if (is_fused_reduction(program_.steps[out].op)) continue;
      const T* data = eval.operand(static_cast<uint16_t>(inputs_.size() + out)).data;
      std::copy_n(data, len, arrays_[k] + start);
    }
  }

  std::span<const FusedOperand> inputs_;
  const FusedPlan& plan_;
  const FusedProgram& program_;
  int64_t n_;
  std::array<T*, kMaxFusedOutputs> arrays_;  // the array outputs' data
  std::array<T, kMaxFusedOutputs> accumulators_;
};

// The steps one by one through the ops' kernels, as the unfused graph runs;
// an error in a step merged from another line is reported at that line.
void run_unfused(KernelContext& ctx, const FusedProgram& program) {
  const size_t num_inputs = ctx.inputs.size();
  std::array<Value, kMaxValues> values;
  std::array<int, kMaxValues> last_read{};
  last_read.fill(-1);
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    for (int j = 0; j < step.num_operands; ++j) last_read[step.operands[j]] = k;
  }
  for (int o = 0; o < program.num_outputs; ++o) {
    last_read[num_inputs + program.outputs[static_cast<size_t>(o)]] = program.size;  // kept
  }
  for (size_t i = 0; i < num_inputs; ++i) values[i] = std::move(ctx.inputs[i]);
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    std::array<Value, 4> operands;
    for (int j = 0; j < step.num_operands; ++j) {
      const uint16_t ref = step.operands[j];
      // Note: moved at its last read (and not twice by one step), so a
      // temporary stays unique and its buffer is reused, as unfused.
      const bool again = j == 0 && step.num_operands > 1 && step.operands[1] == ref;
      if (last_read[ref] == k && !again) {
        operands[j] = std::move(values[ref]);
      } else {
        operands[j] = values[ref];
      }
    }
    // A reduction's other operands are NumPy's defaults: axis=None,
    // [dtype=None,] keepdims=False.
    size_t num_operands = static_cast<size_t>(step.num_operands);
    if (is_fused_reduction(step.op)) {
      operands[num_operands++] = Value();
      if (step.op == OpCode::Sum) operands[num_operands++] = Value();
      operands[num_operands++] = Value(false);
    }
    Value& result = values[num_inputs + static_cast<size_t>(k)];
    KernelContext step_ctx{std::span<Value>(operands.data(), num_operands),
                           std::span<Value>(&result, 1), ctx.node, ctx.print_stream};
    try {
      kernel_for(step.op)(step_ctx);
    } catch (RuntimeError& e) {
      if (program.num_segments > 0) e.at(fused_step_range(program, k, ctx.node.range));
      throw;
    }
  }
  for (int o = 0; o < program.num_outputs; ++o) {
    // Note: a value named twice is copied (a Value shares its buffer).
    ctx.outputs[static_cast<size_t>(o)] =
        values[num_inputs + program.outputs[static_cast<size_t>(o)]];
  }
}

// Whether a max/min output would reduce nothing (its kernel raises).
// Note: every step, not only the outputs: a graph file may hold a max that
// is no output, and the unfused steps raise for it too.
bool empty_max_or_min(const FusedProgram& program, int64_t n) {
  if (n != 0) return false;
  for (int k = 0; k < program.size; ++k) {
    const OpCode op = program.steps[static_cast<size_t>(k)].op;
    if (op == OpCode::Max || op == OpCode::Min) return true;
  }
  return false;
}

// The node's inputs as operands of the fast path.
struct Operands {
  std::array<FusedOperand, kMaxFusedSteps + 1> items;
  size_t size = 0;
  std::span<const FusedOperand> span() const { return {items.data(), size}; }
};

Operands operands_of(std::span<Value> inputs) {
  Operands ops;
  for (Value& v : inputs) {
    FusedOperand& op = ops.items[ops.size++];
    if (v.is_tensor()) {
      op.array = &v.as<Tensor>();
    } else {
      op.scalar = &v;
    }
  }
  return ops;
}

// A buffer for an array output: an input's when one moved in at its last use
// is held only there (result_buffer; once: the buffer it hands out is then
// shared), else a new one. The inputs stay in their Values, which keep them alive.
Tensor output_buffer(std::span<Value> inputs, DType dtype, const Shape& shape) {
  std::array<Tensor*, kMaxFusedSteps + 1> candidates;
  size_t count = 0;
  for (Value& v : inputs) {
    if (v.is_tensor()) candidates[count++] = &v.as<Tensor>();
  }
  return result_buffer(std::span<Tensor* const>(candidates.data(), count), dtype, shape);
}

template <class T>
void run_one_pass(KernelContext& ctx, const FusedPlan& plan, std::span<const FusedOperand> ops,
                  const Shape& shape) {
  const FusedProgram& program = plan.program;
  std::array<T*, kMaxFusedOutputs> arrays{};
  for (int o = 0; o < program.num_outputs; ++o) {
    const size_t k = static_cast<size_t>(o);
    if (is_fused_reduction(program.steps[program.outputs[k]].op)) continue;
    ctx.outputs[k] = Value(output_buffer(ctx.inputs, dtype_of<T>(), shape));
    arrays[k] = ctx.outputs[k].as<Tensor>().data<T>();
  }
  OnePass<T> pass(ops, plan, shape.numel(),
                  std::span<T* const>(arrays.data(), static_cast<size_t>(program.num_outputs)));
  pass.run();
  for (int o = 0; o < program.num_outputs; ++o) {
    const size_t k = static_cast<size_t>(o);
    if (!is_fused_reduction(program.steps[program.outputs[k]].op)) continue;  // made in place
    ctx.outputs[k] = Value(Tensor::scalar(dtype_of<T>(), pass.reduced(o)));
  }
}

// Runs the node with its plan.
void run_plan(KernelContext& ctx, const FusedPlan& plan) {
  const FusedProgram& program = plan.program;
  if (ctx.outputs.size() != static_cast<size_t>(program.num_outputs)) {
    throw RuntimeError(PyExc::InternalError, "fused_elementwise: output count mismatch");
  }
  const Operands ops = operands_of(ctx.inputs);
  DType dtype = DType::Float64;
  const Shape* shape = nullptr;
  if (!fast_path_applies(ops.span(), program, dtype, shape) ||
      empty_max_or_min(program, shape->numel())) {
    return run_unfused(ctx, program);
  }
  const Shape full = *shape;  // Note: an input may hand its buffer to a result
  if (dtype == DType::Float32) {
    run_one_pass<float>(ctx, plan, ops.span(), full);
  } else {
    run_one_pass<double>(ctx, plan, ops.span(), full);
  }
}

// Outside a function's plan (tests, a single kernel call): decodes the
// node's program first. Apart, so the usual call keeps no large locals.
[[gnu::noinline]] void decode_and_run(KernelContext& ctx) {
  std::string problem;
  const std::optional<FusedProgram> program = read_fused_program(ctx.node, &problem);
  if (!program) throw RuntimeError(PyExc::InternalError, "fused_elementwise: " + problem);
  const auto plan = std::make_unique<const FusedPlan>(make_fused_plan(*program, ctx.inputs.size()));
  run_plan(ctx, *plan);
}

}  // namespace

bool fused_elementwise_into(const FusedPlan& plan, std::span<const FusedOperand> operands,
                            Tensor& out) {
  const FusedProgram& program = plan.program;
  if (program.num_outputs != 1 || is_fused_reduction(program.steps[program.outputs[0]].op)) {
    return false;
  }
  DType dtype = DType::Float64;
  const Shape* shape = nullptr;
  if (!fast_path_applies(operands, program, dtype, shape)) return false;
  // Note: `out` may be an operand. Written in place when it holds its
  // buffer alone (each element is read before it is written, block by
  // block); else the result goes to a new buffer, as the operand is read.
  bool is_operand = false;
  for (const FusedOperand& op : operands) is_operand |= op.array == &out;
  Tensor fresh;
  Tensor& result = is_operand && !out.unique() ? fresh : out;
  if (!is_operand || !out.unique()) reuse_or_allocate(result, dtype, *shape);
  const int64_t n = shape->numel();
  if (dtype == DType::Float32) {
    float* data = result.data<float>();
    OnePass<float>(operands, plan, n, std::span<float* const>(&data, 1)).run();
  } else {
    double* data = result.data<double>();
    OnePass<double>(operands, plan, n, std::span<double* const>(&data, 1)).run();
  }
  if (&result == &fresh) out = std::move(fresh);
  return true;
}

void kernel_fused_elementwise(KernelContext& ctx) {
  if (ctx.fused_plan == nullptr) return decode_and_run(ctx);
  run_plan(ctx, *ctx.fused_plan);
}

}  // namespace pygraft::rt
