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
// input's buffer reused).
// Anything else (ints, bools, broadcasting, 0-d arrays with scalars, tuples)
// runs the steps one by one through the ops' own kernels: results and errors
// are exactly the unfused graph's.
#include <algorithm>
#include <array>
#include <vector>

#include "graph/fused_elementwise.h"
#include "runtime/elementwise.h"
#include "runtime/kernel.h"
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

template <class T>
Tensor run_blocked(std::span<Value> inputs, const FusedProgram& program, const Shape& shape) {
  const size_t num_inputs = inputs.size();
  std::array<const T*, kMaxValues> data;
  std::array<T, kMaxFusedSteps + 1> scalars;
  std::array<bool, kMaxFusedSteps + 1> is_array;
  // Note: the inputs stay in their Values, which keep them alive; one moved
  // in at its last use is held only there, so result_buffer may reuse it.
  std::array<Tensor*, kMaxFusedSteps + 1> candidates;
  size_t num_candidates = 0;
  for (size_t i = 0; i < num_inputs; ++i) {
    Value& v = inputs[i];
    is_array[i] = v.is_tensor();
    if (is_array[i]) {
      Tensor& t = v.as<Tensor>();
      data[i] = t.data<T>();
      candidates[num_candidates++] = &t;
    } else {
      scalars[i] = py_scalar_element<T>(v, dtype_of<T>());
      data[i] = &scalars[i];
    }
  }
  Tensor out = result_buffer(std::span<Tensor* const>(candidates.data(), num_candidates),
                             dtype_of<T>(), shape);
  T* result = out.data<T>();
  const int last = program.size - 1;
  // Note: per thread, so a loop of fused nodes allocates it once.
  thread_local std::vector<T> temporaries;
  temporaries.resize(static_cast<size_t>(program.size) * kBlock);
  const int64_t n = out.numel();
  for (int64_t start = 0; start < n; start += kBlock) {
    const int64_t len = std::min(kBlock, n - start);
    auto operand = [&](uint16_t ref) -> BlockOperand<T> {
      if (ref < num_inputs && !is_array[ref]) return {data[ref], false};
      return {data[ref] + (ref < num_inputs ? start : 0), true};
    };
    for (int k = 0; k < program.size; ++k) {
      const FusedStep& step = program.steps[static_cast<size_t>(k)];
      const BlockOperand<T> a = operand(step.operands[0]);
      if (step.op == OpCode::UfuncOperand && k != last) {
        data[num_inputs + static_cast<size_t>(k)] = a.data;  // an array passes through
        continue;
      }
      T* dst = k == last ? result + start : temporaries.data() + static_cast<size_t>(k) * kBlock;
      const BlockOperand<T> b = step.num_operands > 1 ? operand(step.operands[1]) : a;
      run_step(step, dst, a, b, len);
      data[num_inputs + static_cast<size_t>(k)] = dst;
    }
  }
  return out;
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
    std::array<Value, 2> operands;
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
    Value& result = values[num_inputs + static_cast<size_t>(k)];
    KernelContext step_ctx{
        std::span<Value>(operands.data(), static_cast<size_t>(step.num_operands)),
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
  const Shape full = *shape;  // Note: the inputs are moved from below
  ctx.outputs[0] = dtype == DType::Float32 ? run_blocked<float>(ctx.inputs, *program, full)
                                           : run_blocked<double>(ctx.inputs, *program, full);
}

}  // namespace pygraft::rt
