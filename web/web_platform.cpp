#include "web_platform.hpp"

#include <emscripten.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

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

// An <input type=file> made for one choice and clicked from the frame that handled the button, inside
// the browser's allowance after a user gesture. Once every chosen file is read, each is written to
// /picked/<n> and {path, name} queued in Module.liaisonPicked for take_picked_files().
EM_JS(void, js_pick_files, (const char* accept), {
  var input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = UTF8ToString(accept);
  input.style.display = 'none';
  document.body.appendChild(input);
  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files || []);
    input.remove();
    Promise.all(files.map(function (f) {
      return f.arrayBuffer().then(function (buffer) { return {name: f.name, bytes: new Uint8Array(buffer)}; });
    })).then(function (read) {
      if (!FS.analyzePath('/picked').exists) FS.mkdir('/picked');
      var queue = Module['liaisonPicked'] || (Module['liaisonPicked'] = []);
      read.forEach(function (file) {
        Module['liaisonPickedCount'] = (Module['liaisonPickedCount'] || 0) + 1;
        var path = '/picked/' + Module['liaisonPickedCount'];
        FS.writeFile(path, file.bytes);
        queue.push({path: path, name: file.name});
      });
    }, function (err) { console.error('Liaison: a chosen file could not be read:', err); });
  });
  input.click();
});
// The queued files as JSON, taken in two calls (its length, then the text) so no memory is handed
// across.
EM_JS(int, js_picked_length, (), {
  var queue = Module['liaisonPicked'] || [];
  return queue.length ? lengthBytesUTF8(JSON.stringify(queue)) + 1 : 0;
});
EM_JS(void, js_take_picked, (char* out, int size), {
  stringToUTF8(JSON.stringify(Module['liaisonPicked'] || []), out, size);
  Module['liaisonPicked'] = [];
});
// A download made from the bytes in wasm memory: a Blob, and a link with the download attribute.
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
  var blob = new Blob([HEAPU8.slice(data, data + size)], {type: UTF8ToString(mime)});
  var url = URL.createObjectURL(blob);
  var link = document.createElement('a');
  link.href = url;
  link.download = UTF8ToString(name);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
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

bool WebPlatform::pick_files(const std::string& accept) {
  js_pick_files(accept.c_str());
  return true;
}

// Each file read from /picked, then removed: the bytes now live in the interface's list.
std::vector<ui::PickedFile> WebPlatform::take_picked_files() {
  std::vector<ui::PickedFile> out;
  const int length = js_picked_length();
  if (length == 0) return out;
  std::string text(static_cast<std::size_t>(length), '\0');
  js_take_picked(text.data(), length);
  if (const std::size_t end = text.find('\0'); end != std::string::npos) text.resize(end);
  const nlohmann::json queue = nlohmann::json::parse(text, nullptr, false);
  if (!queue.is_array()) return out;
  for (const nlohmann::json& file : queue) {
    const std::string path = file.value("path", "");
    std::ifstream in(path, std::ios::binary);
    out.push_back({file.value("name", "file"), std::string(std::istreambuf_iterator<char>(in), {})});
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  return out;
}

core::Result<std::string> WebPlatform::save_export(const std::string& file_name, const std::string& mime_type,
                                                   const std::string& text) {
  js_download(file_name.c_str(), mime_type.c_str(), text.data(), static_cast<int>(text.size()));
  return "Downloaded as " + file_name + " (see the browser's downloads).";
}
