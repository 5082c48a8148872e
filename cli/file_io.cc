// Whole-file reads (see cli/file_io.h); the work is the compiler library's.
#include "cli/file_io.h"

#include "api/read_file.h"

namespace pygraft::cli {

Result<std::string> read_file(const std::string& path) {
  std::string bytes;
  if (std::optional<std::string> error = api::detail::read_whole_file(path, bytes)) {
    return Result<std::string>::failure(*error);
  }
  return bytes;
}

}  // namespace pygraft::cli
