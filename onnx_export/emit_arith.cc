// Emitters of arithmetic, comparisons and elementwise math, with NumPy's and
// Python's semantics spelled out where ONNX's operators differ: integer
// division by zero gives 0 (NumPy) instead of a fault, floor division and
// modulo take the divisor's sign, maximum/minimum propagate NaN.
#include <cmath>
#include <numbers>

#include "onnx_export/emitters.h"
#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

namespace {

std::string both_as(EmitContext& ctx, size_t i, DType dtype) {
  return ctx.input_as(i, dtype);
}

// The dtype ONNX Runtime computes `dtype`'s arithmetic in.
DType compute_dtype(DType dtype) {
  switch (dtype) {
    case DType::Int8:
    case DType::Int16:
    case DType::UInt8:
    case DType::UInt16:
      return DType::Int32;
    case DType::Float16:
      return DType::Float32;
    default:
      return dtype;
  }
}

// NaN wherever either operand is NaN, else `value` (NumPy's maximum, minimum
// and clip propagate NaN; ONNX's Max and Min need not).
std::string propagate_nan(EmitContext& ctx, const std::string& a, const std::string& b,
                          const std::string& value, DType dtype) {
  if (!is_float(dtype)) return value;
  const std::string either = ctx.emit("Or", {ctx.emit("IsNaN", {a}), ctx.emit("IsNaN", {b})});
  return ctx.emit("Where", {either, ctx.emit("Add", {a, b}), value});
}

std::string nan_max(EmitContext& ctx, const std::string& a, const std::string& b, DType dtype,
                    const char* op) {
  return propagate_nan(ctx, a, b, ctx.emit(op, {a, b}), dtype);
}

// Integer division with a divisor of zero replaced by one (ONNX's integer Div
// and Mod fault on zero); the caller masks those lanes.
struct SafeDivisor {
  std::string divisor;
  std::string is_zero;
};

// ONNX Runtime's integer Div and Mod fault on 0, and on -1 with the most
// negative dividend: both become 1 (x mod -1 and x mod 1 are both 0; the
// quotient by -1 is negated after), and a zero divisor's lanes give 0.
SafeDivisor safe_divisor(EmitContext& ctx, const std::string& b, DType dtype) {
  const std::string is_zero = ctx.emit("Equal", {b, ctx.scalar(dtype, 0.0)});
  std::string divisor = ctx.emit("Where", {is_zero, ctx.scalar(dtype, 1.0), b});
  if (!is_unsigned(dtype)) {
    const std::string minus_one = ctx.emit("Equal", {b, ctx.scalar(dtype, -1.0)});
    divisor = ctx.emit("Where", {minus_one, ctx.scalar(dtype, 1.0), divisor});
  }
  return {divisor, is_zero};
}

std::string masked_zero(EmitContext& ctx, const SafeDivisor& d, const std::string& value,
                        DType dtype) {
  return ctx.emit("Where", {d.is_zero, ctx.scalar(dtype, 0.0), value});
}

bool refuse_unsigned_64(EmitContext& ctx, DType dtype) {
  if (dtype != DType::UInt64) return false;
  ctx.refuse("on uint64 has no exact ONNX export (values above 2**63 - 1)");
  return true;
}

// ONNX Runtime has float32 kernels only for Tan, Asin, Acos, Atan, Sinh,
// Cosh and Erf: their float64 forms from double kernels (Sin, Cos, Exp), or
// the float32 kernel refined by a Newton step in double. "" for other ops.
std::string double_without_kernel(EmitContext& ctx, const std::string& op, const std::string& x) {
  const DType f = DType::Float64;
  auto f32 = [&](const char* fop) {
    return ctx.cast(ctx.emit(fop, {ctx.cast(x, f, DType::Float32)}), DType::Float32, f);
  };
  if (op == "Tan") return ctx.emit("Div", {ctx.emit("Sin", {x}), ctx.emit("Cos", {x})});
  if (op == "Sinh" || op == "Cosh") {
    // e^(|x| - ln 2) +- e^(-|x| - ln 2): no overflow before the result's.
    const std::string ax = ctx.emit("Abs", {x});
    const std::string ln2 = ctx.scalar(f, std::numbers::ln2);
    const std::string big = ctx.emit("Exp", {ctx.emit("Sub", {ax, ln2})});
    const std::string small = ctx.emit("Exp", {ctx.emit("Sub", {ctx.emit("Neg", {ax}), ln2})});
    if (op == "Cosh") return ctx.emit("Add", {big, small});
    // sinh: odd; near 0 its Taylor series, where the difference cancels.
    const std::string magnitude = ctx.emit("Sub", {big, small});
    const std::string x2 = ctx.emit("Mul", {x, x});
    const std::string series = ctx.emit(
        "Mul",
        {x, ctx.emit(
                "Add",
                {ctx.scalar(f, 1.0),
                 ctx.emit("Mul",
                          {x2, ctx.emit("Add",
                                        {ctx.scalar(f, 1.0 / 6.0),
                                         ctx.emit("Mul", {x2, ctx.scalar(f, 1.0 / 120.0)})})})})});
    const std::string signed_magnitude = ctx.emit(
        "Where",
        {ctx.emit("Less", {x, ctx.scalar(f, 0.0)}), ctx.emit("Neg", {magnitude}), magnitude});
    const std::string tiny = ctx.emit("Less", {ax, ctx.scalar(f, 1e-3)});
    return ctx.emit("Where", {tiny, series, signed_magnitude});
  }
  if (op == "Atan") {
    // y -= (tan y - x) cos^2 y, from the float32 atan.
    const std::string y = f32("Atan");
    const std::string s = ctx.emit("Sin", {y}), c = ctx.emit("Cos", {y});
    const std::string residual =
        ctx.emit("Sub", {ctx.emit("Mul", {s, c}), ctx.emit("Mul", {x, ctx.emit("Mul", {c, c})})});
    // atan(+-inf) is +-pi/2, which the float32 value already is to its precision.
    const std::string infinite = ctx.emit("IsInf", {x});
    const std::string pi_2 = ctx.scalar(f, std::numbers::pi / 2);
    const std::string at_infinity = ctx.emit(
        "Where", {ctx.emit("Less", {x, ctx.scalar(f, 0.0)}), ctx.emit("Neg", {pi_2}), pi_2});
    return ctx.emit("Where", {infinite, at_infinity, ctx.emit("Sub", {y, residual})});
  }
  if (op == "Asin" || op == "Acos") {
    // asin: y -= (sin y - x) / cos y from the float32 asin (cos y > 0 inside
    // the domain but at +-1, where the float32 value is kept); acos = pi/2 - asin.
    const std::string y = f32("Asin");
    const std::string c = ctx.emit("Cos", {y});
    const std::string step = ctx.emit("Div", {ctx.emit("Sub", {ctx.emit("Sin", {y}), x}), c});
    const std::string refine = ctx.emit("Greater", {c, ctx.scalar(f, 1e-4)});
    std::string asin = ctx.emit("Where", {refine, ctx.emit("Sub", {y, step}), y});
    // The end points exactly: asin(+-1) = +-pi/2 (so acos(1) is 0, acos(-1) pi).
    for (double end : {1.0, -1.0}) {
      const std::string at_end = ctx.emit("Equal", {x, ctx.scalar(f, end)});
      asin = ctx.emit("Where", {at_end, ctx.scalar(f, end * std::numbers::pi / 2), asin});
    }
    if (op == "Asin") return asin;
    return ctx.emit("Sub", {ctx.scalar(f, std::numbers::pi / 2), asin});
  }
  if (op == "Erf") return f32("Erf");  // documented: float32 precision (docs/onnx.md)
  return "";
}

}  // namespace

