// DirectoryStorage: plain POSIX calls so that durability is explicit (fsync of the file, and of
// the folder after a rename) and works the same natively and on Emscripten's file systems.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage.hpp"

namespace core {
namespace {

Error os_error(const std::string& what, const std::string& path) {
  return storage_error("Could not " + what + " " + path + ": " + std::strerror(errno) + ".");
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void sync_directory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

Status DirectoryStorage::prepare() {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return storage_error("Could not create the data folder " + dir_ + ": " + ec.message() + ".");
  return Ok{};
}

Result<std::vector<std::string>> DirectoryStorage::list() const {
  std::error_code ec;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file()) names.push_back(it->path().filename().string());
  if (ec) return storage_error("Could not list the data folder " + dir_ + ": " + ec.message() + ".");
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> DirectoryStorage::read(const std::string& name) const {
  int fd = ::open(path(name).c_str(), O_RDONLY);
  if (fd < 0) return os_error("open", path(name));
  std::string bytes;
  // Sized once: grown by doubling, a 2 MiB snapshot chunk was copied about twice over.
  struct stat info;
  if (::fstat(fd, &info) == 0 && info.st_size > 0) bytes.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error e = os_error("read", path(name));
      ::close(fd);
      return e;
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return bytes;
}

Status DirectoryStorage::append(const std::string& name, std::string_view bytes) {
  const std::string file = path(name);
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return os_error("open", file);
  off_t before = ::lseek(fd, 0, SEEK_END);
  if (!write_all(fd, bytes) || ::fsync(fd) != 0) {
    Error e = os_error("write to", file);
    if (before >= 0 && ::ftruncate(fd, before) == 0) ::fsync(fd);  // leave no partial record
    ::close(fd);
    return e;
  }
  ::close(fd);
  if (before == 0) sync_directory(dir_);  // a new file: make its name durable too
  return Ok{};
}

Status DirectoryStorage::write_atomic(const std::string& name, std::string_view bytes) {
  const std::string file = path(name);
  const std::string temp = file + ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return os_error("create", temp);
  if (!write_all(fd, bytes) || ::fsync(fd) != 0) {
    Error e = os_error("write", temp);
    ::close(fd);
    ::unlink(temp.c_str());
    return e;
  }
  ::close(fd);
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    Error e = os_error("replace", file);
    ::unlink(temp.c_str());
    return e;
  }
  sync_directory(dir_);
  return Ok{};
}

Status DirectoryStorage::remove(const std::string& name) {
  if (::unlink(path(name).c_str()) != 0 && errno != ENOENT) return os_error("remove", path(name));
  sync_directory(dir_);
  return Ok{};
}

// The kernel starts reading and returns at once; a file it cannot open is simply not prefetched
// (read() reports the error). Emscripten's file systems are in memory and ignore the advice.
void DirectoryStorage::prefetch(const std::string& name) const {
  int fd = ::open(path(name).c_str(), O_RDONLY);
  if (fd < 0) return;
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
  ::close(fd);
}

}  // namespace core
