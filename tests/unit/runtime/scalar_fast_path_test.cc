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
#define PG_OP(id, name, outputs, kernel, effects, spellings) OpCode::id,
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

}  // namespace
}  // namespace pygraft::rt
