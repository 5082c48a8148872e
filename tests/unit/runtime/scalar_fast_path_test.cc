// The executor's fast path for operators on two Python scalars must be the
// kernel's own answer: same type, same bits, same exception and message.
#include "runtime/scalar_fast_path.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "graph/op_table.h"
#include "kernel_test_util.h"
#include "runtime/kernel.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

// What an evaluation gave: a value, or an exception's kind and message.
struct Outcome {
  Value value;
  bool raised = false;
  PyExc kind = PyExc::InternalError;
  std::string message;
};

template <class F>
Outcome outcome_of(F f) {
  Outcome out;
  try {
    out.value = f();
  } catch (const RuntimeError& e) {
    out.raised = true;
    out.kind = e.kind();
    out.message = e.what();
  }
  return out;
}

std::string show(const Value& v) {
  if (v.is<bool>()) return v.as<bool>() ? "True" : "False";
  if (v.is<int64_t>()) return std::to_string(v.as<int64_t>());
  if (v.is<double>()) return std::to_string(v.as<double>()) + " (float)";
  return type_name(v);
}

bool same_bits(const Value& a, const Value& b) {
  if (a.storage().index() != b.storage().index()) return false;
  if (a.is<bool>()) return a.as<bool>() == b.as<bool>();
  if (a.is<int64_t>()) return a.as<int64_t>() == b.as<int64_t>();
  if (a.is<double>()) {
    const double x = a.as<double>(), y = b.as<double>();
    return std::memcmp(&x, &y, sizeof x) == 0 || (std::isnan(x) && std::isnan(y));
  }
  return false;
}

std::vector<Value> python_scalars() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  return {Value(true),
          Value(false),
          Value(int64_t{0}),
          Value(int64_t{3}),
          Value(int64_t{-2}),
          Value(int64_t{-1}),
          Value(std::numeric_limits<int64_t>::max()),
          Value(std::numeric_limits<int64_t>::min()),
          Value(0.75),
          Value(-1.5),
          Value(0.0),
          Value(-0.0),
          Value(1e308),
          Value(inf),
          Value(-inf),
          Value(std::nan(""))};
}

constexpr OpCode kAllOps[] = {
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) OpCode::id,
#include "graph/ops.def"
#undef PG_OP
};

TEST(ScalarFastPath, EveryFastOpGivesItsKernelsAnswerOnEveryPairOfPythonScalars) {
  int fast_ops = 0;
  for (OpCode op : kAllOps) {
    const ScalarFastOp fast = scalar_fast_op(op);
    if (fast.kind == ScalarFastOp::Kind::None) continue;
    ++fast_ops;
    const KernelFn kernel = kernel_for(op);
    ASSERT_NE(kernel, nullptr);
    for (const Value& a : python_scalars()) {
      for (const Value& b : python_scalars()) {
        const Outcome want = outcome_of([&] { return testing::run_kernel(kernel, {a, b}); });
        const Outcome got = outcome_of([&] {
          Value out;
          EXPECT_TRUE(try_scalar_fast(fast, a, b, out));
          return out;
        });
        const std::string what =
            std::string(op_info(op).name) + "(" + show(a) + ", " + show(b) + ")";
        ASSERT_EQ(got.raised, want.raised) << what;
        if (want.raised) {
          EXPECT_EQ(got.kind, want.kind) << what;
          EXPECT_EQ(got.message, want.message) << what;
        } else {
          EXPECT_TRUE(same_bits(got.value, want.value))
              << what << ": fast " << show(got.value) << ", kernel " << show(want.value);
        }
      }
    }
  }
  EXPECT_EQ(fast_ops, 14);  // + - * / // % **, the six comparisons, inplace_result
}

TEST(ScalarFastPath, DeclinesAnythingButTwoPythonScalars) {
  const ScalarFastOp add = scalar_fast_op(OpCode::Add);
  Value out(int64_t{7});
  const Value array = Value(testing::iota(DType::Float64, Shape{2}));
  EXPECT_FALSE(try_scalar_fast(add, array, Value(int64_t{1}), out));
  EXPECT_FALSE(try_scalar_fast(add, Value(1.0), array, out));
  EXPECT_FALSE(try_scalar_fast(add, Value::tuple({Value(int64_t{1})}), Value::tuple({}), out));
  EXPECT_FALSE(try_scalar_fast(add, Value(), Value(int64_t{1}), out));
  EXPECT_FALSE(try_scalar_fast(add, Value(UndefValue{}), Value(int64_t{1}), out));
  EXPECT_EQ(out.as<int64_t>(), 7);  // untouched
  EXPECT_EQ(scalar_fast_op(OpCode::MatMul).kind, ScalarFastOp::Kind::None);
}

