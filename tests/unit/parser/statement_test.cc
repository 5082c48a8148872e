// Statements inside functions: shapes and ranges.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

TEST(StatementTest, ChainedAssignmentKeepsTargetsInOrder) {
  EXPECT_EQ(body_dump("def f():\n    a = b = 1\n"),
            "(assign @2:5-2:14\n"
            "  (targets\n"
            "    (name a @2:5-2:6)\n"
            "    (name b @2:9-2:10))\n"
            "  (int 1 @2:13-2:14))\n");
}

TEST(StatementTest, TupleUnpackingWithNestedTargets) {
  EXPECT_EQ(body_dump("def f(t):\n    a, (b, c) = t\n"),
            "(assign @2:5-2:18\n"
            "  (targets\n"
            "    (tuple @2:5-2:14\n"
            "      (name a @2:5-2:6)\n"
            "      (tuple @2:8-2:14\n"
            "        (name b @2:9-2:10)\n"
            "        (name c @2:12-2:13))))\n"
            "  (name t @2:17-2:18))\n");
}

TEST(StatementTest, ListPatternTarget) {
  EXPECT_EQ(body_dump("def f(t):\n    [a, b] = t\n"),
            "(assign @2:5-2:15\n"
            "  (targets\n"
            "    (list @2:5-2:11\n"
            "      (name a @2:6-2:7)\n"
            "      (name b @2:9-2:10)))\n"
            "  (name t @2:14-2:15))\n");
}

TEST(StatementTest, ParenthesizedNameTargetIsTheName) {
  EXPECT_EQ(body_dump("def f():\n    (a) = 1\n"),
            "(assign @2:5-2:12\n  (targets\n    (name a @2:6-2:7))\n  (int 1 @2:11-2:12))\n");
}

TEST(StatementTest, BareTupleValue) {
  EXPECT_EQ(body_dump("def f():\n    x = 1, 2\n"),
            "(assign @2:5-2:13\n"
            "  (targets\n"
            "    (name x @2:5-2:6))\n"
            "  (tuple @2:9-2:13\n"
            "    (int 1 @2:9-2:10)\n"
            "    (int 2 @2:12-2:13)))\n");
}

TEST(StatementTest, SubscriptTarget) {
  EXPECT_EQ(body_dump("def f(x, i):\n    x[i] = 0\n"),
            "(assign @2:5-2:13\n"
            "  (targets\n"
            "    (subscript @2:5-2:9\n"
            "      (name x @2:5-2:6)\n"
            "      (indices\n"
            "        (name i @2:7-2:8))))\n"
            "  (int 0 @2:12-2:13))\n");
}

TEST(StatementTest, AnnotatedAssignment) {
  EXPECT_EQ(body_dump("def f():\n    t: float = 0.0\n"),
            "(annassign @2:5-2:19\n"
            "  (name t @2:5-2:6)\n"
            "  (name float @2:8-2:13)\n"
            "  (float 0.0 @2:16-2:19))\n");
}

TEST(StatementTest, AnnotationWithoutValue) {
  EXPECT_EQ(body_dump("def f():\n    t: int\n"),
            "(annassign @2:5-2:11\n  (name t @2:5-2:6)\n  (name int @2:8-2:11)\n  _)\n");
}

TEST(StatementTest, AugmentedAssignmentAllOperators) {
  const char* ops[] = {"+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>"};
  for (const char* op : ops) {
    std::string source = std::string("def f(x):\n    x ") + op + "= 2\n";
    std::string dump = body_dump(source);
    EXPECT_EQ(dump.substr(0, dump.find(' ', 12)), std::string("(augassign ") + op + "=") << op;
  }
}

TEST(StatementTest, AugmentedAssignmentToSlice) {
  EXPECT_EQ(body_dump("def f(x, v):\n    x[1:] += v\n"),
            "(augassign += @2:5-2:15\n"
            "  (subscript @2:5-2:10\n"
            "    (name x @2:5-2:6)\n"
            "    (indices\n"
            "      (slice @2:7-2:9\n"
            "        (int 1 @2:7-2:8)\n"
            "        _\n"
            "        _)))\n"
            "  (name v @2:14-2:15))\n");
}

