// Strict parser for .npy header dicts (see cli/npy_header.h).
#include "cli/npy_header.h"

#include <array>
#include <optional>

namespace pygraft::cli {
namespace {

struct DescrRow {
  std::string_view descr;
  DType dtype;
};

// NumPy's descr for each dtype (one byte types have no byte order: '|').
constexpr std::array<DescrRow, 12> kDescrs = {{
    {"|b1", DType::Bool},
    {"<i4", DType::Int32},
    {"<i8", DType::Int64},
    {"<f4", DType::Float32},
    {"<f8", DType::Float64},
    {"|u1", DType::UInt8},
    {"|i1", DType::Int8},
    {"<i2", DType::Int16},
    {"<u2", DType::UInt16},
    {"<u4", DType::UInt32},
    {"<u8", DType::UInt64},
    {"<f2", DType::Float16},
}};

constexpr size_t kMaxShapeRank = 64;

// A cursor over the header text; each parse_* method consumes one literal.
class HeaderParser {
 public:
  explicit HeaderParser(std::string_view text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n')) ++pos_;
  }
  bool consume(char c) {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool at_end() {
    skip_space();
    return pos_ == text_.size();
  }
  std::optional<std::string_view> parse_string();
  std::optional<bool> parse_bool();
  std::optional<int64_t> parse_int();
  Result<std::vector<int64_t>> parse_shape();

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

std::optional<std::string_view> HeaderParser::parse_string() {
  skip_space();
  if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"')) return std::nullopt;
  char quote = text_[pos_];
  size_t end = text_.find(quote, pos_ + 1);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view value = text_.substr(pos_ + 1, end - pos_ - 1);
  if (value.find('\\') != std::string_view::npos) return std::nullopt;
  pos_ = end + 1;
  return value;
}

std::optional<bool> HeaderParser::parse_bool() {
  skip_space();
  std::string_view rest = text_.substr(pos_);
  if (rest.starts_with("True")) {
    pos_ += 4;
    return true;
  }
  if (rest.starts_with("False")) {
    pos_ += 5;
    return false;
  }
  return std::nullopt;
}

std::optional<int64_t> HeaderParser::parse_int() {
  skip_space();
  size_t start = pos_;
  int64_t value = 0;
  while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, text_[pos_] - '0', &value)) {
      return std::nullopt;
    }
    ++pos_;
  }
  if (pos_ == start) return std::nullopt;
  return value;
}

Result<std::vector<int64_t>> HeaderParser::parse_shape() {
  using R = Result<std::vector<int64_t>>;
  if (!consume('(')) return R::failure("'shape' is not a tuple");
  std::vector<int64_t> dims;
  bool trailing_comma = false;
  while (!consume(')')) {
    if (!dims.empty() && !trailing_comma) return R::failure("'shape' is not a tuple of ints");
    std::optional<int64_t> dim = parse_int();
    if (!dim) return R::failure("'shape' must hold non-negative integers that fit in int64");
    if (dims.size() == kMaxShapeRank) return R::failure("'shape' has too many dimensions");
    dims.push_back(*dim);
    trailing_comma = consume(',');
  }
  // Python: (3) is an int, (3,) a tuple.
  if (dims.size() == 1 && !trailing_comma) return R::failure("'shape' is not a tuple");
  return dims;
}

Result<DType> dtype_for_descr(std::string_view descr) {
  for (const DescrRow& row : kDescrs) {
    if (row.descr == descr) return row.dtype;
  }
  return Result<DType>::failure(
      "unsupported dtype '" + std::string(descr) +
      "': pygraft reads little-endian bool, int8/16/32/64, uint8/16/32/64 and float16/32/64 "
      "arrays ('|b1', '|i1', '<i2', '<i4', '<i8', '|u1', '<u2', '<u4', '<u8', '<f2', '<f4', "
      "'<f8')");
}

// Reads the value for `key` into `header`.
std::optional<std::string> parse_entry(HeaderParser& parser, std::string_view key,
                                       NpyHeader& header) {
  if (key == "descr") {
    std::optional<std::string_view> descr = parser.parse_string();
    if (!descr) return "'descr' is not a string";
    Result<DType> dtype = dtype_for_descr(*descr);
    if (!dtype.ok()) return dtype.error();
    header.dtype = dtype.value();
  } else if (key == "fortran_order") {
    std::optional<bool> value = parser.parse_bool();
    if (!value) return "'fortran_order' is not True or False";
    header.fortran_order = *value;
  } else if (key == "shape") {
    Result<std::vector<int64_t>> shape = parser.parse_shape();
    if (!shape.ok()) return shape.error();
    header.shape = std::move(shape).value();
  } else {
    return "unexpected key '" + std::string(key) + "'";
  }
  return std::nullopt;
}

}  // namespace

Result<NpyHeader> parse_npy_header(std::string_view text) {
  using R = Result<NpyHeader>;
  HeaderParser parser(text);
  NpyHeader header;
  if (!parser.consume('{')) return R::failure("header is not a dict");
  std::array<std::string_view, 3> keys = {"descr", "fortran_order", "shape"};
  std::array<bool, 3> seen = {false, false, false};
  bool first = true;
  while (!parser.consume('}')) {
    if (!first && !parser.consume(',')) return R::failure("malformed header dict");
    if (parser.consume('}')) break;  // a trailing comma
    first = false;
    std::optional<std::string_view> key = parser.parse_string();
    if (!key || !parser.consume(':')) return R::failure("malformed header dict");
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != *key) continue;
      if (seen[i]) return R::failure("duplicate key '" + std::string(*key) + "'");
      seen[i] = true;
    }
    if (std::optional<std::string> error = parse_entry(parser, *key, header)) {
      return R::failure(*error);
    }
  }
  if (!parser.at_end()) return R::failure("unexpected text after the header dict");
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!seen[i]) return R::failure("header has no '" + std::string(keys[i]) + "' key");
  }
  return header;
}

std::string_view npy_descr(DType dtype) {
  for (const DescrRow& row : kDescrs) {
    if (row.dtype == dtype) return row.descr;
  }
  return "<f8";
}

}  // namespace pygraft::cli
