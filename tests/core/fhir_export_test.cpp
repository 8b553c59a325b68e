// FHIR R4 export on a small store made through the Session (no files: these run in the wasm
// build too): what each scope holds, stable ids, references that lead somewhere, imported ids
// and kept resources going out unchanged, and the round trip into an empty store.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/fhir/fhir_export.hpp"
#include "core/fhir/fhir_import.hpp"
#include "bench/synthetic_clinic.hpp"
#include "fhir_round_trip.hpp"
#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;
using core::fhir::ExportFormat;
using core::fhir::ExportRequest;
using core::fhir::export_fhir;

namespace {

// The model fixture's records plus one of each kind export writes, filled as a coordinator would.
struct ExportFixture : model_test::Fixture {
  std::string other_patient;

  ExportFixture() {
    const std::string p = ids["$patient"], pr = ids["$practitioner"], org = ids["$organization"];
    update(core::UpdateRecord{EntityType::Patient, p,
                                       {{"mrn", "A-1001"}, {"sex", "female"}, {"phones", {"555-201-3344"}},
                                        {"language", "Spanish"}, {"interpreter_needed", true}, {"coordinator", "casey"},
                                        {"contact_time", "morning"}, {"primary_care_provider", pr},
                                        {"identifiers", {"http://ssa.example/ssn|123-45-6789"}}}});
    update(core::UpdateRecord{EntityType::Practitioner, pr, {{"npi", "1234567893"}, {"credentials", "MD"},
                                                                      {"organization", org}, {"fax", "555-000-1111"}}});
    other_patient = create(EntityType::Patient, {{"given_name", "Alan"}, {"family_name", "Turing"},
                                                 {"birth_date", "1952-06-23"}, {"coordinator", "sam"}});
    ids["$hospital"] = create(EntityType::Organization, {{"name", "General Hospital"}, {"kind", "hospital"}});
    create(EntityType::RelatedPerson, {{"patient", p}, {"name", "Luis Acuña"}, {"relationship", "spouse"},
                                       {"emergency_contact", true}, {"caregiver", true}});
    create(EntityType::Condition, {{"patient", p}, {"name", "Type 2 diabetes"}, {"icd10", "E11.9"},
                                   {"status", "active"}, {"onset_date", "2010-03-04"}, {"notes", "Diet controlled\nsince 2012"}});
    create(EntityType::Condition, {{"patient", p}, {"name", "Pneumonia"}, {"status", "resolved"},
                                   {"onset_date", "2026-01-04"}, {"resolution_date", "2026-02-01"}});
    create(EntityType::Procedure, {{"patient", p}, {"name", "Foot examination"}, {"date", "2026-11-12"},
                                   {"performer", pr}, {"outcome", "normal"}});
    create(EntityType::Allergy, {{"patient", p}, {"substance", "Penicillin"}, {"reaction", "Hives"},
                                 {"severity", "moderate"}, {"verification", "confirmed"}, {"kind", "allergy"}});
    ids["$metformin"] = create(EntityType::Medication, {{"patient", p}, {"name", "Metformin"}, {"dose", "500 mg"},
                                                        {"route", "oral"}, {"frequency", "twice daily"}, {"prescriber", pr},
                                                        {"start_date", "2026-01-05"}, {"indication", "diabetes"}});
    create(EntityType::Medication, {{"patient", p}, {"name", "Amoxicillin"}, {"status", "stopped"},
                                    {"start_date", "2026-01-05"}, {"stop_date", "2026-01-12"}});
    create(EntityType::FamilyHistory, {{"patient", p}, {"relative", "grandparent"}, {"condition", "Stroke"},
                                       {"age_at_onset", 70}, {"deceased", true}});
    create(EntityType::SocialFactor, {{"patient", p}, {"category", "tobacco"}, {"value", "never smoker"}, {"risk", "none"}});
    create(EntityType::Measurement, {{"patient", p}, {"type", "weight"}, {"value", 81.2}, {"unit", "kg"},
                                     {"taken_at", "2026-11-12T09:15"}});
    create(EntityType::Note, {{"patient", p}, {"kind", "call"}, {"with_whom", "daughter"}, {"direction", "outbound"},
                              {"outcome", "reached"}, {"at", "2026-11-20T14:30"}, {"text", "Confirmed the visit."}});
    const std::string stay = create(EntityType::Encounter, {{"patient", p}, {"kind", "inpatient"}, {"facility", "General Hospital"},
                                                            {"admission_date", "2026-11-10"}, {"discharge_date", "2026-11-14"},
                                                            {"acute", true}, {"discharge_disposition", "home_with_services"},
                                                            {"notes", "Heart failure\nfollow up in clinic"}});
    (void)stay;
    const std::string visit = create(EntityType::Appointment, {{"patient", p}, {"practitioner", pr}, {"type", "follow_up"},
                                                               {"status", "confirmed"}, {"start", "2026-12-01T09:00"},
                                                               {"end", "2026-12-01T09:30"}, {"time_zone", "America/Chicago"},
                                                               {"location", "Room 2"}, {"reason", "after discharge"}});
    create(EntityType::Task, {{"patient", p}, {"goal", ids["$goal"]}, {"appointment", visit}, {"kind", "follow_up"},
                              {"title", "Call about the visit"}, {"due_date", "2026-11-30"}, {"priority", "low"}});
    create(EntityType::Referral, {{"patient", p}, {"to_organization", ids["$hospital"]}, {"reason", "Cardiology consult"},
                                  {"status", "scheduled"}, {"sent_date", "2026-11-15"}, {"urgency", "urgent"}});
    update(core::UpdateRecord{EntityType::Coverage, ids["$coverage"],
                                       {{"payer", org}, {"priority", "primary"}, {"status", "active"},
                                        {"start_date", "2026-01-01"}, {"relationship_to_subscriber", "self"}}});
    update(core::UpdateRecord{EntityType::Goal, ids["$goal"], {{"care_plan", ids["$care_plan"]},
                                                                        {"status", "active"}, {"measure", "HbA1c"},
                                                                        {"target", "< 7.0 %"}, {"due_date", "2027-03-01"}}});
    update(core::UpdateRecord{EntityType::CarePlan, ids["$care_plan"],
                                       {{"status", "active"}, {"problems", {"Type 2 diabetes"}}, {"start_date", "2026-01-05"},
                                        {"next_review_date", "2027-01-05"}, {"expected_outcomes", "HbA1c below 7 %"}}});
    create(EntityType::Condition, {{"patient", other_patient}, {"name", "Asthma"}, {"status", "active"}});
  }

