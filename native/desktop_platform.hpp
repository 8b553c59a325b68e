// The desktop's side of ui::Platform: assets from the folder installed beside the executable, and
// printable pages written to the data folder's handouts/ and opened in the default browser, and the
// preferences in preferences.json beside the data folder's files.
#pragma once
#include <string>

#include "ui/platform.hpp"

namespace desktop {

class DesktopPlatform : public ui::Platform {
 public:
  DesktopPlatform(std::string asset_dir, std::string data_dir)
      : asset_dir_(std::move(asset_dir)), data_dir_(std::move(data_dir)) {}
  core::Result<std::string> read_asset(const std::string& path) override;
  core::Result<std::string> open_for_printing(const std::string& name, const std::string& html) override;
  core::Result<std::string> read_preferences() override;
  core::Status write_preferences(const std::string& text) override;

 private:
  std::string asset_dir_;
  std::string data_dir_;
};

}  // namespace desktop
