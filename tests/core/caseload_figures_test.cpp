// Caseload figures through a real Session, for one coordinator and for the whole clinic: kept
// appointments (on the period's first and last day counted, the day after not), the TCM contact
// within 2 business days (the 2nd business day over a weekend on time, the 3rd not, an episode
// still inside its window pending, neither met nor missed), 30-day readmissions, prior-
// authorization turnaround, goals achieved, and "no data" wherever there is nothing to count.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clinical/caseload_figures.hpp"
#include "core/scheduling/business_days.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

core::CivilDate day(const std::string& text) {
  auto parsed = core::parse_civil_date(text);
  REQUIRE(parsed);
  return *parsed;
}

// A small clinic: Ada ($patient, nobody's), Mary and John (casey's), Rosa (sam's).
struct CaseloadFixture : model_test::Fixture {
  CaseloadFixture() {
    ids["$casey_a"] = patient("Mary", "Jones", "casey");
    ids["$casey_b"] = patient("John", "Smith", "casey");
    ids["$sam_a"] = patient("Rosa", "Park", "sam");
  }
  std::string patient(const char* given, const char* family, const char* coordinator) {
    return create(EntityType::Patient, {{"given_name", given}, {"family_name", family}, {"birth_date", "1950-05-01"},
                                        {"coordinator", coordinator}});
  }
  std::string add(EntityType type, json fields) {
    for (auto& [name, value] : fields.items())
      if (value.is_string() && ids.count(value.get<std::string>())) value = ids.at(value.get<std::string>());
    return create(type, fields);
  }
  void appointment(const char* who, const char* status, const std::string& start, const std::string& end) {
    add(EntityType::Appointment, {{"patient", who}, {"type", "office_visit"}, {"status", status}, {"start", start}, {"end", end}});
  }
  // An inpatient stay discharged home.
  void stay(const char* who, const std::string& admitted, const std::string& discharged) {
    add(EntityType::Encounter, {{"patient", who}, {"kind", "inpatient"}, {"facility", "Mercy Hospital"},
                                {"admission_date", admitted}, {"discharge_date", discharged},
                                {"discharge_disposition", "home"}});
  }
  void call(const char* who, const char* outcome, const std::string& at) {
    add(EntityType::Note, {{"patient", who}, {"kind", "call"}, {"outcome", outcome}, {"at", at}, {"text", "After discharge"}});
  }
  core::CaseloadFigures figures(const std::string& coordinator, const std::string& from, const std::string& to) const {
    const core::State& state = session->state();
    return core::caseload_figures(state, day(from), day(to), coordinator, core::BusinessCalendar(state), clock.today());
  }
};

struct Query {
  const char* coordinator;
  const char* from;
  const char* to;
  int numerator;
  int denominator;
  const char* summary;
};

}  // namespace

TEST_CASE("caseload figures: appointments kept, the period's first and last day included") {
  CaseloadFixture f;
  f.appointment("$casey_a", "completed", "2026-11-01T23:00", "2026-11-01T23:30");  // the day before: out
  f.appointment("$casey_a", "completed", "2026-11-02T00:00", "2026-11-02T00:30");  // on `from`
  f.appointment("$casey_a", "no_show", "2026-11-06T23:30", "2026-11-06T23:59");    // on `to`, late
  f.appointment("$casey_a", "completed", "2026-11-07T00:00", "2026-11-07T00:30");  // the day after: out
  f.appointment("$casey_b", "arrived", "2026-11-04T09:00", "2026-11-04T09:30");
  f.appointment("$casey_b", "cancelled", "2026-11-04T10:00", "2026-11-04T10:30");  // neither way
  f.appointment("$sam_a", "no_show", "2026-11-03T09:00", "2026-11-03T09:30");
  f.appointment("$sam_a", "booked", "2026-11-05T09:00", "2026-11-05T09:30");        // neither way
  f.appointment("$patient", "completed", "2026-11-05T11:00", "2026-11-05T11:30");
  const std::vector<Query> rows = {
      {"casey", "2026-11-02", "2026-11-06", 2, 3, "Kept 2 of 3 appointments (67 %)"},
      {"", "2026-11-02", "2026-11-06", 3, 5, "Kept 3 of 5 appointments (60 %)"},
      {"sam", "2026-11-02", "2026-11-06", 0, 1, "Kept 0 of 1 appointments (0 %)"},
      {"casey", "2026-11-07", "2026-11-07", 1, 1, "Kept 1 of 1 appointments (100 %)"},
      {"casey", "2026-11-01", "2026-11-01", 1, 1, "Kept 1 of 1 appointments (100 %)"},
      {"casey", "2026-11-08", "2026-11-30", 0, 0,
       "Appointments kept: no data (no appointment in the period was kept or missed)"},
      {"nobody", "2026-11-01", "2026-11-30", 0, 0,
       "Appointments kept: no data (no appointment in the period was kept or missed)"},
      {"", "2026-11-06", "2026-11-02", 0, 0,  // an empty period
       "Appointments kept: no data (no appointment in the period was kept or missed)"},
  };
  for (const Query& q : rows) {
    CAPTURE(std::string(q.coordinator));
    CAPTURE(std::string(q.from));
    CAPTURE(std::string(q.to));
    const core::KeptAppointmentsFigure kept = f.figures(q.coordinator, q.from, q.to).appointments_kept;
    CHECK(kept.numerator() == q.numerator);
    CHECK(kept.denominator() == q.denominator);
    CHECK(kept.summary() == q.summary);
  }
}

