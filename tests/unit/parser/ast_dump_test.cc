// The AST text dump: exact, deterministic output with ranges.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

TEST(AstDumpTest, WholeModule) {
  ParseResult result = parse_module(
      "import numpy as np\n"
      "N = 2\n"
      "def f(x, n: int = 3):\n"
      "    y = np.zeros((n,))\n"
      "    print('y\\t\"', x[0])\n"
      "    return y\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_EQ(dump_ast(result.module),
            "(module\n"
            "  (import numpy as np @1:1-1:19)\n"
            "  (const N @2:1-2:6\n"
            "    (int 2 @2:5-2:6))\n"
            "  (def f @3:1-6:13 name@3:5-3:6\n"
            "    (param x @3:7-3:8)\n"
            "    (param n @3:10-3:20\n"
            "      (default\n"
            "        (int 3 @3:19-3:20))\n"
            "      (annotation\n"
            "        (name int @3:13-3:16)))\n"
            "    (body\n"
            "      (assign @4:5-4:23\n"
            "        (targets\n"
            "          (name y @4:5-4:6))\n"
            "        (call @4:9-4:23\n"
            "          (attr zeros @4:9-4:17 attr@4:12-4:17\n"
            "            (name np @4:9-4:11))\n"
            "          (args\n"
            "            (tuple @4:18-4:22\n"
            "              (name n @4:19-4:20)))))\n"
            "      (expr @5:5-5:24\n"
            "        (call @5:5-5:24\n"
            "          (name print @5:5-5:10)\n"
            "          (args\n"
            "            (str \"y\\t\\\"\" @5:11-5:17)\n"
            "            (subscript @5:19-5:23\n"
            "              (name x @5:19-5:20)\n"
            "              (indices\n"
            "                (int 0 @5:21-5:22))))))\n"
            "      (return @6:5-6:13\n"
            "        (name y @6:12-6:13)))))\n");
}

TEST(AstDumpTest, FloatsAlwaysLookLikeFloats) {
  EXPECT_EQ(expr_dump("2.0"), "(float 2.0 @1:5-1:8)\n");
  EXPECT_EQ(expr_dump("1e300"), "(float 1e+300 @1:5-1:10)\n");
  EXPECT_EQ(expr_dump("1e999"), "(float inf @1:5-1:10)\n");
}

TEST(AstDumpTest, OperatorNames) {
  EXPECT_STREQ(binary_op_name(ast::BinaryOp::FloorDiv), "//");
  EXPECT_STREQ(unary_op_name(ast::UnaryOp::Invert), "~");
  EXPECT_STREQ(compare_op_name(ast::CompareOp::NotIn), "not in");
}

}  // namespace
}  // namespace pygraft::parser_test
