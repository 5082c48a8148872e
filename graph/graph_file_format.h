// Constants of the graph file format shared by graph_writer.cc and
// graph_reader.cc. docs/graph-format.md is the normative description.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pygraft::graph_format {

inline constexpr std::string_view kMagic{"\x7fPGRAPH\n", 8};

// Literal tags (one byte before each literal).
enum class LiteralTag : uint8_t {
  None = 0,
  False = 1,
  True = 2,
  Int = 3,     // int64, little-endian two's complement
  Float = 4,   // IEEE-754 binary64 bits, little-endian
  String = 5,  // uint32 string-table index
  DType = 6,   // uint8 DType code (graph/dtype.h)
  Tuple = 7,   // uint32 count, then the items
};
inline constexpr uint8_t kMaxLiteralTag = 7;

// Limits the reader enforces (the writer's input never needs more).
inline constexpr int kMaxRegionDepth = 512;
inline constexpr int kMaxLiteralDepth = 64;
inline constexpr uint32_t kMaxValuesPerFunction = 1u << 24;
// Values all functions may declare together: 4 per byte of file plus slack
// (a defined value takes at least 4 bytes, so this leaves room for dead ids).
inline constexpr size_t kValuesPerFileByte = 4;
inline constexpr size_t kValuesSlack = 65536;

// Smallest encoded size of each item, to reject counts that cannot fit in
// the remaining bytes before allocating.
inline constexpr size_t kRangeBytes = 16;
inline constexpr size_t kMinStringBytes = 4;
inline constexpr size_t kMinRegionBytes = 12;
inline constexpr size_t kMinNodeBytes = 4 + kRangeBytes + 16;
inline constexpr size_t kMinFunctionBytes = 4 + kRangeBytes + 12 + kMinRegionBytes;
inline constexpr size_t kMinParamBytes = 4 + kRangeBytes + 1;
inline constexpr size_t kMinAttrBytes = 5;
inline constexpr size_t kMinLiteralBytes = 1;
inline constexpr size_t kValueIdBytes = 4;

}  // namespace pygraft::graph_format