TEST_CASE("caseload figures: the TCM contact within 2 business days, on time, missed or pending") {
  // Today is Saturday 2026-11-28. A Friday discharge is due on the Tuesday after (2nd business day).
  struct Row {
    const char* discharged;
    std::vector<std::pair<const char*, const char*>> calls;  // outcome, at
    int on_time, missed, pending;
  };
  const std::vector<Row> rows = {
      {"2026-11-13", {{"reached", "2026-11-16T10:00"}}, 1, 0, 0},                               // Monday
      {"2026-11-13", {{"reached", "2026-11-17T16:00"}}, 1, 0, 0},                               // Tuesday: 2nd business day
      {"2026-11-13", {{"reached", "2026-11-18T09:00"}}, 0, 1, 0},                               // Wednesday: 3rd, too late
      {"2026-11-13", {}, 0, 1, 0},                                                              // never reached
      {"2026-11-13", {{"no_answer", "2026-11-16T10:00"}, {"left_message", "2026-11-17T10:00"}}, 1, 0, 0},  // two attempts count
      {"2026-11-13", {{"no_answer", "2026-11-16T10:00"}}, 0, 1, 0},                             // one attempt does not
      {"2026-11-25", {}, 0, 1, 0},           // Wednesday: due Friday 27th, before today
      {"2026-11-26", {}, 0, 0, 1},           // Thursday: due Monday 30th, still pending
      {"2026-11-27", {}, 0, 0, 1},           // Friday: due Tuesday, pending
      {"2026-11-26", {{"reached", "2026-11-27T10:00"}}, 1, 0, 0},  // met before its window ends
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.discharged));
    CAPTURE(row.calls.size());
    CaseloadFixture f;
    f.stay("$casey_a", "2026-11-01", row.discharged);
    for (const auto& [outcome, at] : row.calls) f.call("$casey_a", outcome, at);
    for (const char* coordinator : {"casey", ""}) {
      CAPTURE(std::string(coordinator));
      const core::TcmContactFigure tcm = f.figures(coordinator, "2026-11-01", "2026-11-30").tcm_contacts;
      CHECK(tcm.discharges == 1);
      CHECK(tcm.on_time == row.on_time);
      CHECK(tcm.missed == row.missed);
      CHECK(tcm.pending == row.pending);
      CHECK(tcm.numerator() == row.on_time);
      CHECK(tcm.denominator() == row.on_time + row.missed);
    }
    const core::TcmContactFigure sam = f.figures("sam", "2026-11-01", "2026-11-30").tcm_contacts;
    CHECK(sam.discharges == 0);
    CHECK(sam.summary() ==
          "Contact within 2 business days after discharge: no data (no discharge in the period whose contact was due)");
  }
}

TEST_CASE("caseload figures: TCM contacts counted by discharge day, for a coordinator and the clinic") {
  CaseloadFixture f;
  f.stay("$casey_a", "2026-10-28", "2026-11-02");  // Monday, on `from`: reached Wednesday, on time
  f.call("$casey_a", "reached", "2026-11-04T09:00");
  f.stay("$casey_b", "2026-11-01", "2026-11-06");  // Friday, on `to`: reached Wednesday, too late
  f.call("$casey_b", "reached", "2026-11-11T09:00");
  f.stay("$sam_a", "2026-11-01", "2026-11-03");    // reached next day
  f.call("$sam_a", "reached", "2026-11-04T09:00");
  f.stay("$casey_a", "2026-11-05", "2026-11-07");  // the day after `to`: out of the period
  f.stay("$patient", "2026-11-20", "2026-11-27");  // pending today
  const std::vector<Query> rows = {
      {"casey", "2026-11-02", "2026-11-06", 1, 2, "Contacted within 2 business days after 1 of 2 discharges (50 %)"},
      {"", "2026-11-02", "2026-11-06", 2, 3, "Contacted within 2 business days after 2 of 3 discharges (67 %)"},
      {"sam", "2026-11-02", "2026-11-06", 1, 1, "Contacted within 2 business days after 1 of 1 discharge (100 %)"},
      {"casey", "2026-11-07", "2026-11-07", 0, 1, "Contacted within 2 business days after 0 of 1 discharge (0 %)"},
      {"", "2026-11-20", "2026-11-30", 0, 0,
       "Contact within 2 business days after discharge: no data (no discharge in the period whose contact was due); "
       "1 still within its 2 business days"},
      {"", "2026-11-03", "2026-11-27", 1, 3,
       "Contacted within 2 business days after 1 of 3 discharges (33 %); 1 still within its 2 business days"},
  };
  for (const Query& q : rows) {
    CAPTURE(std::string(q.coordinator));
    CAPTURE(std::string(q.from));
    CAPTURE(std::string(q.to));
    const core::TcmContactFigure tcm = f.figures(q.coordinator, q.from, q.to).tcm_contacts;
    CHECK(tcm.numerator() == q.numerator);
    CHECK(tcm.denominator() == q.denominator);
    CHECK(tcm.summary() == q.summary);
  }
}

