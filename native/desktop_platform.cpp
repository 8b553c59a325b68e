#include "desktop_platform.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include "core/fhir/fhir_input.hpp"
#include "core/storage.hpp"
#include "host/asset_files.hpp"

extern char** environ;

namespace desktop {
namespace {

constexpr const char* kPreferencesFile = "preferences.json";

std::vector<std::string> dropped_paths;  // GLFW calls back without a user pointer we could use

void on_drop(GLFWwindow*, int count, const char** paths) {
  for (int i = 0; i < count; ++i) dropped_paths.emplace_back(paths[i]);
}

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

// Refuses what is not a regular file, or is larger than the importer reads.
core::Result<std::string> DesktopPlatform::read_user_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return core::Error{core::ErrorCode::NotFound, "There is no file at " + path + ".", {}};
  if (std::filesystem::file_size(path, ec) > core::fhir::kMaxFileBytes)
    return core::Error{core::ErrorCode::Invalid, path + " is too large to import.", {}};
  std::ifstream in(path, std::ios::binary);
  std::string bytes(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) return core::storage_error("Could not read " + path + ".");
  return bytes;
}

void DesktopPlatform::listen_for_drops(GLFWwindow* window) { glfwSetDropCallback(window, on_drop); }

// A dropped file that cannot be read comes with no bytes; the import then names it in its message.
std::vector<ui::PickedFile> DesktopPlatform::take_picked_files() {
  std::vector<ui::PickedFile> out;
  for (const std::string& path : std::exchange(dropped_paths, {})) {
    auto bytes = read_user_file(path);
    out.push_back({std::filesystem::path(path).filename().string(), bytes ? std::move(bytes.value()) : std::string()});
  }
  return out;
}

// Written to a temporary file, flushed, then renamed: a reader sees the old file or the whole new one.
core::Result<std::string> DesktopPlatform::save_export(const std::string& file_name, const std::string&,
                                                       const std::string& text) {
  const std::filesystem::path folder = std::filesystem::path(data_dir_) / "exports";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (auto written = core::DirectoryStorage(folder.string()).write_atomic(file_name, text); !written) return written.error();
  return "Saved as " + (folder / file_name).string() + ".";
}

}  // namespace desktop
