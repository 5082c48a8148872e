// Module level: imports, constants, functions, docstring, main guard, and
// the statements reported there.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

using Names = std::vector<std::string>;

Names names_of(const std::set<std::string, std::less<>>& names) {
  return {names.begin(), names.end()};
}

TEST(ModuleTest, EmptyFileGivesEmptyModule) {
  ParseResult result = parse_module("");
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(dump_ast(result.module), "(module)\n");
}

TEST(ModuleTest, ImportNumpyWithAndWithoutAlias) {
  ParseResult result = parse_module("import numpy as np\nimport numpy\n");
  ASSERT_TRUE((result.diagnostics).empty()) << messages(result);
  ASSERT_EQ(result.module.imports.size(), 2u);
  EXPECT_EQ(result.module.imports[0].module, "numpy");
  EXPECT_EQ(result.module.imports[0].alias, "np");
  EXPECT_EQ(range_text(result.module.imports[0].range), "1:1-1:19");
  EXPECT_EQ(result.module.imports[1].alias, "numpy");
}

TEST(ModuleTest, ImportMathWithAndWithoutAlias) {
  ParseResult result = parse_module("import math\nimport math as m\n");
  ASSERT_TRUE((result.diagnostics).empty());
  ASSERT_EQ(result.module.imports.size(), 2u);
  EXPECT_EQ(result.module.imports[0].alias, "math");
  EXPECT_EQ(result.module.imports[1].module, "math");
  EXPECT_EQ(result.module.imports[1].alias, "m");
}

// Whether compiled code may use a module is the transform's question: the
// parser records every import.
TEST(ModuleTest, ImportsOfAnyModuleAreRecorded) {
  ParseResult result =
      parse_module("import os\nimport numpy.linalg\nimport matplotlib.pyplot as plt, math\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  ASSERT_EQ(result.module.imports.size(), 4u);
  EXPECT_EQ(result.module.imports[0].module, "os");
  // `import numpy.linalg` binds numpy, the top package.
  EXPECT_EQ(result.module.imports[1].module, "numpy");
  EXPECT_EQ(result.module.imports[1].alias, "numpy");
  EXPECT_EQ(result.module.imports[2].module, "matplotlib.pyplot");
  EXPECT_EQ(result.module.imports[2].alias, "plt");
  EXPECT_EQ(result.module.imports[3].alias, "math");
  for (const ast::Import& import : result.module.imports) EXPECT_TRUE(import.name.empty());
}

TEST(ModuleTest, FromImportsRecordEachNameAndAlias) {
  const char* source =
      "from builtins import range\nfrom math import sqrt, erf as E\nfrom numpy import zeros\n";
  for (const ParseResult& result : {parse_module(source), parse_module_with_tree_sitter(source)}) {
    ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
    ASSERT_EQ(result.module.imports.size(), 4u);
    EXPECT_EQ(result.module.imports[0].module, "builtins");
    EXPECT_EQ(result.module.imports[0].name, "range");
    EXPECT_EQ(result.module.imports[0].alias, "range");
    EXPECT_EQ(result.module.imports[2].name, "erf");
    EXPECT_EQ(result.module.imports[2].alias, "E");
    EXPECT_EQ(range_text(result.module.imports[2].range), "2:1-2:32");
    EXPECT_EQ(result.module.imports[3].module, "numpy");
    EXPECT_TRUE(result.module.left_out.empty());
  }
}

TEST(ModuleTest, StarImportIsReportedAndLeftOut) {
  ParseResult result = parse_module("from numpy import *\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0113@1:19"}));
  EXPECT_NE(result.diagnostics[0].message.find("from numpy import NAME"), std::string::npos);
  EXPECT_TRUE(result.module.imports.empty());
  ASSERT_EQ(result.module.left_out.size(), 1u);
}

// What `compile --entry` leaves out with a note when nothing compiled uses
// it: each reported top-level statement, with the names it binds.
TEST(ModuleTest, ReportedTopLevelStatementsAreLeftOutItems) {
  ParseResult result = parse_module(
      "class Model:\n    size = 3\n\nfor epoch in range(3):\n    loss = 0.5\n"
      "print(loss)\n");
  ASSERT_EQ(result.module.left_out.size(), 3u) << messages(result);
  const std::vector<ast::LeftOutItem>& items = result.module.left_out;
  EXPECT_EQ(items[0].what, "class 'Model'");
  EXPECT_EQ(names_of(items[0].binds), (Names{"Model", "size"}));
  EXPECT_EQ(range_text(items[0].range), "1:1-2:13");
  EXPECT_EQ(range_text(items[0].head), "1:1-1:13");
  EXPECT_EQ(items[1].what, "module-level code");
  EXPECT_EQ(names_of(items[1].binds), (Names{"epoch", "loss"}));
  EXPECT_EQ(items[2].what, "module-level code");
  EXPECT_TRUE(items[2].binds.empty());
}

