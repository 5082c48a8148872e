// One function of a module, typed for a signature, to an ONNX model
// (opset 17): calls inlined, conds as If, loops as Loop, every other op
// through its op-table mapping (onnx_export/op_mapping.h). The model passes
// the ONNX checker with shape inference before its bytes are returned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/ir.h"
#include "graph/static_types.h"
#include "support/diagnostic.h"

namespace pygraft::onnx_export {

inline constexpr int kOnnxOpset = 17;
inline constexpr int kOnnxIrVersion = 8;

struct ExportRequest {
  std::string entry;             // the function to export
  std::vector<StaticType> args;  // the leading parameters' types; the rest take their defaults
  std::string file_label;        // "model.py": node names and doc strings say where they came from
  std::string producer_version;  // pygraft's version
};

struct ExportOutcome {
  std::optional<std::string> model;     // the serialized ModelProto, deterministic bytes
  std::vector<Diagnostic> diagnostics;  // in source order; an error means no model
};

ExportOutcome export_function(const Module& module, const ExportRequest& request);

}  // namespace pygraft::onnx_export
