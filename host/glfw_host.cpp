#include "glfw_host.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>

GlfwHost::~GlfwHost() {
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

std::string GlfwHost::open(const HostOptions& options) {
  if (!glfwInit()) return "could not initialise GLFW (is a display available?)";
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, options.gl_major);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, options.gl_minor);
  window_ = glfwCreateWindow(options.width, options.height, options.title, nullptr, nullptr);
  if (!window_) return "could not create an OpenGL " + std::to_string(options.gl_major) + "." +
                       std::to_string(options.gl_minor) + " window";
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; nothing to remember between runs
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init(options.glsl_version);
  imgui_ready_ = true;
  return "";
}

std::string GlfwHost::update_scale(ui::App& app, const std::string& font_dir, float scale) {
  if (scale == app.scale() && !app.style_outdated()) return "";
  std::string problem = app.set_scale(font_dir, scale);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  return problem;
}

void GlfwHost::render_frame(ui::App& app, const ui::ShellStatus& status) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.frame(status);
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window_);
}

bool GlfwHost::input_pending() const { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }
