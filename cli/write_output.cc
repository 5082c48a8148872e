// Writing a command's output file or stdout (see cli/commands.h).
#include <ostream>

#include "cli/atomic_file.h"
#include "cli/commands.h"

namespace pygraft::cli {

int write_output(const std::string& target, const std::string& bytes, CommandIo& io) {
  if (target == "-") {
    io.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    io.out.flush();
    if (io.out) return kExitOk;
    io.err << "pygraft: error: cannot write to stdout\n";
    return kExitUsage;
  }
  if (std::optional<std::string> error = write_file_atomically(target, bytes)) {
    io.err << "pygraft: error: " << *error << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace pygraft::cli
