// Hand-built IR modules shared by the graph unit tests.
#pragma once

#include <utility>
#include <vector>

#include "graph/ir.h"

namespace pygraft::testing {

inline SourceRange at(uint32_t line, uint32_t column = 1) {
  return {line, column, line, column + 1};
}

inline Node make_node(OpCode op, std::vector<ValueId> inputs, std::vector<ValueId> outputs,
                      SourceRange range = {}) {
  Node n;
  n.op = op;
  n.inputs = std::move(inputs);
  n.outputs = std::move(outputs);
  n.range = range;
  return n;
}

inline Node make_const(ValueId out, Literal value, SourceRange range = {}) {
  Node n = make_node(OpCode::Const, {}, {out}, range);
  n.attrs.push_back({"value", std::move(value)});
  return n;
}

// def add_one(a): return a + 1
inline Function add_one_function() {
  Function f;
  f.name = "add_one";
  f.range = at(10);
  f.params.push_back({"a", std::nullopt, at(10, 13)});
  ValueId a = f.new_value("a");
  f.body.args = {a};
  ValueId one = f.new_value();
  ValueId r = f.new_value();
  f.body.nodes.push_back(make_const(one, Literal(int64_t{1}), at(11, 16)));
  f.body.nodes.push_back(make_node(OpCode::Add, {a, one}, {r}, at(11, 12)));
  f.body.yields = {r};
  return f;
}

// The loop `while i < n: s = s + x; i = i + 1` with s = 0.0, i = 0.
inline Node sample_loop(Function& f, ValueId x, ValueId n, ValueId i0, ValueId s0, ValueId& i_out,
                        ValueId& s_out) {
  i_out = f.new_value("i");
  s_out = f.new_value("s");
  Node loop = make_node(OpCode::Loop, {i0, s0}, {i_out, s_out}, at(4, 5));
  Region cond;
  ValueId ci = f.new_value("i"), cs = f.new_value("s"), lt = f.new_value();
  cond.args = {ci, cs};
  cond.nodes.push_back(make_node(OpCode::Lt, {ci, n}, {lt}, at(4, 11)));
  cond.yields = {lt};
  Region body;
  ValueId bi = f.new_value("i"), bs = f.new_value("s");
  ValueId s2 = f.new_value("s"), one = f.new_value(), i2 = f.new_value("i");
  body.args = {bi, bs};
  body.nodes.push_back(make_node(OpCode::Add, {bs, x}, {s2}, at(5, 13)));
  body.nodes.push_back(make_const(one, Literal(int64_t{1}), at(6, 17)));
  body.nodes.push_back(make_node(OpCode::Add, {bi, one}, {i2}, at(6, 13)));
  body.yields = {i2, s2};
  loop.regions = {std::move(cond), std::move(body)};
  return loop;
}

// if s > 0: r = s else: r = -s
inline Node sample_cond(Function& f, ValueId pred, ValueId s, ValueId& r_out) {
  r_out = f.new_value("r");
  Node cond = make_node(OpCode::Cond, {pred}, {r_out}, at(7, 5));
  Region then_region;
  then_region.yields = {s};
  Region else_region;
  ValueId neg = f.new_value();
  else_region.nodes.push_back(make_node(OpCode::Neg, {s}, {neg}, at(10, 13)));
  else_region.yields = {neg};
  cond.regions = {std::move(then_region), std::move(else_region)};
  return cond;
}

// def f(x, n=3): a loop, a cond, np.sum with default operands, a subscript,
// print, a call; returns a tuple.
inline Function sample_function() {
  Function f;
  f.name = "f";
  f.range = at(1);
  f.params.push_back({"x", std::nullopt, at(1, 7)});
  f.params.push_back({"n", Literal(int64_t{3}), at(1, 10)});
  ValueId x = f.new_value("x"), n = f.new_value("n");
  f.body.args = {x, n};
  ValueId s0 = f.new_value("s"), i0 = f.new_value("i");
  f.body.nodes.push_back(make_const(s0, Literal(0.0), at(2, 9)));
  f.body.nodes.push_back(make_const(i0, Literal(int64_t{0}), at(3, 9)));
  ValueId i1 = 0, s1 = 0, r = 0;
  f.body.nodes.push_back(sample_loop(f, x, n, i0, s0, i1, s1));
  ValueId zero = f.new_value(), pred = f.new_value();
  f.body.nodes.push_back(make_const(zero, Literal(int64_t{0}), at(7, 12)));
  f.body.nodes.push_back(make_node(OpCode::Gt, {s1, zero}, {pred}, at(7, 8)));
  f.body.nodes.push_back(sample_cond(f, pred, s1, r));
  ValueId none = f.new_value(), no = f.new_value(), axis = f.new_value();
  ValueId total = f.new_value("t"), biggest = f.new_value("m");
  f.body.nodes.push_back(make_const(none, Literal(NoneLiteral{})));
  f.body.nodes.push_back(make_const(no, Literal(false)));
  f.body.nodes.push_back(make_const(axis, Literal(int64_t{0})));
  f.body.nodes.push_back(make_node(OpCode::Sum, {x, none, none, no}, {total}, at(11, 9)));
  f.body.nodes.push_back(make_node(OpCode::Max, {x, axis, no}, {biggest}, at(12, 9)));
  ValueId elem = f.new_value("e");
  Node get = make_node(OpCode::GetItem, {x, i0}, {elem}, at(13, 9));
  get.attrs.push_back({"index", Literal(LiteralTuple{Literal(int64_t{0})})});
  f.body.nodes.push_back(std::move(get));
  Node print = make_node(OpCode::Print, {elem, total}, {}, at(14, 5));
  print.attrs.push_back({"sep", Literal(std::string(" "))});
  print.attrs.push_back({"end", Literal(std::string("\n"))});
  f.body.nodes.push_back(std::move(print));
  ValueId called = f.new_value("c");
  Node call = make_node(OpCode::Call, {r}, {called}, at(15, 9));
  call.attrs.push_back({"callee", Literal(std::string("add_one"))});
  f.body.nodes.push_back(std::move(call));
  ValueId result = f.new_value();
  f.body.nodes.push_back(make_node(OpCode::MakeTuple, {called, biggest}, {result}, at(16, 12)));
  f.body.yields = {result};
  return f;
}

inline Module sample_module() {
  Module m;
  m.source_file = "model.py";
  m.functions.push_back(sample_function());
  m.functions.push_back(add_one_function());
  return m;
}

}  // namespace pygraft::testing
