// Atomic file replacement by temp file + rename (see cli/atomic_file.h).
#include "cli/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace pygraft::cli {
namespace {

std::string errno_message(const std::string& path, int error) {
  return path + ": " + std::strerror(error);
}

// A fresh name beside `path`: same directory, so rename() cannot cross
// file systems.
std::string temp_name_for(const std::string& path, std::mt19937_64& random) {
  std::filesystem::path target(path);
  // Note: built with append() rather than operator+ chains, which trip
  // GCC 12's false-positive -Wrestrict at -O2.
  std::string name = ".";
  name.append(target.filename().string());
  name.append(".tmp-").append(std::to_string(::getpid()));
  name.append("-").append(std::to_string(random() % 1000000000));
  return (target.parent_path() / name).string();
}

// Opens a new temporary file (O_EXCL); the kernel applies the umask to 0666.
int create_temp(const std::string& path, std::string& temp_path) {
  std::mt19937_64 random(std::random_device{}());
  for (int attempt = 0; attempt < 16; ++attempt) {
    temp_path = temp_name_for(path, random);
    int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes) {
  if (path.empty()) return std::string("output path is empty");
  std::string temp_path;
  int fd = create_temp(path, temp_path);
  if (fd < 0) return errno_message(path, errno);
  bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  int write_error = errno;
  bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    ::unlink(temp_path.c_str());
    return errno_message(path, written ? errno : write_error);
  }
  if (std::rename(temp_path.c_str(), path.c_str()) != 0) {
    int rename_error = errno;
    ::unlink(temp_path.c_str());
    return errno_message(path, rename_error);
  }
  return std::nullopt;
}

}  // namespace pygraft::cli
