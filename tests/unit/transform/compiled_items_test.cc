// What `compile --entry` compiles (transform/compiled_items.h) and how
// from-imports resolve (transform/ast_passes/resolve_imports.h).
#include "transform/compiled_items.h"

#include <gtest/gtest.h>

#include "parser/ast_dump.h"
#include "parser/parser.h"
#include "tests/unit/transform/lower_test_util.h"
#include "transform/ast_passes/resolve_imports.h"

namespace pygraft::testing {
namespace {

struct LeftOut {
  std::vector<std::string> functions;  // what stays
  std::vector<std::string> constants;  // what stays
  std::vector<std::string> notes;      // "line: message"
};

LeftOut leave_out(std::string_view source, std::vector<std::string> entries) {
  ParseResult parsed = parse_module(source);
  std::vector<transform::LeftOutItem> items = transform::leave_out_unused(parsed.module, entries);
  LeftOut out;
  for (const ast::FunctionDef& def : parsed.module.functions) out.functions.push_back(def.name);
  for (const ast::ConstantDef& c : parsed.module.constants) out.constants.push_back(c.name);
  for (const transform::LeftOutItem& item : items) {
    out.notes.push_back(std::to_string(item.head.line) + ": " + item.message);
  }
  return out;
}

using Strings = std::vector<std::string>;

constexpr std::string_view kModel =
    "import numpy as np\n"               // 1
    "import matplotlib.pyplot as plt\n"  // 2
    "SCALE = 2.0\n"                      // 3
    "LIMIT = SCALE * 3\n"                // 4
    "UNUSED = 7\n"                       // 5
    "table = np.zeros(3)\n"              // 6
    "def act(x):\n"                      // 7
    "    return np.tanh(x) * LIMIT\n"    // 8
    "def forward(x, k=SCALE):\n"         // 9
    "    return act(x) * k\n"            // 10
    "def plot(x):\n"                     // 11
    "    plt.plot(forward(x))\n"         // 12
    "class Trainer:\n"                   // 13
    "    pass\n"                         // 14
    "for epoch in range(3):\n"           // 15
    "    plot(table)\n";                 // 16

TEST(CompiledItems, EntriesKeepWhatTheyUseTransitively) {
  LeftOut out = leave_out(kModel, {"forward"});
  EXPECT_EQ(out.functions, (Strings{"act", "forward"}));
  // Through the default (SCALE) and the callee (LIMIT, which reads SCALE).
  EXPECT_EQ(out.constants, (Strings{"SCALE", "LIMIT"}));
  EXPECT_EQ(out.notes,
            (Strings{"2: the import of module 'matplotlib.pyplot' is left out; no compiled "
                     "function uses 'plt'",
                     "6: module-level name 'table' is left out; the --entry functions do not use "
                     "it",
                     "11: function 'plot' is not compiled; the --entry functions do not use it",
                     "13: class 'Trainer' is left out; the --entry functions do not use it",
                     "15: module-level code is left out; the --entry functions do not use it"}));
}

TEST(CompiledItems, AnEntryThatUsesEverythingLeavesOutOnlyTheRest) {
  LeftOut out = leave_out(kModel, {"plot", "forward"});
  EXPECT_EQ(out.functions, (Strings{"act", "forward", "plot"}));
  ASSERT_EQ(out.notes.size(), 3u);  // table, Trainer, the loop; plt is used
  EXPECT_EQ(out.notes[0].substr(0, 2), "6:");
}

TEST(CompiledItems, ALeftOutStatementThatBindsAUsedNameStays) {
  // The class is used by the entry: its PG0101 stays an error (no note).
  LeftOut out = leave_out("class Config:\n    n = 3\ndef f(x):\n    return Config.n\n", {"f"});
  EXPECT_TRUE(out.notes.empty());
}

TEST(CompiledItems, WithoutEntriesOnlyUnusedForeignImportsAreLeftOut) {
  LeftOut out = leave_out(kModel, {});
  EXPECT_EQ(out.functions, (Strings{"act", "forward", "plot"}));
  EXPECT_EQ(out.constants, (Strings{"SCALE", "LIMIT", "UNUSED", "table"}));
  EXPECT_TRUE(out.notes.empty());  // plt is used by plot
  LeftOut unused = leave_out("import os\nfrom os.path import join\ndef f(x):\n    return x\n", {});
  EXPECT_EQ(unused.notes.size(), 2u);
}

TEST(CompiledItems, AnUnknownEntryChangesNothing) {
  LeftOut out = leave_out(kModel, {"missing"});
  EXPECT_EQ(out.functions.size(), 3u);
  EXPECT_TRUE(out.notes.empty());
}

std::string resolved(std::string_view source) {
  ParseResult parsed = parse_module(source);
  transform::resolve_imports(parsed.module);
  return dump_ast(parsed.module);
}

TEST(ResolveImports, FromImportedNamesBecomeModuleAttributes) {
  const std::string dump = resolved(
      "from numpy import zeros\nfrom math import sqrt as root\nfrom builtins import range\n"
      "def f(n):\n    return zeros(n) + root(2.0)\n");
  // numpy was not imported: an import of it is added for the attributes.
  EXPECT_NE(dump.find("import numpy as numpy"), std::string::npos) << dump;
  EXPECT_NE(dump.find("(attr zeros"), std::string::npos) << dump;
  EXPECT_NE(dump.find("(attr sqrt"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("(name root"), std::string::npos) << dump;
}

TEST(ResolveImports, ALocalHidesTheImportedName) {
  const std::string dump =
      resolved("from math import sqrt\ndef f(x):\n    sqrt = x\n    return sqrt\n");
  EXPECT_EQ(dump.find("(attr sqrt"), std::string::npos) << dump;
}

TEST(ResolveImports, AnExistingImportOfTheModuleIsUsed) {
  const std::string dump =
      resolved("import numpy as np\nfrom numpy import zeros\ndef f(n):\n    return zeros(n)\n");
  EXPECT_EQ(dump.find("import numpy as numpy"), std::string::npos) << dump;
  EXPECT_NE(dump.find("(name np"), std::string::npos) << dump;
}

TEST(ResolveImports, FromImportedCodeLowersAsTheModuleAttribute) {
  Lowered l = lower_clean(
      "from numpy import zeros, float32\nimport numpy.linalg as la\n"
      "def f(n):\n    return la.norm(zeros(n, dtype=float32))\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Norm).size(), 1u);
}

TEST(ResolveImports, UseOfAForeignImportIsReportedOnceAtItsFirstUse) {
  Lowered l =
      lower_source("import scipy.special as sp\ndef f(x):\n    return sp.expit(x) + sp.expit(x)\n");
  int reported = 0;
  for (const Diagnostic& d : l.diagnostics) reported += d.code() == "PG0113" ? 1 : 0;
  ASSERT_EQ(reported, 1) << l.describe();
  EXPECT_EQ(l.find("PG0113")->range.column, 12u);
}

}  // namespace
}  // namespace pygraft::testing
