// fused_elementwise (graph/fused_elementwise.h): a chain of elementwise ops
// in one pass over memory.
//
// Fast path: every input is a float32 or float64 array of one dtype and one
// shape, or a Python scalar (weak under NEP 50, so it takes the arrays'
// dtype), and every step has an array operand. Each step's result is then an
// array of that dtype and shape, computed with the very element operations
// the ops' kernels use (the same float op, simd_tanh / simd_exp, which give
// an element the same bits wherever it sits), so the result is bit for bit
// the unfused one. The steps run over blocks of kBlock elements whose
// temporaries stay in the L1 cache; only the result is allocated (or an
// input's buffer reused). A trailing sum/max/min reduces the blocks as they
// are made: a sum through NumPy's pairwise tree, each leaf evaluated when
// reached, max/min with the max/min kernel's own vector steps, so the
// result has the bits of reducing the stored chain (which of two equal
// zeros a max keeps aside: NumPy leaves that open too).
// Anything else (ints, bools, broadcasting, 0-d arrays with scalars, tuples)
// runs the steps one by one through the ops' own kernels: results and errors
// are exactly the unfused graph's.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "graph/fused_elementwise.h"
#include "runtime/elementwise.h"
#include "runtime/kernel.h"
#include "runtime/reduce_fold.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {
namespace {

constexpr int64_t kBlock = 512;
constexpr int kMaxValues = 2 * kMaxFusedSteps + 1;  // inputs then step results

// Whether the fast path applies; sets the loop's dtype and shape.
bool fast_path_applies(std::span<const Value> inputs, const FusedProgram& program, DType& dtype,
                       const Shape*& shape) {
  std::array<bool, kMaxValues> is_array{};
  shape = nullptr;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Value& v = inputs[i];
    if (v.is_tensor()) {
      const Tensor& t = v.as<Tensor>();
      if (shape == nullptr) {
        if (t.dtype() != DType::Float32 && t.dtype() != DType::Float64) return false;
        shape = &t.shape();
        dtype = t.dtype();
      } else if (t.dtype() != dtype || !(t.shape() == *shape)) {
        return false;
      }
      is_array[i] = true;
    } else if (!v.is_py_scalar()) {
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
      for (int64_t i = 0; i < n; ++i) out[i] = std::abs(a.data[i]);
      return;
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
// temporaries of kBlock elements (or in `dst` for the last one).
template <class T>
class BlockEvaluator {
 public:
  BlockEvaluator(std::span<Value> inputs, const FusedProgram& program, int num_steps)
      : num_inputs_(inputs.size()), program_(program), num_steps_(num_steps) {
    for (size_t i = 0; i < num_inputs_; ++i) {
      Value& v = inputs[i];
      is_array_[i] = v.is_tensor();
      if (is_array_[i]) {
        data_[i] = v.as<Tensor>().data<T>();
      } else {
        scalars_[i] = py_scalar_element<T>(v, dtype_of<T>());
        data_[i] = &scalars_[i];
      }
    }
    // Note: per thread, so a loop of fused nodes allocates it once.
    thread_local std::vector<T> temporaries;
    temporaries.resize(static_cast<size_t>(program.size) * kBlock);
    temporaries_ = temporaries.data();
  }

  // Runs the steps on elements [start, start + len), len <= kBlock; the last
  // step writes to `dst` when it is not null.
  void run(int64_t start, int64_t len, T* dst) {
    start_ = start;
    const int last = num_steps_ - 1;
    for (int k = 0; k < num_steps_; ++k) {
      const FusedStep& step = program_.steps[static_cast<size_t>(k)];
      const BlockOperand<T> a = operand(step.operands[0]);
      if (step.op == OpCode::UfuncOperand && (k != last || dst == nullptr)) {
        data_[num_inputs_ + static_cast<size_t>(k)] = a.data;  // an array passes through
        continue;
      }
      T* out = k == last && dst != nullptr
                   ? dst
                   : temporaries_ + static_cast<size_t>(k) * static_cast<size_t>(kBlock);
      const BlockOperand<T> b = step.num_operands > 1 ? operand(step.operands[1]) : a;
      run_step(step, out, a, b, len);
      data_[num_inputs_ + static_cast<size_t>(k)] = out;
    }
  }

  // Value `ref` (an input or a step result) within the block run last.
  BlockOperand<T> operand(uint16_t ref) const {
    if (ref < num_inputs_ && !is_array_[ref]) return {data_[ref], false};
    return {data_[ref] + (ref < num_inputs_ ? start_ : 0), true};
  }

 private:
  size_t num_inputs_;
  const FusedProgram& program_;
  int num_steps_;
  int64_t start_ = 0;
  // Note: not cleared (a call on small arrays would spend more on that than
  // on its arithmetic); the constructor sets every input's entries and run()
  // every step's before they are read.
  std::array<const T*, kMaxValues> data_;
  std::array<T, kMaxFusedSteps + 1> scalars_;
  std::array<bool, kMaxFusedSteps + 1> is_array_;
  T* temporaries_ = nullptr;
};

template <class T>
Tensor run_blocked(std::span<Value> inputs, const FusedProgram& program, const Shape& shape) {
  // Note: the inputs stay in their Values, which keep them alive; one moved
  // in at its last use is held only there, so result_buffer may reuse it.
  std::array<Tensor*, kMaxFusedSteps + 1> candidates;
  size_t num_candidates = 0;
  for (Value& v : inputs) {
    if (v.is_tensor()) candidates[num_candidates++] = &v.as<Tensor>();
  }
  Tensor out = result_buffer(std::span<Tensor* const>(candidates.data(), num_candidates),
                             dtype_of<T>(), shape);
  T* result = out.data<T>();
  BlockEvaluator<T> eval(inputs, program, program.size);
  const int64_t n = out.numel();
  for (int64_t start = 0; start < n; start += kBlock) {
    eval.run(start, std::min(kBlock, n - start), result + start);
  }
  return out;
}

// NumPy's pairwise sum (runtime/reduce_fold.h) of the values the steps give
// on [start, start + n), evaluating each leaf of the summation tree (at most
// 128 elements) when it is reached, so the sum has the bits of summing the
// stored values.
template <class T>
T pairwise_sum_of_steps(BlockEvaluator<T>& eval, uint16_t ref, int64_t start, int64_t n) {
  if (n <= 128) {
    eval.run(start, n, nullptr);
    const BlockOperand<T> v = eval.operand(ref);
    if (v.is_array) return pairwise_sum(v.data, n);
    T sum = 0;  // not reached: a reduced step has an array operand
    for (int64_t i = 0; i < n; ++i) sum += *v.data;
    return sum;
  }
  int64_t half = n / 2;
  half -= half % 8;
  return pairwise_sum_of_steps(eval, ref, start, half) +
         pairwise_sum_of_steps(eval, ref, start + half, n - half);
}

// The chain reduced by its last step, as a 0-d array: a sum as the sum
// kernel adds (0 + the pairwise sum), max/min folded block by block with
// the max/min kernel's own steps (the first NaN wins).
template <class T>
Tensor run_reduced(std::span<Value> inputs, const FusedProgram& program, int64_t n) {
  const FusedStep& reduction = program.steps[static_cast<size_t>(program.size - 1)];
  const uint16_t ref = reduction.operands[0];
  BlockEvaluator<T> eval(inputs, program, program.size - 1);
  T result{};
  if (reduction.op == OpCode::Sum) {
    result = T(0) + (n == 0 ? T(0) : pairwise_sum_of_steps(eval, ref, 0, n));
  } else {
    const bool is_max = reduction.op == OpCode::Max;
    result = is_max ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity();
    for (int64_t start = 0; start < n; start += kBlock) {
      const int64_t len = std::min(kBlock, n - start);
      eval.run(start, len, nullptr);
      const T* block = eval.operand(ref).data;
      result = is_max ? MaxStep{}.run(result, block, len) : MinStep{}.run(result, block, len);
    }
  }
  return Tensor::scalar(dtype_of<T>(), result);
}

// The steps one by one through the ops' kernels, as the unfused graph runs.
void run_unfused(KernelContext& ctx, const FusedProgram& program) {
  const size_t num_inputs = ctx.inputs.size();
  std::array<Value, kMaxValues> values;
  std::array<int, kMaxValues> last_read{};
  last_read.fill(-1);
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    for (int j = 0; j < step.num_operands; ++j) last_read[step.operands[j]] = k;
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
    kernel_for(step.op)(step_ctx);
  }
  ctx.outputs[0] = std::move(values[num_inputs + static_cast<size_t>(program.size - 1)]);
}

}  // namespace

void kernel_fused_elementwise(KernelContext& ctx) {
  std::optional<FusedProgram> decoded;
  const FusedProgram* program = ctx.fused_program;
  if (program == nullptr) {
    std::string problem;
    decoded = read_fused_program(ctx.node, &problem);
    if (!decoded) throw RuntimeError(PyExc::InternalError, "fused_elementwise: " + problem);
    program = &*decoded;
  }
  DType dtype = DType::Float64;
  const Shape* shape = nullptr;
  if (!fast_path_applies(ctx.inputs, *program, dtype, shape)) return run_unfused(ctx, *program);
  if (is_fused_reduction(program->steps[static_cast<size_t>(program->size - 1)].op)) {
    const int64_t n = shape->numel();
    // Note: max/min of nothing raises; the kernel says so.
    if (n == 0 && program->steps[static_cast<size_t>(program->size - 1)].op != OpCode::Sum) {
      return run_unfused(ctx, *program);
    }
    ctx.outputs[0] = dtype == DType::Float32 ? run_reduced<float>(ctx.inputs, *program, n)
                                             : run_reduced<double>(ctx.inputs, *program, n);
    return;
  }
  const Shape full = *shape;  // Note: the inputs are moved from below
  ctx.outputs[0] = dtype == DType::Float32 ? run_blocked<float>(ctx.inputs, *program, full)
                                           : run_blocked<double>(ctx.inputs, *program, full);
}

}  // namespace pygraft::rt
