// Helpers for the transform tests: parse a small Python source, lower it and
// look at the IR.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "graph/op_table.h"
#include "parser/parser.h"
#include "transform/lower.h"

namespace pygraft::testing {

struct Lowered {
  Module module;
  std::vector<Diagnostic> diagnostics;  // sorted, parser's and transform's

  bool has_code(std::string_view code) const {
    for (const Diagnostic& d : diagnostics)
      if (d.code() == code) return true;
    return false;
  }
  const Diagnostic* find(std::string_view code) const {
    for (const Diagnostic& d : diagnostics)
      if (d.code() == code) return &d;
    return nullptr;
  }
  bool has_errors() const {
    for (const Diagnostic& d : diagnostics)
      if (d.severity == Severity::Error) return true;
    return false;
  }
  std::string describe() const {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
      out += std::to_string(d.range.line) + ":" + std::to_string(d.range.column) + " " +
             std::string(d.code()) + " " + d.message + "\n";
    }
    return out;
  }
};

inline Lowered lower_source(std::string_view source, LowerOptions options = {}) {
  ParseResult parsed = parse_module(source);
  DiagnosticSink sink;
  sink.append(parsed.diagnostics);
  Lowered out;
  out.module = lower_module(std::move(parsed.module), options, sink);
  out.diagnostics = sink.sorted();
  return out;
}

// Lowers a source that must have no diagnostics at all.
inline Lowered lower_clean(std::string_view source, LowerOptions options = {}) {
  Lowered out = lower_source(source, std::move(options));
  EXPECT_TRUE(out.diagnostics.empty()) << out.describe();
  return out;
}

inline const Function& function(const Lowered& lowered, std::string_view name) {
  const Function* f = lowered.module.find(name);
  if (f == nullptr) {
    ADD_FAILURE() << "no function " << name;
    static const Function empty;
    return empty;
  }
  return *f;
}

inline void collect_nodes(const Region& region, std::vector<const Node*>& out) {
  for (const Node& node : region.nodes) {
    out.push_back(&node);
    for (const Region& inner : node.regions) collect_nodes(inner, out);
  }
}

inline std::vector<const Node*> all_nodes(const Function& f) {
  std::vector<const Node*> out;
  collect_nodes(f.body, out);
  return out;
}

inline std::vector<const Node*> nodes_with(const Function& f, OpCode op) {
  std::vector<const Node*> out;
  for (const Node* node : all_nodes(f))
    if (node->op == op) out.push_back(node);
  return out;
}

inline std::vector<std::string_view> op_names(const Function& f) {
  std::vector<std::string_view> out;
  for (const Node* node : all_nodes(f)) out.push_back(op_info(node->op).name);
  return out;
}

// The node defining `value`, or nullptr (a parameter).
inline const Node* def_of(const Function& f, ValueId value) {
  for (const Node* node : all_nodes(f))
    for (ValueId out : node->outputs)
      if (out == value) return node;
  return nullptr;
}

// The literal of a value defined by a const node (None literal otherwise, with a failure).
inline Literal const_of(const Function& f, ValueId value) {
  const Node* node = def_of(f, value);
  if (node == nullptr || node->op != OpCode::Const || node->attr("value") == nullptr) {
    ADD_FAILURE() << "value %" << value << " is not a const";
    return Literal();
  }
  return *node->attr("value");
}

inline ValueId returned(const Function& f) {
  EXPECT_EQ(f.body.yields.size(), 1u);
  return f.body.yields.empty() ? 0 : f.body.yields[0];
}

}  // namespace pygraft::testing