  void update(const core::UpdateRecord& change) {
    auto done = session->commit(change);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  }

  core::fhir::ExportResult exported(ExportRequest request = {}) {
    auto done = export_fhir(session->state(), request);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    return done.value();
  }
};

std::vector<json> resources_of(const core::fhir::ExportResult& r) {
  std::vector<json> out;
  for (const json& e : json::parse(r.text)["entry"]) out.push_back(e["resource"]);
  return out;
}

void references_in(const json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    if (j.contains("reference") && j["reference"].is_string()) out.push_back(j["reference"]);
    for (const auto& [k, v] : j.items()) references_in(v, out);
  } else if (j.is_array()) {
    for (const json& v : j) references_in(v, out);
  }
}

}  // namespace

TEST_CASE("fhir export: the whole store as a collection Bundle, each reference leading to a resource in it") {
  ExportFixture f;
  auto result = f.exported();
  json bundle = json::parse(result.text);
  CHECK(bundle["resourceType"] == "Bundle");
  CHECK(bundle["type"] == "collection");
  std::set<std::string> present;
  for (const json& r : resources_of(result)) {
    const std::string id = r["id"];
    CHECK(id.size() <= 64);
    CHECK(id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.") == std::string::npos);
    CHECK(present.insert(r["resourceType"].get<std::string>() + "/" + id).second);
  }
  for (const json& r : resources_of(result)) {
    std::vector<std::string> refs;
    references_in(r, refs);
    for (const std::string& ref : refs) CHECK_MESSAGE(present.count(ref), ref);
  }
  // One resource per live record of each kind written; the deleted patient is not among them.
  CHECK(result.by_type["Patient"] == 2);
  CHECK(result.by_type["Condition"] == 3);
  CHECK(result.by_type["MedicationRequest"] == 1);    // Metformin names its prescriber
  CHECK(result.by_type["MedicationStatement"] == 1);  // Amoxicillin, stopped
  CHECK(result.by_type["Observation"] == 2);          // the weight and the social factor
  CHECK(result.by_type["CareTeam"] == 1);
  CHECK(result.by_type["Organization"] == 2);
  CHECK(result.patients == 2);
  // The same data gives the same text, ids included.
  CHECK(f.exported().text == result.text);
}

TEST_CASE("fhir export: a patient or a caseload holds their own records and the people they refer to") {
  ExportFixture f;
  auto one = f.exported({f.other_patient, "", ExportFormat::Bundle});
  CHECK(one.patients == 1);
  CHECK(one.resources == 2);  // Alan Turing and his asthma
  CHECK(one.by_type["Patient"] == 1);
  CHECK(one.by_type["Condition"] == 1);

  auto ada = f.exported({f.ids["$patient"], "", ExportFormat::Ndjson});
  CHECK(ada.patients == 1);
  CHECK(ada.by_type["Practitioner"] == 1);  // her primary care provider
  CHECK(ada.by_type["Organization"] == 2);  // the payer (also the practitioner's) and the hospital referred to
  std::size_t lines = 0;
  for (std::size_t start = 0; start < ada.text.size(); ++lines) {
    std::size_t end = ada.text.find('\n', start);
    REQUIRE(end != std::string::npos);
    json line = json::parse(ada.text.substr(start, end - start));
    CHECK(line.contains("resourceType"));
    CHECK(line.contains("id"));
    start = end + 1;
  }
  CHECK(lines == ada.resources);

  auto casey = f.exported({"", "casey", ExportFormat::Bundle});
  CHECK(casey.patients == 1);
  CHECK(casey.by_type == ada.by_type);

  auto unknown = export_fhir(f.session->state(), {"patient-nobody", "", ExportFormat::Bundle});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == core::ErrorCode::NotFound);
  CHECK(unknown.error().message.find("patient-nobody") != std::string::npos);
  auto deleted = export_fhir(f.session->state(), {f.ids["$deleted_patient"], "", ExportFormat::Bundle});
  CHECK_FALSE(deleted);
  auto nobody = export_fhir(f.session->state(), {"", "robin", ExportFormat::Bundle});
  REQUIRE_FALSE(nobody);
  CHECK(nobody.error().message.find("robin") != std::string::npos);
}

