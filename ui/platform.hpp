// What the interface asks of the shell it runs in, beyond drawing: the files shipped in assets/,
// showing a document to print, keeping the coordinator's preferences on the device, and the files
// the coordinator imports and exports. The browser and the desktop each implement it their own way
// (web/web_platform.cpp, native/desktop_platform.cpp); the views never know which.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"

namespace ui {

// A file the coordinator chose to import.
struct PickedFile {
  std::string name;   // as shown to the coordinator, e.g. "patient.json"
  std::string bytes;
};

class Platform {
 public:
  virtual ~Platform() = default;
  // The text of a file from assets/, by its path there (e.g. "handout/es.html").
  virtual core::Result<std::string> read_asset(const std::string& path) = 0;
  // Puts an HTML page in front of the coordinator, ready to print: the browser opens it in a new
  // tab with the print dialog, the desktop writes it to a file and opens that. `name` is a file
  // name without extension. The value is a sentence for the status line, e.g. where it was saved.
  virtual core::Result<std::string> open_for_printing(const std::string& name, const std::string& html) = 0;
  // The coordinator's preferences on this device (core/preferences.hpp) as saved text: "" when none
  // were saved yet. Written whole (a crash leaves the old text or the new, never half).
  virtual core::Result<std::string> read_preferences() = 0;
  virtual core::Status write_preferences(const std::string& text) = 0;

  // ---- files the coordinator imports and exports (views/import_export_view.cpp) ----
  // Opens the browser's file picker for files to import (`accept`: e.g. ".json,.ndjson"); the
  // files arrive later through take_picked_files(). False where there is no picker (the desktop
  // takes a typed path, or files dropped on its window).
  virtual bool has_file_picker() const { return false; }
  virtual bool pick_files(const std::string& accept) {
    (void)accept;
    return false;
  }
  // The files picked or dropped on the window since the last call, each with its name and bytes.
  virtual std::vector<PickedFile> take_picked_files() { return {}; }
  // The bytes of a file at a path the coordinator typed.
  virtual core::Result<std::string> read_user_file(const std::string& path) {
    return core::Error{core::ErrorCode::NotFound, "Files cannot be opened by path here; choose one instead (" + path + ").", {}};
  }
  // Hands an exported file to the coordinator: a download in the browser, a file written whole into
  // the data folder's exports/ on the desktop. The value is a sentence for the status line saying where.
  virtual core::Result<std::string> save_export(const std::string& file_name, const std::string& mime_type,
                                                const std::string& text) {
    (void)file_name, (void)mime_type, (void)text;
    return core::Error{core::ErrorCode::Invalid, "Exports cannot be saved here.", {}};
  }
};

}  // namespace ui
