// Graphviz output (see graph/dot_printer.h).
//
// Node ids: f<F>_n<K> for ops, f<F>_a<V> for region arguments (parameters
// and loop-carried values), f<F>_y<K> for yields and returns. Edges run from
// the defining dot node of a value to each user, labelled with the value's
// display name.
#include "graph/dot_printer.h"

#include <map>

#include "graph/display_names.h"

namespace pygraft {
namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

class DotFunction {
 public:
  DotFunction(const Function& fn, size_t index, std::string& out)
      : fn_(fn), prefix_("f" + std::to_string(index) + "_"), out_(out), names_(fn) {}

  void print() {
    out_ += "  subgraph cluster_" + prefix_ + " {\n";
    out_ += "    label=" + quoted("func " + fn_.name) + ";\n";
    region(fn_.body, "return", 2);
    out_ += "  }\n";
    out_ += edges_;
  }

 private:
  std::string indent(int depth) const { return std::string(static_cast<size_t>(depth) * 2, ' '); }

  std::string fresh(char kind) { return prefix_ + kind + std::to_string(counter_++); }

  void use(ValueId v, const std::string& user) {
    auto it = producer_.find(v);
    if (it == producer_.end()) return;  // unverified IR: skip dangling uses
    edges_ += "  " + it->second + " -> " + user + " [label=" + quoted(names_(v)) + "];\n";
  }

  void region(const Region& r, const std::string& yield_label, int depth) {
    for (ValueId v : r.args) {
      std::string id = fresh('a');
      producer_[v] = id;
      out_ += indent(depth) + id + " [shape=ellipse, label=" + quoted(names_(v)) + "];\n";
    }
    for (const Node& n : r.nodes) node(n, depth);
    std::string id = fresh('y');
    out_ +=
        indent(depth) + id + " [shape=box, style=rounded, label=" + quoted(yield_label) + "];\n";
    for (ValueId v : r.yields) use(v, id);
  }

  std::string label(const Node& n) const {
    std::string text(op_info(n.op).name);
    if (const Literal* v = n.attr("value")) text += " " + literal_to_string(*v);
    if (const Literal* c = n.attr("callee"); c && c->is<std::string>())
      text += " @" + c->as<std::string>();
    if (n.range.valid())
      text += "\n" + std::to_string(n.range.line) + ":" + std::to_string(n.range.column);
    return text;
  }

  void node(const Node& n, int depth) {
    std::string id = fresh('n');
    bool structured = !n.regions.empty();
    if (structured) {
      out_ += indent(depth) + "subgraph cluster_" + id + " {\n";
      out_ += indent(depth + 1) + "style=dashed; label=" + quoted(std::string(op_info(n.op).name)) +
              ";\n";
    }
    int inner = structured ? depth + 1 : depth;
    out_ += indent(inner) + id + " [shape=box, label=" + quoted(label(n)) + "];\n";
    for (ValueId v : n.inputs) use(v, id);
    static constexpr const char* kCondNames[] = {"then", "else"};
    static constexpr const char* kLoopNames[] = {"cond", "body"};
    for (size_t i = 0; i < n.regions.size(); ++i) {
      std::string name = i < 2 ? (n.op == OpCode::Loop ? kLoopNames[i] : kCondNames[i]) : "region";
      out_ += indent(inner) + "subgraph cluster_" + id + "_r" + std::to_string(i) + " {\n";
      out_ += indent(inner + 1) + "style=solid; label=" + quoted(name) + ";\n";
      region(n.regions[i], "yield", inner + 1);
      out_ += indent(inner) + "}\n";
    }
    if (structured) out_ += indent(depth) + "}\n";
    for (ValueId v : n.outputs) producer_[v] = id;
  }

  const Function& fn_;
  std::string prefix_;
  std::string& out_;
  DisplayNames names_;
  std::map<ValueId, std::string> producer_;
  std::string edges_;  // emitted after the clusters so nodes keep their cluster
  int counter_ = 0;
};

}  // namespace

std::string print_dot(const Module& module) {
  std::string out = "digraph pygraft {\n";
  out += "  compound=true;\n  node [fontname=\"monospace\"];\n  edge [fontname=\"monospace\"];\n";
  if (!module.source_file.empty())
    out += "  label=" + quoted("source: " + module.source_file) + ";\n";
  for (size_t i = 0; i < module.functions.size(); ++i)
    DotFunction(module.functions[i], i, out).print();
  out += "}\n";
  return out;
}

}  // namespace pygraft