TEST_CASE("fhir export: round trip into an empty store gives the same records") {
  ExportFixture a;
  auto exported = a.exported();
  test::TempDir dir;
  core::DirectoryStorage storage{dir.path()};
  test::FixedClock clock;
  auto b = core::Session::open(storage, clock, {"casey.coordinator"});
  REQUIRE(b);
  auto imported = core::fhir::import_fhir(*b.value(), {{"export.json", exported.text}});
  REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
  CHECK(imported.value().unresolved.empty());
  CHECK(imported.value().skipped.empty());
  std::string diff;
  for (const std::string& d : fhir_test::differences(fhir_test::records_by_name(a.session->state()),
                                                     fhir_test::records_by_name(b.value()->state())))
    diff += d + "\n";
  CHECK_MESSAGE(diff.empty(), diff);
  // The second store exports the same text: ids and content are stable across stores.
  auto again = export_fhir(b.value()->state(), {});
  REQUIRE(again);
  CHECK(again.value().text == exported.text);
}

TEST_CASE("fhir export: imported resources keep their ids, and kept ones go out unchanged") {
  model_test::Fixture f;
  json claim = json::parse(R"({"resourceType": "Claim", "id": "claim-1", "status": "active", "use": "claim"})");
  json in = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", json::array({
      {{"fullUrl", "urn:uuid:0b6f3a53-8c2c-4a3e-9d2c-6a1f0e7b9c11"},
       {"resource", json::parse(R"({"resourceType": "Patient", "id": "0b6f3a53-8c2c-4a3e-9d2c-6a1f0e7b9c11",
          "name": [{"family": "Acuña", "given": ["María"]}], "birthDate": "1974-12-01",
          "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"}]})")}},
      {{"fullUrl", "http://example.org/fhir/Condition/c-7"},
       {"resource", json::parse(R"({"resourceType": "Condition", "id": "c-7", "code": {"text": "Asthma"},
          "subject": {"reference": "urn:uuid:0b6f3a53-8c2c-4a3e-9d2c-6a1f0e7b9c11"}})")}},
      {{"resource", claim}}})}};
  auto done = core::fhir::import_fhir(*f.session, {{"in.json", in.dump()}});
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  auto out = export_fhir(f.session->state(), {});
  REQUIRE(out);
  std::map<std::string, json> by_ref;
  json bundle = json::parse(out.value().text);
  for (const json& e : bundle["entry"])
    by_ref[e["resource"]["resourceType"].get<std::string>() + "/" + e["resource"]["id"].get<std::string>()] = e;
  const std::string patient = "Patient/0b6f3a53-8c2c-4a3e-9d2c-6a1f0e7b9c11";
  REQUIRE(by_ref.count(patient));
  CHECK(by_ref[patient]["fullUrl"] == "urn:uuid:0b6f3a53-8c2c-4a3e-9d2c-6a1f0e7b9c11");
  CHECK(by_ref[patient]["resource"]["extension"][0]["valueCode"] == "F");  // kept at import, written again
  REQUIRE(by_ref.count("Condition/c-7"));
  CHECK(by_ref["Condition/c-7"]["resource"]["subject"]["reference"] == patient);
  REQUIRE(by_ref.count("Claim/claim-1"));
  CHECK(by_ref["Claim/claim-1"]["resource"] == claim);
  // Records made in Liaison get ids derived from their own.
  CHECK(core::fhir::ExportIds(f.session->state()).reference(EntityType::Patient, f.ids["$patient"]) ==
        "Patient/" + f.ids["$patient"]);
}

