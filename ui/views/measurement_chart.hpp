// The Measurements tab's chart: one of the patient's measures over time, with the band of the
// patient's goal on it (if a goal names it). Also how a goal's target becomes a chart's band, for
// the dashboard.
#pragma once
#include "core/clinical/goals.hpp"
#include "ui/charts.hpp"
#include "view_context.hpp"

namespace ui {

void draw_measurement_chart(ViewContext& ctx, const core::Patient& p);

// "< 140 mmHg" as a band from the bottom of the chart up to 140, and so on.
charts::GoalBand goal_band(const core::Target& target);

}  // namespace ui