TEST_CASE("caseload figures: 30-day readmissions for a coordinator and the clinic") {
  CaseloadFixture f;
  f.stay("$casey_a", "2026-09-28", "2026-10-02");
  f.stay("$casey_a", "2026-11-01", "2026-11-05");  // 30 days after the discharge: a readmission
  f.stay("$casey_b", "2026-09-30", "2026-10-03");
  f.stay("$casey_b", "2026-11-03", "2026-11-06");  // 31 days after: not a readmission
  f.stay("$sam_a", "2026-10-01", "2026-10-04");
  f.stay("$sam_a", "2026-10-10", "2026-10-12");    // readmitted after 6 days
  const std::vector<Query> rows = {
      {"casey", "2026-10-01", "2026-10-31", 1, 2,
       "Readmitted within 30 days after 1 of 2 hospital discharges (50 %)"},
      {"", "2026-10-01", "2026-10-31", 2, 4,
       "Readmitted within 30 days after 2 of 4 hospital discharges (50 %)"},
      {"sam", "2026-10-01", "2026-10-31", 1, 2,
       "Readmitted within 30 days after 1 of 2 hospital discharges (50 %)"},
      {"sam", "2026-10-04", "2026-10-04", 1, 1,
       "Readmitted within 30 days after 1 of 1 hospital discharge (100 %)"},
      {"casey", "2026-10-03", "2026-10-03", 0, 1,
       "Readmitted within 30 days after 0 of 1 hospital discharge (0 %)"},
      {"sam", "2026-10-05", "2026-10-11", 0, 0, "Readmissions within 30 days: no data (no hospital discharge in the period)"},
      {"nobody", "2026-10-01", "2026-10-31", 0, 0,
       "Readmissions within 30 days: no data (no hospital discharge in the period)"},
  };
  for (const Query& q : rows) {
    CAPTURE(std::string(q.coordinator));
    CAPTURE(std::string(q.from));
    CAPTURE(std::string(q.to));
    const core::ReadmissionFigure r = f.figures(q.coordinator, q.from, q.to).readmissions;
    CHECK(r.numerator() == q.numerator);
    CHECK(r.denominator() == q.denominator);
    CHECK(r.summary() == q.summary);
  }
}

TEST_CASE("caseload figures: prior-authorization turnaround for a coordinator and the clinic") {
  CaseloadFixture f;
  struct Auth {
    const char* patient;
    const char* submitted;
    const char* decided;
  };
  for (const Auth& a : std::vector<Auth>{{"$casey_a", "2026-10-01", "2026-10-08"},   // 7 days
                                         {"$casey_b", "2026-11-01", "2026-11-05"},   // 4
                                         {"$sam_a", "2026-11-01", "2026-11-11"}})    // 10
    f.add(EntityType::PriorAuthorization, {{"patient", a.patient}, {"service", "MRI"}, {"status", "approved"},
                                           {"submitted_date", a.submitted}, {"decision_date", a.decided}});
  const std::vector<Query> rows = {
      {"casey", "2026-10-01", "2026-11-30", 11, 2,
       "Payers decided 2 prior authorizations in 5.5 days on average (median 5.5, longest 7)"},
      {"", "2026-10-01", "2026-11-30", 21, 3,
       "Payers decided 3 prior authorizations in 7 days on average (median 7, longest 10)"},
      {"casey", "2026-10-08", "2026-11-05", 11, 2,  // decided on `from` and on `to`
       "Payers decided 2 prior authorizations in 5.5 days on average (median 5.5, longest 7)"},
      {"sam", "2026-11-11", "2026-11-11", 10, 1, "Payers decided 1 prior authorization in 10 days on average (median 10, longest 10)"},
      {"casey", "2026-10-09", "2026-11-04", 0, 0,
       "Prior-authorization turnaround: no data (no authorization decided in the period)"},
  };
  for (const Query& q : rows) {
    CAPTURE(std::string(q.coordinator));
    CAPTURE(std::string(q.from));
    CAPTURE(std::string(q.to));
    const core::PriorAuthTurnaroundFigure t = f.figures(q.coordinator, q.from, q.to).prior_auth_turnaround;
    CHECK(t.numerator() == q.numerator);
    CHECK(t.denominator() == q.denominator);
    CHECK(t.summary() == q.summary);
  }
}

