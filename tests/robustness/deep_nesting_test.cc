// Regions nested as deep as the graph loader allows (512) survive every
// consumer of a loaded module: serialize -> load (reader + verifier), the
// text and dot printers, and the interpreter, which recurses once per region.
// Run under ASan/UBSan by scripts/test.sh's second stage.
#include <gtest/gtest.h>

#include <sstream>

#include "graph/dot_printer.h"
#include "graph/graph_file.h"
#include "graph/printer.h"
#include "graph/verifier.h"
#include "runtime/interpreter.h"
#include "tests/unit/graph/ir_samples.h"

namespace pygraft {
namespace {

using testing::make_const;
using testing::make_node;

// The deepest nesting load_module accepts (graph/graph_reader.cc).
constexpr int kDeepest = 512;

// deep(p): `depth` conds nested in their then-regions, each yielding p.
Module nested_conds(int depth) {
  Function f;
  f.name = "deep";
  f.params.push_back({"p", std::nullopt, {}});
  ValueId p = f.new_value("p");
  f.body.args = {p};
  Region* region = &f.body;
  for (int i = 0; i < depth; ++i) {
    ValueId out = f.new_value();
    Node cond = make_node(OpCode::Cond, {p}, {out});
    cond.regions.resize(2);
    cond.regions[1].yields = {p};
    region->nodes.push_back(std::move(cond));
    region->yields = {out};
    region = &region->nodes.back().regions[0];
  }
  region->yields = {p};
  Module m;
  m.functions.push_back(std::move(f));
  return m;
}

// loops(): `depth` loops, each nested in the previous one's body; every loop
// carries one bool that starts true and becomes false after one iteration,
// so the innermost body runs exactly once.
Module nested_loops(int depth) {
  Function f;
  f.name = "loops";
  ValueId start = f.new_value("start");
  f.body.nodes.push_back(make_const(start, Literal(true)));
  Region* region = &f.body;
  ValueId init = start;
  for (int i = 0; i < depth; ++i) {
    ValueId out = f.new_value();
    ValueId cond_arg = f.new_value();
    ValueId body_arg = f.new_value();
    ValueId stop = f.new_value();
    Node loop = make_node(OpCode::Loop, {init}, {out});
    loop.regions.resize(2);
    loop.regions[0].args = {cond_arg};
    loop.regions[0].yields = {cond_arg};
    loop.regions[1].args = {body_arg};
    loop.regions[1].nodes.push_back(make_const(stop, Literal(false)));
    loop.regions[1].yields = {stop};
    region->nodes.push_back(std::move(loop));
    region->yields = {out};
    region = &region->nodes.back().regions[1];
    init = body_arg;
  }
  Module m;
  m.functions.push_back(std::move(f));
  return m;
}

Module load_back(const Module& module) {
  LoadResult loaded = load_module(serialize_module(module));
  EXPECT_TRUE(loaded.ok()) << loaded.error;
  return loaded.ok() ? std::move(*loaded.module) : Module{};
}

rt::Value run(const Module& module, std::vector<rt::Value> args) {
  rt::Program program(module);
  std::ostringstream printed;
  rt::CallResult result = program.call(0, std::move(args), {.print_stream = &printed});
  EXPECT_FALSE(result.error.has_value()) << (result.error ? result.error->message : "");
  return result.value.value_or(rt::Value());
}

TEST(DeepNesting, CondNestAtTheLoaderLimitLoadsPrintsAndRuns) {
  Module m = load_back(nested_conds(kDeepest));
  ASSERT_EQ(m.functions.size(), 1u);
  EXPECT_TRUE(verify_module(m).empty());
  EXPECT_NE(print_module(m).find("cond"), std::string::npos);
  EXPECT_NE(print_dot(m).find("cluster"), std::string::npos);
  EXPECT_TRUE(rt::truth(run(m, {rt::Value(true)})));
  EXPECT_FALSE(rt::truth(run(m, {rt::Value(false)})));
}

TEST(DeepNesting, LoopNestAtTheLoaderLimitLoadsPrintsAndRuns) {
  Module m = load_back(nested_loops(kDeepest));
  ASSERT_EQ(m.functions.size(), 1u);
  EXPECT_TRUE(verify_module(m).empty());
  EXPECT_NE(print_module(m).find("loop"), std::string::npos);
  EXPECT_NE(print_dot(m).find("cluster"), std::string::npos);
  EXPECT_FALSE(rt::truth(run(m, {})));
}

TEST(DeepNesting, OneLevelPastTheLimitIsRejected) {
  LoadResult loaded = load_module(serialize_module(nested_conds(kDeepest + 1)));
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error.find("nested deeper than 512"), std::string::npos) << loaded.error;
}

}  // namespace
}  // namespace pygraft
