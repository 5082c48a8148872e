// .npy files for run's outputs (see cli/run_outputs.h).
#include "cli/run_outputs.h"

#include <filesystem>

#include "cli/atomic_file.h"
#include "cli/npy.h"

namespace pygraft::cli {

std::optional<std::string> write_outputs(const std::string& dir,
                                         const std::vector<rt::Value>& outputs) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return dir + ": " + error.message();
  if (!std::filesystem::is_directory(dir, error)) return dir + ": not a directory";
  for (size_t i = 0; i < outputs.size(); ++i) {
    const rt::Value& value = outputs[i];
    std::string path = (std::filesystem::path(dir) / std::to_string(i)).string();
    if (value.is<rt::TupleValue>()) {
      if (auto failure = write_outputs(path, value.items())) return failure;
    } else if (value.is_tensor() || value.is_py_scalar()) {
      if (auto failure = write_file_atomically(path + ".npy", encode_npy(rt::to_tensor(value)))) {
        return failure;
      }
    }
  }
  return std::nullopt;
}

}  // namespace pygraft::cli
