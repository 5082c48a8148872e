// Helpers for the ONNX exporter tests: sources lowered as the exporter
// lowers them, and short spellings of static types.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/static_types.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {

inline StaticDim size(int64_t n) {
  return StaticDim{n, ""};
}
inline StaticDim named(const std::string& name) {
  return StaticDim{-1, name};
}
inline StaticType f32(std::vector<StaticDim> dims) {
  return StaticType::array(DType::Float32, std::move(dims));
}

// Lowered without the runtime-only fusions, as api/onnx_export.cc lowers.
inline Lowered lower_for_onnx(std::string_view source) {
  LowerOptions options;
  options.runtime_fusions = false;
  Lowered out = lower_source(source, options);
  EXPECT_FALSE(out.has_errors()) << out.describe();
  return out;
}

// Points every call to `from` at `to`. The front end refuses recursion
// (PG0308), so a recursive module is made from a lowered one by hand.
inline void retarget_calls(Region& region, const std::string& from, const std::string& to) {
  for (Node& node : region.nodes) {
    for (Attribute& attr : node.attrs) {
      if (node.op == OpCode::Call && attr.name == "callee" &&
          attr.value.as<std::string>() == from) {
        attr.value = Literal(to);
      }
    }
    for (Region& inner : node.regions) retarget_calls(inner, from, to);
  }
}

inline void retarget_calls(Module& module, const std::string& from, const std::string& to) {
  for (Function& f : module.functions) retarget_calls(f.body, from, to);
}

}  // namespace pygraft::testing
