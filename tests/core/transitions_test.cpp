// Transitional care through a real Session: which stays open an episode, the contact clock over
// weekends and holidays (reached, too late, two unsuccessful attempts), the visit window by
// complexity (day 7 against day 8, day 14 against day 15), medication reconciliation on or
// before the visit, the 30-day episode, the worklist items present until met, and 30-day
// readmissions (day 30 against day 31) counted per patient and for the clinic.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clinical/readmissions.hpp"
#include "core/clinical/transitions.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

core::CivilDate day(const std::string& text) {
  auto parsed = core::parse_civil_date(text);
  REQUIRE(parsed);
  return *parsed;
}

struct TransitionFixture : model_test::Fixture {
  std::string add(EntityType type, const std::string& fields_text) { return create(type, resolve(fields_text)); }

  // An inpatient stay of $patient admitted three days before its discharge.
  std::string discharge(const std::string& discharged, const std::string& extra = "{}") {
    json fields = resolve(R"({"patient": "$patient", "kind": "inpatient", "facility": "Mercy Hospital"})");
    fields["admission_date"] = core::format_civil_date(
        core::CivilDate{date::sys_days{day(discharged)} - date::days{3}});
    fields["discharge_date"] = discharged;
    fields.merge_patch(json::parse(extra));
    return ids["$stay"] = create(EntityType::Encounter, fields);
  }
  void holiday(const std::string& date) {
    add(EntityType::ClinicHoliday, R"({"date": ")" + date + R"(", "name": "Clinic closed"})");
  }
  void note(const std::string& kind, const std::string& outcome, const std::string& at) {
    add(EntityType::Note, R"({"patient": "$patient", "kind": ")" + kind + R"(", "outcome": ")" + outcome +
                              R"(", "at": ")" + at + R"(", "text": "After discharge", "with_whom": "daughter"})");
  }
  void visit(const std::string& type, const std::string& status, const std::string& date) {
    add(EntityType::Appointment, R"({"patient": "$patient", "practitioner": "$practitioner", "type": ")" + type +
                                     R"(", "status": ")" + status + R"(", "start": ")" + date +
                                     R"(T09:00", "end": ")" + date + R"(T09:30"})");
  }
  void reconciliation(const std::string& status, const std::string& date) {
    add(EntityType::MedicationReconciliation, R"({"patient": "$patient", "status": ")" + status +
                                                  R"(", "date": ")" + date + R"(", "performed_by": "Nurse Kim"})");
  }

  core::TransitionEpisode episode() {
    const core::Encounter* stay = session->state().find(core::Id<core::Encounter>{ids["$stay"]});
    REQUIRE(stay);
    auto ep = core::transition_episode(session->state(), *stay, core::BusinessCalendar(session->state()));
    REQUIRE(ep);
    return *ep;
  }
  bool listed(const std::string& key, const std::string& today) const {
    for (const core::WorkItem& i : core::compute_worklist(session->state(), {"", day(today)}))
      if (i.key == key) return true;
    return false;
  }
};

TEST_CASE("transitions: which stays open an episode") {
  struct Row {
    const char* extra;
    bool opens;
  };
  const std::vector<Row> rows = {
      {R"({})", true},
      {R"({"kind": "observation"})", true},
      {R"({"kind": "skilled_nursing", "discharge_disposition": "home_with_services"})", true},
      {R"({"kind": "emergency"})", false},
      {R"({"kind": "outpatient"})", false},
      {R"({"discharge_disposition": "died"})", false},
      {R"({"discharge_disposition": "skilled_nursing"})", false},
      {R"({"discharge_date": null})", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.extra);
    TransitionFixture f;
    f.discharge("2026-11-13", row.extra);
    const core::Encounter* stay = f.session->state().find(core::Id<core::Encounter>{f.ids["$stay"]});
    REQUIRE(stay);
    CHECK(core::opens_transition_episode(*stay) == row.opens);
  }
}

TEST_CASE("transitions: the contact is due 2 business days after discharge, over weekends and holidays") {
  struct Row {
    const char* discharged;
    std::vector<const char*> holidays;
    const char* due;
  };
  const std::vector<Row> rows = {
      {"2026-11-11", {}, "2026-11-13"},                            // Wednesday -> Friday
      {"2026-11-12", {}, "2026-11-16"},                            // Thursday -> Monday
      {"2026-11-13", {}, "2026-11-17"},                            // Friday -> Tuesday
      {"2026-11-13", {"2026-11-16"}, "2026-11-18"},                // Friday, holiday Monday -> Wednesday
      {"2026-11-14", {}, "2026-11-17"},                            // Saturday -> Tuesday
      {"2026-11-13", {"2026-11-16", "2026-11-17"}, "2026-11-19"},  // two holidays
  };
  for (const Row& row : rows) {
    CAPTURE(row.discharged);
    TransitionFixture f;
    for (const char* h : row.holidays) f.holiday(h);
    f.discharge(row.discharged);
    const core::TransitionEpisode ep = f.episode();
    CHECK(core::format_civil_date(ep.contact.due) == row.due);
    CHECK_FALSE(ep.contact.met);
  }
}

