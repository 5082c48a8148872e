// The pygraft executable: wires the process's streams into the CLI.
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace {

// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
bool stderr_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  pygraft::cli::CommandIo io{std::cout, std::cerr, stderr_wants_color()};
  try {
    return pygraft::cli::pygraft_main(argc, argv, io);
  } catch (const std::bad_alloc&) {
    std::cerr << "pygraft: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "pygraft: internal error: " << e.what() << "\n";
  }
  return pygraft::cli::kExitUsage;
}
