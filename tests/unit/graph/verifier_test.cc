// The verifier accepts well-formed IR and reports each kind of violation.
#include "graph/verifier.h"

#include <gtest/gtest.h>

#include "ir_samples.h"

namespace pygraft {
namespace {

using testing::at;
using testing::make_const;
using testing::make_node;

// Asserts exactly one problem mentioning `needle` (and the function name).
void expect_one_problem(const Module& m, const std::string& needle) {
  std::vector<std::string> problems = verify_module(m);
  ASSERT_EQ(problems.size(), 1u) << (problems.empty() ? "no problems" : problems[0]);
  EXPECT_NE(problems[0].find(needle), std::string::npos) << problems[0];
}

Module single(Function f) {
  Module m;
  m.functions.push_back(std::move(f));
  return m;
}

TEST(Verifier, AcceptsSampleModule) {
  std::vector<std::string> problems = verify_module(testing::sample_module());
  for (const std::string& p : problems) ADD_FAILURE() << p;
}

TEST(Verifier, MessageNamesFunctionOpAndLine) {
  Function f = testing::add_one_function();
  f.body.nodes[1].inputs[1] = 7;
  f.num_values = 8;
  f.value_names.resize(8);
  expect_one_problem(single(f),
                     "function 'add_one': add (line 11): operand %7 is used before its definition");
}

TEST(Verifier, UseBeforeDefinition) {
  Function f = testing::add_one_function();
  std::swap(f.body.nodes[0], f.body.nodes[1]);
  expect_one_problem(single(f), "used before its definition");
}

TEST(Verifier, ValueDefinedTwice) {
  Function f = testing::add_one_function();
  f.body.nodes[1].outputs[0] = 1;  // the const's value again
  f.body.yields = {1};
  expect_one_problem(single(f), "%1 is defined more than once");
}

TEST(Verifier, IdOutOfRange) {
  Function f = testing::add_one_function();
  f.body.nodes[0].outputs[0] = 99;
  std::vector<std::string> problems = verify_module(single(f));
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].find("out of range"), std::string::npos) << problems[0];
}

TEST(Verifier, ValueUsedOutsideItsRegion) {
  Module m = testing::sample_module();
  Function& f = m.functions[0];
  // The negation inside the cond's else region, yielded by the function.
  ValueId inner = f.body.nodes[5].regions[1].nodes[0].outputs[0];
  f.body.yields = {inner};
  expect_one_problem(m, "used outside the region that defines it");
}

TEST(Verifier, RegionCannotUseItsOwnNodesOutputs) {
  Module m = testing::sample_module();
  Node& cond = m.functions[0].body.nodes[5];
  cond.regions[0].yields = {cond.outputs[0]};
  expect_one_problem(m, "used before its definition");
}

TEST(Verifier, OperandCountOfTableOps) {
  Function f = testing::add_one_function();
  f.body.nodes[1].inputs.push_back(0);
  expect_one_problem(single(f), "expected 2 operands, got 3");
}

TEST(Verifier, UnaryOperatorWithoutCanonicalParams) {
  Function f = testing::add_one_function();
  f.body.nodes[1].op = OpCode::Not;
  expect_one_problem(single(f), "expected 1 operands, got 2");
}

// Ops whose operands the op table does not list (no spelling) have their own
// rules: a hostile graph file must not hand their kernels too few operands.
TEST(Verifier, StatementOpsWithoutSpellingsAreChecked) {
  for (OpCode op : {OpCode::TypeInfo, OpCode::StrFormat}) {
    Function f = testing::add_one_function();
    f.body.nodes[1].op = op;
    f.body.nodes[1].inputs.clear();
    EXPECT_FALSE(verify_module(single(f)).empty()) << op_info(op).name;
  }
  Function f = testing::add_one_function();
  f.body.nodes[1].op = OpCode::Raise;
  EXPECT_FALSE(verify_module(single(f)).empty());  // two operands, no 'exception'
}

TEST(Verifier, OutputCount) {
  Function f = testing::add_one_function();
  f.body.nodes[1].op = OpCode::Print;  // 0 outputs
  expect_one_problem(single(f), "expected 0 outputs, got 1");
}

