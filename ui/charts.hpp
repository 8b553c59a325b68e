// Small charts drawn with ImGui's draw lists: bars, a line over dates with a goal band, and a
// donut. Each takes plain data and a size in pixels (callers pass multiples of the font size, so
// charts grow with the font), draws with the style's colours (light and dark themes alike), and
// shows the exact value under the mouse in a tooltip.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace ui::charts {

// "12", "7.5", "0.25": as few decimals as the value needs, at most two.
std::string number_text(double value);

// Vertical bars, one per label, with the value above each bar. A width of 0 fills the row.
void bar_chart(const char* id, const std::vector<std::string>& labels, const std::vector<double>& values, ImVec2 size,
               const char* unit = "");

// The values a goal wants, drawn as a shaded horizontal band. A one-sided goal ("< 140") has
// no bound on the other side: the band runs to the edge of the chart.
struct GoalBand {
  std::optional<double> low, high;
  std::string label;  // e.g. "goal < 140 mmHg"
};

// Points joined by lines over time. `dates` are "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", oldest first,
// one per value; dates that cannot be read are left out.
void line_chart(const char* id, const std::vector<std::string>& dates, const std::vector<double>& values,
                const std::optional<GoalBand>& band, ImVec2 size, const char* unit = "");

// A ring of segments, one per label, with a legend beside it giving each count and share.
void donut_chart(const char* id, const std::vector<std::string>& labels, const std::vector<double>& values, ImVec2 size);

// The colour of series `i` (segments, bars): readable on the light and the dark background.
ImU32 series_colour(std::size_t i);

}  // namespace ui::charts
