// The browser's side of ui::Platform: assets from the preloaded /assets folder, and printable
// pages opened in a new tab (kept in memory as a Blob, so it works offline) with the print dialog,
// and the preferences in /data/preferences.json, saved to IndexedDB with the store's files. Files to
// import come from an <input type=file> made on demand, written into /picked by JS and handed over
// once read; exports leave as a download (a Blob and a link with the download attribute).
#pragma once
#include "ui/platform.hpp"

class WebPlatform : public ui::Platform {
 public:
  core::Result<std::string> read_asset(const std::string& path) override;
  core::Result<std::string> open_for_printing(const std::string& name, const std::string& html) override;
  core::Result<std::string> read_preferences() override;
  core::Status write_preferences(const std::string& text) override;
  bool has_file_picker() const override { return true; }
  bool pick_files(const std::string& accept) override;
  std::vector<ui::PickedFile> take_picked_files() override;
  core::Result<std::string> save_export(const std::string& file_name, const std::string& mime_type,
                                        const std::string& text) override;
};
