// Serializes a Module to the graph file format (see graph/graph_file.h and
// docs/graph-format.md). The body is written first while strings are
// interned in first-use order, then the header and string table are
// prepended: same module, same bytes.
#include <bit>
#include <cstring>
#include <unordered_map>

#include "graph/graph_file.h"
#include "graph/graph_file_format.h"

namespace pygraft {
namespace {

using graph_format::LiteralTag;

void put_u32_to(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

class Writer {
 public:
  std::string finish(const Module& module) {
    put_string(module.source_file);
    put_u32(static_cast<uint32_t>(module.functions.size()));
    for (const Function& f : module.functions) function(f);
    std::string out(graph_format::kMagic);
    put_u32_to(out, kGraphFormatVersion);
    put_u32_to(out, static_cast<uint32_t>(strings_.size()));
    for (const std::string& s : strings_) {
      put_u32_to(out, static_cast<uint32_t>(s.size()));
      out += s;
    }
    return out + body_;
  }

 private:
  void put_u8(uint8_t v) { body_.push_back(static_cast<char>(v)); }
  void put_u32(uint32_t v) { put_u32_to(body_, v); }
  void put_u64(uint64_t v) {
    put_u32(static_cast<uint32_t>(v));
    put_u32(static_cast<uint32_t>(v >> 32));
  }
  void put_count(size_t n) { put_u32(static_cast<uint32_t>(n)); }

  void put_string(const std::string& s) {
    // Note: look up before inserting; emplace would build a node (a string
    // copy) for every repeat of "value", "name", ...
    auto it = index_.find(s);
    if (it == index_.end()) {
      it = index_.emplace(s, static_cast<uint32_t>(strings_.size())).first;
      strings_.push_back(s);
    }
    put_u32(it->second);
  }

  void put_range(const SourceRange& r) {
    put_u32(r.line);
    put_u32(r.column);
    put_u32(r.end_line);
    put_u32(r.end_column);
  }

  void put_ids(const std::vector<ValueId>& ids) {
    put_count(ids.size());
    for (ValueId v : ids) put_u32(v);
  }

  void literal(const Literal& lit) {
    std::visit([this](const auto& v) { literal_payload(v); }, lit.storage());
  }
  void literal_payload(NoneLiteral) { put_u8(static_cast<uint8_t>(LiteralTag::None)); }
  void literal_payload(bool v) {
    put_u8(static_cast<uint8_t>(v ? LiteralTag::True : LiteralTag::False));
  }
  void literal_payload(int64_t v) {
    put_u8(static_cast<uint8_t>(LiteralTag::Int));
    put_u64(static_cast<uint64_t>(v));
  }
  void literal_payload(double v) {
    put_u8(static_cast<uint8_t>(LiteralTag::Float));
    put_u64(std::bit_cast<uint64_t>(v));
  }
  void literal_payload(const std::string& v) {
    put_u8(static_cast<uint8_t>(LiteralTag::String));
    put_string(v);
  }
  void literal_payload(DType v) {
    put_u8(static_cast<uint8_t>(LiteralTag::DType));
    put_u8(static_cast<uint8_t>(v));
  }
  void literal_payload(const LiteralTuple& v) {
    put_u8(static_cast<uint8_t>(LiteralTag::Tuple));
    put_count(v.size());
    for (const Literal& item : v) literal(item);
  }

  void region(const Region& r) {
    put_ids(r.args);
    put_count(r.nodes.size());
    for (const Node& n : r.nodes) node(n);
    put_ids(r.yields);
  }

  void node(const Node& n) {
    put_string(std::string(op_info(n.op).name));
    put_range(n.range);
    put_ids(n.inputs);
    put_ids(n.outputs);
    put_count(n.attrs.size());
    for (const Attribute& a : n.attrs) {
      put_string(a.name);
      literal(a.value);
    }
    put_count(n.regions.size());
    for (const Region& r : n.regions) region(r);
  }

  void function(const Function& f) {
    put_string(f.name);
    put_range(f.range);
    put_u32(f.num_values);
    put_count(f.value_names.size());
    for (const std::string& name : f.value_names) put_string(name);
    put_count(f.params.size());
    for (const Parameter& p : f.params) {
      put_string(p.name);
      put_range(p.range);
      put_u8(p.default_value ? 1 : 0);
      if (p.default_value) literal(*p.default_value);
    }
    region(f.body);
  }

  std::string body_;
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> index_;
};

}  // namespace

std::string serialize_module(const Module& module) {
  return Writer().finish(module);
}

}  // namespace pygraft