TEST(StatementTest, IfElifElseNestsElifWithItsOwnRange) {
  EXPECT_EQ(body_dump("def f(x):\n    if x:\n        pass\n    elif y:\n        return\n"
                      "    else:\n        return 1\n"),
            "(if @2:5-7:17\n"
            "  (name x @2:8-2:9)\n"
            "  (body\n"
            "    (pass @3:9-3:13))\n"
            "  (orelse\n"
            "    (if @4:5-7:17\n"
            "      (name y @4:10-4:11)\n"
            "      (body\n"
            "        (return @5:9-5:15\n"
            "          _))\n"
            "      (orelse\n"
            "        (return @7:9-7:17\n"
            "          (int 1 @7:16-7:17))))))\n");
}

TEST(StatementTest, WhileElse) {
  EXPECT_EQ(body_dump("def f(x):\n    while x:\n        break\n    else:\n        continue\n"),
            "(while @2:5-5:17\n"
            "  (name x @2:11-2:12)\n"
            "  (body\n"
            "    (break @3:9-3:14))\n"
            "  (orelse\n"
            "    (continue @5:9-5:17)))\n");
}

TEST(StatementTest, ForElse) {
  EXPECT_EQ(body_dump("def f(n):\n    for i in range(n):\n        pass\n    else:\n        pass\n"),
            "(for @2:5-5:13\n"
            "  (name i @2:9-2:10)\n"
            "  (call @2:14-2:22\n"
            "    (name range @2:14-2:19)\n"
            "    (args\n"
            "      (name n @2:20-2:21)))\n"
            "  (body\n"
            "    (pass @3:9-3:13))\n"
            "  (orelse\n"
            "    (pass @5:9-5:13)))\n");
}

TEST(StatementTest, ForWithTupleTarget) {
  std::string dump = body_dump("def f(a):\n    for i, x in enumerate(a):\n        pass\n");
  EXPECT_NE(dump.find("(tuple @2:9-2:13\n    (name i @2:9-2:10)\n    (name x @2:12-2:13))"),
            std::string::npos)
      << dump;
}

TEST(StatementTest, ReturnForms) {
  EXPECT_EQ(body_dump("def f(a, b):\n    return a, b\n"),
            "(return @2:5-2:16\n  (tuple @2:12-2:16\n    (name a @2:12-2:13)\n"
            "    (name b @2:15-2:16)))\n");
  EXPECT_EQ(body_dump("def f():\n    return\n"), "(return @2:5-2:11\n  _)\n");
}

TEST(StatementTest, AssertWithAndWithoutMessage) {
  EXPECT_EQ(body_dump("def f(x):\n    assert x > 0, \"x must be positive\"\n"),
            "(assert @2:5-2:39\n"
            "  (compare '>' @2:12-2:17\n"
            "    (name x @2:12-2:13)\n"
            "    (int 0 @2:16-2:17))\n"
            "  (str \"x must be positive\" @2:19-2:39))\n");
  EXPECT_EQ(body_dump("def f(x):\n    assert x\n"),
            "(assert @2:5-2:13\n  (name x @2:12-2:13)\n  _)\n");
}

TEST(StatementTest, PrintCallStatement) {
  EXPECT_EQ(body_dump("def f(x):\n    print('x =', x, sep='')\n"),
            "(expr @2:5-2:28\n"
            "  (call @2:5-2:28\n"
            "    (name print @2:5-2:10)\n"
            "    (args\n"
            "      (str \"x =\" @2:11-2:16)\n"
            "      (name x @2:18-2:19))\n"
            "    (keyword sep @2:21-2:27\n"
            "      (str \"\" @2:25-2:27))))\n");
}

TEST(StatementTest, SemicolonSeparatedStatements) {
  EXPECT_EQ(body_dump("def f():\n    a = 1; b = 2\n"),
            "(assign @2:5-2:10\n  (targets\n    (name a @2:5-2:6))\n  (int 1 @2:9-2:10))\n"
            "(assign @2:12-2:17\n  (targets\n    (name b @2:12-2:13))\n  (int 2 @2:16-2:17))\n");
}

TEST(StatementTest, CommentsAreIgnoredEverywhere) {
  std::string dump = body_dump(
      "def f(a,  # first\n      b):\n    # comment\n    x = (a +  # inline\n         b)\n"
      "    return x  # done\n");
  EXPECT_NE(dump.find("(binary + @4:10-5:11"), std::string::npos) << dump;
}

}  // namespace
}  // namespace pygraft::parser_test
