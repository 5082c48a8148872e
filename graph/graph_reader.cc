// Loads a graph file (see graph/graph_file.h and docs/graph-format.md).
// Validates every read; recursion over regions and literal tuples is capped
// (graph_format::kMaxRegionDepth, kMaxLiteralDepth); the verifier runs last.
#include <bit>

#include "graph/byte_reader.h"
#include "graph/graph_file.h"
#include "graph/graph_file_format.h"
#include "graph/verifier.h"

namespace pygraft {
namespace {

namespace fmt = graph_format;
using fmt::LiteralTag;

// A well-formed header of another format version: not a corrupt file.
struct OtherVersion {
  uint32_t version;
};

std::string other_version_message(uint32_t version) {
  std::string written_by = version > kGraphFormatVersion ? "a newer" : "an older";
  return "graph file format version " + std::to_string(version) + " (written by " + written_by +
         " pygraft) is not supported: this pygraft reads version " +
         std::to_string(kGraphFormatVersion) + "; compile the model again with this pygraft";
}

class ModuleReader {
 public:
  explicit ModuleReader(std::string_view bytes) : in_(bytes), file_size_(bytes.size()) {}

  Module read() {
    header();
    strings();
    Module module;
    module.source_file = string_ref("source file name");
    uint32_t n = in_.count(fmt::kMinFunctionBytes, "functions");
    module.functions.reserve(n);
    for (uint32_t i = 0; i < n; ++i) module.functions.push_back(function());
    if (!in_.at_end()) in_.fail(std::to_string(in_.remaining()) + " bytes of trailing garbage");
    return module;
  }

 private:
  void header() {
    std::string_view magic = in_.take(fmt::kMagic.size(), "magic bytes");
    if (magic != fmt::kMagic) in_.fail("not a pygraft graph file (bad magic bytes)");
    uint32_t version = in_.u32("format version");
    if (version != kGraphFormatVersion) throw OtherVersion{version};
  }

  void strings() {
    uint32_t n = in_.count(fmt::kMinStringBytes, "strings");
    strings_.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t length = in_.u32("string length");
      strings_.emplace_back(in_.take(length, "string"));
    }
  }

  const std::string& string_ref(std::string_view what) {
    uint32_t index = in_.u32(what);
    if (index >= strings_.size()) {
      in_.fail(std::string(what) + ": string index " + std::to_string(index) + " out of range (" +
               std::to_string(strings_.size()) + " strings)");
    }
    return strings_[index];
  }

  SourceRange range() {
    SourceRange r;
    r.line = in_.u32("source range");
    r.column = in_.u32("source range");
    r.end_line = in_.u32("source range");
    r.end_column = in_.u32("source range");
    return r;
  }

  std::vector<ValueId> ids(std::string_view what) {
    uint32_t n = in_.count(fmt::kValueIdBytes, what);
    std::vector<ValueId> out(n);
    for (uint32_t i = 0; i < n; ++i) out[i] = in_.u32(what);
    return out;
  }

  Literal literal(int depth) {
    if (depth > fmt::kMaxLiteralDepth) in_.fail("literal tuples nested too deeply");
    uint8_t tag = in_.u8("literal tag");
    switch (static_cast<LiteralTag>(tag)) {
      case LiteralTag::None:
        return Literal(NoneLiteral{});
      case LiteralTag::False:
        return Literal(false);
      case LiteralTag::True:
        return Literal(true);
      case LiteralTag::Int:
        return Literal(static_cast<int64_t>(in_.u64("int literal")));
      case LiteralTag::Float:
        return Literal(std::bit_cast<double>(in_.u64("float literal")));
      case LiteralTag::String:
        return Literal(string_ref("string literal"));
      case LiteralTag::DType:
        return dtype_literal();
      case LiteralTag::Tuple:
        return tuple_literal(depth);
    }
    in_.fail("unknown literal tag " + std::to_string(tag));
  }

  Literal dtype_literal() {
    uint8_t code = in_.u8("dtype code");
    if (code >= kNumDTypes) in_.fail("dtype code " + std::to_string(code) + " out of range");
    return Literal(static_cast<DType>(code));
  }

