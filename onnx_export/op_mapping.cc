#include "onnx_export/op_mapping.h"

#include "onnx_export/emitters.h"

namespace pygraft::onnx_export {

namespace {

// The ops.def column: `no_onnx` or `to_onnx(emitter, "OnnxOp")`.
#define no_onnx \
  OnnxMapping {}
#define to_onnx(emitter, onnx_op) \
  OnnxMapping { &emitter, onnx_op }
constexpr OnnxMapping kMappings[] = {
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) onnx,
#include "graph/ops.def"
#undef PG_OP
};
#undef no_onnx
#undef to_onnx

static_assert(std::size(kMappings) == kNumOpCodes);

}  // namespace

const OnnxMapping& onnx_mapping(OpCode op) {
  return kMappings[static_cast<size_t>(op)];
}

std::string op_display_name(OpCode op) {
  const OpInfo& info = op_info(op);
  if (info.spellings.empty()) return "'" + std::string(info.name) + "'";
  const Spelling& s = info.spellings.front();
  switch (s.kind) {
    case SpellingKind::NumpyFunction:
      return "np." + s.name;
    case SpellingKind::MathFunction:
      return "math." + s.name;
    case SpellingKind::Builtin:
      return s.name + "()";
    case SpellingKind::Method:
      return "." + s.name + "()";
    case SpellingKind::Attribute:
      return "." + s.name;
    default:
      return "'" + s.name + "'";
  }
}

}  // namespace pygraft::onnx_export
