// Subscripts: index layouts (graph/index_layout.h) and operands.
#include "graph/index_layout.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

namespace il = index_layout;

LiteralTuple layout(std::initializer_list<int64_t> items) {
  LiteralTuple out;
  for (int64_t item : items) out.push_back(Literal(item));
  return out;
}

const Node* getitem(const Function& f) {
  const Node* node = def_of(f, returned(f));
  EXPECT_EQ(node->op, OpCode::GetItem);
  return node;
}

TEST(LowerSubscript, IntIndex) {
  Lowered l = lower_clean("def f(x):\n    return x[-1]\n");
  const Function& f = function(l, "f");
  const Node* get = getitem(f);
  EXPECT_EQ(*get->attr("index"), Literal(layout({il::kValue})));
  EXPECT_EQ(const_of(f, get->inputs[1]), Literal(int64_t{-1}));
}

TEST(LowerSubscript, SliceParts) {
  Lowered l = lower_clean("def f(x, n):\n    return x[1:n, ::2, :]\n");
  const Function& f = function(l, "f");
  const Node* get = getitem(f);
  EXPECT_EQ(*get->attr("index"),
            Literal(layout({il::kSlice + il::kSliceHasStart + il::kSliceHasStop,
                            il::kSlice + il::kSliceHasStep, il::kSlice})));
  ASSERT_EQ(get->inputs.size(), 4u);
  EXPECT_EQ(const_of(f, get->inputs[1]), Literal(int64_t{1}));
  EXPECT_EQ(get->inputs[2], f.body.args[1]);
  EXPECT_EQ(const_of(f, get->inputs[3]), Literal(int64_t{2}));
}

TEST(LowerSubscript, NewAxisAndEllipsis) {
  Lowered l = lower_clean("import numpy as np\ndef f(x):\n    return x[None, ..., np.newaxis]\n");
  const Function& f = function(l, "f");
  const Node* get = getitem(f);
  EXPECT_EQ(*get->attr("index"), Literal(layout({il::kNewAxis, il::kEllipsis, il::kNewAxis})));
  EXPECT_EQ(get->inputs.size(), 1u);
}

TEST(LowerSubscript, MaskAndArrayIndexAreValues) {
  Lowered l = lower_clean("def f(x, idx):\n    return x[x > 0], x[idx, 0]\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> gets = nodes_with(f, OpCode::GetItem);
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_EQ(*gets[0]->attr("index"), Literal(layout({il::kValue})));
  EXPECT_EQ(def_of(f, gets[0]->inputs[1])->op, OpCode::Gt);
  EXPECT_EQ(*gets[1]->attr("index"), Literal(layout({il::kValue, il::kValue})));
}

TEST(LowerSubscript, TupleVariableIsOneValue) {
  Lowered l = lower_clean("def f(x, i, j):\n    t = (i, j)\n    return x[t]\n");
  const Function& f = function(l, "f");
  const Node* get = getitem(f);
  EXPECT_EQ(*get->attr("index"), Literal(layout({il::kValue})));
  EXPECT_EQ(def_of(f, get->inputs[1])->op, OpCode::MakeTuple);
}

TEST(LowerSubscript, SliceAssignmentLayout) {
  Lowered l = lower_clean("def f(x, v):\n    x[2:] += v\n    return x\n");
  const Function& f = function(l, "f");
  const Node* set = def_of(f, returned(f));
  ASSERT_EQ(set->op, OpCode::SetItem);
  EXPECT_EQ(*set->attr("index"), Literal(layout({il::kSlice + il::kSliceHasStart})));
  EXPECT_EQ(const_of(f, set->inputs[2]), Literal(int64_t{2}));
}

// x[[0, 1]] indexes with the list (an integer array index, as NumPy does).
TEST(LowerSubscript, ListIndexIsAListValue) {
  Lowered l = lower_clean("def f(x):\n    return x[[0, 1]]\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::MakeList).size(), 1u);
}

}  // namespace
}  // namespace pygraft::testing
