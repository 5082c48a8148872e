// Suggestions for unknown names (see transform/suggest.h).
#include "transform/suggest.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "graph/dtype.h"

namespace pygraft::transform {
namespace {

// Edit distance counting a swap of two adjacent characters as one edit
// (optimal string alignment), since "valeu" for "value" is a common typo.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// ---- the categories of ops: the PG_OP_CATEGORY lines of graph/ops.def ----

std::array<OpCategory, kNumOpCodes> build_categories() {
  std::array<OpCategory, kNumOpCodes> categories{};
  OpCategory current = OpCategory::None;
  size_t next = 0;
#define PG_OP_CATEGORY(category) current = OpCategory::category;
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) categories[next++] = current;
#include "graph/ops.def"
#undef PG_OP
#undef PG_OP_CATEGORY
  return categories;
}

// ---- real names: NumPy's, np.ndarray's and math's (generated) ----

enum class NameKind {
  NumpyConstant,
  NumpyClass,
  NumpyDType,
  NumpyFunction,
  NumpyModule,
  NdarrayMethod,
  NdarrayAttribute,
  MathFunction,
  MathConstant,
};

struct RealName {
  NameKind kind;
  std::string_view name;
};

constexpr RealName kRealNames[] = {
#define PG_NAME(kind, name) {NameKind::kind, name},
#include "transform/numpy_names.inc"
#undef PG_NAME
};

// Whether a real name of `name_kind` can be written as a spelling of `kind`.
bool spelled_as(SpellingKind kind, NameKind name_kind) {
  switch (kind) {
    case SpellingKind::NumpyFunction:
      return name_kind <= NameKind::NumpyModule;
    case SpellingKind::Method:
      return name_kind == NameKind::NdarrayMethod;
    case SpellingKind::Attribute:
      return name_kind == NameKind::NdarrayAttribute;
    case SpellingKind::MathFunction:
      return name_kind == NameKind::MathFunction || name_kind == NameKind::MathConstant;
    default:
      return false;
  }
}

std::vector<std::string_view> real_names(SpellingKind kind) {
  std::vector<std::string_view> names;
  for (const RealName& real : kRealNames) {
    if (spelled_as(kind, real.kind)) names.push_back(real.name);
  }
  return names;
}

bool is_real_name(SpellingKind kind, std::string_view name) {
  return std::any_of(std::begin(kRealNames), std::end(kRealNames), [&](const RealName& real) {
    return real.name == name && spelled_as(kind, real.kind);
  });
}

// ---- well-known names outside the subset (transform/outside_subset.def) ----

struct OutsideName {
  SpellingKind kind;
  std::string_view name;
  OpCategory category;
  std::string_view instead;
};

constexpr OutsideName kOutside[] = {
#define PG_OUTSIDE(kind, name, category, instead) \
  {SpellingKind::kind, name, OpCategory::category, instead},
#include "transform/outside_subset.def"
#undef PG_OUTSIDE
};

const OutsideName* outside_subset(SpellingKind kind, std::string_view name) {
  for (const OutsideName& entry : kOutside) {
    if (entry.kind == kind && entry.name == name) return &entry;
  }
  return nullptr;
}

// The supported spellings of `kind` whose op is of `category`.
std::vector<std::string_view> supported_of(SpellingKind kind, OpCategory category) {
  std::vector<std::string_view> names;
  for (std::string_view name : spelled_names(kind)) {
    std::optional<SpellingMatch> match = find_spelling(kind, name);
    if (match && op_category(match->op->code) == category) names.push_back(name);
  }
  return names;
}

std::string_view category_words(OpCategory category) {
  switch (category) {
    case OpCategory::Elementwise:
      return "elementwise functions";
    case OpCategory::Reduction:
      return "reductions";
    case OpCategory::LinearAlgebra:
      return "linear algebra functions";
    case OpCategory::Shape:
      return "shape functions";
    case OpCategory::Creation:
      return "array creation functions";
    case OpCategory::Sorting:
      return "sorting and searching functions";
    default:
      return "functions of this kind";
  }
}

// Why nothing of the category can be suggested, or the supported names of it.
std::string category_advice(OpCategory category, SpellingKind kind, std::string_view prefix) {
  switch (category) {
    case OpCategory::Complex:
      return "; complex numbers are not supported";
    case OpCategory::Io:
      return "; graphs do not read or write files";
    case OpCategory::Other:
      return {};
    default:
      break;
  }
  std::vector<std::string_view> names = supported_of(kind, category);
  constexpr size_t kMaxListed = 20;
  if (names.empty()) return {};
  if (names.size() > kMaxListed) {
    return "; see docs/numpy-support.md for the supported " + std::string(category_words(category));
  }
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    list += (i == 0 ? "" : ", ") + std::string(prefix) + std::string(names[i]);
  }
  return "; the supported " + std::string(category_words(category)) + " are " + list;
}

}  // namespace

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string_view>& candidates) {
  size_t limit = (name.size() + 3) / 3;
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    if (candidate == name) continue;
    size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates,
                         std::string_view prefix) {
  std::optional<std::string> best = closest_name(name, candidates);
  if (!best) return "";
  return " (did you mean '" + std::string(prefix) + *best + "'?)";
}

OpCategory op_category(OpCode op) {
  static const std::array<OpCategory, kNumOpCodes> kCategories = build_categories();
  return kCategories[static_cast<size_t>(op)];
}

std::string unknown_name_advice(SpellingKind kind, std::string_view name, std::string_view prefix) {
  if (const OutsideName* known = outside_subset(kind, name)) {
    if (!known->instead.empty()) return "; " + std::string(known->instead);
    return category_advice(known->category, kind, kind == SpellingKind::Method ? "x." : prefix);
  }
  if (is_real_name(kind, name)) return {};
  // A misspelling: of a supported name only when no real name is closer.
  // Note: supported names come first, so they win ties.
  std::vector<std::string_view> candidates = spelled_names(kind);
  std::vector<std::string_view> real = real_names(kind);
  candidates.insert(candidates.end(), real.begin(), real.end());
  std::optional<std::string> best = closest_name(name, candidates);
  if (!best || !find_spelling(kind, *best)) return {};
  return " (did you mean '" + std::string(prefix) + *best + "'?)";
}

bool is_numpy_scalar_type(std::string_view name) {
  return std::any_of(std::begin(kRealNames), std::end(kRealNames), [&](const RealName& real) {
    return real.kind == NameKind::NumpyDType && real.name == name;
  });
}

std::string supported_dtypes_text() {
  // Note: in NumPy's order of kinds and widths, as docs list them.
  constexpr DType kOrder[] = {DType::Float16, DType::Float32, DType::Float64, DType::Int8,
                              DType::Int16,   DType::Int32,   DType::Int64,   DType::UInt8,
                              DType::UInt16,  DType::UInt32,  DType::UInt64,  DType::Bool};
  static_assert(std::size(kOrder) == kNumDTypes);
  std::string names, spelled;
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    std::string name(dtype_name(kOrder[i]));
    const char* separator = i == 0 ? "" : (i + 1 == std::size(kOrder) ? " and " : ", ");
    names += separator + name;
    spelled += (i == 0 ? "np." : ", np.") + (name == "bool" ? std::string("bool_") : name);
  }
  return names + " (" + spelled + ")";
}

}  // namespace pygraft::transform
