#include "desktop_platform.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/storage.hpp"
#include "host/asset_files.hpp"

extern char** environ;

namespace desktop {
namespace {

constexpr const char* kPreferencesFile = "preferences.json";

// Opens a file with the desktop's default application, without waiting for it: `sh` starts the
// opener in the background and returns at once. $LIAISON_OPEN replaces xdg-open (the
// end-to-end test records the path instead of starting a browser).
bool open_with_default_app(const std::string& path) {
  const char* opener = std::getenv("LIAISON_OPEN");
  const std::string command = std::string(opener && *opener ? opener : "xdg-open") + " \"$1\" >/dev/null 2>&1 &";
  const char* argv[] = {"sh", "-c", command.c_str(), "sh", path.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) return false;
  int status = 0;
  return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

core::Result<std::string> DesktopPlatform::read_asset(const std::string& path) { return read_asset_file(asset_dir_, path); }

core::Result<std::string> DesktopPlatform::open_for_printing(const std::string& name, const std::string& html) {
  const std::filesystem::path folder = std::filesystem::path(data_dir_) / "handouts";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  const std::string path = (folder / (name + ".html")).string();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << html;
    if (!out.flush())
      return core::storage_error("Could not write the handout to " + path + ".");
  }
  if (!open_with_default_app(path))
    return std::string("Handout saved as " + path + ", but no program could open it; open it from there to print.");
  return "Handout opened from " + path + "; print it from there.";
}

core::Result<std::string> DesktopPlatform::read_preferences() {
  if (!std::filesystem::exists(std::filesystem::path(data_dir_) / kPreferencesFile)) return std::string();
  return core::DirectoryStorage(data_dir_).read(kPreferencesFile);
}

// Written to a temporary file, flushed, then renamed over the old one.
core::Status DesktopPlatform::write_preferences(const std::string& text) {
  return core::DirectoryStorage(data_dir_).write_atomic(kPreferencesFile, text);
}

}  // namespace desktop
