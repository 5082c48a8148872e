// The --emit text form (see graph/printer.h).
#include "graph/printer.h"

#include <algorithm>

#include "graph/display_names.h"

namespace pygraft {
namespace {

// Location comments start at this column when the line is shorter.
constexpr size_t kCommentColumn = 48;

class FunctionPrinter {
 public:
  FunctionPrinter(const Function& fn, const PrintOptions& options, std::string& out)
      : fn_(fn), options_(options), out_(out), names_(fn) {}

  void print() {
    std::string header = "func @" + fn_.name + "(";
    for (size_t i = 0; i < fn_.params.size(); ++i) {
      if (i > 0) header += ", ";
      header += i < fn_.body.args.size() ? names_(fn_.body.args[i]) : "%<missing>";
      const std::optional<Literal>& def = fn_.params[i].default_value;
      if (def) header += " = " + literal_to_string(*def);
    }
    line(0, header + ") {", fn_.range);
    region_body(fn_.body, 1);
    line(1, "return " + value_list(fn_.body.yields), {});
    line(0, "}", {});
  }

 private:
  void line(int depth, const std::string& text, const SourceRange& range) {
    std::string full(static_cast<size_t>(depth) * 2, ' ');
    full += text;
    if (options_.locations && range.valid()) {
      full.resize(std::max(full.size() + 2, kCommentColumn), ' ');
      full += "# " + std::to_string(range.line) + ":" + std::to_string(range.column);
    }
    out_ += full;
    out_ += '\n';
  }

  std::string value_list(const std::vector<ValueId>& values) const {
    std::string s;
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) s += ", ";
      s += names_(values[i]);
    }
    return s;
  }

  static std::string attr_suffix(const Node& n, std::string_view skip) {
    std::string s;
    for (const Attribute& a : n.attrs) {
      if (a.name == skip) continue;
      s += s.empty() ? " {" : ", ";
      s += a.name + "=" + literal_to_string(a.value);
    }
    return s.empty() ? s : s + "}";
  }

  // Trailing operands equal to their parameter's default are not printed.
  size_t shown_operands(const Node& n, const std::vector<ParamSpec>& params) const {
    size_t count = n.inputs.size();
    if (params.size() != count) return count;
    while (count > 0) {
      const ParamSpec& p = params[count - 1];
      const Literal* value = names_.const_value(n.inputs[count - 1]);
      if (!p.default_value || value == nullptr || !(*value == *p.default_value)) break;
      --count;
    }
    return count;
  }

  std::string operands(const Node& n) const {
    const std::vector<ParamSpec>& params = op_info(n.op).params;
    bool named = params.size() == n.inputs.size();
    size_t shown = shown_operands(n, params);
    std::string s;
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) s += ", ";
      if (named && params[i].default_value) s += params[i].name + "=";
      s += names_(n.inputs[i]);
    }
    return s;
  }

  std::string node_text(const Node& n) const {
    std::string_view op = op_info(n.op).name;
    std::string lhs = n.outputs.empty() ? "" : value_list(n.outputs) + " = ";
    if (n.op == OpCode::Const) {
      const Literal* v = n.attr("value");
      return lhs + "const " + (v ? literal_to_string(*v) : "<missing>") + attr_suffix(n, "value");
    }
    if (n.op == OpCode::Call) {
      const Literal* callee = n.attr("callee");
      std::string target =
          callee && callee->is<std::string>() ? callee->as<std::string>() : "<missing>";
      return lhs + "call @" + target + "(" + value_list(n.inputs) + ")" + attr_suffix(n, "callee");
    }
    return lhs + std::string(op) + "(" + operands(n) + ")" + attr_suffix(n, "");
  }

  void region_body(const Region& r, int depth) {
    for (const Node& n : r.nodes) node(n, depth);
  }

  void region_tail(const Region& r, int depth) {
    region_body(r, depth + 1);
    std::string yields = value_list(r.yields);
    line(depth + 1, yields.empty() ? "yield" : "yield " + yields, {});
  }

  void node(const Node& n, int depth) {
    std::string lhs = n.outputs.empty() ? "" : value_list(n.outputs) + " = ";
    if (n.op == OpCode::Cond && n.regions.size() == 2) return cond(n, lhs, depth);
    if (n.op == OpCode::Loop && n.regions.size() == 2) return loop(n, lhs, depth);
    line(depth, node_text(n), n.range);
  }

  void cond(const Node& n, const std::string& lhs, int depth) {
    line(depth, lhs + "cond " + value_list(n.inputs) + " {", n.range);
    region_tail(n.regions[0], depth);
    line(depth, "} else {", {});
    region_tail(n.regions[1], depth);
    line(depth, "}", {});
  }

  void loop(const Node& n, const std::string& lhs, int depth) {
    const Region& cond = n.regions[0];
    const Region& body = n.regions[1];
    line(depth, lhs + "loop(" + value_list(n.inputs) + ") cond(" + value_list(cond.args) + ") {",
         n.range);
    region_tail(cond, depth);
    line(depth, "} body(" + value_list(body.args) + ") {", {});
    region_tail(body, depth);
    line(depth, "}", {});
  }

  const Function& fn_;
  const PrintOptions& options_;
  std::string& out_;
  DisplayNames names_;
};

}  // namespace

std::string print_function(const Function& function, const PrintOptions& options) {
  std::string out;
  FunctionPrinter(function, options, out).print();
  return out;
}

std::string print_module(const Module& module, const PrintOptions& options) {
  std::string out;
  if (!module.source_file.empty()) out += "# source: " + module.source_file + "\n";
  for (size_t i = 0; i < module.functions.size(); ++i) {
    if (i > 0) out += "\n";
    out += print_function(module.functions[i], options);
  }
  return out;
}

}  // namespace pygraft
