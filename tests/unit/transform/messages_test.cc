// The messages users trip over (issue 8): suggestions only of the same kind
// of thing, what to write instead, and one diagnostic per mistake.
#include <gtest/gtest.h>

#include "tests/unit/transform/lower_test_util.h"
#include "transform/suggest.h"

namespace pygraft::testing {
namespace {

using transform::op_category;
using transform::OpCategory;
using transform::unknown_name_advice;

// The one diagnostic of `source`; fails when there are none or several.
Diagnostic only_diagnostic(std::string_view source) {
  Lowered l = lower_source(source);
  EXPECT_EQ(l.diagnostics.size(), 1u) << l.describe();
  return l.diagnostics.empty() ? Diagnostic{} : l.diagnostics.front();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(Suggest, ARealNumpyFunctionIsNeverAMisspellingOfAnother) {
  const std::string unique = unknown_name_advice(SpellingKind::NumpyFunction, "unique", "np.");
  EXPECT_TRUE(contains(unique, "; the supported sorting and searching functions are np."))
      << unique;
  EXPECT_EQ(unknown_name_advice(SpellingKind::NumpyFunction, "tensordot", "np."),
            "; use @ or np.dot");
  // Real, unlisted: nothing rather than a wrong guess (np.sinc is not np.sin).
  EXPECT_EQ(unknown_name_advice(SpellingKind::NumpyFunction, "i0", "np."), "");
}

TEST(Suggest, AMisspellingGetsTheClosestSupportedName) {
  EXPECT_EQ(unknown_name_advice(SpellingKind::NumpyFunction, "tanhh", "np."),
            " (did you mean 'np.tanh'?)");
  EXPECT_EQ(unknown_name_advice(SpellingKind::NumpyFunction, "maen", "np."),
            " (did you mean 'np.mean'?)");
  EXPECT_EQ(unknown_name_advice(SpellingKind::MathFunction, "sqrtt", "math."),
            " (did you mean 'math.sqrt'?)");
}

TEST(Suggest, AMisspellingOfAnUnsupportedNameSuggestsNothing) {
  // "uniqe" is closest to the real np.unique, which is not supported: no
  // suggestion of a supported name of another kind.
  EXPECT_EQ(unknown_name_advice(SpellingKind::NumpyFunction, "uniqe", "np."), "");
}

TEST(Suggest, WithoutAHintTheCategoryNamesItsSupportedFunctions) {
  std::string advice = unknown_name_advice(SpellingKind::NumpyFunction, "median", "np.");
  EXPECT_TRUE(contains(advice, "; the supported reductions are ")) << advice;
  EXPECT_TRUE(contains(advice, "np.mean")) << advice;
  EXPECT_FALSE(contains(advice, "np.sqrt")) << advice;
  advice = unknown_name_advice(SpellingKind::Method, "resize", "");
  EXPECT_TRUE(contains(advice, "x.reshape")) << advice;
}

TEST(Suggest, CategoriesComeFromTheOpTable) {
  EXPECT_EQ(op_category(OpCode::Sum), OpCategory::Reduction);
  EXPECT_EQ(op_category(OpCode::Sqrt), OpCategory::Elementwise);
  EXPECT_EQ(op_category(OpCode::Eq), OpCategory::Elementwise);
  EXPECT_EQ(op_category(OpCode::Dot), OpCategory::LinearAlgebra);
  EXPECT_EQ(op_category(OpCode::Reshape), OpCategory::Shape);
  EXPECT_EQ(op_category(OpCode::Zeros), OpCategory::Creation);
  EXPECT_EQ(op_category(OpCode::Len), OpCategory::Values);
  EXPECT_EQ(op_category(OpCode::Cond), OpCategory::None);
}

// Every entry of outside_subset.def is a real name that is not supported (an
// entry left behind when an op gets added would hide nothing, but mislead).
TEST(Suggest, OutsideSubsetNamesAreRealAndUnsupported) {
  struct Entry {
    SpellingKind kind;
    std::string_view name;
  };
  const Entry entries[] = {
#define PG_OUTSIDE(kind, name, category, instead) {SpellingKind::kind, name},
#include "transform/outside_subset.def"
#undef PG_OUTSIDE
  };
  for (const Entry& entry : entries) {
    EXPECT_FALSE(find_spelling(entry.kind, entry.name)) << entry.name << " is supported";
  }
  std::vector<std::string_view> real;
#define PG_NAME(kind, name) real.push_back(name);
#include "transform/numpy_names.inc"
#undef PG_NAME
  // Note: names NumPy 2 added are not in the snapshot of NumPy 1.24.
  real.push_back("concat");
  for (const Entry& entry : entries) {
    EXPECT_NE(std::find(real.begin(), real.end(), entry.name), real.end())
        << entry.name << " is not a NumPy, ndarray or math name";
  }
}

TEST(Messages, NpUniqueDoesNotSuggestAnotherName) {
  Diagnostic d = only_diagnostic("import numpy as np\ndef f(x):\n    return np.unique(x)\n");
  EXPECT_EQ(d.code(), "PG0303");
  EXPECT_FALSE(contains(d.message, "did you mean")) << d.message;
}

TEST(Messages, NpTensordotSaysWhatToWrite) {
  Diagnostic d =
      only_diagnostic("import numpy as np\ndef f(a, b):\n    return np.tensordot(a, b)\n");
  EXPECT_TRUE(contains(d.message, "use @ or np.dot")) << d.message;
  EXPECT_FALSE(contains(d.message, "minimum")) << d.message;
}

// np.where(condition) is np.nonzero(condition); with x and y it selects.
TEST(Messages, OneArgumentWhereIsNonzero) {
  Lowered l = lower_clean("import numpy as np\ndef f(x):\n    return np.where(x > 0)[0]\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Nonzero).size(), 1u);
  EXPECT_TRUE(nodes_with(function(l, "f"), OpCode::Where).empty());
}

TEST(Messages, ThreeArgumentWhereStillCompiles) {
  lower_clean("import numpy as np\ndef f(x):\n    return np.where(x > 0, x, 0.0)\n");
}

// np.float32(x) is NumPy's float32 scalar of x: np.asarray(x, dtype=np.float32).
TEST(Messages, CallingADtypeWithOneArgumentMakesItsScalar) {
  Lowered l = lower_clean("import numpy as np\ndef f():\n    return np.float32(1.5)\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::AsArray).size(), 1u);
}

TEST(Messages, CallingADtypeOtherwiseSaysHowToMakeAValue) {
  Diagnostic d =
      only_diagnostic("import numpy as np\ndef f(x):\n    return np.float32(x, copy=False)\n");
  EXPECT_TRUE(contains(d.message, "dtype=np.float32")) << d.message;
  EXPECT_FALSE(contains(d.message, "constant")) << d.message;
}

TEST(Messages, AnUnsupportedDtypeNamesTheSupportedOnes) {
  for (const char* source :
       {"import numpy as np\ndef f(x):\n    return x.astype(np.complex128)\n",
        "import numpy as np\ndef f(x):\n    return np.longdouble(x)\n",
        "import numpy as np\ndef f(x):\n    return np.zeros(3, np.datetime64)\n"}) {
    Diagnostic d = only_diagnostic(source);
    EXPECT_TRUE(contains(d.message,
                         "is not a supported dtype; the supported dtypes are float16, float32, "
                         "float64, int8, int16, int32, int64, uint8, uint16, uint32, uint64 and "
                         "bool"))
        << d.message;
    EXPECT_FALSE(contains(d.message, "constant")) << d.message;
  }
}

TEST(Messages, NamedFormatFieldsSayToNumberThem) {
  Diagnostic d = only_diagnostic("def f(loss):\n    return '{a}'.format(a=loss)\n");
  EXPECT_EQ(d.code(), "PG0208");
  EXPECT_TRUE(contains(d.message, "'{0} {1}'.format(a, b)")) << d.message;
}

TEST(Messages, AMissingNumpyImportIsOneDiagnosticAtTheFirstUse) {
  Diagnostic d = only_diagnostic(
      "def f(x):\n"
      "    y = np.sum(x, axis=0)\n"
      "    return np.maximum(y, np.mean(x, axis=1)) * np.pi\n"
      "def g(x):\n"
      "    return np.linalg.norm(x)\n");
  EXPECT_EQ(d.code(), "PG0301");
  EXPECT_EQ(d.range.line, 2u);
  EXPECT_EQ(d.range.column, 9u);
  EXPECT_TRUE(contains(d.message, "add `import numpy as np`")) << d.message;
}

TEST(Messages, AMissingMathImportNamesItsImport) {
  Diagnostic d = only_diagnostic("def f(x):\n    return math.sqrt(x) + math.pi\n");
  EXPECT_TRUE(contains(d.message, "add `import math`")) << d.message;
}

TEST(Messages, AParameterNamedNpIsNotAMissingImport) {
  Lowered l = lower_source("def f(np, x):\n    return np.sum(x)\n");
  for (const Diagnostic& d : l.diagnostics) {
    EXPECT_FALSE(contains(d.message, "import numpy")) << d.message;
  }
}

}  // namespace
}  // namespace pygraft::testing
