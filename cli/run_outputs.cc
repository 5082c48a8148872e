// .npy files for run's outputs (see cli/run_outputs.h).
#include "cli/run_outputs.h"

#include <filesystem>
#include <regex>
#include <set>

#include "cli/atomic_file.h"
#include "cli/npy.h"

namespace pygraft::cli {
namespace {

namespace fs = std::filesystem;

// Writes `value` (numbered `number`) and the items of a nested tuple, list
// or dict (its values, numbered in order),
// recording each file name written.
std::optional<std::string> write_one(const std::string& dir, const std::string& number,
                                     const rt::Value& value, std::set<std::string>& written) {
  if (value.is<rt::TupleValue>() || value.is_dict()) {
    const std::vector<rt::Value>& items = value.is_dict() ? value.entries().values : value.items();
    for (size_t i = 0; i < items.size(); ++i) {
      if (auto failure = write_one(dir, number + "." + std::to_string(i), items[i], written)) {
        return failure;
      }
    }
    return std::nullopt;
  }
  if (!has_output_file(value)) return std::nullopt;
  std::string path = output_file(dir, number);
  if (auto failure = write_file_atomically(path, encode_npy(rt::to_tensor(value)))) return failure;
  written.insert(number + ".npy");
  return std::nullopt;
}

// Removes the output files of an earlier run that this one did not write.
std::optional<std::string> remove_stale(const std::string& dir,
                                        const std::set<std::string>& written) {
  static const std::regex kOutputName("[0-9]+(\\.[0-9]+)*\\.npy");
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (written.count(name) != 0 || !std::regex_match(name, kOutputName)) continue;
    if (!entry.is_regular_file(error)) continue;
    if (!fs::remove(entry.path(), error) && error) {
      return entry.path().string() +
             ": cannot remove an output of an earlier run: " + error.message();
    }
  }
  if (error) return dir + ": " + error.message();
  return std::nullopt;
}

}  // namespace

bool has_output_file(const rt::Value& value) {
  return value.is_tensor() || value.is_py_scalar();
}

std::string output_file(const std::string& dir, const std::string& number) {
  return (fs::path(dir) / (number + ".npy")).string();
}

std::optional<std::string> write_outputs(const std::string& dir,
                                         const std::vector<rt::Value>& outputs) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return dir + ": " + error.message();
  if (!fs::is_directory(dir, error)) return dir + ": not a directory";
  std::set<std::string> written;
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (auto failure = write_one(dir, std::to_string(i), outputs[i], written)) return failure;
  }
  return remove_stale(dir, written);
}

}  // namespace pygraft::cli
