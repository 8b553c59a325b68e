// The browser shell: the same interface as the desktop, in a WebGL2 canvas. storage.js has
// already loaded /data from IndexedDB when main() runs; every commit asks it to save again.
// The canvas backing store is CSS size x devicePixelRatio, and the interface scales by the same
// ratio, so text is crisp on HiDPI screens.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "core/session_opening.hpp"
#include "host/glfw_host.hpp"
#include "web_platform.hpp"

namespace {

EM_JS(void, js_request_save, (), { Module['liaisonStorage'].requestSave(); });
EM_JS(int, js_save_state, (), { return Module['liaisonStorage'].state; });
EM_JS(void, js_storage_text, (int which, char* out, int size), {
  var s = Module['liaisonStorage'];
  stringToUTF8(which == 0 ? s.detail : s.note, out, size);
});
EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });
// Browser.setCanvasSize, not glfwSetWindowSize: Emscripten's GLFW asks for full screen whenever
// the requested size equals the screen's, which a maximized window on a HiDPI display can hit.
EM_JS(void, js_set_canvas_size, (int width, int height), { Browser.setCanvasSize(width, height); });
EM_JS(void, js_show_ready, (), { Module['liaisonReady'](); });
EM_JS(void, js_show_failure, (const char* message), { Module['liaisonFailed'](UTF8ToString(message)); });
EM_JS(int, js_test_hook_enabled, (), { return Module['liaisonTestHook'] ? 1 : 0; });
EM_JS(void, js_publish_hook, (const char* json), { globalThis.liaisonTestHook = JSON.parse(UTF8ToString(json)); });

struct WebShell {
  core::DirectoryStorage storage{"/data"};
  core::SystemClock clock;
  GlfwHost host;
  WebPlatform platform;
  std::unique_ptr<ui::App> app;
  bool publish_hook = false;
  std::string last_hook;
  long frame = 0;
};

ui::ShellStatus read_status() {
  ui::ShellStatus status;
  status.save = static_cast<ui::ShellStatus::Save>(js_save_state());
  char text[1024];
  js_storage_text(0, text, sizeof text);
  status.save_detail = text;
  js_storage_text(1, text, sizeof text);
  status.storage_note = text;
  status.online = js_online() != 0;
  return status;
}

// Keeps the canvas backing store at CSS size x devicePixelRatio and the interface at that scale.
void follow_canvas_size(WebShell& shell) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const double ratio = emscripten_get_device_pixel_ratio();
  const int w = static_cast<int>(std::lround(css_w * ratio)), h = static_cast<int>(std::lround(css_h * ratio));
  int current_w = 0, current_h = 0;
  glfwGetWindowSize(shell.host.window(), &current_w, &current_h);
  if (w > 0 && h > 0 && (w != current_w || h != current_h)) js_set_canvas_size(w, h);
  if (std::string problem = shell.host.update_scale(*shell.app, "/fonts", static_cast<float>(ratio)); !problem.empty())
    std::fprintf(stderr, "liaison: error: %s\n", problem.c_str());
}

void run_frame(void* arg) {
  auto& shell = *static_cast<WebShell*>(arg);
  follow_canvas_size(shell);
  shell.host.render_frame(*shell.app, read_status());
  if (shell.frame++ == 1) js_show_ready();
  if (shell.publish_hook) {
    std::string widgets = shell.app->hook().to_json(0, shell.app->scale());
    if (widgets != shell.last_hook) {
      shell.last_hook = widgets;
      js_publish_hook(shell.app->hook().to_json(shell.frame, shell.app->scale()).c_str());
    }
  }
}

}  // namespace

int main() {
  static WebShell shell;
  HostOptions options;
  options.glsl_version = "#version 300 es";
  if (std::string problem = shell.host.open(options); !problem.empty()) {
    js_show_failure(("Liaison could not start its display (WebGL2): " + problem).c_str());
    return 1;
  }
  // The store opens a piece per frame behind a progress bar; every commit asks for a save.
  auto opening = std::make_unique<core::SessionOpening>(shell.storage, shell.clock);
  opening->set_on_committed(js_request_save);
  shell.app = std::make_unique<ui::App>(std::move(opening), shell.platform);
  shell.publish_hook = js_test_hook_enabled() != 0;
  emscripten_set_main_loop_arg(run_frame, &shell, 0, true);
  return 0;
}
