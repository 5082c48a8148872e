// Consistency checks of the op table (see graph/op_table_check.h).
#include "graph/op_table_check.h"

#include <map>
#include <set>
#include <utility>

#include "graph/spelling_parser.h"

namespace pygraft {
namespace {

std::string where(const OpInfo& op) {
  return "op '" + std::string(op.name) + "': ";
}

const ParamSpec* find_param(const std::vector<ParamSpec>& params, std::string_view name) {
  for (const ParamSpec& p : params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Parameters after `*name` are keyword-only, so they need a default.
void check_param_list(const OpInfo& op, const Spelling& s, std::vector<std::string>& out) {
  bool seen_default = false, seen_variadic = false;
  std::set<std::string> names;
  for (size_t i = 0; i < s.params.size(); ++i) {
    const ParamSpec& p = s.params[i];
    if (!names.insert(p.name).second)
      out.push_back(where(op) + "parameter '" + p.name + "' repeated");
    if (p.variadic && seen_variadic) out.push_back(where(op) + "*" + p.name + " is a second *");
    if (p.variadic && p.default_value) out.push_back(where(op) + "*" + p.name + " has a default");
    if (!p.variadic && !p.default_value && seen_variadic) {
      out.push_back(where(op) + "keyword-only '" + p.name + "' after a * has no default");
    } else if (!p.variadic && !p.default_value && seen_default) {
      out.push_back(where(op) + "required '" + p.name + "' follows a default");
    }
    seen_default = seen_default || p.default_value.has_value();
    seen_variadic = seen_variadic || p.variadic;
  }
}

// Non-canonical spellings name a subset of the canonical parameters.
void check_against_canonical(const OpInfo& op, const Spelling& s, std::vector<std::string>& out) {
  for (const ParamSpec& p : s.params) {
    if (find_param(op.params, p.name) == nullptr) {
      out.push_back(where(op) + "spelling '" + s.name + "' has parameter '" + p.name +
                    "' missing from the canonical list");
    }
  }
  if (s.kind == SpellingKind::Method) {
    if (s.params.empty() || op.params.empty() || s.params[0].name != op.params[0].name) {
      out.push_back(where(op) + "method '." + s.name + "' does not take the receiver first");
    }
  }
  if (s.kind == SpellingKind::Attribute && !op.params.empty()) {
    for (size_t i = 1; i < op.params.size(); ++i) {
      if (!op.params[i].default_value) {
        out.push_back(where(op) + "attribute '." + s.name + "' leaves '" + op.params[i].name +
                      "' unbound");
      }
    }
  }
}

void check_operator(const OpInfo& op, const Spelling& s, std::vector<std::string>& out) {
  size_t want = s.kind == SpellingKind::UnaryOperator ? 1 : 2;
  if (!op.params.empty() && op.params.size() != want) {
    out.push_back(where(op) + "operator '" + s.name + "' needs " + std::to_string(want) +
                  " canonical parameters");
  }
  if (!s.params.empty()) out.push_back(where(op) + "operator '" + s.name + "' has parameters");
}

void check_spellings(const OpInfo& op, std::vector<std::string>& out) {
  for (const Spelling& s : op.spellings) {
    check_param_list(op, s, out);
    bool is_op = s.kind == SpellingKind::BinaryOperator || s.kind == SpellingKind::UnaryOperator ||
                 s.kind == SpellingKind::Comparison;
    if (is_op) {
      check_operator(op, s, out);
    } else {
      check_against_canonical(op, s, out);
    }
    if (is_op && s.conversion != ResultConversion::None) {
      out.push_back(where(op) + "operator '" + s.name + "' has a conversion");
    }
  }
}

void check_kind_column(const OpInfo& op, std::vector<std::string>& out) {
  bool structural_kernel = op_kernel_name(op.code) == "structural";
  if (op.structural != structural_kernel)
    out.push_back(where(op) + "structural flag disagrees with kernel");
  if (op.structural && !op.spellings.empty())
    out.push_back(where(op) + "structural op has spellings");
  if (!op.structural && structural_kernel)
    out.push_back(where(op) + "non-structural op without kernel");
  if (op.num_outputs < -1) out.push_back(where(op) + "bad output count");
  // Note: a fused node's output count is its program's (graph/fused_elementwise.h).
  if (op.num_outputs == -1 && op.code != OpCode::Cond && op.code != OpCode::Loop &&
      op.code != OpCode::FusedElementwise) {
    out.push_back(where(op) + "variadic outputs are only for cond, loop and fused_elementwise");
  }
  if (op.name.empty()) out.push_back("op with an empty ir name");
}

}  // namespace

std::vector<std::string> check_op_table() {
  std::vector<std::string> out = op_table_parse_errors();
  std::set<std::string_view> ir_names;
  std::map<std::pair<SpellingKind, std::string>, std::string_view> spelled;
  for (int i = 0; i < kNumOpCodes; ++i) {
    const OpInfo& op = op_info(static_cast<OpCode>(i));
    if (static_cast<int>(op.code) != i) out.push_back(where(op) + "table out of order");
    if (!ir_names.insert(op.name).second) out.push_back(where(op) + "duplicate ir name");
    check_kind_column(op, out);
    check_spellings(op, out);
    for (const Spelling& s : op.spellings) {
      auto [it, inserted] = spelled.emplace(std::make_pair(s.kind, s.name), op.name);
      if (!inserted) {
        out.push_back(where(op) + std::string(spelling_kind_name(s.kind)) + " '" + s.name +
                      "' also names op '" + std::string(it->second) + "'");
      }
    }
  }
  return out;
}

}  // namespace pygraft
