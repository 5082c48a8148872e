// Typed scalar loops (runtime/scalar_loop.h) must give what the generic
// executor gives: the same value and type for every operator on every pair of
// Python scalar kinds, the same exception, message and line when an operator
// raises inside the loop, and the same iteration limits; NumPy float64 and
// bool scalars (0-d arrays) with NumPy's rules. A 0-d int array for the trip
// count makes a loop generic (an array compared with an int has no typed
// form), which is how these tests run each program both ways.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "graph/op_table.h"
#include "interpreter_test_util.h"
#include "runtime/tensor.h"

namespace pygraft::rt {
namespace {

using interp_testing::FunctionBuilder;
using interp_testing::line_range;
using interp_testing::load;
using interp_testing::run;
using Values = FunctionBuilder::Values;

Value typed_count(int64_t n) {
  return Value(n);
}
Value generic_count(int64_t n) {
  Tensor t = Tensor::empty(DType::Int64, Shape{});
  *t.data<int64_t>() = n;
  return Value(std::move(t));
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

bool same(const Value& x, const Value& y) {
  if (x.storage().index() != y.storage().index()) return false;
  if (x.is<Tensor>()) {
    const Tensor &a = x.as<Tensor>(), &b = y.as<Tensor>();
    return a.dtype() == b.dtype() && a.shape() == b.shape() && a.numel() == 1 &&
           same_bits(a.get_as_double(0), b.get_as_double(0));
  }
  if (x.is<bool>()) return x.as<bool>() == y.as<bool>();
  if (x.is<int64_t>()) return x.as<int64_t>() == y.as<int64_t>();
  if (x.is<double>()) return same_bits(x.as<double>(), y.as<double>());
  return false;
}

std::string describe(const CallResult& r) {
  if (r.error) return "error: " + r.error->message;
  const Value& v = *r.value;
  if (v.is<bool>()) return v.as<bool>() ? "True" : "False";
  if (v.is<int64_t>()) return std::to_string(v.as<int64_t>());
  if (v.is<double>()) return std::to_string(v.as<double>()) + " (float)";
  if (v.is<Tensor>() && v.as<Tensor>().numel() == 1) {
    return std::to_string(v.as<Tensor>().get_as_double(0)) + " (numpy " +
           std::string(dtype_name(v.as<Tensor>().dtype())) + ")";
  }
  return "?";
}

void expect_same_outcome(const CallResult& typed, const CallResult& generic,
                         const std::string& what) {
  ASSERT_EQ(typed.error.has_value(), generic.error.has_value())
      << what << ": typed " << describe(typed) << ", generic " << describe(generic);
  if (typed.error) {
    EXPECT_EQ(typed.error->message, generic.error->message) << what;
    EXPECT_EQ(typed.error->exception, generic.error->exception) << what;
    EXPECT_EQ(typed.error->range, generic.error->range) << what;
    return;
  }
  EXPECT_TRUE(same(*typed.value, *generic.value))
      << what << ": typed " << describe(typed) << ", generic " << describe(generic);
}

// def f(a, b, n):
//     r = a OP b                      # line 3: gives r its kind
//     i = 0
//     while i < n:                    # line 4
//         r = a OP b                  # line 5
//         i += 1
//     return r
Function op_in_loop(OpCode op) {
  FunctionBuilder b("f");
  ValueId a = b.param("a"), x = b.param("b"), n = b.param("n");
  b.at(3);
  ValueId first = b.op(op, {a, x});
  b.at(4);
  Values out = b.loop(
      {first, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        b.at(5);
        ValueId r = b.op(op, {a, x});
        b.at(6);
        return Values{r, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  return b.finish(out[0]);
}

Value numpy_float(double v) {
  return Value(Tensor::scalar(DType::Float64, v));
}

std::vector<Value> scalars() {
  const double inf = std::numeric_limits<double>::infinity();
  return {Value(true),
          Value(false),
          Value(int64_t{0}),
          Value(int64_t{7}),
          Value(int64_t{-3}),
          Value(std::numeric_limits<int64_t>::min()),
          Value(std::numeric_limits<int64_t>::max()),
          Value((int64_t{1} << 53) + 1),
          Value(0.0),
          Value(-0.0),
          Value(2.5),
          Value(-7.0),
          Value(inf),
          Value(std::nan("")),
          numpy_float(0.0),
          numpy_float(-0.0),
          numpy_float(2.5),
          numpy_float(-inf),
          numpy_float(std::nan("")),
          Value(Tensor::scalar(DType::Bool, true))};
}

TEST(ScalarLoop, EveryOperatorOnEveryPairOfKindsGivesTheGenericResult) {
  const OpCode ops[] = {OpCode::Add,      OpCode::Sub, OpCode::Mul, OpCode::TrueDiv,
                        OpCode::FloorDiv, OpCode::Mod, OpCode::Eq,  OpCode::Ne,
                        OpCode::Lt,       OpCode::Le,  OpCode::Gt,  OpCode::Ge};
  for (OpCode op : ops) {
    Program p = load({op_in_loop(op)});
    for (const Value& a : scalars()) {
      for (const Value& x : scalars()) {
        for (int64_t n : {0, 1, 3}) {
          CallResult typed = run(p, "f", {a, x, typed_count(n)});
          CallResult generic = run(p, "f", {a, x, generic_count(n)});
          expect_same_outcome(typed, generic,
                              std::string(op_info(op).name) + " n=" + std::to_string(n));
        }
      }
    }
  }
}

// A fused chain in a typed loop: r = (a * b - a) / b, step by step.
TEST(ScalarLoop, FusedArithmeticChainsGiveTheGenericResult) {
  FunctionBuilder b("f");
  ValueId a = b.param("a"), x = b.param("b"), n = b.param("n");
  LiteralTuple steps;
  auto step = [](const char* op, int64_t l, int64_t r) {
    return Literal(LiteralTuple{Literal(std::string(op)), Literal(l), Literal(r)});
  };
  steps.push_back(step("multiply", 0, 1));
  steps.push_back(step("subtract", 2, 0));
  steps.push_back(step("true_divide", 3, 1));
  const Attribute program{"program", Literal(std::move(steps))};
  b.at(3);
  ValueId first = b.op(OpCode::FusedElementwise, {a, x}, {program});
  b.at(4);
  Values out = b.loop(
      {first, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        b.at(5);
        ValueId r = b.op(OpCode::FusedElementwise, {c[0], x}, {program});
        b.at(6);
        return Values{r, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  for (const Value& va : scalars()) {
    for (const Value& vb : scalars()) {
      for (int64_t count : {0, 1, 3}) {
        expect_same_outcome(run(p, "f", {va, vb, typed_count(count)}),
                            run(p, "f", {va, vb, generic_count(count)}), "fused");
      }
    }
  }
}

// def f(x, k, n): while i < n: x = x OP k; i += 1 (x carried; raises in the loop)
Function carried_op(OpCode op) {
  FunctionBuilder b("f");
  ValueId x = b.param("x"), k = b.param("k"), n = b.param("n");
  b.at(4);
  Values out = b.loop(
      {x, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        b.at(5);
        ValueId r = b.op(op, {c[0], k});
        b.at(6);
        return Values{r, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  return b.finish(out[0]);
}

TEST(ScalarLoop, ErrorsInsideTheLoopMatchTheGenericExecutor) {
  struct Case {
    OpCode op;
    Value x, k;
    int64_t n;
  };
  const Case cases[] = {
      {OpCode::Mul, Value(int64_t{1}), Value(int64_t{1000}), 7},  // OverflowError at iteration 7
      {OpCode::Add, Value(int64_t{1} << 62), Value(int64_t{1} << 61), 3},
      {OpCode::Sub, Value(std::numeric_limits<int64_t>::min() + 2), Value(int64_t{1}), 3},
      {OpCode::FloorDiv, Value(int64_t{100}), Value(int64_t{0}), 2},  // ZeroDivisionError
      {OpCode::Mod, Value(int64_t{100}), Value(int64_t{0}), 2},
      {OpCode::FloorDiv, Value(std::numeric_limits<int64_t>::min()), Value(int64_t{-1}), 2},
      {OpCode::TrueDiv, Value(1.0), Value(0.0), 2},
      {OpCode::FloorDiv, Value(1.0), Value(0.0), 2},
      {OpCode::Mul, Value(1.5), Value(1e300), 3},  // float overflow is inf, not an error
  };
  for (const Case& c : cases) {
    Program p = load({carried_op(c.op)});
    CallResult typed = run(p, "f", {c.x, c.k, typed_count(c.n)});
    CallResult generic = run(p, "f", {c.x, c.k, generic_count(c.n)});
    expect_same_outcome(typed, generic, std::string(op_info(c.op).name));
    if (typed.error) {
      EXPECT_EQ(typed.error->range, line_range(5));
    }
  }
}

// def f(a, n): while i < n: r = -a (NegI / NegF; -INT64_MIN overflows)
TEST(ScalarLoop, NegationGivesTheGenericResult) {
  FunctionBuilder b("f");
  ValueId a = b.param("a"), n = b.param("n");
  b.at(3);
  ValueId first = b.op(OpCode::Neg, {a});
  b.at(4);
  Values out = b.loop(
      {first, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        b.at(5);
        ValueId r = b.op(OpCode::Neg, {c[0]});
        b.at(6);
        return Values{r, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  std::vector<Value> values = scalars();
  values.push_back(Value(std::numeric_limits<int64_t>::min() + 1));
  for (const Value& x : values) {
    if (x.is<Tensor>() && x.as<Tensor>().dtype() == DType::Bool) continue;  // NumPy refuses -bool
    for (int64_t n : {0, 1, 2, 3}) {
      CallResult typed = run(p, "f", {x, typed_count(n)});
      CallResult generic = run(p, "f", {x, generic_count(n)});
      expect_same_outcome(typed, generic, "negative n=" + std::to_string(n));
    }
  }
}

// A carried int that a division turns into a float: no fixed kind, so the
// generic executor runs the loop, with Python's result.
TEST(ScalarLoop, AValueThatChangesKindRunsGenerically) {
  Program p = load({carried_op(OpCode::TrueDiv)});
  for (int64_t n : {0, 1, 4}) {
    CallResult typed = run(p, "f", {Value(int64_t{1}), Value(int64_t{2}), typed_count(n)});
    CallResult generic = run(p, "f", {Value(int64_t{1}), Value(int64_t{2}), generic_count(n)});
    expect_same_outcome(typed, generic, "true_divide");
  }
  CallResult r = run(p, "f", {Value(int64_t{1}), Value(int64_t{2}), typed_count(0)});
  ASSERT_TRUE(r.value.has_value());
  EXPECT_TRUE(r.value->is<int64_t>());
}

// The int becomes a float in the first iteration, which the generic
// executor runs; typed code resumes from the second. Iteration limits count
// both parts, as the generic executor alone does.
TEST(ScalarLoop, AResumedLoopCountsEveryIteration) {
  Program p = load({carried_op(OpCode::TrueDiv)});
  RunOptions options;
  options.max_loop_iterations = 3;
  for (int64_t n : {2, 3, 4, 6}) {
    CallResult typed = run(p, "f", {Value(int64_t{1}), Value(int64_t{2}), typed_count(n)}, options);
    CallResult generic =
        run(p, "f", {Value(int64_t{1}), Value(int64_t{2}), generic_count(n)}, options);
    expect_same_outcome(typed, generic, "true_divide n=" + std::to_string(n));
    if (n > 3) {
      ASSERT_TRUE(typed.error.has_value());
      EXPECT_EQ(typed.error->exception, PyExc::LimitExceeded);
    }
  }
}

// Nested loops: the inner loop's iterations count too, and the limit names
// the loop that went past it.
TEST(ScalarLoop, IterationLimitsCountNestedIterations) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  b.at(3);
  Values out = b.loop(
      {b.integer(0), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[0], n});
      },
      [&](const Values& c) {
        b.at(4);
        Values inner = b.loop(
            {b.integer(0), c[1]},
            [&](const Values& d) {
              return b.op(OpCode::Lt, {d[0], n});
            },
            [&](const Values& d) {
              b.at(5);
              return Values{b.op(OpCode::Add, {d[0], b.integer(1)}),
                            b.op(OpCode::Add, {d[1], b.integer(1)})};
            });
        b.at(6);
        return Values{b.op(OpCode::Add, {c[0], b.integer(1)}), inner[1]};
      });
  Program p = load({b.finish(out[1])});
  EXPECT_EQ(interp_testing::run_ok(p, "f", {typed_count(5)}).as<int64_t>(), 25);
  RunOptions options;
  options.max_loop_iterations = 20;  // 5 outer + 15 inner: the inner loop hits it
  for (Value count : {typed_count(5), generic_count(5)}) {
    CallResult r = run(p, "f", {count}, options);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->exception, PyExc::LimitExceeded);
    EXPECT_EQ(r.error->range, line_range(4));
  }
  options.max_loop_iterations = 0;
  options.timeout_seconds = 0.05;
  CallResult slow = run(p, "f", {typed_count(1'000'000)}, options);
  ASSERT_TRUE(slow.error.has_value());
  EXPECT_NE(slow.error->message.find("--timeout"), std::string::npos) << slow.error->message;
}

namespace calls {

// def h(x, k): return x // k                  (line 30)
// def g(x, k): return h(x, k) + 1             (line 20)
// def f(x, k, n):
//     r = 0; i = 0
//     while i < n:                            (line 4)
//         r = g(x, k)                         (line 5)
//         i += 1
//     return r
Program nested_calls() {
  FunctionBuilder h("h");
  ValueId hx = h.param("x"), hk = h.param("k");
  h.at(30);
  Function leaf = h.finish(h.op(OpCode::FloorDiv, {hx, hk}));
  FunctionBuilder g("g");
  ValueId gx = g.param("x"), gk = g.param("k");
  g.at(20);
  ValueId inner = g.call("h", {gx, gk});
  Function middle = g.finish(g.op(OpCode::Add, {inner, g.integer(1)}));
  FunctionBuilder b("f");
  ValueId x = b.param("x"), k = b.param("k"), n = b.param("n");
  b.at(4);
  Values out = b.loop(
      {b.integer(0), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        b.at(5);
        ValueId r = b.call("g", {x, k});
        return Values{r, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  return load({b.finish(out[0]), std::move(middle), std::move(leaf)});
}

void expect_same_frames(const CallResult& typed, const CallResult& generic,
                        const std::string& what) {
  expect_same_outcome(typed, generic, what);
  if (typed.error && generic.error) {
    EXPECT_EQ(typed.error->function, generic.error->function) << what;
    EXPECT_EQ(typed.error->callers, generic.error->callers) << what;
  }
}

TEST(ScalarLoop, CallsRunInlineGiveTheGenericResult) {
  Program p = nested_calls();
  for (int64_t n : {0, 1, 5}) {
    CallResult typed = run(p, "f", {Value(int64_t{17}), Value(int64_t{5}), typed_count(n)});
    CallResult generic = run(p, "f", {Value(int64_t{17}), Value(int64_t{5}), generic_count(n)});
    expect_same_frames(typed, generic, "n=" + std::to_string(n));
    ASSERT_TRUE(typed.value);
    EXPECT_EQ(typed.value->as<int64_t>(), n == 0 ? 0 : 4);
  }
}

// An error in a function run inline names it and every call that led there,
// innermost first, as the generic executor's does.
TEST(ScalarLoop, AnErrorInAFunctionRunInlineNamesTheCalls) {
  Program p = nested_calls();
  CallResult typed = run(p, "f", {Value(int64_t{17}), Value(int64_t{0}), typed_count(3)});
  CallResult generic = run(p, "f", {Value(int64_t{17}), Value(int64_t{0}), generic_count(3)});
  expect_same_frames(typed, generic, "x // 0 in h");
  ASSERT_TRUE(typed.error);
  EXPECT_EQ(typed.error->exception, PyExc::ZeroDivisionError);
  EXPECT_EQ(typed.error->function, "h");
  EXPECT_EQ(typed.error->range, line_range(30));
  EXPECT_EQ(typed.error->callers,
            (std::vector<CallerFrame>{{"g", line_range(20)}, {"f", line_range(5)}}));
}

// Inline calls count against the call-depth limit as calls do: where one
// would exceed it, the loop runs generically and raises RecursionError.
TEST(ScalarLoop, InlineCallsKeepTheCallDepthLimit) {
  Program p = nested_calls();
  for (int limit : {1, 2}) {
    RunOptions options;
    options.max_call_depth = limit;
    CallResult typed =
        run(p, "f", {Value(int64_t{17}), Value(int64_t{5}), typed_count(2)}, options);
    CallResult generic =
        run(p, "f", {Value(int64_t{17}), Value(int64_t{5}), generic_count(2)}, options);
    expect_same_frames(typed, generic, "max_call_depth=" + std::to_string(limit));
    EXPECT_EQ(typed.error.has_value(), limit < 2);
    if (typed.error) {
      EXPECT_EQ(typed.error->exception, PyExc::RecursionError);
    }
  }
}

}  // namespace calls

}  // namespace
}  // namespace pygraft::rt
