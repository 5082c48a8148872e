// The small accessors of graph/ir.h.
#include "graph/ir.h"

#include <gtest/gtest.h>

#include "ir_samples.h"

namespace pygraft {
namespace {

TEST(Ir, NewValueNumbersDenselyAndKeepsNames) {
  Function f;
  EXPECT_EQ(f.new_value(), 0u);
  EXPECT_TRUE(f.value_names.empty());  // no names yet: stays empty
  EXPECT_EQ(f.new_value("x"), 1u);
  EXPECT_EQ(f.new_value(), 2u);
  EXPECT_EQ(f.num_values, 3u);
  EXPECT_EQ(f.value_names, (std::vector<std::string>{"", "x", ""}));
}

TEST(Ir, NodeAttrFindsByName) {
  Node n = testing::make_const(0, Literal(int64_t{4}));
  ASSERT_NE(n.attr("value"), nullptr);
  EXPECT_EQ(*n.attr("value"), Literal(int64_t{4}));
  EXPECT_EQ(n.attr("callee"), nullptr);
}

TEST(Ir, ModuleFindsFunctions) {
  Module m = testing::sample_module();
  ASSERT_NE(m.find("add_one"), nullptr);
  EXPECT_EQ(m.find("add_one")->name, "add_one");
  EXPECT_EQ(m.find("nope"), nullptr);
}

TEST(Ir, StructuralEquality) {
  Module a = testing::sample_module();
  Module b = testing::sample_module();
  EXPECT_TRUE(a == b);
  b.functions[0].body.nodes[0].range.column += 1;
  EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace pygraft
