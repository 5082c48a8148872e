// Python builtins: bool(), not, is None, float(), int(), round(), min(),
// max(), np.asarray and the result of `x op= y`. Expected values checked
// with CPython and NumPy.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;

Value i(int64_t v) {
  return Value(v);
}

TEST(BuiltinsTest, TruthOfValues) {
  EXPECT_FALSE(run_kernel(kernel_truth, {i(0)}).as<bool>());
  EXPECT_TRUE(run_kernel(kernel_truth, {f64({1}, {2})}).as<bool>());
  EXPECT_FALSE(run_kernel(kernel_truth, {Value()}).as<bool>());
}

TEST(BuiltinsTest, NotOfArrayIsAmbiguous) {
  EXPECT_EQ(error_of(kernel_not, {f64({2}, {1, 2})}),
            "The truth value of an array with more than one element is ambiguous. Use a.any() or "
            "a.all()");
  EXPECT_TRUE(run_kernel(kernel_not, {Value(0.0)}).as<bool>());
}

TEST(BuiltinsTest, IsNone) {
  EXPECT_TRUE(run_kernel(kernel_is_none, {Value()}).as<bool>());
  EXPECT_FALSE(run_kernel(kernel_is_none, {i(0)}).as<bool>());
}

TEST(BuiltinsTest, FloatOfIntAndSizeOneArray) {
  EXPECT_EQ(run_kernel(kernel_to_float, {i(3)}).as<double>(), 3.0);
  EXPECT_EQ(run_kernel(kernel_to_float, {i32({1, 1}, {7})}).as<double>(), 7.0);
}

TEST(BuiltinsTest, FloatOfNoneIsAnError) {
  EXPECT_EQ(error_of(kernel_to_float, {Value()}),
            "float() argument must be a string or a real number, not 'NoneType'");
}

TEST(BuiltinsTest, IntTruncatesTowardZero) {
  EXPECT_EQ(run_kernel(kernel_to_int, {Value(-2.7)}).as<int64_t>(), -2);
  EXPECT_EQ(run_kernel(kernel_to_int, {f32({}, {2.9})}).as<int64_t>(), 2);
  EXPECT_EQ(run_kernel(kernel_to_int, {Value(true)}).as<int64_t>(), 1);
}

TEST(BuiltinsTest, IntOfNanOrInfIsAnError) {
  EXPECT_EQ(error_of(kernel_to_int, {Value(std::nan(""))}), "cannot convert float NaN to integer");
  EXPECT_EQ(error_of(kernel_to_int, {Value(INFINITY)}), "cannot convert float infinity to integer");
}

Value round_of(Value x, Value ndigits = Value()) {
  return run_kernel(kernel_py_round, {x, ndigits});
}

TEST(BuiltinsRoundTest, FloatRoundsHalfToEvenToInt) {
  EXPECT_EQ(round_of(Value(2.5)).as<int64_t>(), 2);
  EXPECT_EQ(round_of(Value(3.5)).as<int64_t>(), 4);
  EXPECT_EQ(round_of(Value(-0.5)).as<int64_t>(), 0);
}

TEST(BuiltinsRoundTest, NdigitsUsesTheExactDecimalValue) {
  EXPECT_EQ(round_of(Value(2.675), i(2)).as<double>(), 2.67);
  EXPECT_EQ(round_of(Value(0.125), i(2)).as<double>(), 0.12);
  EXPECT_EQ(round_of(Value(1250.0), i(-2)).as<double>(), 1200.0);
  EXPECT_EQ(round_of(Value(1350.0), i(-2)).as<double>(), 1400.0);
  EXPECT_EQ(round_of(Value(51.0), i(-2)).as<double>(), 100.0);
  EXPECT_EQ(round_of(Value(50.0), i(-2)).as<double>(), 0.0);
}

TEST(BuiltinsRoundTest, IntWithNegativeNdigits) {
  EXPECT_EQ(round_of(i(15), i(-1)).as<int64_t>(), 20);
  EXPECT_EQ(round_of(i(25), i(-1)).as<int64_t>(), 20);
  EXPECT_EQ(round_of(i(-25), i(-1)).as<int64_t>(), -20);
  EXPECT_EQ(round_of(i(7), i(2)).as<int64_t>(), 7);
}

TEST(BuiltinsRoundTest, NumpyScalarWithoutNdigitsIsPythonInt) {
  Value r = round_of(f64({}, {2.5}));
  ASSERT_TRUE(r.is<int64_t>());
  EXPECT_EQ(r.as<int64_t>(), 2);
}