void emit_binary(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  std::string op(ctx.onnx_op());
  if (dtype == DType::Bool) {
    // NumPy's bool add is logical or, multiply logical and; subtract raises.
    if (op == "Add" || op == "Max") op = "Or";
    if (op == "Mul" || op == "Min") op = "And";
    if (op == "Sub") {
      ctx.refuse("on booleans (NumPy raises TypeError)", DiagCode::OnnxUnknownType);
      return;
    }
  } else if (op == "And" || op == "Or" || op == "Xor") {
    ctx.refuse("on integers needs ONNX's bitwise operators (opset 18); pygraft exports opset 17");
    return;
  }
  // ONNX Runtime lacks most 8/16-bit and float16 kernels: compute widened
  // and convert back (integer results wrap as NumPy's, the low bits kept).
  const DType work = dtype == DType::Bool ? dtype : compute_dtype(dtype);
  const std::string a = both_as(ctx, 0, work);
  const std::string b = both_as(ctx, 1, work);
  std::string result;
  if (op == "Max" || op == "Min") {
    result = nan_max(ctx, a, b, work, op == "Max" ? "Max" : "Min");
  } else {
    result = ctx.emit(op, {a, b});
  }
  ctx.set_output(0, ctx.cast(result, work, dtype));
}

void emit_true_divide(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  ctx.set_output(0, ctx.emit("Div", {both_as(ctx, 0, dtype), both_as(ctx, 1, dtype)}));
}

