#include "cli/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/file_io.h"

namespace pygraft::cli {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pygraft_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  size_t entries() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }

  fs::path dir_;
};

TEST_F(AtomicFileTest, WritesTheBytes) {
  std::string path = (dir_ / "out.bin").string();
  ASSERT_FALSE(write_file_atomically(path, std::string("a\0b", 3)));
  Result<std::string> back = read_file(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), std::string("a\0b", 3));
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ReplacesAnExistingFile) {
  std::string path = (dir_ / "out.txt").string();
  std::ofstream(path) << "old contents that are longer";
  ASSERT_FALSE(write_file_atomically(path, "new"));
  EXPECT_EQ(read_file(path).value(), "new");
}

TEST_F(AtomicFileTest, DirectoryTargetFailsAndLeavesNoTempFile) {
  fs::create_directories(dir_ / "sub");
  std::optional<std::string> error = write_file_atomically((dir_ / "sub").string(), "x");
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("s a directory"), std::string::npos);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, MissingDirectoryFailsWithMessage) {
  std::optional<std::string> error = write_file_atomically((dir_ / "no/such/f").string(), "x");
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("no/such/f"), std::string::npos);
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicFileTest, FailedRenameRemovesTheTempFile) {
  // Renaming a file over a non-empty directory fails after the data was written.
  fs::create_directories(dir_ / "full");
  std::ofstream(dir_ / "full" / "keep") << "x";
  std::string target = (dir_ / "full").string();
  std::optional<std::string> error = write_file_atomically(target, "data");
  ASSERT_TRUE(error);
  EXPECT_EQ(entries(), 1u);
  EXPECT_EQ(static_cast<size_t>(std::distance(fs::directory_iterator(dir_ / "full"), {})), 1u);
}

TEST_F(AtomicFileTest, ReadFileReportsDirectories) {
  Result<std::string> result = read_file(dir_.string());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find("is a directory"), std::string::npos);
}

TEST_F(AtomicFileTest, ReadFileReportsMissingFiles) {
  Result<std::string> result = read_file((dir_ / "missing.py").string());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find("No such file"), std::string::npos);
}

TEST_F(AtomicFileTest, ReadFileRejectsDevices) {
  Result<std::string> result = read_file("/dev/zero");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find("device"), std::string::npos);
}

}  // namespace
}  // namespace pygraft::cli
