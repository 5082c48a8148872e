// What an op's emitter (onnx_export/emitters.h) works with: its operands'
// static types and lowered values, its results' static types, the graph to
// add nodes to; it sets the results' lowered values or refuses the node.
#pragma once

#include <onnx/onnx_pb.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "graph/static_types.h"
#include "onnx_export/graph_builder.h"
#include "onnx_export/lowered_value.h"
#include "support/diagnostic.h"

namespace pygraft::onnx_export {

class EmitContext {
 public:
  EmitContext(GraphBuilder& graph, const Node& node, std::string_view onnx_op,
              std::vector<StaticType> in_types, std::vector<Lowered> in_values,
              std::vector<StaticType> out_types, std::string op_display);

  const Node& node() const { return node_; }
  // The ONNX operator the op table maps this op to ("Add", "ReduceSum").
  std::string_view onnx_op() const { return onnx_op_; }
  size_t num_inputs() const { return in_types_.size(); }
  const StaticType& in_type(size_t i) const { return in_types_.at(i); }
  const Lowered& in_value(size_t i) const { return in_values_.at(i); }
  const StaticType& out_type(size_t i = 0) const { return out_types_.at(i); }
  GraphBuilder& graph() { return graph_; }

  // Operand i as an ONNX tensor name (a compile-time number becomes a
  // Constant node of its default dtype).
  std::string input(size_t i);
  // Operand i converted to `dtype` (a Cast unless it already is).
  std::string input_as(size_t i, DType dtype);
  // np.array(value) of `dtype` for a number, an array or a (nested) tuple of
  // them: the items stacked along a new first axis.
  std::string array_value(const Lowered& value, const StaticType& type, DType dtype);
  // bool(operand i) as a 0-d bool tensor (an array must have one element).
  std::string truth_value(size_t i);
  // A tensor of static type `from` converted to `to`.
  std::string cast(const std::string& name, DType from, DType to);
  // A lowered value with static type `type` as a tensor name.
  std::string materialize(const Lowered& value, const StaticType& type);

  // np.where(condition, a, b) of `dtype` tensors (broadcasting).
  std::string select(const std::string& condition, const std::string& a, const std::string& b,
                     DType dtype);
  // Adds a node of `op_type` on `inputs` with one new output; `attrs` may set
  // its attributes. Returns the output's name.
  std::string emit(std::string_view op_type, const std::vector<std::string>& inputs,
                   const std::function<void(onnx::NodeProto&)>& attrs = {});
  // Constants.
  std::string constant(const onnx::TensorProto& value);
  std::string int64s(const std::vector<int64_t>& values);  // 1-D int64
  std::string int64_scalar(int64_t value);                 // 0-d int64
  std::string scalar(DType dtype, double value);           // 0-d of dtype

  void set_output(size_t i, Lowered value);
  void set_output(size_t i, std::string tensor) { set_output(i, Lowered::of(std::move(tensor))); }
  std::vector<Lowered>& outputs() { return outputs_; }

  // Refuses the node: PG0701 with `why` after the op's name, unless another
  // code is given.
  void refuse(std::string why, DiagCode code = DiagCode::OnnxUnsupportedOp);
  bool refused() const { return refusal_.has_value(); }
  const std::optional<Diagnostic>& refusal() const { return refusal_; }
  const std::string& op_display() const { return op_display_; }

 private:
  GraphBuilder& graph_;
  const Node& node_;
  std::string_view onnx_op_;
  std::vector<StaticType> in_types_;
  std::vector<Lowered> in_values_;
  std::vector<StaticType> out_types_;
  std::vector<Lowered> outputs_;
  std::string op_display_;
  std::optional<Diagnostic> refusal_;
};

}  // namespace pygraft::onnx_export
