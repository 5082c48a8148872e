// Whole-file reads (see api/read_file.h).
#include "api/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>

namespace pygraft::api::detail {
namespace {

std::string errno_message(const std::string& path, int error) {
  return path + ": " + std::strerror(error);
}

// Closes the descriptor on every path out of read_whole_file.
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

std::optional<std::string> read_all(int fd, const std::string& path, std::string& bytes) {
  try {
    char chunk[1 << 16];
    while (true) {
      ssize_t n = ::read(fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return errno_message(path, errno);
      if (n == 0) return std::nullopt;
      bytes.append(chunk, static_cast<size_t>(n));
    }
  } catch (const std::bad_alloc&) {
    return path + ": file is too large to read into memory";
  }
}

}  // namespace

std::optional<std::string> read_whole_file(const std::string& path, std::string& bytes) {
  bytes.clear();
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return errno_message(path, errno);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return errno_message(path, errno);
  if (S_ISDIR(info.st_mode)) return path + ": is a directory";
  // Devices such as /dev/zero never end; pipes and regular files do.
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) return path + ": is a device, not a file";
  return read_all(file.get(), path, bytes);
}

}  // namespace pygraft::api::detail
