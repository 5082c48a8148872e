// Reading whole files for the CLI, with messages a user can act on.
#pragma once

#include <string>

#include "cli/result.h"

namespace pygraft::cli {

// The bytes of `path`. Fails with "PATH: No such file or directory",
// "PATH: is a directory", "PATH: is a device, not a file", "PATH: Permission denied", ... Never
// throws.
Result<std::string> read_file(const std::string& path);

}  // namespace pygraft::cli