TEST_CASE("transitions: what meets the contact clock") {
  // Discharged Friday 2026-11-13 with Monday 2026-11-16 a holiday: due Wednesday 2026-11-18.
  struct NoteRow {
    const char* kind;
    const char* outcome;
    const char* at;
  };
  struct Row {
    const char* label;
    std::vector<NoteRow> notes;
    bool met;
    const char* met_on;
    const char* by_part;
    std::size_t attempts;
  };
  const std::vector<Row> rows = {
      {"reached on the last day", {{"call", "reached", "2026-11-18T16:30"}}, true, "2026-11-18", "call, reached (daughter)", 0},
      {"reached the day after the deadline", {{"call", "reached", "2026-11-19T08:00"}}, false, "", "", 0},
      {"reached on the discharge day itself", {{"call", "reached", "2026-11-13T17:00"}}, false, "", "", 0},
      {"a visit completed over the weekend", {{"visit", "completed", "2026-11-14T10:00"}}, true, "2026-11-14", "visit, completed", 0},
      {"a letter is not interactive", {{"letter", "completed", "2026-11-17T10:00"}}, false, "", "", 0},
      {"one unsuccessful attempt", {{"call", "no_answer", "2026-11-17T10:00"}}, false, "", "", 1},
      {"two unsuccessful attempts",
       {{"call", "no_answer", "2026-11-17T10:00"}, {"call", "left_message", "2026-11-18T15:00"}},
       true, "2026-11-18", "2 documented unsuccessful attempts", 2},
      {"second attempt too late",
       {{"call", "no_answer", "2026-11-17T10:00"}, {"call", "left_message", "2026-11-19T09:00"}},
       false, "", "", 1},
      {"an attempt, then reached",
       {{"call", "no_answer", "2026-11-17T10:00"}, {"message", "reached", "2026-11-18T11:00"}},
       true, "2026-11-18", "message, reached", 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.label);
    TransitionFixture f;
    f.holiday("2026-11-16");
    f.discharge("2026-11-13");
    for (const NoteRow& n : row.notes) f.note(n.kind, n.outcome, n.at);
    const core::TransitionEpisode ep = f.episode();
    CHECK(core::format_civil_date(ep.contact.due) == "2026-11-18");
    CHECK(ep.contact.met == row.met);
    CHECK(ep.attempts.size() == row.attempts);
    if (!row.met) continue;
    REQUIRE(ep.contact.met_on);
    CHECK(core::format_civil_date(*ep.contact.met_on) == row.met_on);
    CHECK(ep.contact.met_by_type == EntityType::Note);
    CAPTURE(ep.contact.met_by);
    CHECK(ep.contact.met_by.find(row.by_part) != std::string::npos);
  }
}