TEST_CASE("caseload figures: goals achieved, on track, off track and without data") {
  CaseloadFixture f;
  auto goal = [&f](const char* who, const char* measure, const char* target, const char* status) {
    json fields{{"patient", who}, {"description", "A goal"}, {"target", target}};
    if (*measure) fields["measure"] = measure;
    if (*status) fields["status"] = status;
    f.add(EntityType::Goal, fields);
  };
  auto measure = [&f](const char* who, const char* type, double value, const char* unit, const char* at) {
    f.add(EntityType::Measurement, {{"patient", who}, {"type", type}, {"value", value}, {"unit", unit}, {"taken_at", at}});
  };
  goal("$casey_a", "Systolic", "< 140 mmHg", "active");    // achieved: two readings in a row meet it
  measure("$casey_a", "Systolic", 130, "mmHg", "2026-11-01T09:00");
  measure("$casey_a", "Systolic", 128, "mmHg", "2026-11-15T09:00");
  goal("$casey_a", "HbA1c", "< 7 %", "");                  // status-less counts as active: on track
  measure("$casey_a", "HbA1c", 7.5, "%", "2026-08-01T09:00");
  measure("$casey_a", "HbA1c", 6.8, "%", "2026-11-01T09:00");
  goal("$casey_b", "Weight", "< 90 kg", "achieved");       // marked achieved, but now off track
  measure("$casey_b", "Weight", 95, "kg", "2026-11-20T09:00");
  goal("$casey_b", "LDL", "< 100 mg/dL", "active");        // no measurement yet
  goal("$casey_b", "LDL", "< 70 mg/dL", "proposed");       // not counted
  goal("$casey_b", "LDL", "< 70 mg/dL", "cancelled");      // not counted
  goal("$sam_a", "HbA1c", "< 7 %", "active");              // off track
  measure("$sam_a", "HbA1c", 8.0, "%", "2026-11-02T09:00");
  // The fixture's own $goal of $patient names no measure: it cannot be evaluated.
  const std::vector<Query> rows = {
      {"casey", "2026-11-01", "2026-11-30", 1, 4,
       "1 of 4 goals achieved (25 %): 1 on track, 1 off track, 1 without measurements"},
      {"", "2026-11-01", "2026-11-30", 1, 6,
       "1 of 6 goals achieved (17 %): 1 on track, 2 off track, 1 without measurements, 1 that cannot be evaluated"},
      {"sam", "2026-11-01", "2026-11-30", 0, 1, "0 of 1 goal achieved (0 %): 1 off track"},
      {"nobody", "2026-11-01", "2026-11-30", 0, 0, "Goals achieved: no data (no active or achieved goal)"},
  };
  for (const Query& q : rows) {
    CAPTURE(std::string(q.coordinator));
    const core::GoalsFigure g = f.figures(q.coordinator, q.from, q.to).goals;
    CHECK(g.numerator() == q.numerator);
    CHECK(g.denominator() == q.denominator);
    CHECK(g.summary() == q.summary);
  }
}

TEST_CASE("caseload figures: a patient belongs to the coordinator the live record names") {
  CaseloadFixture f;
  const std::string gone = f.patient("Old", "Record", "casey");
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Patient, gone}));
  struct Row {
    std::string patient;
    const char* coordinator;
    bool in;
  };
  const std::vector<Row> rows = {
      {f.ids["$casey_a"], "casey", true},  {f.ids["$casey_a"], "sam", false}, {f.ids["$casey_a"], "", true},
      {f.ids["$patient"], "casey", false}, {f.ids["$patient"], "", true},     {gone, "casey", false},
      {"no-such-patient", "casey", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.patient);
    CAPTURE(std::string(row.coordinator));
    CHECK(core::in_caseload(f.session->state(), core::Id<core::Patient>{row.patient}, row.coordinator) == row.in);
  }
  CHECK(core::percent_or_no_data(0, 0) == "no data");
  CHECK(core::percent_or_no_data(0, 3) == "0 %");
  CHECK(core::percent_or_no_data(2, 3) == "67 %");
}
