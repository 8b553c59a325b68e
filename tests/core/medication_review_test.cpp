// Medication reconciliation through a real Session: comparing two lists finds omissions, extra
// drugs, dose/frequency/route differences and duplicates, matching names ignoring case and
// spacing; the reconciliation and its discrepancies are saved in one commit and undone together;
// the new records refuse bad values and records of another patient.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clinical/medication_review.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using core::ListDiscrepancy;
using core::MedicationLine;
using model_test::BadRow;
using model_test::Fixture;

struct CompareRow {
  const char* name;
  std::vector<MedicationLine> first;
  std::vector<MedicationLine> second;
  std::vector<ListDiscrepancy> expected;
};

const core::ListNames kNames{"the discharge list", "the home list"};

const std::vector<CompareRow> compare_rows = {
    {"identical lists", {{"Metformin", "500 mg", "twice daily", "oral"}}, {{"Metformin", "500 mg", "twice daily", "oral"}}, {}},
    {"case and spacing do not matter",
     {{"Metoprolol  Tartrate", "25 mg", "twice daily", "oral"}},
     {{" metoprolol tartrate", "25mg", "Twice  Daily", "ORAL"}},
     {}},
    {"empty lists", {}, {}, {}},
    {"on the first list only is an omission",
     {{"Lisinopril", "10 mg", "daily", "oral"}},
     {},
     {{"Lisinopril", "omission", "Lisinopril is on the discharge list but not on the home list.", "", false}}},
    {"on the second list only is a commission",
     {},
     {{"Ibuprofen", "200 mg", "as needed", "oral"}},
     {{"Ibuprofen", "commission", "Ibuprofen is on the home list but not on the discharge list.", "", false}}},
    {"a different dose",
     {{"Furosemide", "40 mg", "daily", "oral"}},
     {{"furosemide", "20 mg", "daily", "oral"}},
     {{"Furosemide", "dose", "The dose of Furosemide is 40 mg on the discharge list but 20 mg on the home list.", "", false}}},
    {"a different frequency",
     {{"Furosemide", "40 mg", "daily", "oral"}},
     {{"Furosemide", "40 mg", "twice daily", "oral"}},
     {{"Furosemide", "frequency",
       "The frequency of Furosemide is daily on the discharge list but twice daily on the home list.", "", false}}},
    {"a different route",
     {{"Furosemide", "40 mg", "daily", "intravenous"}},
     {{"Furosemide", "40 mg", "daily", "oral"}},
     {{"Furosemide", "route", "The route of Furosemide is intravenous on the discharge list but oral on the home list.", "",
       false}}},
    {"dose, frequency and route all differ: three discrepancies",
     {{"Insulin glargine", "20 units", "at bedtime", "subcutaneous"}},
     {{"insulin glargine", "10 units", "in the morning", "injection"}},
     {{"Insulin glargine", "dose",
       "The dose of Insulin glargine is 20 units on the discharge list but 10 units on the home list.", "", false},
      {"Insulin glargine", "frequency",
       "The frequency of Insulin glargine is at bedtime on the discharge list but in the morning on the home list.", "",
       false},
      {"Insulin glargine", "route",
       "The route of Insulin glargine is subcutaneous on the discharge list but injection on the home list.", "", false}}},
    {"a value missing on one list is not a difference",
     {{"Atorvastatin", "", "daily", "oral"}},
     {{"Atorvastatin", "40 mg", "", "oral"}},
     {}},
    {"the same drug twice on one list is a duplication",
     {{"Warfarin", "5 mg", "daily", "oral"}},
     {{"Warfarin", "5 mg", "daily", "oral"}, {"WARFARIN", "2 mg", "daily", "oral"}},
     {{"WARFARIN", "duplication", "WARFARIN is listed more than once on the home list (5 mg, 2 mg).", "", false}}},
    {"duplicates on the first list, matched once against the second",
     {{"Aspirin", "81 mg", "daily", "oral"}, {"aspirin", "", "daily", "oral"}},
     {{"Aspirin", "325 mg", "daily", "oral"}},
     {{"Aspirin", "dose", "The dose of Aspirin is 81 mg on the discharge list but 325 mg on the home list.", "", false},
      {"aspirin", "duplication", "aspirin is listed more than once on the discharge list (81 mg, not given).", "", false}}},
    {"blank names are skipped", {{"  ", "5 mg", "daily", "oral"}}, {}, {}},
    {"first list's order, then the second's",
     {{"B drug", "", "", ""}, {"A drug", "1 mg", "", ""}, {"C drug", "", "", ""}},
     {{"Z drug", "", "", ""}, {"A drug", "2 mg", "", ""}, {"Y drug", "", "", ""}},
     {{"B drug", "omission", "B drug is on the discharge list but not on the home list.", "", false},
      {"A drug", "dose", "The dose of A drug is 1 mg on the discharge list but 2 mg on the home list.", "", false},
      {"C drug", "omission", "C drug is on the discharge list but not on the home list.", "", false},
      {"Z drug", "commission", "Z drug is on the home list but not on the discharge list.", "", false},
      {"Y drug", "commission", "Y drug is on the home list but not on the discharge list.", "", false}}},
};

}  // namespace

