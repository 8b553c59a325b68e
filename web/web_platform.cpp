#include "web_platform.hpp"

#include <emscripten.h>

#include <filesystem>

#include "core/storage.hpp"
#include "host/asset_files.hpp"

namespace {

constexpr const char* kDataDir = "/data";  // the IDBFS folder storage.js loads and saves
constexpr const char* kPreferencesFile = "preferences.json";

EM_JS(void, js_save_preferences_file, (), { Module['liaisonStorage'].requestSave(); });

// The tab is opened from the frame that handled the click, inside the browser's allowance for
// pop-ups after a user gesture. Returns 0 when the browser blocked it.
EM_JS(int, js_open_for_printing, (const char* name, const char* html), {
  var title = UTF8ToString(name);
  var blob = new Blob([UTF8ToString(html)], {type: 'text/html'});
  var url = URL.createObjectURL(blob);
  var tab = window.open(url, '_blank');
  if (!tab) { URL.revokeObjectURL(url); return 0; }
  tab.addEventListener('load', function () {
    tab.document.title = title;
    tab.focus();
    tab.print();
  });
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  return 1;
});

}  // namespace

core::Result<std::string> WebPlatform::read_asset(const std::string& path) { return read_asset_file("/assets", path); }

core::Result<std::string> WebPlatform::open_for_printing(const std::string& name, const std::string& html) {
  if (!js_open_for_printing(name.c_str(), html.c_str()))
    return core::Error{core::ErrorCode::Invalid,
                       "The browser blocked the handout's tab. Allow pop-ups for Liaison, then print again.", {}};
  return std::string("Handout opened in a new tab for printing.");
}

core::Result<std::string> WebPlatform::read_preferences() {
  if (!std::filesystem::exists(std::filesystem::path(kDataDir) / kPreferencesFile)) return std::string();
  return core::DirectoryStorage(kDataDir).read(kPreferencesFile);
}

// Written atomically in /data, then saved to IndexedDB like a commit (storage.js).
core::Status WebPlatform::write_preferences(const std::string& text) {
  auto written = core::DirectoryStorage(kDataDir).write_atomic(kPreferencesFile, text);
  if (written) js_save_preferences_file();
  return written;
}
