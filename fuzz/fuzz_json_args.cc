// libFuzzer target: bytes -> the JSON ARG parser behind `pygraft run ARG`.
// A value that parses is also converted to a tensor (nested tuples included).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cli/json_args.h"
#include "runtime/runtime_error.h"
#include "runtime/value.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  pygraft::cli::Result<pygraft::rt::Value> parsed = pygraft::cli::parse_json_arg(text);
  if (!parsed.ok()) return 0;
  try {
    (void)pygraft::rt::to_tensor(parsed.value());
  } catch (const pygraft::rt::RuntimeError&) {
    // Not every value converts (None); the error is the documented outcome.
  }
  return 0;
}
