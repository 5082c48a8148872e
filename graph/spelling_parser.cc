// Parser of the ops.def spellings mini-language (see graph/spelling_parser.h).
#include "graph/spelling_parser.h"

#include <charconv>
#include <system_error>

namespace pygraft {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Splits on `sep` outside parentheses and quotes.
std::vector<std::string_view> split_top_level(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && s.substr(i, sep.size()) == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + sep.size();
      i = start - 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::optional<Literal> parse_number(std::string_view text) {
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (!text.empty() && text.front() == '+') ++first;
  int64_t i = 0;
  auto int_res = std::from_chars(first, last, i);
  if (int_res.ec == std::errc() && int_res.ptr == last) return Literal(i);
  double d = 0;
  auto float_res = std::from_chars(first, last, d);
  if (float_res.ec == std::errc() && float_res.ptr == last) return Literal(d);
  return std::nullopt;
}

std::optional<Literal> parse_tuple(std::string_view inner) {
  LiteralTuple items;
  inner = trim(inner);
  if (inner.empty()) return Literal(std::move(items));
  std::vector<std::string_view> parts = split_top_level(inner, ",");
  if (trim(parts.back()).empty()) parts.pop_back();  // (1,)
  for (std::string_view part : parts) {
    std::optional<Literal> item = parse_python_literal(part);
    if (!item) return std::nullopt;
    items.push_back(std::move(*item));
  }
  return Literal(std::move(items));
}

std::optional<ResultConversion> parse_conversion(std::string_view text) {
  if (text == "array") return ResultConversion::ToArray;
  if (text == "float") return ResultConversion::ToFloat;
  if (text == "int") return ResultConversion::ToInt;
  if (text == "bool") return ResultConversion::ToBool;
  return std::nullopt;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<ParamSpec> parse_param(std::string_view text, std::string& error) {
  text = trim(text);
  ParamSpec param;
  if (!text.empty() && text.front() == '*') {
    param.variadic = true;
    text.remove_prefix(1);
  }
  size_t eq = text.find('=');
  if (eq != std::string_view::npos) {
    param.default_value = parse_python_literal(text.substr(eq + 1));
    if (!param.default_value) error = "bad default in '" + std::string(text) + "'";
    text = trim(text.substr(0, eq));
  }
  if (!is_identifier(text)) error = "bad parameter name '" + std::string(text) + "'";
  param.name = std::string(text);
  if (!error.empty()) return std::nullopt;
  return param;
}

bool parse_params(std::string_view text, Spelling& spelling, std::string& error) {
  if (trim(text).empty()) return true;
  for (std::string_view part : split_top_level(text, ",")) {
    std::optional<ParamSpec> param = parse_param(part, error);
    if (!param) return false;
    spelling.params.push_back(std::move(*param));
  }
  return true;
}

// An identifier, or for NumPy functions in a submodule (np.linalg.norm)
// identifiers joined by dots.
bool is_dotted_name(std::string_view s, bool dots_allowed) {
  if (!dots_allowed) return is_identifier(s);
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    if (!is_identifier(s.substr(start, dot == std::string_view::npos ? dot : dot - start))) {
      return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

struct Prefix {
  std::string_view text;
  SpellingKind kind;
};

constexpr Prefix kPrefixes[] = {
    {"np.", SpellingKind::NumpyFunction},  {"math.", SpellingKind::MathFunction},
    {"op:", SpellingKind::BinaryOperator}, {"unary:", SpellingKind::UnaryOperator},
    {"cmp:", SpellingKind::Comparison},    {".", SpellingKind::Method},
};

SpellingKind take_kind(std::string_view& item) {
  for (const Prefix& p : kPrefixes) {
    if (item.substr(0, p.text.size()) == p.text) {
      item.remove_prefix(p.text.size());
      return p.kind;
    }
  }
  return SpellingKind::Builtin;
}

bool is_operator(SpellingKind kind) {
  return kind == SpellingKind::BinaryOperator || kind == SpellingKind::UnaryOperator ||
         kind == SpellingKind::Comparison;
}

// "np.sum(a, axis=None)" once the conversion suffix is gone.
bool parse_call_shape(std::string_view item, Spelling& spelling, std::string& error) {
  size_t open = item.find('(');
  if (open == std::string_view::npos) {
    spelling.name = std::string(item);
    if (spelling.kind == SpellingKind::Method) spelling.kind = SpellingKind::Attribute;
    if (spelling.kind != SpellingKind::Attribute) error = "missing parameter list";
    return error.empty() && is_identifier(item);
  }
  if (item.back() != ')') {
    error = "missing ')'";
    return false;
  }
  spelling.name = std::string(item.substr(0, open));
  if (!is_dotted_name(spelling.name, spelling.kind == SpellingKind::NumpyFunction)) {
    error = "bad name '" + spelling.name + "'";
  }
  return error.empty() &&
         parse_params(item.substr(open + 1, item.size() - open - 2), spelling, error);
}

// The Python-scalar rules a spelling implies (graph/op_table.h).
ScalarRules scalar_rules(const Spelling& spelling) {
  switch (spelling.kind) {
    case SpellingKind::NumpyFunction:
      return spelling.conversion == ResultConversion::ToArray ? ScalarRules::NumpyUfunc
                                                              : ScalarRules::NumpyAsArray;
    case SpellingKind::MathFunction:
      return ScalarRules::Math;
    case SpellingKind::Method:
    case SpellingKind::Attribute:
      return ScalarRules::ArrayMethod;
    case SpellingKind::Builtin:
    case SpellingKind::BinaryOperator:
    case SpellingKind::UnaryOperator:
    case SpellingKind::Comparison:
      break;
  }
  return ScalarRules::Python;
}

std::optional<Spelling> parse_item(std::string_view item, std::string& error) {
  Spelling spelling;
  item = trim(item);
  size_t arrow = item.find(" -> ");
  if (arrow != std::string_view::npos) {
    std::optional<ResultConversion> conv = parse_conversion(trim(item.substr(arrow + 4)));
    if (!conv) error = "bad conversion";
    spelling.conversion = conv.value_or(ResultConversion::None);
    item = trim(item.substr(0, arrow));
  }
  spelling.kind = take_kind(item);
  if (is_operator(spelling.kind)) {
    spelling.name = std::string(item);
    if (item.empty()) error = "empty operator";
  } else if (!parse_call_shape(item, spelling, error) && error.empty()) {
    error = "bad name";
  }
  if (!error.empty()) return std::nullopt;
  spelling.rules = scalar_rules(spelling);
  return spelling;
}

}  // namespace

std::optional<Literal> parse_python_literal(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text == "None") return Literal(NoneLiteral{});
  if (text == "True") return Literal(true);
  if (text == "False") return Literal(false);
  char first = text.front();
  if ((first == '\'' || first == '"') && text.size() >= 2 && text.back() == first) {
    return Literal(std::string(text.substr(1, text.size() - 2)));
  }
  if (first == '(' && text.back() == ')') return parse_tuple(text.substr(1, text.size() - 2));
  return parse_number(text);
}

std::vector<Spelling> parse_spellings(std::string_view column, std::vector<std::string>& errors) {
  std::vector<Spelling> spellings;
  if (trim(column).empty()) return spellings;
  // Note: plain " | " splitting, not split_top_level: the items never nest
  // '|' and `op:|` must survive as one item.
  size_t start = 0;
  while (start <= column.size()) {
    size_t bar = column.find(" | ", start);
    size_t end = bar == std::string_view::npos ? column.size() : bar;
    std::string error;
    std::optional<Spelling> s = parse_item(column.substr(start, end - start), error);
    if (s) {
      spellings.push_back(std::move(*s));
    } else {
      errors.push_back("spelling '" + std::string(trim(column.substr(start, end - start))) +
                       "': " + error);
    }
    if (bar == std::string_view::npos) break;
    start = bar + 3;
  }
  return spellings;
}

std::string_view spelling_kind_name(SpellingKind kind) {
  switch (kind) {
    case SpellingKind::NumpyFunction:
      return "numpy function";
    case SpellingKind::MathFunction:
      return "math function";
    case SpellingKind::Builtin:
      return "builtin";
    case SpellingKind::Method:
      return "method";
    case SpellingKind::Attribute:
      return "attribute";
    case SpellingKind::BinaryOperator:
      return "operator";
    case SpellingKind::UnaryOperator:
      return "unary operator";
    case SpellingKind::Comparison:
      return "comparison";
  }
  return "?";
}

}  // namespace pygraft
