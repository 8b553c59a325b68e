#include "web_platform.hpp"

#include <emscripten.h>

#include "host/asset_files.hpp"

namespace {

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
