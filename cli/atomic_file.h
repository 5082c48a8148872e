// Writing output files so that a reader never sees a partial one: the bytes
// go to a temporary file in the destination's directory, which is renamed
// over the destination only after every byte was written and flushed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pygraft::cli {

// Writes `bytes` to `path` atomically. Returns nullopt on success, else a
// message naming the path; on failure the temporary file is removed and
// `path` is left as it was. The new file gets mode 0666 minus the umask.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace pygraft::cli