TEST_CASE("transitions: the face-to-face visit window by complexity") {
  // Discharged 2026-11-13: day 7 is 2026-11-20, day 14 is 2026-11-27.
  struct Row {
    const char* complexity;
    const char* type;
    const char* status;
    const char* on;
    const char* due;
    bool met;
    bool booked;
  };
  const std::vector<Row> rows = {
      {"high", "office_visit", "completed", "2026-11-20", "2026-11-20", true, false},
      {"high", "office_visit", "completed", "2026-11-21", "2026-11-20", false, false},
      {"moderate", "office_visit", "completed", "2026-11-27", "2026-11-27", true, false},
      {"moderate", "office_visit", "completed", "2026-11-28", "2026-11-27", false, false},
      {"", "home_visit", "arrived", "2026-11-20", "2026-11-20", true, false},  // not recorded: 7 days
      {"", "follow_up", "completed", "2026-11-21", "2026-11-20", false, false},
      {"high", "follow_up", "completed", "2026-11-13", "2026-11-20", false, false},  // discharge day
      {"high", "telehealth", "completed", "2026-11-16", "2026-11-20", false, false},
      {"high", "office_visit", "booked", "2026-11-18", "2026-11-20", false, true},
      {"high", "office_visit", "no_show", "2026-11-18", "2026-11-20", false, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.complexity);
    CAPTURE(row.on);
    CAPTURE(row.type);
    TransitionFixture f;
    f.discharge("2026-11-13", std::string(R"({"complexity": ")") + row.complexity + R"("})");
    f.visit(row.type, row.status, row.on);
    const core::TransitionEpisode ep = f.episode();
    CHECK(core::format_civil_date(ep.visit.due) == row.due);
    CHECK(ep.complexity_recorded == (std::string(row.complexity) != ""));
    CHECK(ep.visit.met == row.met);
    CHECK((ep.booked_visit != nullptr) == row.booked);
    if (row.met) {
      CHECK(core::format_civil_date(*ep.visit.met_on) == row.on);
      CHECK(ep.visit.met_by == "Dr. Rosa Diaz");
      CHECK(ep.visit.met_by_type == EntityType::Appointment);
    }
  }
}

TEST_CASE("transitions: medication reconciliation on or before the visit") {
  // Discharged 2026-11-13, high complexity: visit due 2026-11-20.
  struct Row {
    const char* visit_on;  // "" for no visit yet
    const char* status;
    const char* reconciled;
    const char* due;
    bool met;
  };
  const std::vector<Row> rows = {
      {"2026-11-18", "completed", "2026-11-18", "2026-11-18", true},   // on the visit day
      {"2026-11-18", "completed", "2026-11-19", "2026-11-18", false},  // the day after the visit
      {"2026-11-18", "completed", "2026-11-13", "2026-11-18", true},   // on the discharge day
      {"2026-11-18", "completed", "2026-11-12", "2026-11-18", false},  // before the discharge
      {"2026-11-18", "in_progress", "2026-11-16", "2026-11-18", false},
      {"", "completed", "2026-11-20", "2026-11-20", true},             // no visit: by the visit deadline
      {"", "completed", "2026-11-21", "2026-11-20", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.visit_on);
    CAPTURE(row.reconciled);
    TransitionFixture f;
    f.discharge("2026-11-13", R"({"complexity": "high"})");
    if (*row.visit_on) f.visit("office_visit", "completed", row.visit_on);
    f.reconciliation(row.status, row.reconciled);
    const core::TransitionEpisode ep = f.episode();
    CHECK(core::format_civil_date(ep.medication_reconciliation.due) == row.due);
    CHECK(ep.medication_reconciliation.met == row.met);
    if (row.met) {
      CHECK(ep.medication_reconciliation.met_by == "Nurse Kim");
      CHECK(ep.medication_reconciliation.met_by_type == EntityType::MedicationReconciliation);
      CHECK(core::format_civil_date(*ep.medication_reconciliation.met_on) == row.reconciled);
    }
  }
}

TEST_CASE("transitions: the 30-day episode counts the discharge day as day 1") {
  TransitionFixture f;
  f.discharge("2026-11-13");
  const core::TransitionEpisode ep = f.episode();
  CHECK(core::format_civil_date(ep.episode_end) == "2026-12-12");
  struct Row {
    const char* on;
    int day;
    bool in;
  };
  for (const Row& row : std::vector<Row>{{"2026-11-12", 0, false},
                                         {"2026-11-13", 1, true},
                                         {"2026-12-12", 30, true},
                                         {"2026-12-13", 31, false}}) {
    CAPTURE(row.on);
    CHECK(ep.episode_day(day(row.on)) == row.day);
    CHECK(ep.in_episode(day(row.on)) == row.in);
  }
}

TEST_CASE("transitions: each clock is a worklist item until met") {
  TransitionFixture f;
  // Discharged Friday 2026-11-27; today is Saturday 2026-11-28.
  const std::string stay = f.discharge("2026-11-27", R"({"complexity": "high", "discharge_medications": ["metoprolol 25 mg"]})");
  const std::string contact = "tcm_contact:" + stay, visit = "tcm_visit:" + stay, med_rec = "tcm_med_rec:" + stay;

  std::optional<core::WorkItem> item;
  for (const core::WorkItem& i : core::compute_worklist(f.session->state(), {"", day("2026-11-28")}))
    if (i.key == contact) item = i;
  REQUIRE(item);
  CHECK(item->kind == "tcm_contact");
  CHECK(core::format_civil_date(item->due) == "2026-12-01");
  CHECK_FALSE(item->overdue);
  CHECK(item->subject_type == EntityType::Encounter);
  CHECK(item->reason == "Due 2026-12-01: contact within 2 business days after discharge, discharged 2026-11-27 from Mercy Hospital");
  CHECK(item->next_action == "Call the patient and record the call");
  CHECK(f.listed(visit, "2026-11-28"));
  CHECK(f.listed(med_rec, "2026-11-28"));
  CHECK_FALSE(f.listed(contact, "2026-11-26"));  // before the discharge day

  // Still listed (overdue) after its deadline, until the episode ends.
  CHECK(f.listed(contact, "2026-12-02"));
  CHECK(f.listed(contact, "2026-12-26"));
  CHECK_FALSE(f.listed(contact, "2026-12-27"));

  f.note("call", "reached", "2026-11-28T10:00");
  CHECK_FALSE(f.listed(contact, "2026-11-28"));
  CHECK(f.listed(visit, "2026-11-28"));

  f.reconciliation("completed", "2026-11-28");
  CHECK_FALSE(f.listed(med_rec, "2026-11-28"));

  f.visit("office_visit", "booked", "2026-12-02");
  for (const core::WorkItem& i : core::compute_worklist(f.session->state(), {"", day("2026-11-28")}))
    if (i.key == visit) CHECK(i.next_action == "Make sure the patient gets to the booked visit");
  CHECK(f.listed(visit, "2026-11-28"));
  f.visit("office_visit", "completed", "2026-12-03");
  CHECK_FALSE(f.listed(visit, "2026-12-03"));
}

TEST_CASE("transitions: a readmission within 30 days is flagged and counted") {
  // First stay discharged 2026-09-30; the second admitted N days later.
  struct Row {
    int days_after;
    bool flagged;
  };
  for (const Row& row : std::vector<Row>{{0, true}, {1, true}, {30, true}, {31, false}}) {
    CAPTURE(row.days_after);
    TransitionFixture f;
    const std::string first = f.add(EntityType::Encounter, R"({"patient": "$patient", "kind": "inpatient",
        "admission_date": "2026-09-25", "discharge_date": "2026-09-30"})");
    json second = f.resolve(R"({"patient": "$patient", "kind": "inpatient"})");
    second["admission_date"] =
        core::format_civil_date(core::CivilDate{date::sys_days{day("2026-09-30")} + date::days{row.days_after}});
    const std::string again = f.create(EntityType::Encounter, second);
    // An emergency visit in between is not a readmission.
    f.add(EntityType::Encounter, R"({"patient": "$patient", "kind": "emergency", "admission_date": "2026-10-05",
        "discharge_date": "2026-10-05"})");

    const core::State& s = f.session->state();
    const auto flagged = core::readmission_of(s, *s.find(core::Id<core::Encounter>{again}));
    CHECK(flagged.has_value() == row.flagged);
    CHECK_FALSE(core::readmission_of(s, *s.find(core::Id<core::Encounter>{first})));
    if (flagged) {
      CHECK(flagged->readmits->id.value == first);
      CHECK(flagged->days_after_discharge == row.days_after);
    }
    CHECK(core::readmissions(s).size() == (row.flagged ? 1u : 0u));

    const core::ReadmissionCount clinic = core::count_readmissions(s, day("2026-09-01"), day("2026-09-30"));
    CHECK(clinic.discharges == 1);
    CHECK(clinic.readmitted == (row.flagged ? 1 : 0));
    const core::ReadmissionCount before = core::count_readmissions(s, day("2026-08-01"), day("2026-09-29"));
    CHECK(before.discharges == 0);
    const core::Id<core::Patient> patient{f.ids["$patient"]};
    CHECK(core::count_readmissions(s, patient, day("2026-09-01"), day("2026-09-30")).readmitted == (row.flagged ? 1 : 0));
  }
}