TEST(BuiltinsRoundTest, NumpyScalarWithNdigitsKeepsDtype) {
  expect_near_tensor(round_of(f32({}, {2.567}), i(2)), DType::Float32, {2.57}, 1e-6);
}

TEST(BuiltinsRoundTest, ArrayIsAnError) {
  EXPECT_EQ(error_of(kernel_py_round, {f64({2}, {1, 2}), Value()}),
            "type numpy.ndarray doesn't define __round__ method");
}

TEST(BuiltinsRoundTest, NanIsAnError) {
  EXPECT_EQ(error_of(kernel_py_round, {Value(std::nan("")), Value()}),
            "cannot convert float NaN to integer");
}

Value args(std::vector<Value> items) {
  return tuple_of(std::move(items));
}

TEST(BuiltinsMinMaxTest, FirstMinimalItemWins) {
  Value r = run_kernel(kernel_py_min, {args({i(3), Value(2.0), i(2)})});
  ASSERT_TRUE(r.is<double>());
  EXPECT_EQ(r.as<double>(), 2.0);
}

TEST(BuiltinsMinMaxTest, MaxKeepsTheItemsType) {
  Value r = run_kernel(kernel_py_max, {args({i(1), f32({}, {3})})});
  expect_tensor(r, DType::Float32, {}, {3});
}

TEST(BuiltinsMinMaxTest, NanComparesAsPython) {
  EXPECT_TRUE(std::isnan(run_kernel(kernel_py_max, {args({Value(NAN), i(1)})}).as<double>()));
  EXPECT_EQ(run_kernel(kernel_py_max, {args({i(1), Value(NAN)})}).as<int64_t>(), 1);
}

TEST(BuiltinsMinMaxTest, SingleArrayIteratesItsElements) {
  Value r = run_kernel(kernel_py_max, {args({i64({3}, {1, 5, 2})})});
  expect_tensor(r, DType::Int64, {}, {5});
}

TEST(BuiltinsMinMaxTest, SingleTupleIteratesItsItems) {
  Value r = run_kernel(kernel_py_min, {args({args({i(4), i(1), i(2)})})});
  EXPECT_EQ(r.as<int64_t>(), 1);
}

TEST(BuiltinsMinMaxTest, ArraysOfSeveralElementsAreAmbiguous) {
  EXPECT_NE(error_of(kernel_py_max, {args({f64({2}, {1, 2}), f64({2}, {3, 4})})}).find("ambiguous"),
            std::string::npos);
}

TEST(BuiltinsMinMaxTest, EmptySequenceIsAnError) {
  EXPECT_EQ(error_of(kernel_py_max, {args({f64({0}, {})})}), "max() arg is an empty sequence");
}

TEST(BuiltinsAsArrayTest, PythonScalarsGetDefaultDtypes) {
  expect_tensor(run_kernel(kernel_asarray, {i(3), Value()}), DType::Int64, {}, {3});
  expect_tensor(run_kernel(kernel_asarray, {Value(true), Value()}), DType::Bool, {}, {1});
}

TEST(BuiltinsAsArrayTest, DtypeCasts) {
  expect_tensor(run_kernel(kernel_asarray, {f64({2}, {1.5, 2}), Value(DType::Int32)}), DType::Int32,
                {2}, {1, 2});
}

TEST(BuiltinsAsArrayTest, TupleBecomesArray) {
  expect_tensor(run_kernel(kernel_asarray, {args({i(1), Value(2.5)}), Value()}), DType::Float64,
                {2}, {1, 2.5});
}

TEST(BuiltinsInPlaceTest, CastsBackWithinKind) {
  expect_tensor(run_kernel(kernel_inplace_result, {f32({2}, {0, 0}), f64({2}, {1.5, 2})}),
                DType::Float32, {2}, {1.5, 2});
}

TEST(BuiltinsInPlaceTest, UnsafeCastIsAnError) {
  EXPECT_EQ(error_of(kernel_inplace_result, {i64({2}, {0, 0}), f64({2}, {1.5, 2})}),
            "Cannot cast ufunc output from dtype('float64') to dtype('int64') with casting rule "
            "'same_kind'");
  EXPECT_EQ(exception_of(kernel_inplace_result, {bools({1}, {0}), i64({1}, {1})},
                         {Attribute{"ufunc", Literal(std::string("add"))}}),
            "TypeError: Cannot cast ufunc 'add' output from dtype('int64') to dtype('bool') with "
            "casting rule 'same_kind'");
}

