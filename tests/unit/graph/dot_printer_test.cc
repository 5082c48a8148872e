// The Graphviz output is structurally sound: balanced clusters, every edge
// between declared nodes, one cluster per region.
#include "graph/dot_printer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "ir_samples.h"

namespace pygraft {
namespace {

struct DotShape {
  int open_braces = 0;
  int close_braces = 0;
  int clusters = 0;
  std::set<std::string> nodes;
  std::vector<std::pair<std::string, std::string>> edges;
};

DotShape parse_shape(const std::string& dot) {
  DotShape shape;
  std::istringstream in(dot);
  std::string line;
  std::regex node_re(R"(^\s*(f\d+_[any]\d+) \[)");
  std::regex edge_re(R"(^\s*(f\d+_[any]\d+) -> (f\d+_[any]\d+) \[)");
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, edge_re)) {
      shape.edges.emplace_back(m[1], m[2]);
    } else if (std::regex_search(line, m, node_re)) {
      shape.nodes.insert(m[1]);
    }
    if (line.find("subgraph cluster_") != std::string::npos) ++shape.clusters;
    if (!line.empty() && line.back() == '{') ++shape.open_braces;
    if (line.find_first_not_of(' ') != std::string::npos &&
        line.substr(line.find_first_not_of(' ')) == "}") {
      ++shape.close_braces;
    }
  }
  return shape;
}

TEST(DotPrinter, StructureIsSound) {
  std::string dot = print_dot(testing::sample_module());
  ASSERT_EQ(dot.rfind("digraph pygraft {", 0), 0u);
  DotShape shape = parse_shape(dot);
  EXPECT_EQ(shape.open_braces, shape.close_braces);
  // 2 functions + (loop + 2 regions) + (cond + 2 regions).
  EXPECT_EQ(shape.clusters, 8);
  EXPECT_FALSE(shape.edges.empty());
  for (const auto& [from, to] : shape.edges) {
    EXPECT_TRUE(shape.nodes.count(from)) << from;
    EXPECT_TRUE(shape.nodes.count(to)) << to;
  }
}

TEST(DotPrinter, EscapesLabels) {
  std::string dot = print_dot(testing::sample_module());
  // The print node's attributes are not in labels; a const's are, quoted.
  EXPECT_NE(dot.find("label=\"const 0.0\\n2:9\""), std::string::npos) << dot;
}

TEST(DotPrinter, RendersWithGraphvizWhenInstalled) {
  if (std::system("command -v dot > /dev/null 2>&1") != 0) GTEST_SKIP() << "graphviz not installed";
  std::string path = ::testing::TempDir() + "pygraft_dot_test.dot";
  std::ofstream(path) << print_dot(testing::sample_module());
  std::string cmd = "dot -Tsvg " + path + " -o /dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace pygraft
