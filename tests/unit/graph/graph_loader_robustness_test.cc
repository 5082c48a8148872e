// The loader rejects bad bytes cleanly (run under ASan/UBSan): truncations,
// byte flips, wrong version and magic, huge counts, deep nesting.
#include <gtest/gtest.h>

#include <random>

#include "graph/graph_file.h"
#include "ir_samples.h"

namespace pygraft {
namespace {

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::string header(uint32_t version = kGraphFormatVersion) {
  std::string out("\x7fPGRAPH\n", 8);
  put_u32(out, version);
  return out;
}

void expect_error(std::string_view bytes, const std::string& needle) {
  LoadResult r = load_module(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.find(needle), std::string::npos) << r.error;
}

TEST(GraphLoader, EveryTruncationIsRejected) {
  std::string bytes = serialize_module(testing::sample_module());
  for (size_t n = 0; n < bytes.size(); ++n) {
    LoadResult r = load_module(std::string_view(bytes).substr(0, n));
    EXPECT_FALSE(r.ok()) << "prefix " << n;
    EXPECT_FALSE(r.error.empty());
  }
}

TEST(GraphLoader, ByteFlipsNeverCrash) {
  std::string bytes = serialize_module(testing::sample_module());
  std::mt19937 rng(1234);
  for (size_t pos = 0; pos < bytes.size(); ++pos) {
    for (uint8_t mask : {0x01, 0x80, 0xff}) {
      std::string copy = bytes;
      copy[pos] = static_cast<char>(copy[pos] ^ mask);
      LoadResult r = load_module(copy);
      EXPECT_TRUE(r.ok() || !r.error.empty());
    }
    std::string copy = bytes;
    copy[pos] = static_cast<char>(rng());
    load_module(copy);
  }
}

TEST(GraphLoader, RandomMultiByteCorruptionNeverCrashes) {
  std::string bytes = serialize_module(testing::sample_module());
  std::mt19937 rng(99);
  for (int round = 0; round < 2000; ++round) {
    std::string copy = bytes;
    for (int k = 0; k < 4; ++k) copy[rng() % copy.size()] = static_cast<char>(rng());
    LoadResult r = load_module(copy);
    EXPECT_TRUE(r.ok() || !r.error.empty());
  }
}

TEST(GraphLoader, TrailingGarbage) {
  expect_error(serialize_module(Module{}) + "x", "trailing garbage");
}

TEST(GraphLoader, BadMagic) {
  std::string bytes = serialize_module(Module{});
  bytes[1] = 'X';
  expect_error(bytes, "bad magic");
  expect_error("", "truncated magic");
}

TEST(GraphLoader, WrongVersion) {
  std::string bytes = serialize_module(Module{});
  bytes[8] = 2;
  expect_error(bytes, "version 2 (written by a newer pygraft) is not supported: this pygraft reads "
                      "version 1");
  EXPECT_EQ(load_module(bytes).error.find("corrupt"), std::string::npos);  // it is not
}

TEST(GraphLoader, HugeStringCount) {
  std::string bytes = header();
  put_u32(bytes, 0xffffffffu);
  expect_error(bytes, "count of strings");
}

TEST(GraphLoader, HugeStringLength) {
  std::string bytes = header();
  put_u32(bytes, 1);
  put_u32(bytes, 0x7fffffffu);
  expect_error(bytes, "truncated string");
}

// A file with one string table entry `name` and one function "f" whose
// header is written by the caller.
std::string one_function_prefix(uint32_t num_values) {
  std::string bytes = header();
  put_u32(bytes, 1);  // strings: "f"
  put_u32(bytes, 1);
  bytes += "f";
  put_u32(bytes, 0);  // source file
  put_u32(bytes, 1);  // one function
  put_u32(bytes, 0);  // name "f"
  for (int i = 0; i < 4; ++i) put_u32(bytes, 0);
  put_u32(bytes, num_values);
  put_u32(bytes, 0);  // no value names
  put_u32(bytes, 0);  // no params
  return bytes;
}

TEST(GraphLoader, AbsurdValueCount) {
  std::string bytes = one_function_prefix(0xfffffff0u);
  for (int i = 0; i < 3; ++i) put_u32(bytes, 0);
  expect_error(bytes, "absurd number of values");
}

TEST(GraphLoader, HugeNodeCount) {
  std::string bytes = one_function_prefix(1);
  put_u32(bytes, 0);            // no args
  put_u32(bytes, 0x10000000u);  // nodes
  bytes += std::string(64, '\0');
  expect_error(bytes, "count of nodes");
}

TEST(GraphLoader, UnknownOp) {
  std::string bytes = serialize_module(testing::sample_module());
  size_t pos = bytes.find("add_one");
  ASSERT_NE(pos, std::string::npos);
  std::string bad = bytes;
  // Rename the string "add" (an op name) to "adX" wherever it is its own entry.
  size_t add =
      bad.find(std::string("\x03\x00\x00\x00"
                           "add",
                           7));
  ASSERT_NE(add, std::string::npos);
  bad[add + 6] = 'X';
  expect_error(bad, "unknown op 'adX'");
}

TEST(GraphLoader, BadDTypeCode) {
  Module m = testing::sample_module();
  m.functions[1].body.nodes[0].attrs[0].value = Literal(DType::Float64);
  std::string bytes = serialize_module(m);
  size_t pos = bytes.find(std::string("\x06\x04", 2));
  ASSERT_NE(pos, std::string::npos);
  bytes[pos + 1] = 12;
  expect_error(bytes, "dtype code 12 out of range");
}

TEST(GraphLoader, UseBeforeDefinitionIsInvalid) {
  Module m = testing::sample_module();
  std::swap(m.functions[1].body.nodes[0], m.functions[1].body.nodes[1]);
  expect_error(serialize_module(m), "invalid graph: function 'add_one'");
}

TEST(GraphLoader, ValueIdOutOfRange) {
  Module m = testing::sample_module();
  m.functions[1].body.yields = {1000};
  expect_error(serialize_module(m), "out of range");
}

TEST(GraphLoader, BadArity) {
  Module m = testing::sample_module();
  m.functions[1].body.nodes[1].inputs.push_back(0);
  expect_error(serialize_module(m), "expected 2 operands, got 3");
}

// cond regions nested `depth` deep, each yielding the predicate.
Module nested_conds(int depth) {
  Function f;
  f.name = "deep";
  f.params.push_back({"p", std::nullopt, {}});
  ValueId p = f.new_value("p");
  f.body.args = {p};
  Region* region = &f.body;
  for (int i = 0; i < depth; ++i) {
    ValueId out = f.new_value();
    Node cond = testing::make_node(OpCode::Cond, {p}, {out});
    cond.regions.resize(2);
    cond.regions[1].yields = {p};
    region->nodes.push_back(std::move(cond));
    region->yields = {out};
    region = &region->nodes.back().regions[0];
  }
  region->yields = {p};
  Module m;
  m.functions.push_back(std::move(f));
  return m;
}

TEST(GraphLoader, ModerateNestingLoads) {
  LoadResult r = load_module(serialize_module(nested_conds(100)));
  EXPECT_TRUE(r.ok()) << r.error;
}

TEST(GraphLoader, DeepNestingIsRejected) {
  expect_error(serialize_module(nested_conds(600)), "nested deeper than 512");
}

TEST(GraphLoader, DeepLiteralTuplesAreRejected) {
  Literal lit(int64_t{1});
  for (int i = 0; i < 100; ++i) lit = Literal(LiteralTuple{lit});
  Module m = testing::sample_module();
  m.functions[1].body.nodes[0].attrs[0].value = lit;
  expect_error(serialize_module(m), "nested too deeply");
}

}  // namespace
}  // namespace pygraft