TEST(BuiltinsInPlaceTest, ShapeMustNotGrow) {
  EXPECT_EQ(error_of(kernel_inplace_result, {f64({3}, {0, 0, 0}), f64({2, 3}, {0, 0, 0, 0, 0, 0})}),
            "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape "
            "(2,3)");
}

TEST(BuiltinsInPlaceTest, PythonScalarsPassThrough) {
  EXPECT_EQ(run_kernel(kernel_inplace_result, {i(1), Value(1.5)}).as<double>(), 1.5);
}

// ufunc_operand: the first operand as a 0-d array only when no operand is
// an array, so a Python scalar stays weak next to one.
TEST(UfuncOperandTest, ScalarsAloneBecomeArrays) {
  expect_tensor(run_kernel(kernel_ufunc_operand, {i(5), i(0)}), DType::Int64, {}, {5});
  expect_tensor(run_kernel(kernel_ufunc_operand, {Value(false)}), DType::Bool, {}, {0});
  expect_tensor(run_kernel(kernel_ufunc_operand, {Value(0.5), Value(), i(2)}), DType::Float64, {},
                {0.5});
  EXPECT_TRUE(run_kernel(kernel_ufunc_operand, {Value(0.5), f32({2}, {1, 2})}).is<double>());
  // Tuples are sequences to a ufunc: converted, and they do not keep a
  // Python scalar beside them weak (np.multiply(2, (1, 2)) is elementwise).
  expect_tensor(run_kernel(kernel_ufunc_operand, {i(1), Value::tuple({i(1), i(2)})}),
                DType::Int64, {}, {1});
  expect_tensor(run_kernel(kernel_ufunc_operand, {Value::tuple({i(1), i(2)}), i(3)}),
                DType::Int64, {2}, {1, 2});
  EXPECT_TRUE(run_kernel(kernel_ufunc_operand, {f32({2}, {1, 2}), i(1)}).is_tensor());
}

TEST(ArrayReceiverTest, PythonNumbersHaveNoArrayAttributes) {
  std::vector<Attribute> size = {Attribute{"name", Literal(std::string("size"))}};
  EXPECT_EQ(exception_of(kernel_array_receiver, {Value(2.5)}, size),
            "AttributeError: 'float' object has no attribute 'size'");
  EXPECT_EQ(exception_of(kernel_array_receiver, {Value(true)}, size),
            "AttributeError: 'bool' object has no attribute 'size'");
  EXPECT_EQ(exception_of(kernel_array_receiver, {Value::tuple({i(1)})}, size),
            "AttributeError: 'tuple' object has no attribute 'size'");
  expect_tensor(run_kernel(kernel_array_receiver, {i64({}, {3})}, size), DType::Int64, {}, {3});
}

// np.array([v], dtype=int) converts listed scalars as NumPy does.
TEST(ListedScalarsTest, NanAndOverflowForIntegerDtypes) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  Value int64 = Value(DType::Int64);
  EXPECT_EQ(exception_of(kernel_array, {Value::tuple({Value(nan)}), int64}),
            "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(exception_of(kernel_array, {Value::tuple({Value(1.0), Value(-inf)}), int64}),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(exception_of(kernel_array, {Value::tuple({Value(1e19)}), int64}),
            "OverflowError: Python int too large to convert to C long");
  EXPECT_EQ(exception_of(kernel_array, {Value::tuple({i(3000000000)}), Value(DType::Int32)}),
            "OverflowError: Python integer 3000000000 out of bounds for int32");
  EXPECT_EQ(exception_of(kernel_array, {Value::tuple({f64({}, {nan})}), int64}),
            "ValueError: cannot convert float NaN to integer");
  // Arrays cast without checks; other dtypes take NaN.
  EXPECT_TRUE(run_kernel(kernel_array, {f64({1}, {nan}), int64}).is_tensor());
  EXPECT_TRUE(
      run_kernel(kernel_array, {Value::tuple({Value(nan)}), Value(DType::Bool)}).is_tensor());
  // Listed floats reach int32 through int64, wrapping as NumPy's do.
  expect_tensor(run_kernel(kernel_array, {Value::tuple({Value(1e10)}), Value(DType::Int32)}),
                DType::Int32, {1}, {1410065408});
}

TEST(BuiltinsInPlaceTest, NumpyScalarIsRebound) {
  expect_tensor(run_kernel(kernel_inplace_result, {i64({}, {1}), f64({}, {1.5})}), DType::Float64,
                {}, {1.5});
}

}  // namespace
}  // namespace pygraft::rt
