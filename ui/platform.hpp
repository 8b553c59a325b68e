// What the interface asks of the shell it runs in, beyond drawing: the files shipped in assets/,
// showing a document to print, and keeping the coordinator's preferences on the device. The
// browser and the desktop each implement it their own way (web/web_platform.cpp,
// native/desktop_platform.cpp); the views never know which.
#pragma once
#include <string>

#include "core/result.hpp"

namespace ui {

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
};

}  // namespace ui
