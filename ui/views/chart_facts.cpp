// The open chart's facts at a glance (see chart_facts.hpp).
#include "chart_facts.hpp"

#include <algorithm>

#include "core/clinical/goals.hpp"
#include "ui/charts.hpp"
#include "ui/record_text.hpp"

namespace ui {
namespace {

constexpr std::size_t kUpcomingShown = 5;

// Calls `visit` for each of the patient's live records of type T.
template <class T, class Visit>
void for_each_record(const core::State& state, const core::Id<core::Patient>& patient, Visit visit) {
  for (const T* r : state.records_of<T>(patient)) visit(*r);
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

void header_facts(const core::State& state, const core::Patient& p, ChartFacts& facts) {
  std::vector<std::string> allergies, coverage;
  for_each_record<core::Allergy>(state, p.id, [&](const core::Allergy& a) {
    if (a.verification != "refuted") allergies.push_back(record_title(state, a.kType, a.id.value));
  });
  for_each_record<core::Coverage>(state, p.id, [&](const core::Coverage& c) {
    if (c.status != "inactive") coverage.push_back(record_title(state, c.kType, c.id.value));
  });
  facts.allergies = join(allergies);
  facts.coverage = join(coverage);
  for_each_record<core::CareTeamMember>(state, p.id, [&](const core::CareTeamMember& m) {
    if (!m.lead || m.end_date) return;
    facts.care_team_lead = m.practitioner.empty()
                               ? record_title(state, core::EntityType::Organization, m.organization.value)
                               : record_title(state, core::EntityType::Practitioner, m.practitioner.value);
  });
}

void upcoming_appointments(const core::State& state, const core::Patient& p, core::CivilDate today,
                           ChartFacts& facts) {
  const std::string from = core::format_civil_date(today);
  for (const auto& [start, a] : state.appointments_of(p.id)) {
    if (a->start < from || !(core::holds_slot(*a) || a->status == "proposed")) continue;
    std::string line = a->start.substr(0, 10) + " " + a->start.substr(11) + "  " + choice_text(a->type);
    if (!a->practitioner.empty())
      line += " with " + record_title(state, core::EntityType::Practitioner, a->practitioner.value);
    if (a->status == "proposed") line += " (proposed, to book)";
    facts.upcoming.push_back({line, false});
    if (facts.upcoming.size() == kUpcomingShown) break;
  }
}

void open_tasks(const core::State& state, const core::Patient& p, core::CivilDate today, ChartFacts& facts) {
  std::vector<const core::Task*> tasks;
  for_each_record<core::Task>(state, p.id, [&](const core::Task& t) {
    if (t.status == "open" || t.status == "in_progress") tasks.push_back(&t);
  });
  std::stable_sort(tasks.begin(), tasks.end(), [](const core::Task* a, const core::Task* b) {
    if (!a->due_date || !b->due_date) return a->due_date.has_value() > b->due_date.has_value();
    return *a->due_date < *b->due_date;
  });
  for (const core::Task* t : tasks) {
    const bool overdue = t->due_date && *t->due_date < today;
    std::string when = t->due_date ? (overdue ? "overdue since " : "due ") + core::format_civil_date(*t->due_date)
                                   : "no due date";
    facts.open_tasks.push_back({t->title + " (" + when + ")", overdue});
  }
}

void clinical_lists(const core::State& state, const core::Patient& p, ChartFacts& facts) {
  for_each_record<core::Condition>(state, p.id, [&](const core::Condition& c) {
    if (c.status == "active" || c.status.empty()) facts.problems.push_back({c.name, false});
  });
  for_each_record<core::Medication>(state, p.id, [&](const core::Medication& m) {
    if (m.status == "active") facts.medications.push_back({record_title(state, m.kType, m.id.value), false});
  });
  for_each_record<core::Goal>(state, p.id, [&](const core::Goal& g) {
    if (g.status != "active" && g.status != "proposed" && !g.status.empty()) return;
    const core::GoalEvaluation e = core::evaluate_goal(state, g);
    std::string line = g.description + ": " + choice_text(core::progress_name(e.progress));
    if (!e.series.empty()) line += " (latest " + charts::number_text(e.series.back().value) + " " + e.series.back().unit + ")";
    facts.goals.push_back({line, e.progress == core::GoalProgress::OffTrack});
  });
  const core::Note* last = nullptr;
  for_each_record<core::Note>(state, p.id, [&](const core::Note& n) {
    if ((n.kind == "call" || n.kind == "visit" || n.kind == "message") && (!last || n.at > last->at)) last = &n;
  });
  if (last) {
    facts.last_contact = last->at.substr(0, 10) + ", " + last->kind;
    if (!last->outcome.empty()) facts.last_contact += ", " + choice_text(last->outcome);
    if (!last->with_whom.empty()) facts.last_contact += " (" + last->with_whom + ")";
  }
}

}  // namespace

const ChartFacts& chart_facts(ViewContext& ctx, const core::Patient& p) {
  if (!ctx.ui.chart_facts) ctx.ui.chart_facts = std::make_shared<ChartFacts>();
  ChartFacts& facts = *ctx.ui.chart_facts;
  const core::CivilDate today = ctx.session.clock().today();
  if (facts.patient_id == p.id.value && facts.version == ctx.ui.data_version && facts.day == today) return facts;
  const core::State& state = ctx.session.state();
  facts = ChartFacts{};
  facts.patient_id = p.id.value;
  facts.version = ctx.ui.data_version;
  facts.day = today;
  header_facts(state, p, facts);
  facts.risk = core::patient_risk(state, p, today);
  upcoming_appointments(state, p, today, facts);
  open_tasks(state, p, today, facts);
  clinical_lists(state, p, facts);
  return facts;
}

}  // namespace ui
