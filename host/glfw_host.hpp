// The window both shells draw in: a GLFW window with an OpenGL (desktop) or WebGL2 (browser)
// context, Dear ImGui's GLFW and OpenGL3 backends, and one function that renders a frame of the
// shared interface. The shells own only what differs: the loop, storage and display scale.
#pragma once
#include <string>

#include "ui/app.hpp"
#include "ui/shell_status.hpp"

struct GLFWwindow;

struct HostOptions {
  const char* title = "Liaison";
  int width = 1280;
  int height = 800;
  const char* glsl_version = "#version 130";  // "#version 300 es" for WebGL2
  int gl_major = 3;
  int gl_minor = 0;
};

class GlfwHost {
 public:
  GlfwHost() = default;
  GlfwHost(const GlfwHost&) = delete;
  GlfwHost& operator=(const GlfwHost&) = delete;
  ~GlfwHost();

  // Returns "" on success, otherwise what went wrong.
  std::string open(const HostOptions& options);
  GLFWwindow* window() const { return window_; }

  // Rebuilds fonts and style when the display scale changed, or the coordinator chose another
  // font size or theme. Returns a problem to log, or "".
  std::string update_scale(ui::App& app, const std::string& font_dir, float scale);
  void render_frame(ui::App& app, const ui::ShellStatus& status);
  // True while ImGui still holds input it spreads over frames (fast typing): draw again at once.
  bool input_pending() const;

 private:
  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
};