TEST_CASE("medication review: comparing two lists finds each kind of discrepancy") {
  for (const CompareRow& row : compare_rows) {
    INFO(row.name);
    const auto found = core::compare_medication_lists(row.first, row.second, kNames);
    CHECK(found == row.expected);
  }
}

TEST_CASE("medication review: without list names the sentences say first and second list") {
  const auto found = core::compare_medication_lists({{"Digoxin", "", "", ""}}, {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].detail == "Digoxin is on the first list but not on the second list.");
}

TEST_CASE("medication review: the patient's active medications make a list") {
  Fixture f;
  f.create(EntityType::Medication, f.resolve(R"({"patient": "$patient", "name": "Metformin", "dose": "500 mg",
      "frequency": "twice daily", "route": "oral"})"));
  f.create(EntityType::Medication, f.resolve(R"({"patient": "$patient", "name": "Warfarin", "status": "stopped"})"));
  const auto list = core::active_medication_list(f.session->state(), core::Id<core::Patient>{f.ids["$patient"]});
  REQUIRE(list.size() == 1);
  CHECK(list[0].name == "Metformin");
  CHECK(list[0].dose == "500 mg");
  CHECK(list[0].frequency == "twice daily");
  CHECK(list[0].route == "oral");
}

TEST_CASE("medication review: a reconciliation and its discrepancies are one commit, undone together") {
  Fixture f;
  const std::string stay = f.create(EntityType::Encounter, f.resolve(R"({"patient": "$patient", "kind": "inpatient",
      "facility": "St. Mary", "admission_date": "2026-11-10", "discharge_date": "2026-11-14"})"));
  auto found = core::compare_medication_lists({{"Furosemide", "40 mg", "daily", "oral"}, {"Lisinopril", "10 mg", "daily", "oral"}},
                                              {{"Furosemide", "20 mg", "daily", "oral"}}, kNames);
  REQUIRE(found.size() == 2);
  found[0].resolution = "Prescriber confirmed 40 mg; patient told";
  found[0].resolved = true;

  core::ReconciliationRequest request;
  request.patient.value = f.ids["$patient"];
  request.encounter.value = stay;
  request.date = core::parse_civil_date("2026-11-16");
  request.performed_by = "Casey Coordinator, RN";
  request.sources = "discharge list vs. pill bottles at home";
  auto group = core::record_reconciliation(f.session->state(), request, found);
  REQUIRE(group);
  auto done = f.session->commit(group.value());
  REQUIRE(done);

  const auto& state = f.session->state();
  REQUIRE(state.table<core::MedicationReconciliation>().size() == 1);
  const core::MedicationReconciliation& rec = state.table<core::MedicationReconciliation>().begin()->second;
  CHECK(rec.patient.value == f.ids["$patient"]);
  CHECK(rec.encounter.value == stay);
  CHECK(core::format_civil_date(*rec.date) == "2026-11-16");
  CHECK(rec.performed_by == "Casey Coordinator, RN");
  CHECK(rec.status == "completed");
  const auto& discrepancies = state.table<core::MedicationDiscrepancy>();
  REQUIRE(discrepancies.size() == 2);
  int resolved = 0;
  for (const auto& [id, d] : discrepancies) {
    CHECK(d.reconciliation == rec.id);
    CHECK(d.patient == rec.patient);
    resolved += d.resolved;
    if (d.kind == "dose") CHECK(d.resolution == "Prescriber confirmed 40 mg; patient told");
    else CHECK(d.kind == "omission");
  }
  CHECK(resolved == 1);

  REQUIRE(f.session->commit(core::UndoLast{}));
  CHECK(state.find(rec.id) == nullptr);
  for (const auto& [id, d] : state.table<core::MedicationDiscrepancy>()) CHECK(d.deleted);
}