TEST_CASE("fhir export: a patient's export is the part of the whole store's export that is theirs") {
  synthetic::ClinicSize size;
  size.patients = 40;
  size.seed = 11;
  const core::State state = synthetic::generate_clinic(size).state;
  auto whole = export_fhir(state, {});
  REQUIRE(whole);
  std::vector<std::string> all;
  for (const json& entry : json::parse(whole.value().text)["entry"]) all.push_back(entry.dump());
  int checked = 0;
  for (const auto& [key, patient] : state.table<core::Patient>()) {
    if (patient.deleted || ++checked > 4) continue;
    const core::Id<core::Patient> id = key;  // a plain variable: CAPTURE's lambda cannot name a binding
    CAPTURE(id.value);
    auto one = export_fhir(state, {id.value, "", ExportFormat::Bundle});
    REQUIRE(one);
    // Every entry is the whole export's, in the whole export's order.
    std::size_t at = 0;
    for (const json& entry : json::parse(one.value().text)["entry"]) {
      const std::string text = entry.dump();
      while (at < all.size() && all[at] != text) ++at;
      CHECK(at < all.size());
    }
    CHECK(one.value().by_type["Patient"] == 1);
    CHECK(one.value().by_type["Condition"] == state.records_of<core::Condition>(id).size());
  }
  CHECK(checked > 1);
}

TEST_CASE("fhir export: step by step, in pieces of any size, gives the same text as one go") {
  ExportFixture f;
  for (const ExportFormat format : {ExportFormat::Bundle, ExportFormat::Ndjson}) {
    const ExportRequest whole{"", "", format};
    const std::string expected = f.exported(whole).text;
    if (format == ExportFormat::Bundle)  // the Bundle is written as nlohmann::json writes it
      CHECK(json::parse(expected).dump(-1, ' ', false, json::error_handler_t::replace) == expected);
    for (const std::size_t budget : {std::size_t{1}, std::size_t{7}, std::size_t{100000}}) {
      CAPTURE(budget);
      core::fhir::ExportJob job(f.session->state(), whole);
      double last = job.progress();
      int steps = 0;
      while (job.step(budget)) {
        ++steps;
        CHECK(job.progress() >= last);
        last = job.progress();
      }
      CHECK(job.progress() == 1.0);
      CHECK(job.step(budget) == false);  // a finished job stays finished
      if (budget == 1) CHECK(steps > 20);
      auto result = job.finish();
      REQUIRE(result);
      CHECK(result.value().text == expected);
    }
  }
  core::fhir::ExportJob refused(f.session->state(), {"patient-nobody", "", ExportFormat::Bundle});
  CHECK(refused.step(10) == false);
  CHECK_FALSE(refused.finish());
}
