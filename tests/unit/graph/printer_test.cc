// The --emit text form of a small module with a loop and a cond (golden).
#include "graph/printer.h"

#include <gtest/gtest.h>

#include "ir_samples.h"

namespace pygraft {
namespace {

constexpr const char* kGolden = R"(# source: model.py
func @f(%x, %n = 3) {                           # 1:1
  %s = const 0.0                                # 2:9
  %i = const 0                                  # 3:9
  %i.1, %s.1 = loop(%i, %s) cond(%i.2, %s.2) {  # 4:5
    %8 = less(%i.2, %n)                         # 4:11
    yield %8
  } body(%i.3, %s.3) {
    %s.4 = add(%s.3, %x)                        # 5:13
    %12 = const 1                               # 6:17
    %i.4 = add(%i.3, %12)                       # 6:13
    yield %i.4, %s.4
  }
  %14 = const 0                                 # 7:12
  %15 = greater(%s.1, %14)                      # 7:8
  %r = cond %15 {                               # 7:5
    yield %s.1
  } else {
    %17 = negative(%s.1)                        # 10:13
    yield %17
  }
  %18 = const None
  %19 = const False
  %20 = const 0
  %t = sum(%x)                                  # 11:9
  %m = max(%x, axis=%20)                        # 12:9
  %e = getitem(%x, %i) {index=(0,)}             # 13:9
  print(%e, %t) {sep=' ', end='\n'}             # 14:5
  %c = call @add_one(%r)                        # 15:9
  %25 = tuple(%c, %m)                           # 16:12
  return %25
}

func @add_one(%a) {                             # 10:1
  %1 = const 1                                  # 11:16
  %2 = add(%a, %1)                              # 11:12
  return %2
}
)";

TEST(Printer, GoldenSample) {
  EXPECT_EQ(print_module(testing::sample_module()), kGolden);
}

TEST(Printer, WithoutLocations) {
  Module m;
  m.functions.push_back(testing::add_one_function());
  EXPECT_EQ(print_module(m, PrintOptions{.locations = false}),
            "func @add_one(%a) {\n  %1 = const 1\n  %2 = add(%a, %1)\n  return %2\n}\n");
}

TEST(Printer, NonDefaultTrailingOperandIsShown) {
  Module m = testing::sample_module();
  Node& sum = m.functions[0].body.nodes[9];
  ASSERT_EQ(sum.op, OpCode::Sum);
  sum.inputs[3] = sum.inputs[1];  // keepdims=None is not the default False
  std::string text = print_module(m);
  EXPECT_NE(text.find("%t = sum(%x, axis=%18, dtype=%18, keepdims=%18)"), std::string::npos)
      << text;
}

TEST(Printer, IsDeterministic) {
  EXPECT_EQ(print_module(testing::sample_module()), print_module(testing::sample_module()));
}

}  // namespace
}  // namespace pygraft
