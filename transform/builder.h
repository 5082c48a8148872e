// IrBuilder appends nodes to the current region of one function. Every node
// gets the source range of the AST node it comes from (callers pass it), so
// runtime errors and --emit text point at the user's line.
//
// It also remembers, for the values it created, which are constants and
// which are tuples built here, so the lowering can fold operators and unpack
// tuples without a separate analysis.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"

namespace pygraft::transform {

class IrBuilder {
 public:
  explicit IrBuilder(Function& function) : function_(function), region_(&function.body) {}
  IrBuilder(const IrBuilder&) = delete;
  IrBuilder& operator=(const IrBuilder&) = delete;

  // Makes `region` the insertion point for as long as the guard lives (for
  // the regions of cond and loop nodes; build them standalone, then move
  // them into their node).
  class RegionGuard {
   public:
    RegionGuard(IrBuilder& builder, Region& region) : builder_(builder), saved_(builder.region_) {
      builder.region_ = &region;
    }
    ~RegionGuard() { builder_.region_ = saved_; }
    RegionGuard(const RegionGuard&) = delete;
    RegionGuard& operator=(const RegionGuard&) = delete;

   private:
    IrBuilder& builder_;
    Region* saved_;
  };

  Region& region() { return *region_; }

  // A node with one result.
  ValueId emit(OpCode op, std::vector<ValueId> inputs, SourceRange range,
               std::vector<Attribute> attrs = {});
  // A node without results (print, assert).
  void emit_effect(OpCode op, std::vector<ValueId> inputs, SourceRange range,
                   std::vector<Attribute> attrs = {});
  ValueId constant(Literal value, SourceRange range);
  // A tuple node; a const tuple when every element is a constant.
  ValueId tuple(std::vector<ValueId> elements, SourceRange range);
  // A node owning regions (cond, loop) with one named result per entry of
  // `output_names`.
  std::vector<ValueId> emit_structured(OpCode op, std::vector<ValueId> inputs,
                                       std::vector<Region> regions,
                                       const std::vector<std::string>& output_names,
                                       SourceRange range);
  // A new argument of the current region.
  ValueId add_argument(std::string name);

  // The literal of a value defined by a const node of this builder.
  const Literal* constant_value(ValueId value) const;
  // The elements of a value defined by a tuple node of this builder.
  const std::vector<ValueId>* tuple_elements(ValueId value) const;
  // Whether `value` is defined by a node of this builder whose op never
  // gives None (arithmetic, NumPy functions, tuples ...), so `value is None`
  // is known to be False. Parameters, calls, cond/loop results, getitem and
  // undef may be None (or raise when read).
  bool never_none(ValueId value) const;
  // Whether reading `value` may raise UnboundLocalError: an undef node, a
  // cond result that is such a value on some branch, or a loop value whose
  // initial value is one (mark_maybe_unbound). Names cannot become unbound
  // again once bound, so a loop body never yields a new one.
  bool maybe_unbound(ValueId value) const {
    return value < facts_.size() && facts_[value].maybe_unbound;
  }
  void mark_maybe_unbound(ValueId value) { facts(value).maybe_unbound = true; }

  // Records the source name of a value that does not have one yet.
  void name_value(ValueId value, std::string_view name);

 private:
  bool structured_output_maybe_unbound(const Node& node, size_t k) const;
  Node& append(OpCode op, std::vector<ValueId> inputs, SourceRange range,
               std::vector<Attribute> attrs);

  Function& function_;
  Region* region_;
  // What the builder knows of each value, by ValueId (values are dense).
  // Note: constants and tuples sit in deques: references to them stay valid
  // while more are added.
  struct ValueFacts {
    bool defined_here = false;  // by a node of this builder: `op` is its op
    bool maybe_unbound = false;
    OpCode op = OpCode::Const;
    int32_t constant = -1;  // index into constants_
    int32_t tuple = -1;     // index into tuples_
  };
  ValueFacts& facts(ValueId value) {
    if (value >= facts_.size()) facts_.resize(value + 1);
    return facts_[value];
  }
  const ValueFacts* facts_of(ValueId value) const {
    return value < facts_.size() ? &facts_[value] : nullptr;
  }
  std::vector<ValueFacts> facts_;
  std::deque<Literal> constants_;
  std::deque<std::vector<ValueId>> tuples_;
};

}  // namespace pygraft::transform
