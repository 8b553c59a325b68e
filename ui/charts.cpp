// The charts of charts.hpp: geometry from the font size, colours from the style, and a tooltip
// with the exact value under the mouse.
#include "charts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/civil_date.hpp"

namespace ui::charts {

std::string number_text(double value) {
  char text[32];
  if (std::fabs(value - std::round(value)) < 1e-9) std::snprintf(text, sizeof text, "%.0f", value);
  else if (std::fabs(value * 10 - std::round(value * 10)) < 1e-6) std::snprintf(text, sizeof text, "%.1f", value);
  else std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

namespace {

constexpr float kPi = 3.14159265f;

ImU32 style_colour(ImGuiCol which, float alpha = 1.0f) { return ImGui::GetColorU32(which, alpha); }

std::string with_unit(double value, const char* unit) {
  return number_text(value) + (unit && *unit ? std::string(" ") + unit : std::string());
}

// The text shortened with "…" until it fits `width` pixels.
std::string fitted(std::string text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  while (!text.empty() && ImGui::CalcTextSize((text + "\xE2\x80\xA6").c_str()).x > width) text.pop_back();
  return text + "\xE2\x80\xA6";
}

// Reserves the chart's rectangle as one item (so the layout moves on and hovering is known).
ImRect reserve(const char* id, ImVec2& size) {
  if (size.x <= 0) size.x = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 8);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  return ImRect(origin, {origin.x + size.x, origin.y + size.y});
}

void no_data(ImDrawList* draw, const ImRect& box) {
  const char* text = "No data for this period";
  const ImVec2 t = ImGui::CalcTextSize(text);
  draw->AddText({box.GetCenter().x - t.x / 2, box.GetCenter().y - t.y / 2}, style_colour(ImGuiCol_TextDisabled), text);
}

// Tick values for an axis from `low` to `high`: a step of 1, 2 or 5 times a power of ten, about
// `wanted` of them.
std::vector<double> nice_ticks(double low, double high, int wanted) {
  const double raw = (high - low) / std::max(wanted, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (double m : {1.0, 2.0, 5.0})
    if (magnitude * m >= raw) {
      step = magnitude * m;
      break;
    }
  std::vector<double> ticks;
  for (double v = std::ceil(low / step) * step; v <= high + step * 1e-6; v += step) ticks.push_back(std::fabs(v) < step * 1e-6 ? 0 : v);
  return ticks;
}

// Days since 1970-01-01 (with the time of day as a fraction), or nullopt.
std::optional<double> day_number(const std::string& text) {
  const auto date = core::parse_civil_date(std::string_view(text).substr(0, 10));
  if (!date) return std::nullopt;
  double days = date::sys_days(*date).time_since_epoch().count();
  int hour = 0, minute = 0;
  if (text.size() >= 16 && std::sscanf(text.c_str() + 11, "%2d:%2d", &hour, &minute) == 2) days += (hour * 60 + minute) / 1440.0;
  return days;
}

// "Nov 3" within a few months, "Nov 2026" over longer spans.
std::string date_tick(double days, bool long_span) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day d{date::sys_days{date::days{static_cast<int>(std::floor(days))}}};
  const std::string month = months[static_cast<unsigned>(d.month()) - 1];
  return month + " " + (long_span ? std::to_string(static_cast<int>(d.year())) : std::to_string(static_cast<unsigned>(d.day())));
}

}  // namespace

ImU32 series_colour(std::size_t i) {
  static const ImVec4 palette[] = {
      {0.20f, 0.51f, 0.78f, 1}, {0.91f, 0.55f, 0.18f, 1}, {0.16f, 0.62f, 0.56f, 1}, {0.58f, 0.42f, 0.80f, 1},
      {0.85f, 0.33f, 0.35f, 1}, {0.55f, 0.63f, 0.20f, 1}, {0.56f, 0.58f, 0.62f, 1}, {0.86f, 0.45f, 0.66f, 1},
  };
  return ImGui::ColorConvertFloat4ToU32(palette[i % (sizeof palette / sizeof palette[0])]);
}

void bar_chart(const char* id, const std::vector<std::string>& labels, const std::vector<double>& values, ImVec2 size,
               const char* unit) {
  const ImRect box = reserve(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::size_t n = std::min(labels.size(), values.size());
  if (n == 0) return no_data(draw, box);
  const float font = ImGui::GetFontSize();
  const float top = box.Min.y + font * 1.3f, bottom = box.Max.y - font * 1.4f;
  const double max = std::max(*std::max_element(values.begin(), values.begin() + static_cast<long>(n)), 1e-9);
  const float slot = box.GetWidth() / static_cast<float>(n);
  draw->AddLine({box.Min.x, bottom}, {box.Max.x, bottom}, style_colour(ImGuiCol_Border));
  for (std::size_t i = 0; i < n; ++i) {
    const float left = box.Min.x + slot * static_cast<float>(i), centre = left + slot / 2;
    const float height = static_cast<float>(std::max(values[i], 0.0) / max) * (bottom - top);
    const float half = std::min(slot * 0.32f, font * 2.5f);
    const bool over = hovered && ImGui::GetIO().MousePos.x >= left && ImGui::GetIO().MousePos.x < left + slot;
    if (over) draw->AddRectFilled({left, box.Min.y}, {left + slot, bottom}, style_colour(ImGuiCol_HeaderHovered, 0.5f));
    draw->AddRectFilled({centre - half, bottom - height}, {centre + half, bottom}, series_colour(0), font * 0.15f,
                        ImDrawFlags_RoundCornersTop);
    const std::string value = fitted(number_text(values[i]), slot);
    const ImVec2 vt = ImGui::CalcTextSize(value.c_str());
    draw->AddText({centre - vt.x / 2, bottom - height - vt.y - font * 0.1f}, style_colour(ImGuiCol_Text), value.c_str());
    const std::string label = fitted(labels[i], slot - font * 0.2f);
    const ImVec2 lt = ImGui::CalcTextSize(label.c_str());
    draw->AddText({centre - lt.x / 2, bottom + font * 0.2f}, style_colour(ImGuiCol_TextDisabled), label.c_str());
    if (over) ImGui::SetTooltip("%s: %s", labels[i].c_str(), with_unit(values[i], unit).c_str());
  }
}

void line_chart(const char* id, const std::vector<std::string>& dates, const std::vector<double>& values,
                const std::optional<GoalBand>& band, ImVec2 size, const char* unit) {
  const ImRect box = reserve(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::vector<ImVec2> points;  // (day number, value) until placed on screen
  std::vector<std::size_t> source;
  for (std::size_t i = 0; i < std::min(dates.size(), values.size()); ++i)
    if (auto x = day_number(dates[i])) {
      points.push_back({static_cast<float>(*x), static_cast<float>(values[i])});
      source.push_back(i);
    }
  if (points.empty()) return no_data(draw, box);

  // The ranges: every point and the band's bounds, with a margin.
  double x0 = points.front().x, x1 = points.front().x, y0 = points.front().y, y1 = points.front().y;
  for (const ImVec2& p : points) x0 = std::min<double>(x0, p.x), x1 = std::max<double>(x1, p.x), y0 = std::min<double>(y0, p.y), y1 = std::max<double>(y1, p.y);
  if (band && band->low) y0 = std::min(y0, *band->low), y1 = std::max(y1, *band->low);
  if (band && band->high) y0 = std::min(y0, *band->high), y1 = std::max(y1, *band->high);
  if (x1 - x0 < 1) x0 -= 1, x1 += 1;
  const double pad = y1 - y0 > 0 ? (y1 - y0) * 0.12 : std::max(std::fabs(y0) * 0.1, 1.0);
  y0 -= pad, y1 += pad;

  const float font = ImGui::GetFontSize();
  const std::vector<double> y_ticks = nice_ticks(y0, y1, std::max(2, static_cast<int>(box.GetHeight() / (font * 2.5f))));
  float tick_width = 0;
  for (double t : y_ticks) tick_width = std::max(tick_width, ImGui::CalcTextSize(number_text(t).c_str()).x);
  const ImRect plot({box.Min.x + tick_width + font * 0.6f, box.Min.y + font * 0.5f}, {box.Max.x - font * 0.8f, box.Max.y - font * 1.5f});
  auto sx = [&](double x) { return plot.Min.x + static_cast<float>((x - x0) / (x1 - x0)) * plot.GetWidth(); };
  auto sy = [&](double y) { return plot.Max.y - static_cast<float>((y - y0) / (y1 - y0)) * plot.GetHeight(); };

  if (band) {
    const float band_top = band->high ? sy(*band->high) : plot.Min.y, band_bottom = band->low ? sy(*band->low) : plot.Max.y;
    const ImU32 green = ImGui::ColorConvertFloat4ToU32({0.20f, 0.66f, 0.38f, 0.16f});
    draw->AddRectFilled({plot.Min.x, band_top}, {plot.Max.x, band_bottom}, green);
    for (const auto& bound : {band->low, band->high})
      if (bound) draw->AddLine({plot.Min.x, sy(*bound)}, {plot.Max.x, sy(*bound)}, ImGui::ColorConvertFloat4ToU32({0.20f, 0.66f, 0.38f, 0.7f}));
    const ImVec2 lt = ImGui::CalcTextSize(band->label.c_str());
    draw->AddText({plot.Max.x - lt.x - font * 0.3f, std::max(band_top, plot.Min.y) + font * 0.15f},
                  style_colour(ImGuiCol_TextDisabled), band->label.c_str());
  }
  for (double t : y_ticks) {
    draw->AddLine({plot.Min.x, sy(t)}, {plot.Max.x, sy(t)}, style_colour(ImGuiCol_Border, 0.35f));
    const std::string text = number_text(t);
    draw->AddText({plot.Min.x - font * 0.3f - ImGui::CalcTextSize(text.c_str()).x, sy(t) - font / 2},
                  style_colour(ImGuiCol_TextDisabled), text.c_str());
  }
  const bool long_span = x1 - x0 > 120;
  const int x_count = std::max(2, static_cast<int>(plot.GetWidth() / (font * 6)));
  for (int i = 0; i < x_count; ++i) {
    const double x = x0 + (x1 - x0) * i / (x_count - 1);
    const std::string text = date_tick(x, long_span);
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    const float at = std::clamp(sx(x) - w / 2, box.Min.x, box.Max.x - w);
    draw->AddLine({sx(x), plot.Max.y}, {sx(x), plot.Max.y + font * 0.2f}, style_colour(ImGuiCol_Border));
    draw->AddText({at, plot.Max.y + font * 0.25f}, style_colour(ImGuiCol_TextDisabled), text.c_str());
  }
  draw->AddLine({plot.Min.x, plot.Max.y}, {plot.Max.x, plot.Max.y}, style_colour(ImGuiCol_Border));

  auto in_band = [&](double v) { return !band || ((!band->low || v >= *band->low) && (!band->high || v <= *band->high)); };
  for (ImVec2& p : points) p = {sx(p.x), sy(p.y)};
  draw->AddPolyline(points.data(), static_cast<int>(points.size()), series_colour(0), ImDrawFlags_None, std::max(1.5f, font * 0.12f));
  std::size_t nearest = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double v = values[source[i]];
    draw->AddCircleFilled(points[i], font * 0.24f, in_band(v) ? series_colour(0) : series_colour(1));
    if (std::fabs(points[i].x - ImGui::GetIO().MousePos.x) < std::fabs(points[nearest].x - ImGui::GetIO().MousePos.x)) nearest = i;
  }
  if (!hovered) return;
  const double v = values[source[nearest]];
  draw->AddCircle(points[nearest], font * 0.42f, style_colour(ImGuiCol_Text), 0, 1.5f);
  ImGui::SetTooltip("%s: %s%s", dates[source[nearest]].c_str(), with_unit(v, unit).c_str(),
                    band ? (in_band(v) ? " (within the goal)" : " (outside the goal)") : "");
}

void donut_chart(const char* id, const std::vector<std::string>& labels, const std::vector<double>& values, ImVec2 size) {
  const ImRect box = reserve(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::size_t n = std::min(labels.size(), values.size());
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) total += std::max(values[i], 0.0);
  if (total <= 0) return no_data(draw, box);

  const float font = ImGui::GetFontSize();
  const float radius = std::min(box.GetHeight(), box.GetWidth() * 0.45f) / 2 - font * 0.2f;
  const float thickness = radius * 0.38f, mid = radius - thickness / 2;
  const ImVec2 centre{box.Min.x + radius + font * 0.2f, box.GetCenter().y};
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float distance = std::hypot(mouse.x - centre.x, mouse.y - centre.y);
  float mouse_angle = std::atan2(mouse.y - centre.y, mouse.x - centre.x);
  if (mouse_angle < -kPi / 2) mouse_angle += 2 * kPi;  // segments start at the top and run clockwise
  const float legend_x = centre.x + radius + font;
  const float row = font * 1.45f;
  float legend_y = centre.y - row * static_cast<float>(n) / 2;
  float angle = -kPi / 2;
  for (std::size_t i = 0; i < n; ++i) {
    const float sweep = static_cast<float>(std::max(values[i], 0.0) / total) * 2 * kPi;
    const ImRect legend_row({legend_x, legend_y}, {box.Max.x, legend_y + row});
    const bool over = hovered && ((distance > radius - thickness && distance < radius && mouse_angle >= angle &&
                                   mouse_angle < angle + sweep) || legend_row.Contains(mouse));
    if (sweep > 0) {
      draw->PathArcTo(centre, mid, angle, angle + sweep, std::max(2, static_cast<int>(sweep * 20)));
      draw->PathStroke(series_colour(i), ImDrawFlags_None, over ? thickness * 1.15f : thickness);
    }
    angle += sweep;
    const double share = 100.0 * std::max(values[i], 0.0) / total;
    char shown[64];
    std::snprintf(shown, sizeof shown, "  %s (%.0f %%)", number_text(values[i]).c_str(), share);
    draw->AddRectFilled({legend_x, legend_y + font * 0.25f}, {legend_x + font * 0.8f, legend_y + font * 1.05f}, series_colour(i), 2);
    const std::string text = fitted(labels[i] + shown, box.Max.x - legend_x - font * 1.2f);
    draw->AddText({legend_x + font * 1.1f, legend_y + font * 0.1f}, style_colour(ImGuiCol_Text, over ? 1.0f : 0.85f), text.c_str());
    if (over) ImGui::SetTooltip("%s: %s of %s (%.0f %%)", labels[i].c_str(), number_text(values[i]).c_str(), number_text(total).c_str(), share);
    legend_y += row;
  }
  const std::string sum = number_text(total);
  const ImVec2 st = ImGui::CalcTextSize(sum.c_str());
  draw->AddText({centre.x - st.x / 2, centre.y - st.y / 2}, style_colour(ImGuiCol_Text), sum.c_str());
}

}  // namespace ui::charts
