// What one IR value became in the ONNX graph being built.
#pragma once

#include <string>
#include <vector>

namespace pygraft::onnx_export {

// A tensor (its ONNX value name), a tuple of lowered values, or a
// compile-time value (empty tensor, not a tuple): a Python constant, None, a
// str or a dtype, which the static type holds and emitters materialise as a
// Constant node only where a tensor is needed.
struct Lowered {
  std::string tensor;
  std::vector<Lowered> items;
  bool is_tuple = false;

  static Lowered of(std::string name) { return {std::move(name), {}, false}; }
  static Lowered compile_time() { return {}; }
  static Lowered tuple(std::vector<Lowered> items) { return {{}, std::move(items), true}; }
};

}  // namespace pygraft::onnx_export
