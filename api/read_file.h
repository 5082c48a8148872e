// Whole-file reads with messages a user can act on, shared by the compiler
// library (compile_file) and the CLI (cli/file_io.h).
#pragma once

#include <optional>
#include <string>

namespace pygraft::api::detail {

// Reads `path` into `bytes`. Returns nullopt on success, else a message
// such as "PATH: No such file or directory", "PATH: is a directory" or
// "PATH: is a device, not a file". Never throws.
std::optional<std::string> read_whole_file(const std::string& path, std::string& bytes);

}  // namespace pygraft::api::detail