namespace {

// NumPy's divmod for floats (npymath's npy_divmod): the floor quotient and
// the remainder with the divisor's sign, exact where floor(a / b) is not.
std::pair<std::string, std::string> float_divmod(EmitContext& ctx, const std::string& a,
                                                 const std::string& b, DType dtype) {
  const std::string zero = ctx.scalar(dtype, 0.0);
  const std::string one = ctx.scalar(dtype, 1.0);
  std::string mod =
      ctx.emit("Mod", {a, b}, [](onnx::NodeProto& n) { set_attr(n, "fmod", int64_t{1}); });
  std::string div = ctx.emit("Div", {ctx.emit("Sub", {a, mod}), b});
  // A remainder of the other sign than the divisor moves to the divisor's side.
  const std::string mod_nonzero = ctx.emit("Not", {ctx.emit("Equal", {mod, zero})});
  const std::string signs_differ =
      ctx.emit("Xor", {ctx.emit("Less", {b, zero}), ctx.emit("Less", {mod, zero})});
  const std::string fix = ctx.emit("And", {mod_nonzero, signs_differ});
  mod = ctx.emit("Where", {fix, ctx.emit("Add", {mod, b}), mod});
  div = ctx.emit("Where", {fix, ctx.emit("Sub", {div, one}), div});
  // floor, rounded back up where the quotient sits within half of the next.
  std::string floordiv = ctx.emit("Floor", {div});
  const std::string half = ctx.scalar(dtype, 0.5);
  const std::string up = ctx.emit("Greater", {ctx.emit("Sub", {div, floordiv}), half});
  floordiv = ctx.emit("Where", {up, ctx.emit("Add", {floordiv, one}), floordiv});
  // A zero divisor: a / b (inf or nan) and a nan remainder, as NumPy.
  const std::string b_zero = ctx.emit("Equal", {b, zero});
  floordiv = ctx.emit("Where", {b_zero, ctx.emit("Div", {a, b}), floordiv});
  return {floordiv, mod};
}

}  // namespace

namespace {

// x // y and x % y: Python's and NumPy's floor division and modulo (the
// remainder takes the divisor's sign).
void emit_floor_divmod(EmitContext& ctx, bool quotient_wanted) {
  const DType dtype = ctx.out_type().dtype;
  if (dtype == DType::Bool || refuse_unsigned_64(ctx, dtype)) {
    if (!ctx.refused()) ctx.refuse("on booleans has no ONNX export");
    return;
  }
  const std::string a = both_as(ctx, 0, dtype);
  const std::string b = both_as(ctx, 1, dtype);
  if (is_float(dtype)) {
    const auto [quotient, mod] = float_divmod(ctx, a, b, dtype);
    ctx.set_output(0, quotient_wanted ? quotient : mod);
    return;
  }
  // Integers: ONNX's Mod (fmod=0) takes the divisor's sign, as Python's %;
  // a - (a mod b) is then an exact multiple of b, so dividing it (ONNX's Div
  // truncates) gives the floor.
  const SafeDivisor d = safe_divisor(ctx, b, dtype);
  const std::string mod =
      ctx.emit("Mod", {a, d.divisor}, [](onnx::NodeProto& n) { set_attr(n, "fmod", int64_t{0}); });
  if (!quotient_wanted) {
    ctx.set_output(0, masked_zero(ctx, d, mod, dtype));
    return;
  }
  std::string quotient = ctx.emit("Div", {ctx.emit("Sub", {a, mod}), d.divisor});
  if (!is_unsigned(dtype)) {
    const std::string by_minus_one = ctx.emit("Equal", {b, ctx.scalar(dtype, -1.0)});
    quotient = ctx.emit("Where", {by_minus_one, ctx.emit("Neg", {a}), quotient});
  }
  ctx.set_output(0, masked_zero(ctx, d, quotient, dtype));
}

}  // namespace

