#include "analysis_test_util.h"
#include "transform/analysis/cfg.h"

namespace pygraft::analysis_test {
namespace {

using transform::Cfg;

size_t reachable_blocks(const Cfg& cfg) {
  size_t count = 0;
  for (size_t b = 0; b < cfg.blocks().size(); ++b) {
    if (b == Cfg::kEntry || !cfg.blocks()[b].predecessors.empty()) ++count;
  }
  return count;
}

TEST(AnalysisCfg, StraightLineIsOneBlockBetweenEntryAndExit) {
  ast::Module m = parse_clean("def f(a):\n    b = a\n    return b\n");
  Cfg cfg = Cfg::build(m.functions[0]);
  const auto& body = cfg.blocks()[cfg.blocks()[Cfg::kEntry].successors[0]];
  EXPECT_EQ(body.elements.size(), 2u);
  EXPECT_EQ(cfg.blocks()[Cfg::kExit].predecessors.size(), 2u);  // return + fallthrough block
}

TEST(AnalysisCfg, WhileHasBackEdgeToItsTest) {
  ast::Module m = parse_clean("def f(n):\n    while n > 0:\n        n -= 1\n    return n\n");
  Cfg cfg = Cfg::build(m.functions[0]);
  const ast::Stmt& loop = stmt_at(m, 2);
  const transform::CfgPoint* header = cfg.header(loop);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(cfg.blocks()[header->block].predecessors.size(), 2u);  // entry + back edge
  EXPECT_EQ(cfg.before(loop)->block, header->block);
}

TEST(AnalysisCfg, BreakSkipsTheElseClauseContinueGoesToTheHeader) {
  ast::Module m = parse_clean(
      "def f(xs):\n"
      "    for x in xs:\n"
      "        if x:\n"
      "            break\n"
      "        continue\n"
      "    else:\n"
      "        x = 0\n"
      "    return x\n");
  Cfg cfg = Cfg::build(m.functions[0]);
  const ast::Stmt& loop = stmt_at(m, 2);
  size_t header = cfg.header(loop)->block;
  size_t join = cfg.after(loop)->block;
  size_t break_block = cfg.before(stmt_at(m, 4))->block;
  size_t continue_block = cfg.before(stmt_at(m, 5))->block;
  auto has_edge = [&](size_t from, size_t to) {
    const auto& s = cfg.blocks()[from].successors;
    return std::find(s.begin(), s.end(), to) != s.end();
  };
  EXPECT_TRUE(has_edge(break_block, join));
  EXPECT_TRUE(has_edge(continue_block, header));
  EXPECT_FALSE(has_edge(header, join));  // the else clause is in between
}

TEST(AnalysisCfg, WhileTrueIsLeftOnlyByBreak) {
  ast::Module m = parse_clean(
      "def f(x):\n"
      "    while True:\n"
      "        x = x + 1\n"
      "    else:\n"
      "        x = 0\n"
      "    return x\n");
  Cfg cfg = Cfg::build(m.functions[0]);
  // No break: the else clause, the return and the exit are unreachable.
  std::vector<bool> reached(cfg.blocks().size(), false);
  std::vector<size_t> pending{Cfg::kEntry};
  while (!pending.empty()) {
    size_t b = pending.back();
    pending.pop_back();
    if (reached[b]) continue;
    reached[b] = true;
    for (size_t succ : cfg.blocks()[b].successors) pending.push_back(succ);
  }
  EXPECT_TRUE(reached[cfg.before(stmt_at(m, 3))->block]);
  EXPECT_FALSE(reached[cfg.before(stmt_at(m, 5))->block]);
  EXPECT_FALSE(reached[cfg.before(stmt_at(m, 6))->block]);
  EXPECT_FALSE(reached[Cfg::kExit]);
}

TEST(AnalysisCfg, NamesAreNumberedParametersFirst) {
  ast::Module m = parse_clean("def f(b, a):\n    c = a\n    return np.abs(c)\n");
  Cfg cfg = Cfg::build(m.functions[0]);
  EXPECT_EQ(cfg.names().find("b"), 0u);
  EXPECT_EQ(cfg.names().find("a"), 1u);
  EXPECT_TRUE(cfg.names().find("c").has_value());
  EXPECT_TRUE(cfg.names().find("np").has_value());
  const auto& body = cfg.blocks()[cfg.blocks()[Cfg::kEntry].successors[0]];
  ASSERT_EQ(cfg.reads(body.elements[0]).size(), 1u);
  EXPECT_EQ(cfg.reads(body.elements[0])[0], 1u);  // a
  ASSERT_EQ(cfg.writes(body.elements[0]).size(), 1u);
  EXPECT_EQ(cfg.names().name(cfg.writes(body.elements[0])[0]), "c");
}

TEST(AnalysisCfg, CodeAfterReturnIsUnreachable) {
  ast::Module m = parse_clean("def f(a):\n    return a\n    a = 1\n");
  Cfg cfg = Cfg::build(m.functions[0]);
  EXPECT_TRUE(cfg.blocks()[cfg.before(stmt_at(m, 3))->block].predecessors.empty());
  EXPECT_LT(reachable_blocks(cfg), cfg.blocks().size());
}

}  // namespace
}  // namespace pygraft::analysis_test