  Literal tuple_literal(int depth) {
    uint32_t n = in_.count(fmt::kMinLiteralBytes, "tuple items");
    LiteralTuple items;
    items.reserve(n);
    for (uint32_t i = 0; i < n; ++i) items.push_back(literal(depth + 1));
    return Literal(std::move(items));
  }

  OpCode op_code() {
    const std::string& name = string_ref("op name");
    std::optional<OpCode> code = op_from_name(name);
    if (!code) in_.fail("unknown op '" + name + "' (written by a newer pygraft?)");
    return *code;
  }

  Node node(int depth) {
    Node n;
    n.op = op_code();
    n.range = range();
    n.inputs = ids("node inputs");
    n.outputs = ids("node outputs");
    uint32_t attrs = in_.count(fmt::kMinAttrBytes, "attributes");
    n.attrs.reserve(attrs);
    for (uint32_t i = 0; i < attrs; ++i) {
      std::string name = string_ref("attribute name");
      n.attrs.push_back(Attribute{std::move(name), literal(0)});
    }
    uint32_t regions = in_.count(fmt::kMinRegionBytes, "regions");
    n.regions.reserve(regions);
    for (uint32_t i = 0; i < regions; ++i) n.regions.push_back(region(depth + 1));
    return n;
  }

  Region region(int depth) {
    if (depth > fmt::kMaxRegionDepth)
      in_.fail("regions nested deeper than " + std::to_string(fmt::kMaxRegionDepth));
    Region r;
    r.args = ids("region arguments");
    uint32_t n = in_.count(fmt::kMinNodeBytes, "nodes");
    r.nodes.reserve(n);
    for (uint32_t i = 0; i < n; ++i) r.nodes.push_back(node(depth));
    r.yields = ids("region yields");
    return r;
  }

  void value_count(Function& f) {
    f.num_values = in_.u32("value count");
    total_values_ += f.num_values;
    size_t budget = file_size_ * fmt::kValuesPerFileByte + fmt::kValuesSlack;
    if (f.num_values > fmt::kMaxValuesPerFunction || total_values_ > budget) {
      in_.fail("function '" + f.name + "' declares an absurd number of values (" +
               std::to_string(f.num_values) + ")");
    }
  }

  Parameter parameter() {
    Parameter p;
    p.name = string_ref("parameter name");
    p.range = range();
    uint8_t has_default = in_.u8("parameter default flag");
    if (has_default > 1) in_.fail("bad parameter default flag " + std::to_string(has_default));
    if (has_default == 1) p.default_value = literal(0);
    return p;
  }

  Function function() {
    Function f;
    f.name = string_ref("function name");
    f.range = range();
    value_count(f);
    uint32_t names = in_.count(fmt::kMinStringBytes, "value names");
    if (names != 0 && names != f.num_values)
      in_.fail("value name count differs from the value count");
    f.value_names.reserve(names);
    for (uint32_t i = 0; i < names; ++i) f.value_names.push_back(string_ref("value name"));
    uint32_t params = in_.count(fmt::kMinParamBytes, "parameters");
    f.params.reserve(params);
    for (uint32_t i = 0; i < params; ++i) f.params.push_back(parameter());
    f.body = region(0);
    return f;
  }

  ByteReader in_;
  size_t file_size_;
  size_t total_values_ = 0;
  std::vector<std::string> strings_;
};

std::string summarize(const std::vector<std::string>& problems) {
  std::string out = "invalid graph: " + problems.front();
  if (problems.size() > 1)
    out += " (and " + std::to_string(problems.size() - 1) + " more problems)";
  return out;
}

}  // namespace

LoadResult load_module(std::string_view bytes) {
  LoadResult result;
  Module module;
  try {
    module = ModuleReader(bytes).read();
  } catch (const FormatError& e) {
    result.error = "corrupt graph file: " + e.message;
    return result;
  } catch (const OtherVersion& e) {
    result.error = other_version_message(e.version);
    return result;
  }
  std::vector<std::string> problems = verify_module(module);
  if (!problems.empty()) {
    result.error = summarize(problems);
    return result;
  }
  result.module = std::move(module);
  return result;
}

}  // namespace pygraft
