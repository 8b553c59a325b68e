// The desktop app (`liaison`): opens the data folder (showing progress in the window), then runs
// the shared interface in a GLFW window until the coordinator closes it or presses Ctrl+Q. Every commit is on disk (fsync)
// before the interface shows it, so closing never loses data.
#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>

#include <cstdio>
#include <fstream>

#include "core/session_opening.hpp"
#include "desktop_paths.hpp"
#include "desktop_platform.hpp"
#include "host/glfw_host.hpp"

namespace {

// Writes the widget rectangles for end-to-end tests, atomically, whenever they change.
class HookFile {
 public:
  explicit HookFile(std::string path) : path_(std::move(path)) {}
  void publish(const ui::App& app, long frame) {
    if (path_.empty()) return;
    std::string widgets = app.hook().to_json(0, 1.0f);
    if (widgets == last_) return;
    last_ = widgets;
    { std::ofstream(path_ + ".tmp", std::ios::trunc) << app.hook().to_json(frame, 1.0f); }
    std::rename((path_ + ".tmp").c_str(), path_.c_str());
  }

 private:
  std::string path_;
  std::string last_;
};

float content_scale(GLFWwindow* window) {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window, &x, &y);
  return x > 0.5f ? x : 1.0f;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Liaison: the care coordinator's workstation"};
  std::string data_dir = desktop::default_data_dir();
  std::string hook_path;
  cli.add_option("--data", data_dir, "Data folder")->capture_default_str();
  cli.add_option("--test-hook", hook_path, "Write on-screen widget positions here (end-to-end tests)");
  CLI11_PARSE(cli, argc, argv);

  core::DirectoryStorage storage(data_dir);
  core::SystemClock clock;
  if (auto prepared = storage.prepare(); !prepared) {
    std::fprintf(stderr, "liaison: error: %s\n", prepared.error().message.c_str());
    return 1;
  }
  GlfwHost host;
  if (std::string problem = host.open(HostOptions{}); !problem.empty()) {
    std::fprintf(stderr, "liaison: error: %s\n", problem.c_str());
    return 1;
  }
  desktop::DesktopPlatform platform(desktop::asset_dir(), data_dir);
  platform.listen_for_drops(host.window());
  // The store opens a piece per frame behind a progress bar (ui/views/opening_screen.cpp).
  ui::App app(std::make_unique<core::SessionOpening>(storage, clock), platform);
  ui::ShellStatus status;
  status.storage_note = "Data folder: " + data_dir;
  HookFile hook(hook_path);
  const std::string fonts = desktop::font_dir();
  for (long frame = 0; !glfwWindowShouldClose(host.window()) && !app.quit_requested(); ++frame) {
    // Idle at a few frames a second, wake at once on input; no waiting while long work goes on.
    if (host.input_pending() || app.working()) glfwPollEvents(); else glfwWaitEventsTimeout(0.1);
    if (std::string problem = host.update_scale(app, fonts, content_scale(host.window())); !problem.empty())
      std::fprintf(stderr, "liaison: error: %s\n", problem.c_str());
    host.render_frame(app, status);
    hook.publish(app, frame);
  }
  // Everything is on disk already. Freeing a large clinic's records takes a second or more (about
  // 1.5 s at 50,000 patients), so the window goes first rather than stand frozen meanwhile.
  glfwHideWindow(host.window());
  if (!app.open_failure().empty()) {
    std::fprintf(stderr, "liaison: error: %s\n", app.open_failure().c_str());
    return 1;
  }
  return 0;
}
