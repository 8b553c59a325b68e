// The browser's side of ui::Platform: assets from the preloaded /assets folder, and printable
// pages opened in a new tab (kept in memory as a Blob, so it works offline) with the print dialog,
// and the preferences in /data/preferences.json, saved to IndexedDB with the store's files.
#pragma once
#include "ui/platform.hpp"

class WebPlatform : public ui::Platform {
 public:
  core::Result<std::string> read_asset(const std::string& path) override;
  core::Result<std::string> open_for_printing(const std::string& name, const std::string& html) override;
  core::Result<std::string> read_preferences() override;
  core::Status write_preferences(const std::string& text) override;
};
