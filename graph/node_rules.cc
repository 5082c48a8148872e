// Per-op shape rules of the verifier (see graph/node_rules.h).
#include "graph/node_rules.h"

#include "graph/fused_elementwise.h"
#include "graph/index_layout.h"

namespace pygraft {
namespace {

using Problems = std::vector<std::string>;

std::string count_mismatch(std::string_view what, size_t want, size_t got) {
  return "expected " + std::to_string(want) + " " + std::string(what) + ", got " +
         std::to_string(got);
}

void expect_inputs(const Node& n, size_t want, Problems& out) {
  if (n.inputs.size() != want) out.push_back(count_mismatch("operands", want, n.inputs.size()));
}

void expect_string_attr(const Node& n, std::string_view name, Problems& out) {
  const Literal* a = n.attr(name);
  if (a == nullptr || !a->is<std::string>()) {
    out.push_back("needs a string attribute '" + std::string(name) + "'");
  }
}

// A non-negative int attribute (a hostile graph file may hold anything).
void expect_int_attr(const Node& n, std::string_view name, Problems& out) {
  const Literal* a = n.attr(name);
  if (a == nullptr || !a->is<int64_t>() || a->as<int64_t>() < 0) {
    out.push_back("needs a non-negative int attribute '" + std::string(name) + "'");
  }
}

// Operands the "index" layout consumes, or nullopt (with a problem) when the
// attribute is missing or malformed.
std::optional<size_t> index_operands(const Node& n, Problems& out) {
  const Literal* index = n.attr("index");
  if (index == nullptr || !index->is<LiteralTuple>()) {
    out.push_back("needs a tuple attribute 'index'");
    return std::nullopt;
  }
  size_t count = 0;
  for (const Literal& item : index->as<LiteralTuple>()) {
    bool ok = item.is<int64_t>();
    int64_t v = ok ? item.as<int64_t>() : -1;
    if (!ok || !(v == index_layout::kValue || v == index_layout::kNewAxis ||
                 v == index_layout::kEllipsis || index_layout::is_slice(v))) {
      out.push_back("bad index layout item " + literal_to_string(item));
      return std::nullopt;
    }
    count += static_cast<size_t>(index_layout::operand_count(v));
  }
  return count;
}

void check_subscript(const Node& n, size_t leading, Problems& out) {
  std::optional<size_t> parts = index_operands(n, out);
  if (parts) expect_inputs(n, leading + *parts, out);
}

void check_call(const Node& n, const FunctionLookup& functions, Problems& out) {
  expect_string_attr(n, "callee", out);
  const Literal* callee = n.attr("callee");
  if (callee == nullptr || !callee->is<std::string>()) return;
  auto found = functions.find(callee->as<std::string>());
  const Function* target = found == functions.end() ? nullptr : found->second;
  if (target == nullptr) {
    out.push_back("calls unknown function '" + callee->as<std::string>() + "'");
    return;
  }
  size_t required = 0;
  for (const Parameter& p : target->params) required += p.default_value ? 0 : 1;
  if (n.inputs.size() > target->params.size() || n.inputs.size() < required) {
    out.push_back("passes " + std::to_string(n.inputs.size()) + " arguments to '" + target->name +
                  "', which takes " + std::to_string(target->params.size()));
  }
}

void check_cond(const Node& n, Problems& out) {
  expect_inputs(n, 1, out);
  if (n.regions.size() != 2) {
    out.push_back(count_mismatch("regions", 2, n.regions.size()));
    return;
  }
  const char* names[] = {"then", "else"};
  for (size_t i = 0; i < 2; ++i) {
    const Region& r = n.regions[i];
    if (!r.args.empty()) out.push_back(std::string(names[i]) + " region has arguments");
    if (r.yields.size() != n.outputs.size()) {
      out.push_back(std::string(names[i]) + " region yields " + std::to_string(r.yields.size()) +
                    " values for " + std::to_string(n.outputs.size()) + " outputs");
    }
  }
}

void check_loop(const Node& n, Problems& out) {
  size_t carried = n.inputs.size();
  if (n.outputs.size() != carried)
    out.push_back(count_mismatch("outputs", carried, n.outputs.size()));
  if (n.regions.size() != 2) {
    out.push_back(count_mismatch("regions", 2, n.regions.size()));
    return;
  }
  const Region& cond = n.regions[0];
  const Region& body = n.regions[1];
  if (cond.args.size() != carried)
    out.push_back("cond region: " + count_mismatch("arguments", carried, cond.args.size()));
  if (cond.yields.size() != 1)
    out.push_back("cond region: " + count_mismatch("yields", 1, cond.yields.size()));
  if (body.args.size() != carried)
    out.push_back("body region: " + count_mismatch("arguments", carried, body.args.size()));
  if (body.yields.size() != carried)
    out.push_back("body region: " + count_mismatch("yields", carried, body.yields.size()));
}

void check_generic(const Node& n, const OpInfo& info, Problems& out) {
  std::optional<size_t> want = fixed_operand_count(info);
  if (want) expect_inputs(n, *want, out);
}

void check_by_op(const Node& n, const OpInfo& info, const FunctionLookup& functions,
                 Problems& out) {
  switch (n.op) {
    case OpCode::Const:
      expect_inputs(n, 0, out);
      if (n.attr("value") == nullptr) out.push_back("needs an attribute 'value'");
      return;
    case OpCode::Call:
      return check_call(n, functions, out);
    case OpCode::Cond:
      return check_cond(n, out);
    case OpCode::Loop:
      return check_loop(n, out);
    case OpCode::Undef:
      expect_inputs(n, 0, out);
      return expect_string_attr(n, "name", out);
    case OpCode::GetItem:
      return check_subscript(n, 1, out);
    case OpCode::SetItem:
      return check_subscript(n, 2, out);
    case OpCode::IsNone:
      return expect_inputs(n, 1, out);
    case OpCode::CheckUnpack:
      expect_inputs(n, 1, out);
      return expect_int_attr(n, "count", out);
    case OpCode::InPlaceResult:
    case OpCode::MatMulTransposedB:
      return expect_inputs(n, 2, out);
    case OpCode::UfuncOperand:
      if (n.inputs.empty()) out.push_back("needs at least one operand");
      return;
    case OpCode::FusedElementwise: {
      std::string problem;
      if (!read_fused_program(n, &problem)) out.push_back(problem);
      return;
    }
    case OpCode::ArrayReceiver:
      expect_inputs(n, 1, out);
      return expect_string_attr(n, "name", out);
    case OpCode::Assert:
      if (n.inputs.empty()) out.push_back("needs the condition operand");
      return;
    case OpCode::Raise:
      if (n.inputs.size() > 1) out.push_back(count_mismatch("operands", 1, n.inputs.size()));
      return expect_string_attr(n, "exception", out);
    case OpCode::StrFormat:
      if (n.inputs.empty()) out.push_back("needs the format string operand");
      return;
    case OpCode::TypeInfo:
      expect_inputs(n, 1, out);
      expect_string_attr(n, "info", out);
      return expect_string_attr(n, "field", out);
    case OpCode::MakeTuple:
    case OpCode::MakeList:
    case OpCode::Print:
      return;
    case OpCode::MakeDict:
      if (n.inputs.size() % 2 != 0) out.push_back("needs a key and a value operand per entry");
      return;
    case OpCode::StrUpper:
    case OpCode::StrLower:
    case OpCode::ListReverse:
    case OpCode::DictKeys:
    case OpCode::DictValues:
    case OpCode::DictItems:
    case OpCode::ZipStar:
      return expect_inputs(n, 1, out);
    case OpCode::Contains:
    case OpCode::ListAppend:
    case OpCode::ListExtend:
    case OpCode::ListPop:
    case OpCode::DictUpdate:
    case OpCode::PyMaxBy:
    case OpCode::PyMinBy:
    case OpCode::Fill:
    case OpCode::StrJoin:
    case OpCode::StrSplit:
    case OpCode::StrStrip:
    case OpCode::StrStartswith:
    case OpCode::StrEndswith:
      return expect_inputs(n, 2, out);
    case OpCode::ListInsert:
    case OpCode::DictGet:
    case OpCode::DictSetDefault:
    case OpCode::RangeList:
    case OpCode::SortMethod:
    case OpCode::StrReplace:
    case OpCode::RngRandom:
    case OpCode::RngStandardNormal:
      return expect_inputs(n, 3, out);
    case OpCode::RngNormal:
    case OpCode::RngUniform:
      return expect_inputs(n, 4, out);
    case OpCode::RngChoice:
      return expect_inputs(n, 5, out);
    case OpCode::RngIntegers:
      return expect_inputs(n, 6, out);
    default:
      return check_generic(n, info, out);
  }
}

}  // namespace

std::optional<size_t> fixed_operand_count(const OpInfo& op) {
  if (!op.params.empty()) return op.params.size();
  for (const Spelling& s : op.spellings) {
    switch (s.kind) {
      case SpellingKind::BinaryOperator:
      case SpellingKind::Comparison:
        return 2;
      case SpellingKind::UnaryOperator:
      case SpellingKind::Attribute:
        return 1;
      default:
        break;
    }
  }
  return std::nullopt;
}

FunctionLookup make_function_lookup(const Module& module) {
  FunctionLookup lookup;
  for (const Function& f : module.functions)
    lookup.emplace(f.name, &f);  // first wins, as Module::find
  return lookup;
}

void check_node_rules(const Node& node, const FunctionLookup& functions, Problems& problems) {
  const OpInfo& info = op_info(node.op);
  if (info.num_outputs >= 0 && node.outputs.size() != static_cast<size_t>(info.num_outputs)) {
    problems.push_back(
        count_mismatch("outputs", static_cast<size_t>(info.num_outputs), node.outputs.size()));
  }
  bool has_regions = node.op == OpCode::Cond || node.op == OpCode::Loop;
  if (!has_regions && !node.regions.empty())
    problems.push_back("has regions but is not cond or loop");
  check_by_op(node, info, functions, problems);
}

}  // namespace pygraft
