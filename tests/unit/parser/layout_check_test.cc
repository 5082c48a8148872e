// The layout check (parser/layout_check.h) on what mutated files rarely
// reach: line joins, strings across lines, form feeds, carriage returns, and
// how a missing block is named. Each expectation is CPython 3.11's verdict on
// the same source (the exception, its message and line).
#include "parser/layout_check.h"

#include <gtest/gtest.h>

namespace pygraft::parser {
namespace {

// "PG0006@3:5 <message>" for the problem found, "" for none.
std::string layout_of(std::string_view source) {
  std::optional<LayoutProblem> problem = check_layout(source);
  if (!problem) return "";
  return std::string(diag_code_info(problem->code).code) + "@" +
         std::to_string(problem->range.line) + ":" + std::to_string(problem->range.column) + " " +
         problem->message.substr(0, problem->message.find(';'));
}

TEST(LayoutCheck, ValidLayoutsHaveNoProblem) {
  EXPECT_EQ(layout_of(""), "");
  EXPECT_EQ(layout_of("x = (1,\n        2,\n  3)\ny = 1\n"), "");
  EXPECT_EQ(layout_of("x = 1 + \\\n        2\ny = 1\n"), "");
  EXPECT_EQ(layout_of("s = '''\n    odd\n  indent'''\ny = 1\n"), "");
  EXPECT_EQ(layout_of("s = 'a\\\n      b'\ny = 1\n"), "");
  EXPECT_EQ(layout_of("def f(x):\n    return x\n\f\ndef g(x):\n\f    return x\n"), "");
  EXPECT_EQ(layout_of("def f(x):\r\n    return x\r\n"), "");
  EXPECT_EQ(layout_of("x = {'a': [1,\n  2]}\nif x:\n    pass\n"), "");
  EXPECT_EQ(layout_of("s = \"it's # not a comment\"\ny = 1\n"), "");
}

TEST(LayoutCheck, UnexpectedIndent) {
  EXPECT_EQ(layout_of("  x = 1\n"), "PG0006@1:3 IndentationError: unexpected indent");
  EXPECT_EQ(layout_of("if x: y = 1\n    z = 2\n"),
            "PG0006@2:5 IndentationError: unexpected indent");
  // A quote inside a comment opens no string.
  EXPECT_EQ(layout_of("x = 1  # it's\n    y = 2\n"),
            "PG0006@2:5 IndentationError: unexpected indent");
}

TEST(LayoutCheck, UnindentToNoOuterLevel) {
  EXPECT_EQ(layout_of("if x:\n        y = 1\n    z = 2\n"),
            "PG0006@3:5 IndentationError: unindent does not match any outer indentation level");
}

TEST(LayoutCheck, MissingBlockNamesTheStatement) {
  EXPECT_EQ(layout_of("def f(x):\nreturn x\n"),
            "PG0006@2:1 IndentationError: expected an indented block after function definition "
            "on line 1");
  EXPECT_EQ(layout_of("async def f(x):\nreturn x\n"),
            "PG0006@2:1 IndentationError: expected an indented block after function definition "
            "on line 1");
  EXPECT_EQ(layout_of("class A:\nx = 1\n"),
            "PG0006@2:1 IndentationError: expected an indented block after class definition on "
            "line 1");
  EXPECT_EQ(layout_of("while (x and\n       y):  # c\nz = 1\n"),
            "PG0006@3:1 IndentationError: expected an indented block after 'while' statement on "
            "line 1");
}

TEST(LayoutCheck, MissingBlockAtTheEndIsAfterTheLastText) {
  EXPECT_EQ(layout_of("def f(x):\n"),
            "PG0006@1:10 IndentationError: expected an indented block after function definition "
            "on line 1");
  EXPECT_EQ(layout_of("def f(x):\n    # only a comment\n\n"),
            "PG0006@2:21 IndentationError: expected an indented block after function definition "
            "on line 1");
}

TEST(LayoutCheck, TabsAndSpacesThatDisagree) {
  EXPECT_EQ(layout_of("if x:\n\ty = 1\n        z = 2\n"),
            "PG0007@3:1 TabError: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(layout_of("if x:\n    if y:\n\tz = 1\n"),
            "PG0007@3:1 TabError: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(layout_of("if x:\n \ty = 1\n \tz = 2\n"), "");  // the same mix on every line
}

TEST(LayoutCheck, LoneCarriageReturnsEndLines) {
  EXPECT_EQ(layout_of("if a:\r    b = 2\r  c = 1\r"),
            "PG0006@3:3 IndentationError: unindent does not match any outer indentation level");
}

TEST(LayoutCheck, CPythonNestingLimits) {
  EXPECT_EQ(layout_of("x = " + std::string(200, '(') + std::string(200, ')') + "\n"), "");
  EXPECT_EQ(layout_of("x = " + std::string(201, '(') + std::string(201, ')') + "\n"),
            "PG0005@1:205 too many nested parentheses (CPython's limit is 200)");
}

}  // namespace
}  // namespace pygraft::parser
