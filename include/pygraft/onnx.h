// pygraft's ONNX exporter as a library: Python source text and a signature
// in, an ONNX model (opset 17) and structured diagnostics out.
//
//   pygraft::api::OnnxResult r = pygraft::api::export_onnx_file(
//       "model.py", {"rnn(float32[T,H], float32[H,H], int)"});
//   if (r.ok()) write(r.model);  // else r.signature_error or r.diagnostics
//
// The model has one input per type in the signature, named after the
// parameters (the remaining parameters keep their defaults), outputs
// output_0..n (a returned tuple gives several), and passed the ONNX checker
// with shape inference. Deterministic: the same source and signature give
// the same bytes. Link pygraft::onnx (it brings protobuf and libonnx; the
// compiler and runtime libraries do not). Nothing here throws for bad input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pygraft/compiler.h"

namespace pygraft::api {

struct OnnxOptions {
  // "fn(float32[T,H], int)": the function and the types of its leading
  // arguments (docs/onnx.md). int / float / bool are Python numbers, a dtype
  // with [dims] an array, named dims symbolic, `?` unknown. Without the name,
  // "(float32[T], int)", the function is `entry`; an empty signature gives
  // no types (every parameter then needs a default).
  std::string signature;
  // The function when the signature does not name one; empty: the file's
  // only function.
  std::string entry;
};

struct OnnxResult {
  std::optional<std::string> io_error;         // the file could not be read
  std::optional<std::string> signature_error;  // the signature is malformed or names no function
  std::string file;
  std::string source;
  std::vector<Diagnostic> diagnostics;  // the front end's, then the exporter's (PG07xx)
  std::string model;                    // the serialized ModelProto; empty unless ok()

  bool ok() const { return !model.empty(); }
  bool has_errors() const;
};

OnnxResult export_onnx(std::string_view source, std::string_view file, const OnnxOptions& options);
OnnxResult export_onnx_file(const std::string& path, const OnnxOptions& options);

// The ONNX opset the exported models import.
int onnx_opset_version();

}  // namespace pygraft::api