void emit_floor_divide(EmitContext& ctx) {
  emit_floor_divmod(ctx, true);
}

void emit_remainder(EmitContext& ctx) {
  emit_floor_divmod(ctx, false);
}

void emit_power(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  if (dtype == DType::Bool ||
      !(is_float(dtype) || dtype == DType::Int64 || dtype == DType::Int32)) {
    ctx.refuse("on " + std::string(dtype_name(dtype)) + " has no ONNX export");
    return;
  }
  ctx.set_output(0, ctx.emit("Pow", {both_as(ctx, 0, dtype), both_as(ctx, 1, dtype)}));
}

void emit_compare(EmitContext& ctx) {
  const StaticType& a = ctx.in_type(0);
  const StaticType& b = ctx.in_type(1);
  const DType common = result_type(a.operand(), b.operand());
  if ((a.is_python_scalar() != b.is_python_scalar()) && is_narrow(common) && is_integer(common)) {
    ctx.refuse(
        "of a narrow integer array with a Python int has no ONNX export (NumPy 2 compares "
        "the values exactly)");
    return;
  }
  std::string result = ctx.emit(ctx.onnx_op(), {both_as(ctx, 0, common), both_as(ctx, 1, common)});
  if (ctx.node().op == OpCode::Ne) result = ctx.emit("Not", {result});
  ctx.set_output(0, result);
}

void emit_unary(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const std::string op(ctx.onnx_op());
  if (op == "Identity") {
    ctx.set_output(0, ctx.input_as(0, dtype));
    return;
  }
  if (op == "Not") {  // ~x
    if (dtype == DType::Bool) {
      ctx.set_output(0, ctx.emit("Not", {ctx.input_as(0, dtype)}));
    } else if (!is_unsigned(dtype) && is_integer(dtype)) {
      // Two's complement: ~x == -x - 1.
      const std::string neg = ctx.emit("Neg", {ctx.input_as(0, dtype)});
      ctx.set_output(0, ctx.emit("Sub", {neg, ctx.scalar(dtype, 1.0)}));
    } else {
      ctx.refuse("on " + std::string(dtype_name(dtype)) + " has no ONNX export");
    }
    return;
  }
  if ((op == "IsNaN" || op == "IsInf") && !is_float(ctx.in_type(0).dtype)) {
    ctx.refuse("on integers has no ONNX export");
    return;
  }
  if (op == "Floor" || op == "Ceil") {
    const DType in = ctx.in_type(0).dtype;
    if (!is_float(in)) {
      ctx.set_output(0, ctx.input_as(0, dtype));  // math.floor(7) is 7
    } else {
      // math.floor(2.5) is the int 2: round in the float, then convert.
      ctx.set_output(0, ctx.cast(ctx.emit(op, {ctx.input(0)}), in, dtype));
    }
    return;
  }
  const DType in_dtype = op == "IsNaN" || op == "IsInf" ? ctx.in_type(0).dtype : dtype;
  const std::string x = ctx.input_as(0, in_dtype);
  if (dtype == DType::Float64) {
    if (std::string y = double_without_kernel(ctx, op, x); !y.empty()) {
      ctx.set_output(0, y);
      return;
    }
  }
  ctx.set_output(0, ctx.emit(op, {x}));
}

void emit_abs(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  if (dtype == DType::Bool) {
    ctx.set_output(0, ctx.input(0));
    return;
  }
  ctx.set_output(0, ctx.emit("Abs", {ctx.input_as(0, dtype)}));
}

void emit_square(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  if (dtype == DType::Bool) {
    ctx.refuse("on booleans has no ONNX export");
    return;
  }
  const std::string x = ctx.input_as(0, dtype);
  ctx.set_output(0, ctx.emit("Mul", {x, x}));
}

