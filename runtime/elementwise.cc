#include "runtime/elementwise.h"

#include <limits>
#include <optional>
#include <string>

#include "runtime/cast.h"
#include "runtime/kernels_into.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

OperandType operand_type_checked(const Value& v, const char* ufunc) {
  if (v.is_py_scalar() || v.is_tensor() || v.is<TupleValue>()) return operand_type(v);
  throw RuntimeError(PyExc::TypeError, std::string("ufunc '") + ufunc +
                                           "' not supported for the input types ('" + type_name(v) +
                                           "')");
}

Tensor take_operand(Value& v, DType dtype, const char* ufunc) {
  if (v.is<bool>()) return Tensor::scalar(dtype, v.as<bool>());
  if (v.is<int64_t>()) {
    check_int_fits(v.as<int64_t>(), dtype);
    return Tensor::scalar(dtype, v.as<int64_t>());
  }
  if (v.is<double>()) return Tensor::scalar(dtype, v.as<double>());
  if (v.is<Tensor>()) {
    Tensor t = std::move(v.as<Tensor>());
    v = Value();
    return cast(t, dtype);
  }
  if (v.is<TupleValue>()) return cast(to_tensor(v), dtype);
  throw RuntimeError(PyExc::TypeError, std::string("ufunc '") + ufunc +
                                           "' not supported for the input types ('" + type_name(v) +
                                           "')");
}

Tensor result_buffer(std::span<Tensor* const> candidates, DType dtype, const Shape& shape) {
  for (Tensor* t : candidates) {
    if (t->unique() && t->dtype() == dtype && t->shape() == shape && t->raw() != nullptr) {
      return *t;
    }
  }
  return Tensor::empty(dtype, shape);
}

void reuse_or_allocate(Tensor& out, DType dtype, const Shape& shape) {
  if (out.unique() && out.dtype() == dtype && out.shape() == shape && out.raw() != nullptr) return;
  out = Tensor::empty(dtype, shape);
}

Tensor result_buffer(std::initializer_list<Tensor*> candidates, DType dtype, const Shape& shape) {
  return result_buffer(std::span<Tensor* const>(candidates.begin(), candidates.size()), dtype,
                       shape);
}

namespace {

// How operand k of `plan` covers the blocks of simd_binary_blocks (axis
// `inner` the run, the one before it the runs of a block, the one before
// that the blocks); nullopt when it fits none of the three forms.
template <class T>
std::optional<SimdBlockOperand<T>> block_operand(const BroadcastPlan& plan, int k, const T* data) {
  const int inner = plan.rank() - 1;
  const int64_t run = plan.dim(inner);
  const int64_t step = plan.rank() == 3 ? plan.stride(k, 0) : 0;
  const int64_t along_run = plan.stride(k, inner), along_runs = plan.stride(k, inner - 1);
  if (along_run == 1 && along_runs == run)
    return SimdBlockOperand<T>{data, step, SimdRepeat::Block};
  if (along_run == 1 && along_runs == 0 && 16 % (run * static_cast<int64_t>(sizeof(T))) == 0) {
    return SimdBlockOperand<T>{data, step, SimdRepeat::Run};
  }
  if (along_run == 0 && along_runs == 0) return SimdBlockOperand<T>{data, step, SimdRepeat::Value};
  return std::nullopt;
}

}  // namespace

bool simd_broadcast_binary(SimdBinary op, Tensor& out, const Tensor& x, const Tensor& y) {
  if (out.numel() == 0) return false;
  const Shape shapes[] = {out.shape(), x.shape(), y.shape()};
  const BroadcastPlan plan(shapes);
  // Note: long runs are vectorised run by run already (binary_loop).
  constexpr int64_t kShortRun = 8;
  if (plan.rank() < 2 || plan.rank() > 3 || plan.dim(plan.rank() - 1) >= kShortRun) return false;
  const int64_t run = plan.dim(plan.rank() - 1), count = plan.dim(plan.rank() - 2);
  const int64_t blocks = plan.rank() == 3 ? plan.dim(0) : 1;
  return dispatch_dtype(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      const auto a = block_operand<T>(plan, 1, x.data<T>());
      const auto b = block_operand<T>(plan, 2, y.data<T>());
      if (!a || !b) return false;
      simd_binary_blocks(op, *a, *b, out.data<T>(), blocks, run, count);
      return true;
    } else {
      return false;
    }
  });
}

bool all_py_scalars(std::span<const Value> inputs) {
  for (const Value& v : inputs) {
    if (!v.is_py_scalar()) return false;
  }
  return true;
}

}  // namespace pygraft::rt
