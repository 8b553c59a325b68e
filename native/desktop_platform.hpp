// The desktop's side of ui::Platform: assets from the folder installed beside the executable, and
// printable pages written to the data folder's handouts/ and opened in the default browser, and the
// preferences in preferences.json beside the data folder's files. Files to import are typed paths or
// files dropped on the window; exports are written whole into the data folder's exports/.
#pragma once
#include <string>

#include "ui/platform.hpp"

struct GLFWwindow;

namespace desktop {

class DesktopPlatform : public ui::Platform {
 public:
  DesktopPlatform(std::string asset_dir, std::string data_dir)
      : asset_dir_(std::move(asset_dir)), data_dir_(std::move(data_dir)) {}
  core::Result<std::string> read_asset(const std::string& path) override;
  core::Result<std::string> open_for_printing(const std::string& name, const std::string& html) override;
  core::Result<std::string> read_preferences() override;
  core::Status write_preferences(const std::string& text) override;
  core::Result<std::string> read_user_file(const std::string& path) override;
  std::vector<ui::PickedFile> take_picked_files() override;
  core::Result<std::string> save_export(const std::string& file_name, const std::string& mime_type,
                                        const std::string& text) override;
  // Files dropped on the window are queued for the Import & export screen.
  void listen_for_drops(GLFWwindow* window);

 private:
  std::string asset_dir_;
  std::string data_dir_;
};

}  // namespace desktop
