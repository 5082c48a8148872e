// The ONNX column of the op table (graph/ops.def): for each op, the emitter
// that writes its ONNX nodes and the ONNX operator it maps to; ops without
// one are refused with PG0701 when an exported function reaches them.
#pragma once

#include <string>
#include <string_view>

#include "graph/op_table.h"
#include "onnx_export/emit_context.h"

namespace pygraft::onnx_export {

using Emitter = void (*)(EmitContext&);

struct OnnxMapping {
  Emitter emit = nullptr;
  std::string_view onnx_op;  // for docs and the generic emitters
};

const OnnxMapping& onnx_mapping(OpCode op);

// How the source spells the op, for messages: "np.sum", ".reshape()",
// "'//'", "print()".
std::string op_display_name(OpCode op);

}  // namespace pygraft::onnx_export
