// Whole-file reads (see cli/file_io.h).
#include "cli/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pygraft::cli {
namespace {

std::string errno_message(const std::string& path, int error) {
  return path + ": " + std::strerror(error);
}

// Closes the descriptor on every path out of read_file.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

Result<std::string> read_file(const std::string& path) {
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return Result<std::string>::failure(errno_message(path, errno));
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) {
    return Result<std::string>::failure(errno_message(path, errno));
  }
  if (S_ISDIR(info.st_mode)) return Result<std::string>::failure(path + ": is a directory");
  // Devices such as /dev/zero never end; pipes and regular files do.
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) {
    return Result<std::string>::failure(path + ": is a device, not a file");
  }
  std::string bytes;
  try {
    char chunk[1 << 16];
    while (true) {
      ssize_t n = ::read(file.get(), chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Result<std::string>::failure(errno_message(path, errno));
      if (n == 0) break;
      bytes.append(chunk, static_cast<size_t>(n));
    }
  } catch (const std::bad_alloc&) {
    return Result<std::string>::failure(path + ": file is too large to read into memory");
  }
  return bytes;
}

}  // namespace pygraft::cli