TEST(Verifier, ConstNeedsValue) {
  Function f = testing::add_one_function();
  f.body.nodes[0].attrs.clear();
  expect_one_problem(single(f), "needs an attribute 'value'");
}

TEST(Verifier, UndefNeedsName) {
  Function f = testing::add_one_function();
  f.body.nodes[0].op = OpCode::Undef;
  f.body.nodes[0].attrs.clear();
  expect_one_problem(single(f), "needs a string attribute 'name'");
}

TEST(Verifier, CallNamesAFunction) {
  Module m = testing::sample_module();
  m.functions.pop_back();  // add_one is gone
  expect_one_problem(m, "calls unknown function 'add_one'");
}

TEST(Verifier, CallArgumentCount) {
  Module m = testing::sample_module();
  Node& call = m.functions[0].body.nodes[13];
  ASSERT_EQ(call.op, OpCode::Call);
  call.inputs.push_back(call.inputs[0]);
  expect_one_problem(m, "passes 2 arguments to 'add_one'");
}

TEST(Verifier, SubscriptMatchesIndexLayout) {
  Module m = testing::sample_module();
  Node& get = m.functions[0].body.nodes[11];
  ASSERT_EQ(get.op, OpCode::GetItem);
  get.attrs[0].value = Literal(LiteralTuple{Literal(int64_t{16 + 3})});  // a:b needs 2
  expect_one_problem(m, "expected 3 operands, got 2");
  get.attrs[0].value = Literal(LiteralTuple{Literal(int64_t{9})});
  expect_one_problem(m, "bad index layout item 9");
}

TEST(Verifier, CondShape) {
  Module m = testing::sample_module();
  Node& cond = m.functions[0].body.nodes[5];
  ASSERT_EQ(cond.op, OpCode::Cond);
  cond.regions[0].yields.clear();
  expect_one_problem(m, "then region yields 0 values for 1 outputs");
}

TEST(Verifier, CondRegionCount) {
  Module m = testing::sample_module();
  m.functions[0].body.nodes[5].regions.pop_back();
  expect_one_problem(m, "expected 2 regions, got 1");
}

TEST(Verifier, LoopCondRegionYieldsOneValue) {
  Module m = testing::sample_module();
  Node& loop = m.functions[0].body.nodes[2];
  ASSERT_EQ(loop.op, OpCode::Loop);
  loop.regions[0].yields.push_back(loop.regions[0].yields[0]);
  expect_one_problem(m, "cond region: expected 1 yields, got 2");
}

TEST(Verifier, LoopBodyCarriesEveryValue) {
  Module m = testing::sample_module();
  Node& loop = m.functions[0].body.nodes[2];
  loop.regions[1].yields.pop_back();
  expect_one_problem(m, "body region: expected 2 yields, got 1");
}

TEST(Verifier, RegionsOnlyOnStructuredOps) {
  Function f = testing::add_one_function();
  f.body.nodes[1].regions.emplace_back();
  expect_one_problem(single(f), "has regions but is not cond or loop");
}

TEST(Verifier, FunctionYieldsOneValue) {
  Function f = testing::add_one_function();
  f.body.yields.push_back(f.body.yields[0]);
  expect_one_problem(single(f), "the body yields 2 values, not 1");
}

TEST(Verifier, ParamsMatchBodyArgs) {
  Function f = testing::add_one_function();
  f.params.push_back({"b", std::nullopt, at(10, 16)});
  expect_one_problem(single(f), "2 parameters but 1 body arguments");
}

TEST(Verifier, DuplicateFunctionNames) {
  Module m;
  m.functions = {testing::add_one_function(), testing::add_one_function()};
  expect_one_problem(m, "function 'add_one' is defined more than once");
}

TEST(Verifier, ReportsEveryViolation) {
  Function f = testing::add_one_function();
  f.body.nodes[0].attrs.clear();
  f.body.nodes[1].inputs.push_back(0);
  f.body.yields.push_back(0);
  EXPECT_EQ(verify_module(single(f)).size(), 3u);
}

}  // namespace
}  // namespace pygraft
