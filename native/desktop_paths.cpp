#include "desktop_paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace desktop {

std::string default_data_dir() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/liaison";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/liaison";
}

namespace {
std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(".") : exe.parent_path();
}
}  // namespace

std::string asset_dir() { return (executable_dir() / "assets").string(); }

std::string font_dir() {
  std::error_code ec;
  const auto beside = executable_dir() / "fonts";
  if (std::filesystem::exists(beside / "NotoSans-Regular.ttf", ec)) return beside.string();
  return "/usr/share/fonts/truetype/noto";
}

}  // namespace desktop
