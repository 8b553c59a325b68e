// Insurance and prior authorizations through a real Session: the new fields and statuses, which
// booked visits lack an authorization (missing, denied, expired or not yet valid on the day; an
// authorization ending on the visit's day still covers it), authorizations ending within 14 days,
// units 80 % used (exactly 80 % counts), coverage ending within 30 days, and payer turnaround.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clinical/authorization_items.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

core::CivilDate day(const char* text) {
  auto parsed = core::parse_civil_date(text);
  REQUIRE(parsed);
  return *parsed;
}

struct AuthFixture : model_test::Fixture {
  std::string add(EntityType type, const std::string& fields) { return create(type, resolve(fields)); }
  std::string add_fields(EntityType type, json fields) {
    for (auto& [name, value] : fields.items())
      if (value.is_string() && ids.count(value.get<std::string>())) value = ids.at(value.get<std::string>());
    return create(type, fields);
  }
  std::optional<core::WorkItem> item(const std::string& key, const char* today = "2026-11-28") const {
    for (const core::WorkItem& i : core::compute_worklist(session->state(), {"", day(today)}))
      if (i.key == key) return i;
    return std::nullopt;
  }
};

}  // namespace

TEST_CASE("prior authorization: the payer's process is recorded and reads back") {
  AuthFixture f;
  f.ids["$visit"] = f.add(EntityType::Appointment, R"({"patient": "$patient", "type": "procedure", "status": "booked",
      "start": "2026-12-10T09:00", "end": "2026-12-10T10:00"})");
  f.check_saved(EntityType::PriorAuthorization, R"({"patient": "$patient", "coverage": "$coverage",
      "service": "Cardiac MRI", "service_code": "75557", "reference_number": "PA-2026-0042", "status": "appealed",
      "call_notes": "Spoke to Dana at the plan; appeal needs the echo report.", "submitted_date": "2026-11-02",
      "decision_date": "2026-11-09", "appointment": "$visit"})");
  for (const char* status : {"needed", "submitted", "approved", "denied", "appealed"}) {
    CAPTURE(status);
    f.add_fields(EntityType::PriorAuthorization, json{{"patient", "$patient"}, {"service", "Home nursing"}, {"status", status}});
  }
}

TEST_CASE("prior authorization: each bad payer date gets its own message") {
  AuthFixture f;
  const std::string good = R"({"patient": "$patient", "service": "Cardiac MRI", "status": "approved",
      "submitted_date": "2026-11-02", "decision_date": "2026-11-09"})";
  model_test::check_bad_rows(f, EntityType::PriorAuthorization, good,
                             {
                                 {R"({"decision_date": "2026-11-01"})", "decision_date", "cannot be before the submitted"},
                                 {R"({"submitted_date": "2026-11-29", "decision_date": null})", "submitted_date", "future"},
                                 {R"({"decision_date": "2026-11-29"})", "decision_date", "future"},
                                 {R"({"service_code": "75 557"})", "service_code", "service code"},
                                 {R"({"appointment": "no-such-visit"})", "appointment", "appointment"},
                             });
}

TEST_CASE("prior authorization: units 80 percent used, exactly 80 percent included") {
  struct Row {
    std::optional<long long> approved, used;
    const char* status;
    const char* valid_to;  // "" for none
    bool listed;
  };
  const std::vector<Row> rows = {
      {10, 8, "approved", "", true},   // exactly 80 %
      {10, 7, "approved", "", false},
      {10, 10, "approved", "", true},
      {5, 4, "approved", "", true},    // 80 %
      {9, 7, "approved", "", false},   // 77.8 %
      {9, 8, "approved", "", true},    // 88.9 %
      {7, 5, "approved", "", false},   // 71.4 %
      {7, 6, "approved", "", true},    // 85.7 %
      {0, 0, "approved", "", false},
      {std::nullopt, 12, "approved", "", false},
      {10, std::nullopt, "approved", "", false},
      {10, 9, "denied", "", false},
      {10, 9, "approved", "2026-11-28", true},  // ends today: still in use
      {10, 9, "approved", "2026-11-27", false}, // ended
  };
  for (const Row& row : rows) {
    CAPTURE(row.approved.value_or(-1));
    CAPTURE(row.used.value_or(-1));
    CAPTURE(row.status);
    CAPTURE(row.valid_to);
    AuthFixture f;
    json fields{{"patient", "$patient"}, {"service", "Physical therapy"}, {"reference_number", "PT-9"}, {"status", row.status}};
    if (row.approved) fields["units_approved"] = *row.approved;
    if (row.used) fields["units_used"] = *row.used;
    if (*row.valid_to) fields["valid_to"] = row.valid_to;
    const std::string id = f.add_fields(EntityType::PriorAuthorization, fields);
    auto found = f.item("auth_units:" + id);
    CHECK(found.has_value() == row.listed);
    if (found && row.approved == 10 && row.used == 8)
      CHECK(found->reason == "8 of 10 units used (80 %): Physical therapy (ref PT-9)");
  }
}

