// The IR verifier: scoping and dominance walk (see graph/verifier.h).
#include "graph/verifier.h"

#include <set>

#include "graph/node_rules.h"

namespace pygraft {
namespace {

std::string value_ref(ValueId v) {
  return "%" + std::to_string(v);
}

// Walks one function's regions in order, tracking which values are in scope.
class FunctionVerifier {
 public:
  FunctionVerifier(const Function& fn, const FunctionLookup& functions,
                   std::vector<std::string>& out)
      : fn_(fn),
        functions_(functions),
        out_(out),
        defined_(fn.num_values, 0),
        visible_(fn.num_values, 0) {}

  void run() {
    check_signature();
    std::vector<ValueId> scope;
    region(fn_.body, scope, "function body");
  }

 private:
  void report(const std::string& where, const std::string& what) {
    out_.push_back("function '" + fn_.name + "': " + where + ": " + what);
  }

  static std::string node_where(const Node& n) {
    std::string op =
        static_cast<int>(n.op) < kNumOpCodes ? std::string(op_info(n.op).name) : "<bad op>";
    if (!n.range.valid()) return op + " (no location)";
    return op + " (line " + std::to_string(n.range.line) + ")";
  }

  void check_signature() {
    std::string where = "signature (line " + std::to_string(fn_.range.line) + ")";
    if (fn_.params.size() != fn_.body.args.size()) {
      report(where, std::to_string(fn_.params.size()) + " parameters but " +
                        std::to_string(fn_.body.args.size()) + " body arguments");
    }
    if (fn_.body.yields.size() != 1) {
      report(where, "the body yields " + std::to_string(fn_.body.yields.size()) + " values, not 1");
    }
    if (!fn_.value_names.empty() && fn_.value_names.size() != fn_.num_values) {
      report(where, "value_names has " + std::to_string(fn_.value_names.size()) + " entries for " +
                        std::to_string(fn_.num_values) + " values");
    }
  }

  void define(ValueId v, std::vector<ValueId>& scope, const std::string& where) {
    if (v >= fn_.num_values) {
      report(where, "defines " + value_ref(v) + ", out of range (" +
                        std::to_string(fn_.num_values) + " values)");
      return;
    }
    if (defined_[v]) {
      report(where, value_ref(v) + " is defined more than once");
      return;
    }
    defined_[v] = 1;
    visible_[v] = 1;
    scope.push_back(v);
  }

  void use(ValueId v, const std::string& where, std::string_view role) {
    if (v >= fn_.num_values) {
      report(where, std::string(role) + " " + value_ref(v) + " is out of range (" +
                        std::to_string(fn_.num_values) + " values)");
    } else if (!visible_[v]) {
      report(where, std::string(role) + " " + value_ref(v) +
                        (defined_[v] ? " is used outside the region that defines it"
                                     : " is used before its definition"));
    }
  }

  void node(const Node& n, std::vector<ValueId>& scope) {
    std::string where = node_where(n);
    for (ValueId v : n.inputs) use(v, where, "operand");
    if (static_cast<int>(n.op) >= kNumOpCodes) {
      report(where, "unknown op code " + std::to_string(static_cast<int>(n.op)));
      return;
    }
    std::vector<std::string> problems;
    check_node_rules(n, functions_, problems);
    for (const std::string& p : problems) report(where, p);
    for (size_t i = 0; i < n.regions.size(); ++i) {
      std::vector<ValueId> inner;
      region(n.regions[i], inner, where + " region " + std::to_string(i));
    }
    for (ValueId v : n.outputs) define(v, scope, where);
  }

  void region(const Region& r, std::vector<ValueId>& scope, const std::string& where) {
    for (ValueId v : r.args) define(v, scope, where);
    for (const Node& n : r.nodes) node(n, scope);
    for (ValueId v : r.yields) use(v, where, "yielded value");
    for (ValueId v : scope) visible_[v] = 0;  // leaving the region ends their scope
  }

  const Function& fn_;
  const FunctionLookup& functions_;
  std::vector<std::string>& out_;
  std::vector<uint8_t> defined_;  // ever defined (for duplicate detection)
  std::vector<uint8_t> visible_;  // defined and in scope at the current point
};

}  // namespace

std::vector<std::string> verify_function(const Function& function, const Module& module) {
  std::vector<std::string> out;
  FunctionVerifier(function, make_function_lookup(module), out).run();
  return out;
}

std::vector<std::string> verify_module(const Module& module) {
  std::vector<std::string> out;
  std::set<std::string_view> names;
  FunctionLookup functions = make_function_lookup(module);
  for (const Function& f : module.functions) {
    if (!names.insert(f.name).second)
      out.push_back("function '" + f.name + "' is defined more than once");
    FunctionVerifier(f, functions, out).run();
  }
  return out;
}

}  // namespace pygraft
