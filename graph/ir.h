// The pygraft IR: SSA values, nodes (ops from graph/ops.def with operands,
// results, attributes and nested regions), functions and a module.
//
// Control flow is structured: a `cond` node owns two regions (then, else), a
// `loop` node two (cond, body); a region's arguments receive loop-carried
// values and its yields hand values back to the owning node, as MLIR's scf
// dialect and TorchScript's prim::If / prim::Loop do. Values defined in an
// enclosing region may be used directly inside a nested region.
//
// Every value is defined exactly once: as a function parameter (a region
// argument of the body) or as a node result. Value ids are dense per function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/literal.h"
#include "graph/op_table.h"
#include "support/source_range.h"

namespace pygraft {

using ValueId = uint32_t;

struct Attribute {
  std::string name;  // "value", "callee", "index", "sep", "end", "message", "name"
  Literal value;

  bool operator==(const Attribute&) const;  // structural equality, for tests
};

struct Region;

struct Node {
  OpCode op = OpCode::Const;
  std::vector<ValueId> inputs;
  std::vector<ValueId> outputs;
  std::vector<Attribute> attrs;
  std::vector<Region> regions;
  SourceRange range;

  // The attribute named `name`, or nullptr.
  const Literal* attr(std::string_view name) const;
  bool operator==(const Node&) const;
};

struct Region {
  std::vector<ValueId> args;
  std::vector<Node> nodes;
  std::vector<ValueId> yields;  // the terminator's operands

  bool operator==(const Region&) const;
};

struct Parameter {
  std::string name;
  std::optional<Literal> default_value;
  SourceRange range;

  bool operator==(const Parameter&) const;
};

struct Function {
  std::string name;
  std::vector<Parameter> params;  // body.args[i] is params[i]'s value
  // body.yields holds exactly one value: what the function returns (a tuple
  // value for `return a, b`, a None const for a bare return).
  Region body;
  uint32_t num_values = 0;
  // Source-level name of each value where it has one ("" otherwise), used by
  // --emit text (%h.2) and runtime messages. Size num_values or empty.
  std::vector<std::string> value_names;
  SourceRange range;

  ValueId new_value(std::string name = {});
  bool operator==(const Function&) const;
};

struct Module {
  std::string source_file;  // as given on the command line, for messages
  std::vector<Function> functions;

  const Function* find(std::string_view name) const;
  bool operator==(const Module&) const;
};

}  // namespace pygraft