TEST_CASE("prior authorization: a booked visit that needs one and is not covered on its day") {
  struct Row {
    const char* type;
    const char* status;      // the appointment's
    const char* start;
    const char* auth;        // the authorization's fields, "" for none
    bool linked;             // the authorization names the appointment
    const char* problem;     // "" when not listed
  };
  const std::vector<Row> rows = {
      {"procedure", "booked", "2026-12-10T09:00", "", false, "no authorization is recorded"},
      {"procedure", "confirmed", "2026-12-10T09:00", "", false, "no authorization is recorded"},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "approved", "valid_to": "2026-12-10"})", false, ""},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "approved", "valid_to": "2026-12-09"})", false,
       "the authorization for Cardiac MRI (ref PA-1) expired on 2026-12-09"},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "approved", "valid_from": "2026-12-10"})", false, ""},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "approved", "valid_from": "2026-12-11"})", false,
       "the authorization for Cardiac MRI (ref PA-1) starts only on 2026-12-11"},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "approved"})", false, ""},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "denied"})", false,
       "the authorization for Cardiac MRI (ref PA-1) was denied"},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "appealed"})", false,
       "the authorization for Cardiac MRI (ref PA-1) was denied and the appeal is pending"},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "submitted"})", false,
       "the authorization for Cardiac MRI (ref PA-1) is not approved yet"},
      {"procedure", "booked", "2026-12-10T09:00", R"({"status": "needed"})", true,
       "the authorization for Cardiac MRI (ref PA-1) has not been requested yet"},
      {"office_visit", "booked", "2026-12-10T09:00", "", false, ""},  // does not need one
      {"office_visit", "booked", "2026-12-10T09:00", R"({"status": "denied"})", false, ""},  // names another visit
      {"office_visit", "booked", "2026-12-10T09:00", R"({"status": "denied"})", true,
       "the authorization for Cardiac MRI (ref PA-1) was denied"},
      {"office_visit", "booked", "2026-12-10T09:00", R"({"status": "approved", "valid_to": "2026-12-10"})", true, ""},
      {"procedure", "proposed", "2026-12-10T09:00", "", false, ""},
      {"procedure", "cancelled", "2026-12-10T09:00", "", false, ""},
      {"procedure", "booked", "2026-11-28T08:00", "", false, "no authorization is recorded"},  // today
      {"procedure", "booked", "2026-11-27T08:00", "", false, ""},                               // yesterday
      {"procedure", "booked", "2026-12-28T16:00", "", false, "no authorization is recorded"},  // 30 days ahead
      {"procedure", "booked", "2026-12-29T08:00", "", false, ""},                               // 31 days ahead
  };
  for (const Row& row : rows) {
    CAPTURE(row.type);
    CAPTURE(row.status);
    CAPTURE(row.start);
    CAPTURE(row.auth);
    CAPTURE(row.linked);
    AuthFixture f;
    const std::string start = row.start;
    const std::string visit = f.add_fields(EntityType::Appointment, json{{"patient", "$patient"}, {"type", row.type},
        {"status", row.status}, {"start", start}, {"end", start.substr(0, 11) + "23:00"}});
    if (*row.auth) {
      json fields = json::parse(row.auth);
      fields.update(json{{"patient", f.ids["$patient"]}, {"service", "Cardiac MRI"}, {"reference_number", "PA-1"}});
      if (row.linked) fields["appointment"] = visit;
      // An unlinked authorization in an office-visit row names another visit, so it is not a candidate.
      if (!row.linked && std::string(row.type) == "office_visit")
        fields["appointment"] = f.add_fields(EntityType::Appointment, json{{"patient", "$patient"}, {"status", "completed"},
            {"start", "2026-11-02T09:00"}, {"end", "2026-11-02T09:30"}});
      f.create(EntityType::PriorAuthorization, fields);
    }
    auto found = f.item("auth_missing:" + visit);
    CHECK(found.has_value() == (*row.problem != '\0'));
    if (found) {
      CHECK(found->kind == "authorization_missing");
      CHECK(core::format_civil_date(found->due) == start.substr(0, 10));
      CHECK(found->reason == (std::string(row.type) == "procedure" ? "Procedure on " : "Office visit on ") +
                                 start.substr(0, 10) + " " + start.substr(11) + ": " + row.problem);
      CHECK(found->next_action == "Get the authorization approved, or reschedule the visit");
    }
  }
}

TEST_CASE("prior authorization: the authorizations that name a visit are the only ones that can cover it") {
  AuthFixture f;
  const std::string visit = f.add(EntityType::Appointment, R"({"patient": "$patient", "type": "procedure",
      "status": "booked", "start": "2026-12-10T09:00", "end": "2026-12-10T10:00"})");
  f.add(EntityType::PriorAuthorization, R"({"patient": "$patient", "service": "Anything", "status": "approved"})");
  CHECK_FALSE(f.item("auth_missing:" + visit));
  f.add_fields(EntityType::PriorAuthorization, json{{"patient", "$patient"}, {"service", "Cardiac MRI"}, {"status", "denied"},
                                             {"appointment", visit}});
  auto found = f.item("auth_missing:" + visit);
  REQUIRE(found);
  CHECK(found->reason == "Procedure on 2026-12-10 09:00: the authorization for Cardiac MRI was denied");
}

