#include "runtime/narrow_dtypes.h"

#include <optional>
#include <string>
#include <vector>

#include "runtime/cast.h"
#include "runtime/promotion.h"

namespace pygraft::rt {
namespace {

bool is_narrow_array(const Value& v) {
  return v.is<Tensor>() && is_narrow(v.as<Tensor>().dtype());
}

// The dtype kernels compute a result of dtype `t` in.
DType compute_dtype(DType t) {
  if (!is_narrow(t)) return t;
  return t == DType::Float16 ? DType::Float32 : DType::Int64;
}

// uint64 computes as int64, exact for what int64 holds; above it, a clear
// refusal rather than a wrong comparison or quotient.
void check_uint64_fits_int64(const Tensor& t) {
  const uint64_t* data = t.data<uint64_t>();
  for (int64_t i = 0, n = t.numel(); i < n; ++i) {
    if (data[i] > static_cast<uint64_t>(INT64_MAX)) {
      throw RuntimeError(PyExc::OverflowError,
                         "uint64 value " + std::to_string(data[i]) +
                             " is above 2**63 - 1, the largest integer pygraft computes with");
    }
  }
}

// `t` converted to the dtype a kernel computes in for a result of `target`:
// the target's float when it is one (uint8 for a float16 result widens to
// float32), else the array's own compute dtype. `modular`: the op is
// exact_modulo_2_64, so any uint64 value may compute as int64.
Tensor widen(const Tensor& t, std::optional<DType> target, bool modular) {
  DType to = compute_dtype(t.dtype());
  if (target && is_float(*target) && !is_float(t.dtype())) to = compute_dtype(*target);
  if (t.dtype() == DType::UInt64 && !is_float(to) && !modular) check_uint64_fits_int64(t);
  return cast(t, to);
}

// The operands whose dtypes the result's follows: the arrays a
// concatenation joins, np.where's two values, else every operand.
std::vector<const Value*> numeric_operands(NarrowRule rule, OpCode op, std::span<const Value> in) {
  std::vector<const Value*> out;
  if (scans_sequences(op)) {
    for (const Value& v : in) {
      if (!v.is<TupleValue>()) continue;
      for (const Value& item : v.items()) out.push_back(&item);
    }
    return out;
  }
  for (size_t i = rule == NarrowRule::Values ? 1 : 0; i < in.size(); ++i) out.push_back(&in[i]);
  return out;
}

// The promotion of the numeric operands (NEP 50: Python scalars weak).
std::optional<OperandType> promote_operands(const std::vector<const Value*>& operands) {
  std::optional<OperandType> acc;
  for (const Value* v : operands) {
    if (!(v->is<Tensor>() || v->is<bool>() || v->is<int64_t>() || v->is<double>())) continue;
    const OperandType t = operand_type(*v);
    acc = acc ? OperandType{result_type(*acc, t), acc->weak && t.weak} : t;
  }
  return acc;
}

// NumPy 2: a Python int combined with an integer array must fit its dtype.
void check_python_ints_fit(const std::vector<const Value*>& operands, DType dtype) {
  if (!is_integer(dtype)) return;
  for (const Value* v : operands) {
    if (v->is<int64_t>()) check_int_fits(v->as<int64_t>(), dtype);
  }
}

std::optional<DType> dtype_operand(std::span<const Value> operands) {
  for (const Value& v : operands) {
    if (v.is<DType>()) return v.as<DType>();
  }
  return std::nullopt;
}

std::optional<DType> first_array_dtype(std::span<const Value> operands) {
  if (!operands.empty() && operands[0].is<Tensor>()) return operands[0].as<Tensor>().dtype();
  return std::nullopt;
}

DType accumulate_dtype(DType t) {
  if (!is_narrow(t) || is_float(t)) return t;
  return is_unsigned(t) ? DType::UInt64 : DType::Int64;
}

DType average_dtype(DType t) {
  return is_float(t) ? t : DType::Float64;
}

// The op as the user wrote it, or the IR name for ops no spelling reaches.
std::string spelled(OpCode op) {
  std::string name = spelled_name(op);
  return name.empty() ? std::string(op_info(op).name) : name;
}

[[noreturn]] void refuse(OpCode op, std::span<const Value> operands) {
  std::string dtype = "narrow";
  for (const Value& v : operands) {
    if (is_narrow_array(v)) dtype = std::string(dtype_name(v.as<Tensor>().dtype()));
  }
  throw RuntimeError(PyExc::TypeError,
                     "'" + spelled(op) + "' does not take " + dtype +
                         " arrays in pygraft yet; convert first, e.g. x.astype(np.int64) "
                         "or x.astype(np.float32)");
}

// NumPy's result dtype for the op under its rule; nullopt when the kernel's
// own dtype is the answer (Fixed, or nothing narrow decides it).
std::optional<DType> result_dtype(NarrowRule rule, OpCode op, std::span<const Value> in) {
  switch (rule) {
    case NarrowRule::Promote:
    case NarrowRule::Values:
    case NarrowRule::FloatOf:
    case NarrowRule::TrueDivide: {
      std::optional<OperandType> p = promote_operands(numeric_operands(rule, op, in));
      if (!p) return std::nullopt;
      if (rule == NarrowRule::FloatOf) return smallest_float_holding(p->dtype);
      if (rule == NarrowRule::TrueDivide && !is_float(p->dtype)) return DType::Float64;
      if (p->dtype == DType::Bool && all_bool_result(op)) return all_bool_result(op);
      return p->dtype;
    }
    case NarrowRule::KeepFirst:
    case NarrowRule::Store:
      if (first_array_dtype(in) == DType::Bool && all_bool_result(op)) return all_bool_result(op);
      return first_array_dtype(in);
    case NarrowRule::Accumulate:
    case NarrowRule::Average: {
      if (std::optional<DType> requested = dtype_operand(in)) return requested;
      std::optional<DType> t = first_array_dtype(in);
      if (!t) return std::nullopt;
      return rule == NarrowRule::Accumulate ? accumulate_dtype(*t) : average_dtype(*t);
    }
    case NarrowRule::Creation:
      if (std::optional<DType> requested = dtype_operand(in)) return requested;
      return first_array_dtype(in);
    case NarrowRule::Fixed:
    case NarrowRule::Pass:
    case NarrowRule::Refuse:
      break;
  }
  return std::nullopt;
}

void widen_operand(Value& v, std::optional<DType> target, WideningTriggers triggers, bool modular) {
  auto widen_value = [&](Value& x) {
    if (!x.is<Tensor>()) return;
    const Tensor& t = x.as<Tensor>();
    if (is_narrow(t.dtype()) || (triggers.bools && t.dtype() == DType::Bool)) {
      x = Value(widen(t, target, modular));
    }
  };
  if (triggers.dtype_args && v.is<DType>() && is_narrow(v.as<DType>())) {
    v = Value(compute_dtype(v.as<DType>()));
  } else if (triggers.sequences && v.is<TupleValue>()) {
    std::vector<Value> items(v.items().begin(), v.items().end());
    for (Value& item : items) widen_value(item);
    v = v.as<TupleValue>().list ? Value::list(std::move(items)) : Value::tuple(std::move(items));
  } else {
    widen_value(v);
  }
}

void narrow_result(Value& v, DType target) {
  if (v.is<Tensor>()) {
    if (v.as<Tensor>().dtype() != target) v = Value(cast(v.as<Tensor>(), target));
  } else if (v.is<TupleValue>()) {
    std::vector<Value> items(v.items().begin(), v.items().end());
    for (Value& item : items) narrow_result(item, target);
    v = v.as<TupleValue>().list ? Value::list(std::move(items)) : Value::tuple(std::move(items));
  }
}

// The Python numbers NumPy 2 converts to the result's integer dtype, and
// refuses when they do not fit: operands of arithmetic, np.where's values,
// the value stored by x[i] = v or x.fill(v), np.full's fill value.
void check_stored_python_numbers(NarrowRule rule, OpCode op, std::span<const Value> in,
                                 DType target) {
  if (!is_integer(target)) return;
  if (rule == NarrowRule::Promote || rule == NarrowRule::Values) {
    check_python_ints_fit(numeric_operands(rule, op, in), target);
  } else if ((rule == NarrowRule::Store || op == OpCode::Full || op == OpCode::FullLike) &&
             in.size() > 1) {
    check_scalar_fits(in[1], target);
  }
}

}  // namespace

bool needs_widening(std::span<const Value> inputs, WideningTriggers triggers) {
  for (const Value& v : inputs) {
    if (v.is<Tensor>()) {
      const DType t = v.as<Tensor>().dtype();
      if (is_narrow(t) || (triggers.bools && t == DType::Bool)) return true;
    } else if (v.is<DType>()) {
      if (triggers.dtype_args && is_narrow(v.as<DType>())) return true;
    } else if (triggers.sequences && v.is<TupleValue>()) {
      for (const Value& item : v.items()) {
        if (is_narrow_array(item)) return true;
      }
    }
  }
  return false;
}

void run_widened(KernelFn kernel, OpCode op, KernelContext& ctx) {
  const NarrowRule rule = narrow_rule(op);
  if (rule == NarrowRule::Refuse) refuse(op, ctx.inputs);
  const std::optional<DType> target = result_dtype(rule, op, ctx.inputs);
  if (target) check_stored_python_numbers(rule, op, ctx.inputs, *target);
  const WideningTriggers triggers = widening_triggers(op);
  for (Value& v : ctx.inputs) widen_operand(v, target, triggers, exact_modulo_2_64(op));
  kernel(ctx);
  if (!target) return;
  for (Value& out : ctx.outputs) narrow_result(out, *target);
}

}  // namespace pygraft::rt
