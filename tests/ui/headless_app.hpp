// The headless harness the interface tests share: the real App drawn frame by frame with no GPU,
// ImGui's checks collected as problems, clicks and chords at the positions the test hook reports,
// and a generated clinic of a few hundred patients opened the way the shells open a data folder.
#pragma once
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "../core/memory_storage.hpp"
#include "../core/test_support.hpp"
#include "bench/synthetic_clinic.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "host/asset_files.hpp"
#include "ui/app.hpp"
#include "ui/imgui_checks.hpp"

namespace headless {

inline std::vector<std::string> problems;
inline void collect(const std::string& problem) { problems.push_back(problem); }

// Assets from the source tree; printing is the operating system's part, so a print only records
// what would have been shown; preferences and exports are kept in memory.
class TestPlatform final : public ui::Platform {
 public:
  core::Result<std::string> read_asset(const std::string& path) override { return read_asset_file(LIAISON_ASSETS_DIR, path); }
  core::Result<std::string> open_for_printing(const std::string& name, const std::string&) override {
    printed.push_back(name);
    return std::string("Printed.");
  }
  core::Result<std::string> read_preferences() override { return preferences; }
  core::Status write_preferences(const std::string& text) override {
    preferences = text;
    return core::Ok{};
  }
  core::Result<std::string> save_export(const std::string& file_name, const std::string&, const std::string& text) override {
    exported[file_name] = text;
    return std::string("Kept in memory.");
  }
  std::vector<std::string> printed;
  std::string preferences;
  std::map<std::string, std::string> exported;  // file name -> text
};

class Headless {
 public:
  Headless() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui::imgui_checks::set_handler(collect);
    ui::imgui_checks::check_ids(ImGui::GetCurrentContext());
    problems.clear();
  }
  ~Headless() {
    ImGui::DestroyContext();
    ui::imgui_checks::set_handler(nullptr);
  }

  void scale(ui::App& app, float scale) {
    const std::string problem = app.set_scale(LIAISON_FONT_DIR, scale);
    if (!problem.empty()) problems.push_back(problem);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }

  void frame(ui::App& app, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app.frame(status);
    ImGui::Render();
  }

  // Clicks the widget the hook knows by `label`: the pointer moves there, is pressed, released.
  // It aims near the left end, where the text starts, as a person does: the middle of a table row
  // can fall on a column's resize border.
  bool click(ui::App& app, const std::string& label, ImVec2 size) {
    const ui::WidgetRect* at = find(app, label);
    if (!at) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at->x + std::min(at->w / 2, ImGui::GetFontSize()), at->y + at->h / 2);
    frame(app, size);
    io.AddMouseButtonEvent(0, true);
    frame(app, size);
    io.AddMouseButtonEvent(0, false);
    for (int i = 0; i < 3; ++i) frame(app, size);
    return true;
  }

  // Ctrl and `key` pressed together, then released.
  void chord(ui::App& app, ImGuiKey key, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(key, true);
    frame(app, size);
    io.AddKeyEvent(key, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    frame(app, size);
  }

  // Replaces the text of the field the hook knows by `label`, as typed after Ctrl+A.
  bool type_into(ui::App& app, const std::string& label, const std::string& text, ImVec2 size) {
    if (!click(app, label, size)) return false;
    chord(app, ImGuiKey_A, size);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    for (int i = 0; i < 3; ++i) frame(app, size);
    return true;
  }

  const ui::WidgetRect* find(const ui::App& app, const std::string& label) {
    for (const ui::WidgetRect& w : app.hook().widgets())
      if (w.label == label) return &w;
    return nullptr;
  }

  ui::ShellStatus status;
};

// A clinic of a few hundred patients with full histories, stored as a snapshot and opened the
// way the shells open a data folder.
struct ClinicSession {
  ClinicSession() {
    synthetic::ClinicSize size;
    size.patients = 300;
    size.seed = 7;
    clock.day = size.today;
    const synthetic::Clinic clinic = synthetic::generate_clinic(size);
    REQUIRE(core::write_snapshot(storage, clinic.state, {}));
    auto opened = core::Session::open(storage, clock);
    REQUIRE(opened);
    session = std::move(opened.value());
  }
  test::MemoryStorage storage;
  test::FixedClock clock;
  std::unique_ptr<core::Session> session;
};

// The App on a ClinicSession at 100%, after its first few frames at a laptop's size.
struct ClinicApp {
  ClinicApp() : app(*clinic.session, platform) {
    headless.scale(app, 1.0f);
    for (int i = 0; i < 3; ++i) headless.frame(app, size);
  }
  const ImVec2 size{1280, 800};
  ClinicSession clinic;
  TestPlatform platform;
  Headless headless;  // before the App: it holds the ImGui context the App draws into
  ui::App app;
};

inline std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// Labels the hook knows that start with `prefix`.
inline std::vector<std::string> labels_with(const ui::App& app, const std::string& prefix) {
  std::vector<std::string> out;
  for (const ui::WidgetRect& w : app.hook().widgets())
    if (w.label.rfind(prefix, 0) == 0) out.push_back(w.label);
  return out;
}

}  // namespace headless