TEST_CASE("prior authorization: an approved one ending within 14 days") {
  struct Row {
    const char* valid_to;
    const char* status;
    const char* reason;  // "" when not listed
  };
  const std::vector<Row> rows = {
      {"2026-11-28", "approved", "Authorization for Home nursing ends 2026-11-28, today"},
      {"2026-11-29", "approved", "Authorization for Home nursing ends 2026-11-29, tomorrow"},
      {"2026-12-12", "approved", "Authorization for Home nursing ends 2026-12-12, in 14 days"},
      {"2026-12-13", "approved", ""},
      {"2026-11-27", "approved", ""},
      {"2026-12-01", "denied", ""},
      {"2026-12-01", "submitted", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.valid_to);
    CAPTURE(row.status);
    AuthFixture f;
    const std::string id = f.add_fields(EntityType::PriorAuthorization, json{{"patient", "$patient"}, {"service", "Home nursing"},
                                                                      {"status", row.status}, {"valid_to", row.valid_to}});
    auto found = f.item("auth_expiring:" + id + ":" + row.valid_to);
    CHECK(found.has_value() == (*row.reason != '\0'));
    if (found) {
      CHECK(found->reason == row.reason);
      CHECK(core::format_civil_date(found->due) == row.valid_to);
      CHECK_FALSE(found->overdue);
    }
  }
}

TEST_CASE("coverage: a coverage ending within 30 days") {
  struct Row {
    const char* end_date;
    const char* status;
    const char* reason;  // "" when not listed
  };
  const std::vector<Row> rows = {
      {"2026-11-28", "active", "Coverage Silver HMO (member M-77) ends 2026-11-28, today"},
      {"2026-12-28", "active", "Coverage Silver HMO (member M-77) ends 2026-12-28, in 30 days"},
      {"2026-12-29", "active", ""},
      {"2026-11-27", "active", ""},
      {"2026-12-01", "inactive", ""},
      {"2026-12-01", "", "Coverage Silver HMO (member M-77) ends 2026-12-01, in 3 days"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.end_date);
    CAPTURE(row.status);
    AuthFixture f;
    json fields{{"patient", "$patient"}, {"plan_name", "Silver HMO"}, {"member_id", "M-77"}, {"end_date", row.end_date}};
    if (*row.status) fields["status"] = row.status;
    const std::string id = f.add_fields(EntityType::Coverage, fields);
    auto found = f.item("coverage_ending:" + id + ":" + row.end_date);
    CHECK(found.has_value() == (*row.reason != '\0'));
    if (found) {
      CHECK(found->kind == "coverage_ending");
      CHECK(found->reason == row.reason);
      CHECK(found->next_action == "Check renewal or new coverage with the patient");
    }
  }
}

TEST_CASE("prior authorization: turnaround from submitted to decided") {
  AuthFixture f;
  f.ids["$casey_patient"] = f.add(EntityType::Patient, R"({"given_name": "Mary", "family_name": "Jones",
      "birth_date": "1950-05-01", "coordinator": "casey"})");
  struct Entry {
    const char* patient;
    const char* submitted;
    const char* decided;  // "" for none
  };
  const std::vector<Entry> entries = {
      {"$patient", "2026-10-01", "2026-10-01"},       // same day: 0
      {"$patient", "2026-10-01", "2026-10-08"},       // 7
      {"$casey_patient", "2026-10-20", "2026-10-31"}, // 11, decided on the period's last day
      {"$casey_patient", "2026-10-25", "2026-11-01"}, // decided after the period
      {"$patient", "2026-10-05", ""},                 // not decided
  };
  for (const Entry& e : entries) {
    json fields{{"patient", e.patient}, {"service", "MRI"}, {"status", "approved"}, {"submitted_date", e.submitted}};
    if (*e.decided) fields["decision_date"] = e.decided;
    f.add_fields(EntityType::PriorAuthorization, fields);
  }
  const auto clinic = core::prior_auth_turnaround(f.session->state(), day("2026-10-01"), day("2026-10-31"));
  CHECK(clinic.decided == 3);
  CHECK(clinic.mean_days == doctest::Approx(6.0));
  CHECK(clinic.median_days == doctest::Approx(7.0));
  CHECK(clinic.longest_days == 11);
  const auto casey = core::prior_auth_turnaround(f.session->state(), day("2026-10-01"), day("2026-11-30"), "casey");
  CHECK(casey.decided == 2);
  CHECK(casey.mean_days == doctest::Approx(9.0));
  CHECK(casey.median_days == doctest::Approx(9.0));
  const auto none = core::prior_auth_turnaround(f.session->state(), day("2026-09-01"), day("2026-09-30"));
  CHECK(none.decided == 0);
}