void emit_trunc(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const std::string x = ctx.input_as(0, ctx.in_type(0).dtype);
  if (!is_float(ctx.in_type(0).dtype)) {
    ctx.set_output(0, ctx.cast(x, ctx.in_type(0).dtype, dtype));
    return;
  }
  const std::string negative = ctx.emit("Less", {x, ctx.scalar(ctx.in_type(0).dtype, 0.0)});
  const std::string t =
      ctx.emit("Where", {negative, ctx.emit("Ceil", {x}), ctx.emit("Floor", {x})});
  ctx.set_output(0, ctx.cast(t, ctx.in_type(0).dtype, dtype));
}

void emit_log_base(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const double base = ctx.node().op == OpCode::Log2 ? 2.0 : 10.0;
  const std::string ln = ctx.emit("Log", {ctx.input_as(0, dtype)});
  ctx.set_output(0, ctx.emit("Div", {ln, ctx.scalar(dtype, std::log(base))}));
}

void emit_isfinite(EmitContext& ctx) {
  const DType in = ctx.in_type(0).dtype;
  if (!is_float(in)) {
    ctx.refuse("on integers has no ONNX export");
    return;
  }
  const std::string x = ctx.input(0);
  const std::string bad = ctx.emit("Or", {ctx.emit("IsNaN", {x}), ctx.emit("IsInf", {x})});
  ctx.set_output(0, ctx.emit("Not", {bad}));
}

void emit_logical(EmitContext& ctx) {
  std::vector<std::string> inputs;
  for (size_t i = 0; i < ctx.num_inputs(); ++i) inputs.push_back(ctx.input_as(i, DType::Bool));
  ctx.set_output(0, ctx.emit(ctx.onnx_op(), inputs));
}

void emit_where(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  ctx.set_output(0, ctx.select(ctx.input_as(0, DType::Bool), ctx.input_as(1, dtype),
                               ctx.input_as(2, dtype), dtype));
}

void emit_clip(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const DType work = dtype == DType::Bool ? DType::Int32 : compute_dtype(dtype);
  std::string x = ctx.input_as(0, work);
  if (ctx.in_type(1).kind != StaticKind::None) {
    x = nan_max(ctx, x, ctx.input_as(1, work), work, "Max");
  }
  if (ctx.in_type(2).kind != StaticKind::None) {
    x = nan_max(ctx, x, ctx.input_as(2, work), work, "Min");
  }
  // np.clip's result has the broadcast shape of all three operands.
  ctx.set_output(0, ctx.cast(x, work, dtype));
}

void emit_round(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const int64_t decimals = ctx.in_type(1).constant_int().value_or(0);
  const std::string x = ctx.input_as(0, dtype);
  if (!is_float(dtype)) {
    if (decimals >= 0) {
      ctx.set_output(0, x);
    } else {
      ctx.refuse("with negative decimals on integers has no ONNX export");
    }
    return;
  }
  if (decimals == 0) {
    ctx.set_output(0, ctx.emit("Round", {x}));
    return;
  }
  // NumPy: rint(x * 10**d) / 10**d, or rint(x / 10**-d) * 10**-d.
  const std::string scale =
      ctx.scalar(dtype, std::pow(10.0, static_cast<double>(std::abs(decimals))));
  if (decimals > 0) {
    ctx.set_output(0, ctx.emit("Div", {ctx.emit("Round", {ctx.emit("Mul", {x, scale})}), scale}));
  } else {
    ctx.set_output(0, ctx.emit("Mul", {ctx.emit("Round", {ctx.emit("Div", {x, scale})}), scale}));
  }
}

void emit_matmul(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  if (ctx.in_type(0).rank() == 0 || ctx.in_type(1).rank() == 0) {  // np.dot with a scalar
    if (dtype == DType::Bool) {
      ctx.refuse("on booleans has no ONNX export");
      return;
    }
    std::string product = ctx.emit("Mul", {ctx.input_as(0, dtype), ctx.input_as(1, dtype)});
    // np.dot sums its products from zero: -0.0 * 1.0 gives +0.0. (Not as
    // product + 0.0: ONNX Runtime drops an Add of zero.)
    if (is_float(dtype)) {
      const std::string zero = ctx.scalar(dtype, 0.0);
      product = ctx.emit("Where", {ctx.emit("Equal", {product, zero}), zero, product});
    }
    ctx.set_output(0, product);
    return;
  }
  if (dtype == DType::Bool || is_narrow(dtype)) {
    ctx.refuse("on " + std::string(dtype_name(dtype)) + " has no ONNX export");
    return;
  }
  // A vector operand becomes a one-row / one-column matrix and the added
  // axis is squeezed away after: ONNX Runtime 1.30 fuses Transpose into a
  // MatMul with a vector operand wrongly (x.T @ v gave the wrong values).
  std::string a = ctx.input_as(0, dtype), b = ctx.input_as(1, dtype);
  const bool vector_a = ctx.in_type(0).rank() == 1, vector_b = ctx.in_type(1).rank() == 1;
  if (vector_a) a = ctx.emit("Unsqueeze", {a, ctx.int64s({0})});
  if (vector_b) b = ctx.emit("Unsqueeze", {b, ctx.int64s({1})});
  std::string product = ctx.emit("MatMul", {a, b});
  std::vector<int64_t> squeezed;
  if (vector_a) squeezed.push_back(-2);
  if (vector_b) squeezed.push_back(-1);
  if (!squeezed.empty()) product = ctx.emit("Squeeze", {product, ctx.int64s(squeezed)});
  ctx.set_output(0, product);
}

void emit_log1p_expm1(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const std::string x = ctx.input_as(0, dtype);
  const std::string one = ctx.scalar(dtype, 1.0);
  if (ctx.node().op == OpCode::Log1p) {
    // log(u) * x / (u - 1) with u = 1 + x: the rounding of u cancels out.
    const std::string u = ctx.emit("Add", {one, x});
    const std::string d = ctx.emit("Sub", {u, one});
    const std::string scaled = ctx.emit("Mul", {ctx.emit("Div", {ctx.emit("Log", {u}), d}), x});
    std::string r = ctx.emit("Where", {ctx.emit("Equal", {d, ctx.scalar(dtype, 0.0)}), x, scaled});
    // +inf stays +inf (inf / inf would be NaN).
    r = ctx.emit("Where", {ctx.emit("IsInf", {u}), u, r});
    ctx.set_output(0, r);
    return;
  }
  // (u - 1) * x / log(u) with u = exp(x), exact where u is 1 or overflows.
  const std::string u = ctx.emit("Exp", {x});
  const std::string d = ctx.emit("Sub", {u, one});
  const std::string scaled = ctx.emit("Mul", {ctx.emit("Div", {d, ctx.emit("Log", {u})}), x});
  std::string r = ctx.emit("Where", {ctx.emit("Equal", {u, one}), x, scaled});
  r = ctx.emit("Where", {ctx.emit("Equal", {d, ctx.scalar(dtype, -1.0)}), d, r});
  r = ctx.emit("Where", {ctx.emit("IsInf", {u}), u, r});
  ctx.set_output(0, r);
}

void emit_isclose(EmitContext& ctx) {
  // NumPy: |a - b| <= atol + rtol * |b| for finite values, a == b for
  // infinities, NaN close to NaN only with equal_nan; in b's float dtype.
  const DType work =
      smallest_float_holding(result_type(ctx.in_type(0).operand(), ctx.in_type(1).operand()));
  const std::string a = ctx.input_as(0, work), b = ctx.input_as(1, work);
  const std::string rtol = ctx.input_as(2, work), atol = ctx.input_as(3, work);
  const std::string diff = ctx.emit("Abs", {ctx.emit("Sub", {a, b})});
  const std::string bound = ctx.emit("Add", {atol, ctx.emit("Mul", {rtol, ctx.emit("Abs", {b})})});
  auto finite = [&](const std::string& v) {
    return ctx.emit("Not", {ctx.emit("Or", {ctx.emit("IsNaN", {v}), ctx.emit("IsInf", {v})})});
  };
  const std::string both_finite = ctx.emit("And", {finite(a), finite(b)});
  std::string close = ctx.select(both_finite, ctx.emit("LessOrEqual", {diff, bound}),
                                 ctx.emit("Equal", {a, b}), DType::Bool);
  const StaticType& equal_nan = ctx.in_type(4);
  if (!equal_nan.constant) {
    ctx.refuse("with an equal_nan that is not a constant has no ONNX export",
               DiagCode::OnnxUnknownType);
    return;
  }
  if (equal_nan.constant_int().value_or(0) != 0) {
    close =
        ctx.emit("Or", {close, ctx.emit("And", {ctx.emit("IsNaN", {a}), ctx.emit("IsNaN", {b})})});
  }
  if (ctx.node().op == OpCode::AllClose) {
    // all(): no element that is not close.
    const std::string not_close = ctx.cast(ctx.emit("Not", {close}), DType::Bool, DType::Int64);
    const std::string count =
        ctx.emit("ReduceSum", {ctx.emit("Reshape", {not_close, ctx.int64s({-1})})},
                 [](onnx::NodeProto& n) { set_attr(n, "keepdims", int64_t{0}); });
    close = ctx.emit("Equal", {count, ctx.int64_scalar(0)});
  }
  ctx.set_output(0, close);
}