TEST_CASE("medication review: a bad discrepancy saves nothing and names the step") {
  Fixture f;
  core::ReconciliationRequest request;
  request.patient.value = f.ids["$patient"];
  auto group = core::record_reconciliation(f.session->state(), request,
                                           {{"Digoxin", "omission", "", "", false}, {"Mystery", "guess", "", "", false}});
  REQUIRE(group);
  auto refused = f.session->commit(group.value());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("Discrepancy 2 (Mystery): ") == 0);
  CHECK(f.session->state().table<core::MedicationReconciliation>().empty());
  CHECK(f.session->state().table<core::MedicationDiscrepancy>().empty());
}

TEST_CASE("medication review: a reconciliation for a patient who no longer exists is refused") {
  Fixture f;
  core::ReconciliationRequest request;
  request.patient.value = f.ids["$deleted_patient"];
  auto group = core::record_reconciliation(f.session->state(), request, {});
  REQUIRE_FALSE(group);
  CHECK(group.error().message == "That patient no longer exists; the reconciliation was not saved.");
}

TEST_CASE("medication review: the new records save and refuse bad values") {
  Fixture f;
  f.ids["$other_patient"] = f.create(EntityType::Patient, {{"given_name", "Tom"}, {"family_name", "Baker"},
                                                           {"birth_date", "1961-07-15"}});
  f.ids["$stay"] = f.create(EntityType::Encounter, f.resolve(R"({"patient": "$patient", "kind": "inpatient", "admission_date": "2026-11-01"})"));
  f.ids["$other_stay"] = f.create(EntityType::Encounter, f.resolve(R"({"patient": "$other_patient", "kind": "inpatient", "admission_date": "2026-11-01"})"));
  f.ids["$medication"] = f.create(EntityType::Medication, f.resolve(R"({"patient": "$patient", "name": "Metformin"})"));
  f.ids["$other_medication"] = f.create(EntityType::Medication, f.resolve(R"({"patient": "$other_patient", "name": "Metformin"})"));

  const std::string reconciliation = R"({"patient": "$patient", "encounter": "$stay", "date": "2026-11-28",
      "performed_by": "Casey", "sources": "discharge list vs. pill bottles", "status": "in_progress", "notes": "Call back"})";
  f.ids["$reconciliation"] = f.check_saved(EntityType::MedicationReconciliation, reconciliation);
  check_bad_rows(f, EntityType::MedicationReconciliation, reconciliation,
                 {
                     {R"({"patient": null})", "patient", "Enter the patient."},
                     {R"({"date": "2026-11-29"})", "date", "cannot be in the future"},
                     {R"({"status": "done"})", "status", "in_progress, completed"},
                     {R"({"encounter": "$other_stay"})", "encounter", "That hospital stay belongs to another patient."},
                 });

  const std::string discrepancy = R"({"patient": "$patient", "reconciliation": "$reconciliation",
      "medication": "Digoxin", "kind": "omission", "detail": "Not at home", "resolution": "Refilled", "resolved": true})";
  f.check_saved(EntityType::MedicationDiscrepancy, discrepancy);
  check_bad_rows(f, EntityType::MedicationDiscrepancy, discrepancy,
                 {
                     {R"({"reconciliation": null})", "reconciliation", "Enter the reconciliation."},
                     {R"({"medication": null})", "medication", "Enter the medication."},
                     {R"({"kind": "typo"})", "kind", "omission, commission, dose, frequency, route, duplication, other"},
                     {R"({"patient": "$other_patient"})", "reconciliation",
                      "That reconciliation belongs to another patient."},
                 });

  const std::string fill = R"({"patient": "$patient", "medication": "$medication", "fill_date": "2026-11-01",
      "days_supply": 30, "quantity": 60})";
  f.check_saved(EntityType::MedicationFill, fill);
  check_bad_rows(f, EntityType::MedicationFill, fill,
                 {
                     {R"({"medication": null})", "medication", "Enter the medication."},
                     {R"({"fill_date": null})", "fill_date", "Enter the fill date."},
                     {R"({"fill_date": "2026-11-29"})", "fill_date", "cannot be in the future"},
                     {R"({"days_supply": null})", "days_supply", "Enter the days' supply."},
                     {R"({"days_supply": 2.5})", "days_supply", "whole number"},
                     {R"({"medication": "$other_medication"})", "medication", "That medication belongs to another patient."},
                 });
}
