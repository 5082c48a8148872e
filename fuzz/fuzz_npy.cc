// libFuzzer target: bytes -> the .npy reader behind `run @path.npy`. A file
// that parses must encode back to bytes that parse to the same shape.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  pygraft::cli::Result<pygraft::rt::Tensor> parsed = pygraft::cli::parse_npy(bytes);
  if (!parsed.ok()) return 0;
  std::string encoded = pygraft::cli::encode_npy(parsed.value());
  pygraft::cli::Result<pygraft::rt::Tensor> again = pygraft::cli::parse_npy(encoded);
  if (!again.ok() || again.value().shape() != parsed.value().shape()) {
    std::fprintf(stderr, "encode_npy output does not parse back\n");
    std::abort();
  }
  return 0;
}
