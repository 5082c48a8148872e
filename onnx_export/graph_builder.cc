#include "onnx_export/graph_builder.h"

#include <cctype>

namespace pygraft::onnx_export {

std::string NameSource::fresh(std::string_view hint) {
  std::string base;
  for (char c : hint) base += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  if (base.empty()) base = "v";
  return unique(base);
}

std::string NameSource::fresh_node_name(std::string_view hint) {
  return unique(std::string(hint));
}

std::string NameSource::unique(const std::string& base) {
  auto it = counts_.find(base);
  if (it == counts_.end()) {
    counts_.emplace(base, 1);
    return base;
  }
  return base + "_" + std::to_string(it->second++);
}

std::string NameSource::location(const SourceRange& range) const {
  return file_ + ":" + std::to_string(range.line) + ":" + std::to_string(range.column);
}

std::string NameSource::file_line(const SourceRange& range) const {
  return file_ + ":" + std::to_string(range.line);
}

onnx::NodeProto& GraphBuilder::add_with_outputs(std::string_view op_type,
                                                const std::vector<std::string>& inputs,
                                                const std::vector<std::string>& outputs,
                                                const SourceRange& range) {
  onnx::NodeProto& node = *graph_.add_node();
  node.set_op_type(std::string(op_type));
  // Node names say where the node came from: "model.py:12/Add".
  node.set_name(names_.fresh_node_name(names_.file_line(range) + "/" + std::string(op_type)));
  node.set_doc_string(names_.location(range));
  for (const std::string& in : inputs) node.add_input(in);
  for (const std::string& out : outputs) node.add_output(out);
  return node;
}

onnx::NodeProto& GraphBuilder::add(std::string_view op_type, const std::vector<std::string>& inputs,
                                   const SourceRange& range, int num_outputs) {
  std::vector<std::string> outputs;
  for (int i = 0; i < num_outputs; ++i) outputs.push_back(names_.fresh(op_type));
  return add_with_outputs(op_type, inputs, outputs, range);
}

const std::string* GraphBuilder::find_constant(const std::string& key) const {
  auto it = constants_.find(key);
  if (it != constants_.end()) return &it->second;
  return parent_ ? parent_->find_constant(key) : nullptr;
}

std::string GraphBuilder::constant(const onnx::TensorProto& value, const SourceRange& range) {
  std::string key;
  value.SerializeToString(&key);
  if (const std::string* existing = find_constant(key)) return *existing;
  onnx::NodeProto& node = add("Constant", {}, range);
  onnx::AttributeProto* a = node.add_attribute();
  a->set_name("value");
  a->set_type(onnx::AttributeProto::TENSOR);
  *a->mutable_t() = value;
  constants_.emplace(std::move(key), node.output(0));
  return node.output(0);
}

}  // namespace pygraft::onnx_export
