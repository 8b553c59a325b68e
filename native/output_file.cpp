#include "output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace liaisonctl {

std::string write_atomically(const std::string& path, const std::string& bytes) {
  const std::string temp = path + ".part-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return "cannot write " + path + ": " + std::strerror(errno);
  bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0 &&
                 ::fsync(::fileno(f)) == 0;
  int saved_errno = errno;
  if (std::fclose(f) != 0 && written) {
    written = false;
    saved_errno = errno;
  }
  if (written && std::rename(temp.c_str(), path.c_str()) != 0) {
    written = false;
    saved_errno = errno;
  }
  if (!written) {
    std::remove(temp.c_str());
    return "cannot write " + path + ": " + std::strerror(saved_errno);
  }
  return "";
}

}  // namespace liaisonctl
