// Helpers for the interpreter tests: a builder that writes IR functions by
// hand (regions nest through callbacks) and shortcuts to load and run them.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "graph/verifier.h"
#include "runtime/interpreter.h"
#include "runtime/tensor.h"

namespace pygraft::rt::interp_testing {

inline SourceRange line_range(uint32_t line) {
  return SourceRange{line, 5, line, 12};
}

class FunctionBuilder {
 public:
  using Values = std::vector<ValueId>;
  using Branch = std::function<Values()>;
  using LoopCond = std::function<ValueId(const Values& carried)>;
  using LoopBody = std::function<Values(const Values& carried)>;

  explicit FunctionBuilder(std::string name) {
    fn_.name = std::move(name);
    fn_.range = line_range(1);
    regions_.push_back(&fn_.body);
  }

  ValueId param(std::string name, std::optional<Literal> default_value = std::nullopt) {
    ValueId v = fn_.new_value(name);
    fn_.params.push_back(Parameter{std::move(name), std::move(default_value), line_range(1)});
    fn_.body.args.push_back(v);
    return v;
  }

  // Nodes created from now on carry this source line.
  void at(uint32_t line) { line_ = line; }

  ValueId constant(Literal literal) {
    return op(OpCode::Const, {}, {{"value", std::move(literal)}});
  }
  ValueId integer(int64_t v) { return constant(Literal(v)); }
  ValueId undef(std::string name) {
    return op(OpCode::Undef, {}, {{"name", Literal(std::move(name))}});
  }

  // A node with one result.
  ValueId op(OpCode code, Values inputs, std::vector<Attribute> attrs = {}) {
    ValueId out = fn_.new_value();
    add(code, std::move(inputs), std::move(attrs), {out});
    return out;
  }
  // A node without results (print, assert).
  void effect(OpCode code, Values inputs, std::vector<Attribute> attrs = {}) {
    add(code, std::move(inputs), std::move(attrs), {});
  }
  ValueId call(std::string callee, Values args) {
    return op(OpCode::Call, std::move(args), {{"callee", Literal(std::move(callee))}});
  }
  // x[i] = v as setitem(x, v, i).
  ValueId setitem(ValueId x, ValueId i, ValueId v) {
    return op(OpCode::SetItem, {x, v, i}, {{"index", Literal(LiteralTuple{Literal(int64_t{0})})}});
  }
  ValueId getitem(ValueId x, ValueId i) {
    return op(OpCode::GetItem, {x, i}, {{"index", Literal(LiteralTuple{Literal(int64_t{0})})}});
  }

  Values cond(ValueId pred, size_t num_outputs, const Branch& then_branch,
              const Branch& else_branch) {
    Node node = make(OpCode::Cond, {pred}, {});
    node.regions.resize(2);
    build_region(node.regions[0], then_branch);
    build_region(node.regions[1], else_branch);
    for (size_t k = 0; k < num_outputs; ++k) node.outputs.push_back(fn_.new_value());
    regions_.back()->nodes.push_back(node);
    return node.outputs;
  }

  Values loop(Values init, const LoopCond& cond_region, const LoopBody& body_region) {
    Node node = make(OpCode::Loop, init, {});
    node.regions.resize(2);
    for (Region& r : node.regions) {
      for (size_t k = 0; k < init.size(); ++k) r.args.push_back(fn_.new_value());
    }
    build_region(node.regions[0], [&] { return Values{cond_region(node.regions[0].args)}; });
    build_region(node.regions[1], [&] { return body_region(node.regions[1].args); });
    for (size_t k = 0; k < init.size(); ++k) node.outputs.push_back(fn_.new_value());
    regions_.back()->nodes.push_back(node);
    return node.outputs;
  }

  Function finish(ValueId result) {
    fn_.body.yields = {result};
    return std::move(fn_);
  }

 private:
  Node make(OpCode code, Values inputs, std::vector<Attribute> attrs) {
    Node node;
    node.op = code;
    node.inputs = std::move(inputs);
    node.attrs = std::move(attrs);
    node.range = line_range(line_);
    return node;
  }
  void add(OpCode code, Values inputs, std::vector<Attribute> attrs, Values outputs) {
    Node node = make(code, std::move(inputs), std::move(attrs));
    node.outputs = std::move(outputs);
    regions_.back()->nodes.push_back(std::move(node));
  }
  void build_region(Region& region, const Branch& build) {
    regions_.push_back(&region);
    region.yields = build();
    regions_.pop_back();
  }

  Function fn_;
  std::vector<Region*> regions_;
  uint32_t line_ = 2;
};

inline Module make_module(std::vector<Function> functions) {
  Module module;
  module.source_file = "test.py";
  module.functions = std::move(functions);
  std::vector<std::string> problems = verify_module(module);
  for (const std::string& p : problems) ADD_FAILURE() << "verifier: " << p;
  return module;
}

inline Program load(std::vector<Function> functions) {
  return Program(make_module(std::move(functions)));
}

inline CallResult run(const Program& program, std::string_view name, std::vector<Value> args,
                      const RunOptions& options = {}) {
  std::optional<size_t> index = program.find_function(name);
  EXPECT_TRUE(index.has_value()) << name;
  return program.call(index.value_or(0), std::move(args), options);
}

// Runs and expects success; returns the result (None on failure).
inline Value run_ok(const Program& program, std::string_view name, std::vector<Value> args,
                    const RunOptions& options = {}) {
  CallResult r = run(program, name, std::move(args), options);
  EXPECT_FALSE(r.error.has_value()) << (r.error ? r.error->message : "");
  return r.value.value_or(Value());
}

// Runs and expects a failure; returns it (empty on success).
inline ExecutionError run_error(const Program& program, std::string_view name,
                                std::vector<Value> args, const RunOptions& options = {}) {
  CallResult r = run(program, name, std::move(args), options);
  EXPECT_TRUE(r.error.has_value());
  EXPECT_FALSE(r.value.has_value());
  return r.error.value_or(ExecutionError{});
}

// Arguments built by moving (an initializer list would copy, sharing tensors).
template <class... T>
std::vector<Value> moved_args(T&&... values) {
  std::vector<Value> out;
  (out.emplace_back(std::forward<T>(values)), ...);
  return out;
}

inline Tensor float_tensor(std::vector<double> values) {
  Tensor t = Tensor::empty(DType::Float64, Shape{static_cast<int64_t>(values.size())});
  for (size_t i = 0; i < values.size(); ++i) t.data<double>()[i] = values[i];
  return t;
}

inline std::vector<double> float_values(const Value& v) {
  if (!v.is_tensor()) return {};
  const Tensor& t = v.as<Tensor>();
  std::vector<double> out;
  for (int64_t i = 0; i < t.numel(); ++i) out.push_back(t.get_as_double(i));
  return out;
}

}  // namespace pygraft::rt::interp_testing
