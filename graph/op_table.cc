// The op table, built once from graph/ops.def (see graph/op_table.h).
#include "graph/op_table.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "graph/op_table_check.h"
#include "graph/spelling_parser.h"

namespace pygraft {
namespace {

struct OpRow {
  OpCode code;
  std::string_view name;
  int num_outputs;
  std::string_view kernel;
  OpEffects effects;
  std::string_view spellings;
};

// The `effects` column's words, as enumerators.
constexpr OpEffects pure = OpEffects::Pure;
constexpr OpEffects raises = OpEffects::Raises;
constexpr OpEffects effect = OpEffects::Effect;
constexpr OpEffects regions = OpEffects::Regions;

constexpr std::array<OpRow, kNumOpCodes> kRows = {{
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) \
  {OpCode::id, name, outputs, #kernel, effects, spellings},
#include "graph/ops.def"
#undef PG_OP
}};

std::string spelling_key(SpellingKind kind, std::string_view name) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(kind)));
  key += name;
  return key;
}

// The canonical operand list: the first spelling's that has one.
std::vector<ParamSpec> canonical_params(const std::vector<Spelling>& spellings) {
  for (const Spelling& s : spellings) {
    if (!s.params.empty()) return s.params;
  }
  return {};
}

// Built once, never modified afterwards: the SpellingMatch pointers stay valid.
class OpTable {
 public:
  OpTable() {
    ops_.reserve(kRows.size());
    for (const OpRow& row : kRows) {
      OpInfo info{row.code, row.name, row.num_outputs, row.kernel == "structural", row.effects,
                  {},       {}};
      info.spellings = parse_spellings(row.spellings, errors_);
      info.params = canonical_params(info.spellings);
      ops_.push_back(std::move(info));
    }
    for (const OpInfo& info : ops_) {
      by_name_.emplace(std::string(info.name), info.code);
      for (const Spelling& s : info.spellings) {
        by_spelling_.emplace(spelling_key(s.kind, s.name), SpellingMatch{&info, &s});
        auto& names = names_by_kind_[static_cast<size_t>(s.kind)];
        if (std::find(names.begin(), names.end(), s.name) == names.end()) names.push_back(s.name);
      }
    }
  }

  const OpInfo& info(OpCode code) const { return ops_[static_cast<size_t>(code)]; }
  std::optional<OpCode> from_name(std::string_view name) const {
    auto it = by_name_.find(std::string(name));
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<SpellingMatch> find(SpellingKind kind, std::string_view name) const {
    auto it = by_spelling_.find(spelling_key(kind, name));
    if (it == by_spelling_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::string_view> names(SpellingKind kind) const {
    return names_by_kind_[static_cast<size_t>(kind)];
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  static constexpr size_t kNumKinds = static_cast<size_t>(SpellingKind::Comparison) + 1;
  std::vector<OpInfo> ops_;
  std::unordered_map<std::string, OpCode> by_name_;
  std::unordered_map<std::string, SpellingMatch> by_spelling_;
  std::array<std::vector<std::string_view>, kNumKinds> names_by_kind_;
  std::vector<std::string> errors_;
};

const OpTable& table() {
  static const OpTable instance;  // thread-safe initialisation (C++11 magic static)
  return instance;
}

}  // namespace

const OpInfo& op_info(OpCode code) {
  return table().info(code);
}

std::optional<OpCode> op_from_name(std::string_view ir_name) {
  return table().from_name(ir_name);
}

std::optional<SpellingMatch> find_spelling(SpellingKind kind, std::string_view name) {
  return table().find(kind, name);
}

std::vector<std::string_view> spelled_names(SpellingKind kind) {
  return table().names(kind);
}

std::string_view op_kernel_name(OpCode code) {
  return kRows[static_cast<size_t>(code)].kernel;
}

const std::vector<std::string>& op_table_parse_errors() {
  return table().errors();
}

std::string spelled_name(OpCode code) {
  const OpInfo& info = op_info(code);
  if (info.spellings.empty()) return "";
  const Spelling& s = info.spellings.front();
  switch (s.kind) {
    case SpellingKind::NumpyFunction:
      return "np." + s.name;
    case SpellingKind::MathFunction:
      return "math." + s.name;
    case SpellingKind::Builtin:
      return s.name + "()";
    case SpellingKind::Method:
      return "." + s.name + "()";
    case SpellingKind::Attribute:
      return "." + s.name;
    default:
      return s.name;
  }
}

}  // namespace pygraft