TEST_CASE("transitions: readmissions are counted per patient") {
  TransitionFixture f;
  f.ids["$other"] = f.create(EntityType::Patient, {{"given_name", "Mary"}, {"family_name", "Jones"}, {"birth_date", "1950-05-01"}});
  for (const char* who : {"$patient", "$other"}) {
    f.add(EntityType::Encounter, std::string(R"({"patient": ")") + who + R"(", "kind": "inpatient",
        "admission_date": "2026-10-01", "discharge_date": "2026-10-04"})");
  }
  f.add(EntityType::Encounter, R"({"patient": "$patient", "kind": "inpatient", "admission_date": "2026-10-20",
      "discharge_date": "2026-10-22"})");
  const core::State& s = f.session->state();
  const core::ReadmissionCount clinic = core::count_readmissions(s, day("2026-10-01"), day("2026-10-31"));
  CHECK(clinic.discharges == 3);
  CHECK(clinic.readmitted == 1);
  const core::ReadmissionCount ada = core::count_readmissions(s, core::Id<core::Patient>{f.ids["$patient"]},
                                                              day("2026-10-01"), day("2026-10-31"));
  CHECK(ada.discharges == 2);
  CHECK(ada.readmitted == 1);
  CHECK(ada.rate() == doctest::Approx(0.5));
  CHECK(core::count_readmissions(s, core::Id<core::Patient>{f.ids["$other"]}, day("2026-10-01"), day("2026-10-31"))
            .readmitted == 0);
}

}  // namespace