// Whether two results are the same 0-d tensor value: dtype and bits.
bool same_numpy_scalar(const Value& a, const Value& b) {
  if (!a.is<Tensor>() || !b.is<Tensor>()) return false;
  const Tensor& x = a.as<Tensor>();
  const Tensor& y = b.as<Tensor>();
  if (x.rank() != 0 || y.rank() != 0 || x.dtype() != y.dtype()) return false;
  if (x.dtype() == DType::Bool) return x.get_as_bool(0) == y.get_as_bool(0);
  const double u = x.get_as_double(0), v = y.get_as_double(0);
  return std::memcmp(&u, &v, sizeof u) == 0 || (std::isnan(u) && std::isnan(v));
}

std::string show_operand(const Value& v) {
  if (v.is<Tensor>()) return "float64(" + std::to_string(v.as<Tensor>().get_as_double(0)) + ")";
  return show(v);
}

TEST(ScalarFastPath, NumpyFloat64ScalarsGiveTheKernelsAnswerOrDecline) {
  std::vector<Value> operands = python_scalars();
  for (double x : {0.75, -0.0, 0.0, 1e308, std::numeric_limits<double>::infinity(), std::nan("")}) {
    operands.push_back(Value(Tensor::scalar(DType::Float64, x)));
  }
  int taken = 0;
  for (OpCode op : kAllOps) {
    const ScalarFastOp fast = scalar_fast_op(op);
    if (fast.kind == ScalarFastOp::Kind::None) continue;
    const KernelFn kernel = kernel_for(op);
    for (const Value& a : operands) {
      for (const Value& b : operands) {
        if (!a.is<Tensor>() && !b.is<Tensor>()) continue;
        const std::string what =
            std::string(op_info(op).name) + "(" + show_operand(a) + ", " + show_operand(b) + ")";
        Value fa = a, fb = b, out;
        if (!try_numpy_float_scalar_fast(fast, fa, false, fb, false, out)) continue;
        ++taken;
        const Outcome want = outcome_of([&] { return testing::run_kernel(kernel, {a, b}); });
        ASSERT_FALSE(want.raised) << what << ": the kernel raises " << want.message;
        EXPECT_TRUE(same_numpy_scalar(out, want.value)) << what;
      }
    }
  }
  // + - * / and the six comparisons, on every pair with a NumPy scalar.
  const int pairs = 6 * 6 + 2 * 6 * 16;
  EXPECT_EQ(taken, 10 * pairs);
}

TEST(ScalarFastPath, NumpyScalarResultsReuseOnlyUnsharedScalars) {
  const ScalarFastOp mul = scalar_fast_op(OpCode::Mul);
  Value a(Tensor::scalar(DType::Float64, 1.5));
  const Value kept = a;  // shares a's buffer
  Value two(2.0), out;
  ASSERT_TRUE(try_numpy_float_scalar_fast(mul, a, true, two, false, out));
  EXPECT_EQ(kept.as<Tensor>().get_as_double(0), 1.5);  // not written through
  EXPECT_EQ(out.as<Tensor>().get_as_double(0), 3.0);
  EXPECT_FALSE(a.is<Tensor>());  // released at its last use

  Value b(Tensor::scalar(DType::Float64, 4.0));
  const void* buffer = b.as<Tensor>().raw();
  Value reused;
  ASSERT_TRUE(try_numpy_float_scalar_fast(mul, b, true, two, false, reused));
  EXPECT_EQ(reused.as<Tensor>().raw(), buffer);  // b's buffer, at its last use
  EXPECT_EQ(reused.as<Tensor>().get_as_double(0), 8.0);

  Value ints(testing::iota(DType::Int64, Shape{}));
  EXPECT_FALSE(try_numpy_float_scalar_fast(mul, ints, false, two, false, out));
  Value vec(testing::iota(DType::Float64, Shape{2}));
  EXPECT_FALSE(try_numpy_float_scalar_fast(mul, vec, false, two, false, out));
  Value f32(Tensor::scalar(DType::Float32, 1.0f));
  EXPECT_FALSE(try_numpy_float_scalar_fast(mul, f32, false, two, false, out));
  Value one(1.0);
  EXPECT_FALSE(try_numpy_float_scalar_fast(mul, one, false, two, false, out));
  Value f64(Tensor::scalar(DType::Float64, 1.0));
  EXPECT_FALSE(
      try_numpy_float_scalar_fast(scalar_fast_op(OpCode::FloorDiv), f64, false, two, false, out));
}

}  // namespace
}  // namespace pygraft::rt
