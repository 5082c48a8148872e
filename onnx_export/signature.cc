#include "onnx_export/signature.h"

#include <cctype>
#include <charconv>

namespace pygraft::onnx_export {

namespace {

class SignatureParser {
 public:
  explicit SignatureParser(std::string_view text) : text_(text) {}

  std::variant<Signature, std::string> parse() {
    Signature out;
    out.function = identifier();  // may be left out: "(float32[T], int)"
    if (!eat('(')) return error("expected '(' after the function's name");
    if (!eat(')')) {
      do {
        std::optional<StaticType> t = type();
        if (!t) return error(problem_.empty() ? "expected a type" : problem_);
        out.args.push_back(std::move(*t));
      } while (eat(','));
      if (!eat(')')) return error("expected ',' or ')'");
    }
    skip_space();
    if (pos_ != text_.size()) return error("unexpected text after ')'");
    return out;
  }

 private:
  std::string error(const std::string& what) const {
    return "bad signature '" + std::string(text_) + "' at column " + std::to_string(pos_ + 1) +
           ": " + what + " (write e.g. 'f(float32[T,H], int)')";
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool eat(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string identifier() {
    skip_space();
    size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    if (start < pos_ && std::isdigit(static_cast<unsigned char>(text_[start]))) {
      pos_ = start;
      return "";
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  std::optional<StaticDim> dim() {
    skip_space();
    if (eat('?')) return StaticDim{};
    if (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      int64_t size = 0;
      auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + text_.size(), size);
      if (ec != std::errc()) return std::nullopt;
      pos_ = static_cast<size_t>(end - text_.data());
      return StaticDim{size, ""};
    }
    std::string name = identifier();
    if (name.empty()) return std::nullopt;
    return StaticDim{-1, name};
  }

  // "text" or 'text': a str argument, compiled in as a constant.
  std::optional<StaticType> string_literal() {
    const char quote = text_[pos_++];
    std::string value;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
        const char c = text_[++pos_];
        value += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      } else {
        value += text_[pos_];
      }
      ++pos_;
    }
    if (pos_ >= text_.size()) {
      problem_ = "unterminated string";
      return std::nullopt;
    }
    ++pos_;
    return StaticType::of_literal(Literal(std::move(value)));
  }

  std::optional<StaticType> type() {
    skip_space();
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) return string_literal();
    const std::string name = identifier();
    if (name.empty()) return std::nullopt;
    if (name == "None") return StaticType::none();
    if (name == "dict" || name == "list" || name == "str" || name == "tuple") {
      // Not an ONNX input: the exporter refuses the parameter by name.
      StaticType t;
      t.constant = Literal(name);
      return t;
    }
    skip_space();
    const bool array = pos_ < text_.size() && text_[pos_] == '[';
    if (!array) {
      if (name == "int" || name == "int64") return StaticType::python_int();
      if (name == "float" || name == "float64") return StaticType::python_float();
      if (name == "bool") return StaticType::python_bool();
    }
    std::optional<DType> dtype = dtype_from_name(name == "float" ? "float64"
                                                 : name == "int" ? "int64"
                                                                 : name);
    if (!dtype) {
      problem_ = "unknown type '" + name + "' (int, float, bool or a NumPy dtype name)";
      return std::nullopt;
    }
    if (!array) return StaticType::array(*dtype, {});
    eat('[');
    std::vector<StaticDim> dims;
    if (!eat(']')) {
      do {
        std::optional<StaticDim> d = dim();
        if (!d) {
          problem_ = "expected a dimension: a size, a name or '?'";
          return std::nullopt;
        }
        dims.push_back(*d);
      } while (eat(','));
      if (!eat(']')) {
        problem_ = "expected ',' or ']'";
        return std::nullopt;
      }
    }
    return StaticType::array(*dtype, std::move(dims));
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string problem_;
};

std::string type_text(const StaticType& t) {
  switch (t.kind) {
    case StaticKind::None:
      return "None";
    case StaticKind::Str:
      return t.constant ? literal_to_string(*t.constant) : "str";
    case StaticKind::Bool:
      return "bool";
    case StaticKind::Int:
      return "int";
    case StaticKind::Float:
      return "float";
    default:
      break;
  }
  std::string out(dtype_name(t.dtype));
  if (t.rank() == 0 &&
      (t.dtype == DType::Bool || t.dtype == DType::Int64 || t.dtype == DType::Float64)) {
    return out + "[]";
  }
  if (t.rank() == 0) return out;
  out += "[";
  for (size_t i = 0; i < t.dims.size(); ++i) {
    if (i) out += ",";
    const StaticDim& d = t.dims[i];
    out += d.size >= 0 ? std::to_string(d.size) : d.name.empty() ? "?" : d.name;
  }
  return out + "]";
}

}  // namespace

std::variant<Signature, std::string> parse_signature(std::string_view text) {
  return SignatureParser(text).parse();
}

std::string signature_text(const std::string& function, const std::vector<StaticType>& args) {
  std::string out = function + "(";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += type_text(args[i]);
  }
  return out + ")";
}

}  // namespace pygraft::onnx_export
