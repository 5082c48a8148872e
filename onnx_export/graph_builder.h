// Builds one ONNX graph (the model's main graph or an If/Loop subgraph):
// nodes with unique, deterministic names that carry the source location,
// and constants made once per graph (and reused by nested graphs).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "support/source_range.h"

namespace pygraft::onnx_export {

// Names shared by every graph of one model: value and node names are unique
// across subgraphs, as ONNX requires for outer-scope references.
class NameSource {
 public:
  explicit NameSource(std::string file) : file_(std::move(file)) {}
  // A value name made of the hint's identifier characters, unique.
  std::string fresh(std::string_view hint);
  // A node name, unique: "model.py:12/Add", "model.py:12/Add_1".
  std::string fresh_node_name(std::string_view hint);
  // "model.py:12".
  std::string file_line(const SourceRange& range) const;
  // "model.py:12:5", the location a node's doc_string carries.
  std::string location(const SourceRange& range) const;
  const std::string& file() const { return file_; }

 private:
  std::string unique(const std::string& base);

  std::string file_;
  std::map<std::string, int, std::less<>> counts_;
};

class GraphBuilder {
 public:
  GraphBuilder(onnx::GraphProto& graph, NameSource& names, const GraphBuilder* parent = nullptr)
      : graph_(graph), names_(names), parent_(parent) {}

  // A node with one fresh output per `num_outputs`, at `range`.
  onnx::NodeProto& add(std::string_view op_type, const std::vector<std::string>& inputs,
                       const SourceRange& range, int num_outputs = 1);
  // A node writing the given outputs.
  onnx::NodeProto& add_with_outputs(std::string_view op_type,
                                    const std::vector<std::string>& inputs,
                                    const std::vector<std::string>& outputs,
                                    const SourceRange& range);
  // A Constant node holding `value`, made once per graph chain.
  std::string constant(const onnx::TensorProto& value, const SourceRange& range);

  onnx::GraphProto& graph() { return graph_; }
  NameSource& names() { return names_; }

 private:
  const std::string* find_constant(const std::string& key) const;

  onnx::GraphProto& graph_;
  NameSource& names_;
  const GraphBuilder* parent_;
  std::map<std::string, std::string> constants_;  // serialized tensor -> value name
};

}  // namespace pygraft::onnx_export