TEST(ModuleTest, FutureImportIsAcceptedSilently) {
  ParseResult result = parse_module("from __future__ import annotations\n");
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_TRUE((result.module.imports).empty());
}

TEST(ModuleTest, ConstantsInSourceOrder) {
  ParseResult result = parse_module("N = 3\nEPS: float = 1e-6\nSHAPE = (2, 3)\n");
  ASSERT_TRUE((result.diagnostics).empty()) << messages(result);
  ASSERT_EQ(result.module.constants.size(), 3u);
  EXPECT_EQ(result.module.constants[0].name, "N");
  EXPECT_EQ(range_text(result.module.constants[0].range), "1:1-1:6");
  EXPECT_EQ(result.module.constants[1].name, "EPS");
  EXPECT_EQ(dump_expr(*result.module.constants[1].value), "(float 1e-06 @2:14-2:18)\n");
  EXPECT_EQ(result.module.constants[2].name, "SHAPE");
}

TEST(ModuleTest, FunctionsInSourceOrderWithRanges) {
  ParseResult result = parse_module("def f(x):\n    return x\n\ndef g():\n    pass\n");
  ASSERT_TRUE((result.diagnostics).empty());
  ASSERT_EQ(result.module.functions.size(), 2u);
  EXPECT_EQ(result.module.functions[0].name, "f");
  EXPECT_EQ(range_text(result.module.functions[0].range), "1:1-2:13");
  EXPECT_EQ(range_text(result.module.functions[0].name_range), "1:5-1:6");
  EXPECT_EQ(result.module.functions[1].name, "g");
}

TEST(ModuleTest, ModuleDocstringIsIgnored) {
  ParseResult result = parse_module("\"\"\"Model code.\n\nMore.\"\"\"\nimport math\n");
  EXPECT_TRUE((result.diagnostics).empty()) << messages(result);
  EXPECT_EQ(result.module.imports.size(), 1u);
}

TEST(ModuleTest, MainGuardIsSkipped) {
  ParseResult result = parse_module(
      "def f():\n    pass\n\nif __name__ == \"__main__\":\n    import sys\n    print({1: 2})\n");
  EXPECT_TRUE((result.diagnostics).empty()) << messages(result);
  EXPECT_EQ(result.module.functions.size(), 1u);
}

TEST(ModuleTest, MainGuardWithSingleQuotesOrSwappedOperands) {
  EXPECT_TRUE((codes_at("if __name__ == '__main__':\n    x = {}\n")).empty());
  EXPECT_TRUE((codes_at("if \"__main__\" == __name__:\n    x = {}\n")).empty());
}

TEST(ModuleTest, OtherModuleLevelIfIsReported) {
  EXPECT_EQ(codes_at("if __name__ != '__main__':\n    pass\n"), (Codes{"PG0114@1:1"}));
}

TEST(ModuleTest, ModuleLevelStatementsAreReported) {
  ParseResult result =
      parse_module("print(1)\nfor i in x:\n    pass\nN += 1\na, b = 1, 2\nA = B = 1\n");
  EXPECT_EQ(codes_at(result),
            (Codes{"PG0114@1:1", "PG0114@2:1", "PG0114@4:1", "PG0114@5:1", "PG0114@6:1"}));
}

TEST(ModuleTest, ModuleLevelStatementsWithTheirOwnCode) {
  EXPECT_EQ(codes_at("try:\n    pass\nexcept E:\n    pass\n"), (Codes{"PG0102@1:1"}));
  EXPECT_EQ(codes_at("global x\n"), (Codes{"PG0105@1:1"}));
  EXPECT_EQ(codes_at("del x\n"), (Codes{"PG0107@1:1"}));
}

TEST(ModuleTest, ClassIsReportedAtItsKeyword) {
  ParseResult result =
      parse_module("import math\n\nclass Model:\n    def f(self):\n        pass\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0101@3:1"}));
  EXPECT_EQ(range_text(result.diagnostics[0].range), "3:1-3:6");
}

TEST(ModuleTest, DecoratorIsReportedAndFunctionStillConverted) {
  ParseResult result = parse_module("@jit\n@other(1)\ndef f(x):\n    return {1, 2}\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0111@1:1", "PG0111@2:1", "PG0207@4:12"}));
  ASSERT_EQ(result.module.functions.size(), 1u);
  EXPECT_EQ(result.module.functions[0].name, "f");
}

TEST(ModuleTest, DecoratedClassIsReportedAsClass) {
  EXPECT_EQ(codes_at("@dataclass\nclass A:\n    x: int\n"), (Codes{"PG0111@1:1", "PG0101@2:1"}));
}

TEST(ModuleTest, ConstantValuesAreChecked) {
  EXPECT_EQ(codes_at("NAME = \"abc\"\nF = {1, 2}\n"), (Codes{"PG0207@2:5"}));
}

}  // namespace
}  // namespace pygraft::parser_test
