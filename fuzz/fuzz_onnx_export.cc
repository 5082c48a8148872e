// libFuzzer target: bytes -> `compile --emit onnx`: the first line is the
// signature ("f(float32[N], int)"), the rest the source. Whatever the two
// are, the export ends in a model, a signature error or diagnostics, never a
// crash; a model it returns passed the ONNX checker, and exporting the same
// input again gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "pygraft/onnx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const pygraft::api::OnnxOptions options{std::string(input.substr(0, newline)), ""};
  const std::string_view source = input.substr(newline + 1);
  const pygraft::api::OnnxResult first = pygraft::api::export_onnx(source, "fuzz.py", options);
  if (first.ok() && first.has_errors()) {
    std::fprintf(stderr, "a model came with error diagnostics\n");
    std::abort();
  }
  if (first.ok()) {
    const pygraft::api::OnnxResult again = pygraft::api::export_onnx(source, "fuzz.py", options);
    if (again.model != first.model) {
      std::fprintf(stderr, "two exports of one input differ\n");
      std::abort();
    }
  }
  return 0;
}