void emit_array_equal(EmitContext& ctx) {
  // Same shape and every element equal; compared flattened and cut to the
  // shorter length, so arrays of other shapes never broadcast (or fail).
  const DType work = result_type(ctx.in_type(0).operand(), ctx.in_type(1).operand());
  const std::string a = ctx.emit("Reshape", {ctx.input_as(0, work), ctx.int64s({-1})});
  const std::string b = ctx.emit("Reshape", {ctx.input_as(1, work), ctx.int64s({-1})});
  const std::string shape_a = ctx.emit("Shape", {ctx.input(0)}),
                    shape_b = ctx.emit("Shape", {ctx.input(1)});
  const std::string shapes_differ =
      ctx.cast(ctx.emit("Not", {ctx.emit("Equal", {shape_a, shape_b})}), DType::Bool, DType::Int64);
  auto sum = [&](const std::string& v) {
    return ctx.emit("ReduceSum", {v},
                    [](onnx::NodeProto& n) { set_attr(n, "keepdims", int64_t{0}); });
  };
  const std::string n = ctx.emit("Min", {ctx.emit("Shape", {a}), ctx.emit("Shape", {b})});
  const std::string zero = ctx.int64s({0});
  const std::string a_cut = ctx.emit("Slice", {a, zero, n}),
                    b_cut = ctx.emit("Slice", {b, zero, n});
  std::string equal = ctx.emit("Equal", {a_cut, b_cut});
  const StaticType& equal_nan = ctx.in_type(2);
  if (equal_nan.constant && equal_nan.constant_int().value_or(0) != 0 && is_float(work)) {
    equal = ctx.emit(
        "Or", {equal, ctx.emit("And", {ctx.emit("IsNaN", {a_cut}), ctx.emit("IsNaN", {b_cut})})});
  }
  const std::string unequal = sum(ctx.cast(ctx.emit("Not", {equal}), DType::Bool, DType::Int64));
  const std::string problems = ctx.emit("Add", {unequal, sum(shapes_differ)});
  ctx.set_output(0, ctx.emit("Equal", {problems, ctx.int64_scalar(0)}));
}

void emit_nonzero(EmitContext& ctx) {
  std::string x = ctx.cast(ctx.input(0), ctx.in_type(0).dtype, DType::Bool);
  if (ctx.node().op == OpCode::FlatNonzero) {
    x = ctx.emit("Reshape", {x, ctx.int64s({-1})});
    const std::string nz = ctx.emit("NonZero", {x});
    ctx.set_output(0, ctx.emit("Squeeze", {nz, ctx.int64s({0})}));
    return;
  }
  // NonZero gives a [rank, count] matrix: row d is the indices along axis d.
  const std::string nz = ctx.emit("NonZero", {x});
  std::vector<Lowered> rows;
  for (int d = 0; d < ctx.in_type(0).rank(); ++d) {
    rows.push_back(
        Lowered::of(ctx.emit("Gather", {nz, ctx.int64_scalar(d)},
                             [](onnx::NodeProto& n) { set_attr(n, "axis", int64_t{0}); })));
  }
  ctx.set_output(0, Lowered::tuple(std::move(rows)));
}

}  // namespace pygraft::onnx_export
