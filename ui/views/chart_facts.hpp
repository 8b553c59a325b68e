// What the open chart shows about its patient at a glance, worked out once per change of the data
// (or of the day) rather than every frame: the header's facts and the Summary tab's lists.
#pragma once
#include <string>
#include <vector>

#include "core/clinical/patient_risk.hpp"
#include "view_context.hpp"

namespace ui {

struct SummaryLine {
  std::string text;
  bool alert = false;  // shown in the alert colour (overdue, off track)
};

struct ChartFacts {
  std::string patient_id;
  long version = -1;
  core::CivilDate day;

  // The header.
  std::string allergies, coverage, care_team_lead;
  core::PatientRisk risk;

  // The Summary tab.
  std::vector<SummaryLine> problems, medications, upcoming, open_tasks, goals;
  std::string last_contact;
};

const ChartFacts& chart_facts(ViewContext& ctx, const core::Patient& p);

// The Summary tab: risk, active problems and medications, what is booked, open tasks, goals and
// the last contact, each line one glance.
void draw_chart_summary(ViewContext& ctx, const core::Patient& p);

}  // namespace ui
