// FHIR R4 import on small hand-written inputs (no files: these run in the wasm build too):
// mapping, every kind of reference, re-import without duplicates, and each bad input refused
// with its own message while the store stays exactly as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/fhir/fhir_import.hpp"
#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;
using core::fhir::FhirFile;
using core::fhir::import_fhir;

namespace {

json patient_resource(const std::string& id = "p1") {
  return json::parse(R"({"resourceType": "Patient", "id": ")" + id + R"(",
    "identifier": [{"type": {"coding": [{"code": "MR"}]}, "system": "http://hospital.example/mrn", "value": "MRN-)" + id + R"("}],
    "name": [{"use": "official", "family": "Acuña", "given": ["María", "José"]}],
    "gender": "female", "birthDate": "1974-12",
    "telecom": [{"system": "phone", "value": "555-201-3344"}, {"system": "email", "value": "maria@example.org"}],
    "address": [{"line": ["12 Elm St"], "city": "Boston", "state": "MA", "postalCode": "02101", "country": "US"}],
    "communication": [{"language": {"text": "Spanish"}, "preferred": true}],
    "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired", "valueBoolean": true}]})");
}

json entry(const std::string& full_url, json resource) { return json{{"fullUrl", full_url}, {"resource", std::move(resource)}}; }

json bundle(std::vector<json> entries, const std::string& type = "collection") {
  return json{{"resourceType", "Bundle"}, {"type", type}, {"entry", std::move(entries)}};
}

// A small patient record touching each mapped type, linked by urn:uuid references.
json sample_bundle() {
  return bundle({
      entry("urn:uuid:org-1", json::parse(R"({"resourceType": "Organization", "id": "org-1", "name": "General Hospital",
            "type": [{"coding": [{"code": "prov"}]}]})")),
      entry("urn:uuid:pr-1", json::parse(R"({"resourceType": "Practitioner", "id": "pr-1",
            "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
            "name": [{"family": "Diaz", "given": ["Rosa"], "prefix": ["Dr."], "suffix": ["MD"]}]})")),
      entry("urn:uuid:p1", [] {
        json p = patient_resource();
        p["generalPractitioner"] = json::array({{{"reference", "urn:uuid:pr-1"}}});
        return p;
      }()),
      entry("urn:uuid:enc-1", json::parse(R"({"resourceType": "Encounter", "id": "enc-1", "status": "finished",
            "class": {"code": "IMP"}, "subject": {"reference": "urn:uuid:p1"},
            "serviceProvider": {"reference": "urn:uuid:org-1"},
            "period": {"start": "2026-11-10T08:00:00-05:00", "end": "2026-11-14T11:30:00-05:00"},
            "hospitalization": {"dischargeDisposition": {"coding": [{"code": "home"}]}}})")),
      entry("urn:uuid:c-1", json::parse(R"({"resourceType": "Condition", "id": "c-1",
            "clinicalStatus": {"coding": [{"code": "active"}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9", "display": "Type 2 diabetes"}]},
            "subject": {"reference": "urn:uuid:p1"}, "onsetDateTime": "2010-03-04T10:00:00Z"})")),
      entry("urn:uuid:a-1", json::parse(R"({"resourceType": "AllergyIntolerance", "id": "a-1", "type": "allergy",
            "code": {"text": "Penicillin"}, "patient": {"reference": "urn:uuid:p1"},
            "reaction": [{"manifestation": [{"text": "Hives"}], "severity": "moderate"}]})")),
      entry("urn:uuid:m-1", json::parse(R"({"resourceType": "MedicationRequest", "id": "m-1", "status": "active",
            "contained": [{"resourceType": "Medication", "id": "med", "code": {"text": "Metformin 500 mg tablet"}}],
            "medicationReference": {"reference": "#med"}, "subject": {"reference": "urn:uuid:p1"},
            "requester": {"reference": "urn:uuid:pr-1"}, "authoredOn": "2026-01-05",
            "dosageInstruction": [{"route": {"text": "Oral route"},
                                   "doseAndRate": [{"doseQuantity": {"value": 500, "unit": "mg"}}]}]})")),
      entry("urn:uuid:o-1", json::parse(R"({"resourceType": "Observation", "id": "o-1", "status": "final",
            "code": {"text": "Body weight"}, "subject": {"reference": "urn:uuid:p1"},
            "effectiveDateTime": "2026-11-12T09:15:00+10:00", "valueQuantity": {"value": 81.20, "unit": "kg"}})")),
      entry("urn:uuid:o-2", json::parse(R"({"resourceType": "Observation", "id": "o-2", "status": "final",
            "code": {"text": "Blood pressure"}, "subject": {"reference": "urn:uuid:p1"},
            "effectiveDateTime": "2026-11-12T09:20:00Z",
            "component": [{"code": {"text": "Systolic"}, "valueQuantity": {"value": 142, "unit": "mmHg"}},
                          {"code": {"text": "Diastolic"}, "valueQuantity": {"value": 88, "unit": "mmHg"}}]})")),
      entry("urn:uuid:cp-1", json::parse(R"({"resourceType": "CarePlan", "id": "cp-1", "status": "active",
            "category": [{"text": "Diabetes self management plan"}], "subject": {"reference": "urn:uuid:p1"},
            "addresses": [{"reference": "urn:uuid:c-1"}], "period": {"start": "2026-01-05"}})")),
      entry("urn:uuid:i-1", json::parse(R"({"resourceType": "Immunization", "id": "i-1", "status": "completed",
            "vaccineCode": {"text": "Influenza, seasonal"}, "patient": {"reference": "urn:uuid:p1"},
            "occurrenceDateTime": "2026-10-01T10:00:00Z"})")),
      entry("urn:uuid:pc-1", json::parse(R"({"resourceType": "Procedure", "id": "pc-1", "status": "completed",
            "code": {"text": "Foot examination"}, "subject": {"reference": "urn:uuid:p1"},
            "performedPeriod": {"start": "2026-11-12T09:30:00Z", "end": "2026-11-12T09:45:00Z"}})")),
      entry("urn:uuid:claim-1", json::parse(R"({"resourceType": "Claim", "id": "claim-1", "status": "active"})")),
  });
}

template <class T>
std::vector<const T*> live(const core::State& state) {
  std::vector<const T*> out;
  for (const auto& [id, r] : state.table<T>())
    if (!r.deleted) out.push_back(&r);
  return out;
}

struct ImportFixture : model_test::Fixture {
  core::Result<core::fhir::ImportSummary> run(const json& content, const std::string& name = "sample.json",
                                              core::fhir::ImportOptions options = {}) {
    return import_fhir(*session, {FhirFile{name, content.dump()}}, options);
  }
  core::Result<core::fhir::ImportSummary> run_text(const std::string& text, const std::string& name = "bad.json") {
    return import_fhir(*session, {FhirFile{name, text}});
  }
  // The record the FHIR resource became.
  std::string record_of(const std::string& type, const std::string& fhir_id) const {
    for (const auto* r : live<core::FhirResource>(session->state()))
      if (r->resource_type == type && r->fhir_id == fhir_id) return r->record_id;
    return "";
  }
};

}  // namespace

TEST_CASE("fhir import: a bundle becomes Liaison records of each mapped type") {
  ImportFixture f;
  auto done = f.run(sample_bundle());
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  const core::State& s = f.session->state();

  const auto* patient = s.find(core::Id<core::Patient>{f.record_of("Patient", "p1")});
  REQUIRE(patient);
  CHECK(patient->given_name == "María José");
  CHECK(patient->family_name == "Acuña");
  CHECK(core::format_civil_date(*patient->birth_date) == "1974-12-01");
  CHECK(patient->mrn == "MRN-p1");
  CHECK(patient->language == "Spanish");
  CHECK(patient->interpreter_needed);
  CHECK(patient->phones == std::vector<std::string>{"555-201-3344"});
  CHECK(patient->primary_care_provider.value == f.record_of("Practitioner", "pr-1"));

  const auto* practitioner = s.find(core::Id<core::Practitioner>{f.record_of("Practitioner", "pr-1")});
  REQUIRE(practitioner);
  CHECK(practitioner->name == "Dr. Rosa Diaz");
  CHECK(practitioner->npi == "1234567893");

  const auto* stay = s.find(core::Id<core::Encounter>{f.record_of("Encounter", "enc-1")});
  REQUIRE(stay);
  CHECK(stay->kind == "inpatient");  // what the transition-of-care rules read
  CHECK(stay->facility == "General Hospital");
  CHECK(core::format_civil_date(*stay->admission_date) == "2026-11-10");
  CHECK(core::format_civil_date(*stay->discharge_date) == "2026-11-14");
  CHECK(stay->discharge_disposition == "home");

  const auto* condition = s.find(core::Id<core::Condition>{f.record_of("Condition", "c-1")});
  REQUIRE(condition);
  CHECK(condition->name == "Type 2 diabetes");
  CHECK(condition->icd10 == "E11.9");
  CHECK(condition->status == "active");

  const auto* medication = s.find(core::Id<core::Medication>{f.record_of("MedicationRequest", "m-1")});
  REQUIRE(medication);
  CHECK(medication->name == "Metformin 500 mg tablet");  // from the contained Medication
  CHECK(medication->route == "oral");
  CHECK(medication->dose == "500 mg");
  CHECK(medication->prescriber.value == practitioner->id.value);

  const auto* allergy = s.find(core::Id<core::Allergy>{f.record_of("AllergyIntolerance", "a-1")});
  REQUIRE(allergy);
  CHECK(allergy->substance == "Penicillin");
  CHECK(allergy->reaction == "Hives");
  CHECK(allergy->severity == "moderate");

  const auto* weight = s.find(core::Id<core::Measurement>{f.record_of("Observation", "o-1")});
  REQUIRE(weight);
  CHECK(*weight->value == doctest::Approx(81.2));
  CHECK(weight->taken_at == "2026-11-12T09:15");  // wall time as written
  const auto* pressure = s.find(core::Id<core::Measurement>{f.record_of("Observation", "o-2")});
  REQUIRE(pressure);
  CHECK(pressure->result == "Systolic 142 mmHg; Diastolic 88 mmHg");

  const auto* plan = s.find(core::Id<core::CarePlan>{f.record_of("CarePlan", "cp-1")});
  REQUIRE(plan);
  CHECK(plan->problems == std::vector<std::string>{"Type 2 diabetes"});
  const auto* vaccine = s.find(core::Id<core::Procedure>{f.record_of("Immunization", "i-1")});
  REQUIRE(vaccine);
  CHECK(vaccine->name == "Immunization: Influenza, seasonal");
  CHECK(s.find(core::Id<core::Procedure>{f.record_of("Procedure", "pc-1")}));

  // The Claim has no place in Liaison: counted and kept whole for export.
  CHECK(done.value().by_type["Claim"].kept == 1);
  CHECK(f.record_of("Claim", "claim-1").empty());
  bool kept = false;
  for (const auto* r : live<core::FhirResource>(s))
    if (r->resource_type == "Claim") kept = json::parse(r->kept_json)["id"] == "claim-1";
  CHECK(kept);
  CHECK(done.value().by_type["Observation"].added == 2);
  CHECK(done.value().unresolved.empty());
  // One commit: one undo takes the whole import back.
  REQUIRE(f.session->commit(core::UndoLast{}));
  CHECK(f.record_of("Patient", "p1").empty());
}

TEST_CASE("fhir import: each kind of reference resolves") {
  struct Row {
    std::string kind;
    std::string patient_full_url;
    std::string reference;
  };
  const std::vector<Row> rows = {
      {"urn:uuid", "urn:uuid:7b1a", "urn:uuid:7b1a"},
      {"relative", "http://example.org/fhir/Patient/p1", "Patient/p1"},
      {"absolute", "http://example.org/fhir/Patient/p1", "http://example.org/fhir/Patient/p1"},
      {"absolute on another server", "", "https://other.example/fhir/Patient/p1"},
      {"versioned", "http://example.org/fhir/Patient/p1", "http://example.org/fhir/Patient/p1/_history/3"},
      {"versioned relative", "", "Patient/p1/_history/2"},
      {"conditional", "", "Patient?identifier=http://hospital.example/mrn|MRN-p1"},
      {"conditional url-encoded", "", "Patient?identifier=http%3A%2F%2Fhospital.example%2Fmrn%7CMRN-p1"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.kind);
    ImportFixture f;
    json condition = json::parse(R"({"resourceType": "Condition", "id": "c-1", "code": {"text": "Asthma"}})");
    condition["subject"] = {{"reference", row.reference}};
    auto done = f.run(bundle({entry(row.patient_full_url, patient_resource()), entry("", condition)}));
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    CHECK(done.value().unresolved.empty());
    const auto* c = f.session->state().find(core::Id<core::Condition>{f.record_of("Condition", "c-1")});
    CHECK(c);
    if (c) CHECK(c->patient.value == f.record_of("Patient", "p1"));
  }
}

TEST_CASE("fhir import: references resolve against what an earlier import stored") {
  ImportFixture f;
  REQUIRE(f.run(bundle({entry("urn:uuid:p1", patient_resource()),
                        entry("urn:uuid:pr-1", json::parse(R"({"resourceType": "Practitioner", "id": "pr-1",
                              "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
                              "name": [{"family": "Diaz"}]})"))})));
  // A transaction like Synthea's: conditional references to data loaded before, and a plain one.
  auto done = f.run(bundle({entry("urn:uuid:m-9", json::parse(R"({"resourceType": "MedicationRequest", "id": "m-9",
      "status": "active", "medicationCodeableConcept": {"text": "Lisinopril 10 mg"},
      "subject": {"reference": "Patient/p1"},
      "requester": {"reference": "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893"}})"))},
                           "transaction"));
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  CHECK(done.value().unresolved.empty());
  const auto* m = f.session->state().find(core::Id<core::Medication>{f.record_of("MedicationRequest", "m-9")});
  REQUIRE(m);
  CHECK(m->patient.value == f.record_of("Patient", "p1"));
  CHECK(m->prescriber.value == f.record_of("Practitioner", "pr-1"));
}

TEST_CASE("fhir import: an unresolved reference is reported and the import goes on") {
  ImportFixture f;
  json med = json::parse(R"({"resourceType": "MedicationRequest", "id": "m-1", "status": "active",
      "medicationCodeableConcept": {"text": "Aspirin"}, "subject": {"reference": "urn:uuid:p1"},
      "requester": {"reference": "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999999"}})");
  json orphan = json::parse(R"({"resourceType": "Condition", "id": "c-9", "code": {"text": "Gout"},
      "subject": {"reference": "Patient/nobody"}})");
  auto done = f.run(bundle({entry("urn:uuid:p1", patient_resource()), entry("", med), entry("", orphan)}), "mixed.json");
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  const auto& unresolved = done.value().unresolved;
  REQUIRE(unresolved.size() == 2);
  auto reported = [&](const std::string& line) {
    return std::find(unresolved.begin(), unresolved.end(), line) != unresolved.end();
  };
  CHECK(reported("mixed.json: entry 1 (MedicationRequest) at /requester/reference: "
                 "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999999 was not found in this import "
                 "or in Liaison (kept as text)"));
  CHECK(reported("mixed.json: entry 2 (Condition) at /subject/reference: Patient/nobody was not found in this import "
                 "or in Liaison (kept as text)"));
  // The medication is kept without a prescriber; the condition has no patient, so it is skipped.
  const auto* m = f.session->state().find(core::Id<core::Medication>{f.record_of("MedicationRequest", "m-1")});
  REQUIRE(m);
  CHECK(m->prescriber.empty());
  CHECK(done.value().by_type["Condition"].skipped == 1);
  CHECK(f.record_of("Condition", "c-9").empty());
}

TEST_CASE("fhir import: importing the same data again updates instead of duplicating") {
  ImportFixture f;
  REQUIRE(f.run(sample_bundle()));
  const core::State first = f.session->state();
  auto again = f.run(sample_bundle());
  REQUIRE_MESSAGE(again.ok(), (again.ok() ? std::string() : again.error().message));
  CHECK(f.session->state() == first);  // nothing changed, nothing added
  CHECK(again.value().by_type["Patient"].unchanged == 1);
  CHECK(again.value().by_type["Patient"].added == 0);
  CHECK(again.value().by_type["Observation"].unchanged == 2);
  CHECK(again.value().by_type["Claim"].kept == 1);
  CHECK(live<core::FhirResource>(f.session->state()).size() == live<core::FhirResource>(first).size());

  // A changed resource updates its record.
  json changed = sample_bundle();
  changed["entry"][2]["resource"]["address"][0]["city"] = "Cambridge";
  auto third = f.run(changed);
  REQUIRE(third);
  CHECK(third.value().by_type["Patient"].updated == 1);
  CHECK(live<core::Patient>(f.session->state()).size() == live<core::Patient>(first).size());
  CHECK(f.session->state().find(core::Id<core::Patient>{f.record_of("Patient", "p1")})->city == "Cambridge");
}

TEST_CASE("fhir import: a patient or practitioner already in Liaison is matched by MRN or NPI") {
  ImportFixture f;
  std::string ada = f.create(EntityType::Patient, {{"given_name", "M"}, {"family_name", "A"}, {"birth_date", "1974-12-01"},
                                                   {"mrn", "MRN-p1"}});
  std::string rosa = f.create(EntityType::Practitioner, {{"name", "R Diaz"}, {"npi", "1234567893"}});
  const std::size_t patients = live<core::Patient>(f.session->state()).size();
  const std::size_t practitioners = live<core::Practitioner>(f.session->state()).size();
  auto done = f.run(sample_bundle());
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  CHECK(f.record_of("Patient", "p1") == ada);
  CHECK(f.record_of("Practitioner", "pr-1") == rosa);
  CHECK(live<core::Patient>(f.session->state()).size() == patients);
  CHECK(live<core::Practitioner>(f.session->state()).size() == practitioners);
  CHECK(f.session->state().find(core::Id<core::Patient>{ada})->family_name == "Acuña");
}

TEST_CASE("fhir import: shared organizations and practitioners across bundles are kept once") {
  ImportFixture f;
  json second = sample_bundle();
  second["entry"][2]["resource"] = patient_resource("p2");
  second["entry"][2]["fullUrl"] = "urn:uuid:p1";  // the other records still point at this patient
  auto done = import_fhir(*f.session, {FhirFile{"one.json", sample_bundle().dump()}, FhirFile{"two.json", second.dump()}});
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  CHECK(done.value().by_type["Organization"].added == 1);
  CHECK(done.value().by_type["Organization"].unchanged == 1);
  CHECK(done.value().by_type["Practitioner"].added == 1);
  int hospitals = 0;
  for (const auto* o : live<core::Organization>(f.session->state())) hospitals += o->name == "General Hospital";
  CHECK(hospitals == 1);
}

TEST_CASE("fhir import: a single resource and NDJSON import too") {
  ImportFixture f;
  auto single = f.run(patient_resource("p7"), "patient.json");
  REQUIRE_MESSAGE(single.ok(), (single.ok() ? std::string() : single.error().message));
  CHECK(!f.record_of("Patient", "p7").empty());
  std::string ndjson = patient_resource("p8").dump() + "\n\n" +
                       json::parse(R"({"resourceType": "Condition", "id": "c-8", "code": {"text": "Asthma"},
                                       "subject": {"reference": "Patient/p8"}})").dump() + "\n";
  auto bulk = import_fhir(*f.session, {FhirFile{"Patient.ndjson", ndjson}});
  REQUIRE_MESSAGE(bulk.ok(), (bulk.ok() ? std::string() : bulk.error().message));
  CHECK(bulk.value().resources == 2);
  CHECK(!f.record_of("Condition", "c-8").empty());
}

TEST_CASE("fhir import: progress is reported and a dry run writes nothing") {
  ImportFixture f;
  const core::State before = f.session->state();
  std::size_t last_done = 0, last_total = 0;
  core::fhir::ImportOptions options;
  options.dry_run = true;
  options.progress = [&](std::size_t done, std::size_t total) {
    CHECK(done >= last_done);
    last_done = done;
    last_total = total;
  };
  auto done = f.run(sample_bundle(), "sample.json", options);
  REQUIRE(done);
  CHECK(last_total == 13);
  CHECK(last_done == 13);
  CHECK(!done.value().written);
  CHECK(done.value().by_type["Patient"].added == 1);
  CHECK(f.session->state() == before);
}

TEST_CASE("fhir import: each bad input is refused with its own message and the store is unchanged") {
  struct Row {
    std::string what;
    std::string bytes;
    std::string message;
  };
  auto with_entry = [](const std::string& resource_text) {
    return R"({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": )" + patient_resource().dump() +
           R"(}, {"resource": )" + resource_text + "}]}";
  };
  // Well-formed but too deep for the recursive parser: 200 levels, and 100,000 (a stack overflow
  // if parsed).
  auto nested = [](int levels) {
    return R"({"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Basic", "extension": )" +
           std::string(static_cast<std::size_t>(levels), '[') + std::string(static_cast<std::size_t>(levels), ']') + "}}]}";
  };
  std::string huge = with_entry(R"({"resourceType": "Observation", "status": "final", "code": {"text": ")" +
                                std::string(9u << 20, 'x') + R"("}})");
  const std::vector<Row> rows = {
      {"malformed JSON", R"({"resourceType": "Patient", "id": "p1",)", "bad.json at /id: not valid JSON (syntax error while parsing object key"},
      {"truncated bundle", with_entry(R"({"resourceType": "Condition")"),
       "bad.json: entry 1: not valid JSON (syntax error while parsing object - unexpected ']'; expected '}') at byte "},
      {"wrong resourceType", with_entry(R"({"resourceType": "Patinet", "id": "x"})"),
       "bad.json: entry 1 at /resourceType: \"Patinet\" is not a FHIR R4 resource type"},
      {"no resourceType", R"({"id": "p1"})", "bad.json at /resourceType: no resourceType"},
      {"bad date", with_entry(R"({"resourceType": "Condition", "code": {"text": "Asthma"}, "subject": {"reference": "Patient/p1"},
                                 "onsetDateTime": "2026-02-30"})"),
       "bad.json: entry 1 (Condition) at /onsetDateTime: \"2026-02-30\" is not a valid FHIR date"},
      {"bad time zone", with_entry(R"({"resourceType": "Observation", "status": "final", "code": {"text": "Weight"},
                                      "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-02-03T10:00:00+25:00",
                                      "valueQuantity": {"value": 3}})"),
       "bad.json: entry 1 (Observation) at /effectiveDateTime: \"2026-02-03T10:00:00+25:00\" is not a valid FHIR date"},
      {"text where a number belongs", with_entry(R"({"resourceType": "Observation", "status": "final", "code": {"text": "Weight"},
                                   "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-02-03",
                                   "valueQuantity": {"value": "81"}})"),
       "bad.json: entry 1 (Observation) at /valueQuantity/value: expected a number"},
      {"deep nesting", nested(200), "bad.json: entry 0 at /extension/0/0/0/0/0/0"},
      {"deep nesting", nested(200), "nested deeper than 64 levels; this is not FHIR data"},
      {"very deep nesting", nested(100000), "nested deeper than 64 levels; this is not FHIR data"},
      {"huge string", huge, "bad.json: entry 1 at /code/text: a text value is longer than 8 MB"},
      {"invalid UTF-8", with_entry("{\"resourceType\": \"Condition\", \"code\": {\"text\": \"Asth\xff\xfe\"}}"),
       "bad.json: entry 1 at /code/text: the text is not valid UTF-8"},
      {"a record Liaison refuses", with_entry(R"({"resourceType": "Patient", "id": "p2",
            "name": [{"family": "Other", "given": ["Person"]}], "birthDate": "2030-01-01"})"),
       "bad.json: entry 1 (Patient): The patient was not saved: check the highlighted fields. "
       "The date of birth cannot be in the future."},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    ImportFixture f;
    REQUIRE(f.run(bundle({entry("", patient_resource("p0"))}), "earlier.json"));
    const core::State before = f.session->state();
    auto done = f.run_text(row.bytes);
    CHECK_FALSE(done.ok());
    CHECK(f.session->state() == before);
    if (done) continue;
    CHECK_MESSAGE(done.error().message.find(row.message) != std::string::npos, done.error().message);
    CHECK(f.session->state() == before);
  }
}

TEST_CASE("fhir import: dates in every R4 form are read as the wall date and time written") {
  struct Row {
    std::string fhir;
    std::string taken_at;
  };
  const std::vector<Row> rows = {
      {"2026-11-12T09:15:00Z", "2026-11-12T09:15"},       {"2026-11-12T23:59:59.123-05:00", "2026-11-12T23:59"},
      {"2026-11-12T00:00:00+10:00", "2026-11-12T00:00"}, {"2026-11-12", "2026-11-12T00:00"},
      {"2026-11", "2026-11-01T00:00"},                    {"2026", "2026-01-01T00:00"},
      {"2024-02-29T12:00:00+14:00", "2024-02-29T12:00"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.fhir);
    ImportFixture f;
    json o = json::parse(R"({"resourceType": "Observation", "id": "o", "status": "final", "code": {"text": "Weight"},
        "subject": {"reference": "Patient/p1"}, "valueQuantity": {"value": 70}})");
    o["effectiveDateTime"] = row.fhir;
    auto done = f.run(bundle({entry("", patient_resource()), entry("", o)}));
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    const auto* m = f.session->state().find(core::Id<core::Measurement>{f.record_of("Observation", "o")});
    REQUIRE(m);
    CHECK(m->taken_at == row.taken_at);
  }
}

TEST_CASE("fhir import: coverage, service requests and tasks become coverage, referrals and tasks") {
  ImportFixture f;
  auto done = f.run(bundle({
      entry("urn:uuid:p1", patient_resource()),
      entry("urn:uuid:payer", json::parse(R"({"resourceType": "Organization", "id": "payer", "name": "Prairie Health Plan",
            "type": [{"coding": [{"code": "pay"}]}]})")),
      entry("", json::parse(R"({"resourceType": "Coverage", "id": "cov", "status": "active", "subscriberId": "XK-1001",
            "beneficiary": {"reference": "urn:uuid:p1"}, "payor": [{"reference": "urn:uuid:payer"}],
            "relationship": {"coding": [{"code": "self"}]}, "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "class": [{"type": {"coding": [{"code": "plan"}]}, "value": "G-77", "name": "Gold PPO"},
                      {"type": {"coding": [{"code": "group"}]}, "value": "GRP-5"}], "order": 1})")),
      entry("", json::parse(R"({"resourceType": "ServiceRequest", "id": "sr", "status": "active", "intent": "order",
            "priority": "urgent", "code": {"text": "Cardiology consult"}, "subject": {"reference": "urn:uuid:p1"},
            "reasonCode": [{"text": "Chest pain"}], "performer": [{"reference": "urn:uuid:payer"}],
            "authoredOn": "2026-11-20T10:00:00Z"})")),
      entry("", json::parse(R"({"resourceType": "Task", "id": "t", "status": "in-progress", "intent": "order",
            "priority": "asap", "description": "Call about the cardiology appointment", "for": {"reference": "urn:uuid:p1"},
            "restriction": {"period": {"end": "2026-12-02"}}})")),
  }));
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  const core::State& s = f.session->state();
  const auto* cov = s.find(core::Id<core::Coverage>{f.record_of("Coverage", "cov")});
  REQUIRE(cov);
  CHECK(cov->plan_name == "Gold PPO");
  CHECK(cov->member_id == "XK-1001");
  CHECK(cov->group_number == "GRP-5");
  CHECK(cov->payer.value == f.record_of("Organization", "payer"));
  CHECK(cov->priority == "primary");
  CHECK(cov->status == "active");
  const auto* ref = s.find(core::Id<core::Referral>{f.record_of("ServiceRequest", "sr")});
  REQUIRE(ref);
  CHECK(ref->reason == "Cardiology consult: Chest pain");
  CHECK(ref->status == "sent");
  CHECK(ref->urgency == "urgent");
  CHECK(ref->to_organization.value == f.record_of("Organization", "payer"));
  const auto* task = s.find(core::Id<core::Task>{f.record_of("Task", "t")});
  REQUIRE(task);
  CHECK(task->title == "Call about the cardiology appointment");
  CHECK(task->status == "in_progress");
  CHECK(task->priority == "high");
  CHECK(core::format_civil_date(*task->due_date) == "2026-12-02");
}

namespace {

// A practitioner with a role, a clinic, a place, a medication and a care team for patient p1.
json team_bundle() {
  return bundle({
      entry("urn:uuid:org", json::parse(R"({"resourceType": "Organization", "id": "org", "name": "Heart Clinic"})")),
      entry("urn:uuid:pr", json::parse(R"({"resourceType": "Practitioner", "id": "pr",
            "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
            "name": [{"family": "Diaz", "given": ["Rosa"]}]})")),
      entry("urn:uuid:role", json::parse(R"({"resourceType": "PractitionerRole", "id": "role", "active": true,
            "practitioner": {"reference": "urn:uuid:pr"}, "organization": {"reference": "urn:uuid:org"},
            "code": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/practitioner-role", "code": "doctor"}]}],
            "specialty": [{"text": "Cardiology"}]})")),
      entry("urn:uuid:loc", json::parse(R"({"resourceType": "Location", "id": "loc", "name": "Heart Clinic, room 4"})")),
      entry("urn:uuid:med", json::parse(R"({"resourceType": "Medication", "id": "med", "code": {"text": "Lisinopril 10 mg tablet"}})")),
      entry("urn:uuid:p1", patient_resource()),
      entry("urn:uuid:rel", json::parse(R"({"resourceType": "RelatedPerson", "id": "rel", "patient": {"reference": "urn:uuid:p1"},
            "name": [{"text": "Luis Acuña"}]})")),
      entry("", json::parse(R"({"resourceType": "MedicationRequest", "id": "mr", "status": "active", "intent": "order",
            "medicationReference": {"reference": "urn:uuid:med"}, "subject": {"reference": "urn:uuid:p1"}})")),
      entry("", json::parse(R"({"resourceType": "Encounter", "id": "enc", "status": "finished", "class": {"code": "AMB"},
            "subject": {"reference": "urn:uuid:p1"}, "location": [{"location": {"reference": "urn:uuid:loc"}}],
            "period": {"start": "2026-11-02T09:00:00Z"}})")),
      entry("", json::parse(R"({"resourceType": "CareTeam", "id": "team", "status": "active",
            "subject": {"reference": "urn:uuid:p1"}, "period": {"start": "2026-01-05"},
            "participant": [{"role": [{"text": "Cardiologist"}], "member": {"reference": "urn:uuid:role"}},
                            {"role": [{"text": "Specialty clinic"}], "member": {"reference": "urn:uuid:org"}},
                            {"role": [{"text": "Caregiver"}], "member": {"reference": "urn:uuid:rel"}}]})")),
  });
}

}  // namespace

TEST_CASE("fhir import: practitioner roles, care teams, locations and medications fill in what they name") {
  ImportFixture f;
  auto done = f.run(team_bundle());
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  const core::State& s = f.session->state();
  const auto* practitioner = s.find(core::Id<core::Practitioner>{f.record_of("Practitioner", "pr")});
  REQUIRE(practitioner);
  CHECK(practitioner->role == "physician");
  CHECK(practitioner->specialty == "Cardiology");
  CHECK(practitioner->organization.value == f.record_of("Organization", "org"));
  // The role, the place and the medication stay FHIR data, kept whole for export.
  CHECK(f.record_of("PractitionerRole", "role").empty());
  CHECK(done.value().by_type["Location"].kept == 1);
  CHECK(done.value().by_type["Medication"].kept == 1);
  const auto* medication = s.find(core::Id<core::Medication>{f.record_of("MedicationRequest", "mr")});
  REQUIRE(medication);
  CHECK(medication->name == "Lisinopril 10 mg tablet");
  const auto* visit = s.find(core::Id<core::Encounter>{f.record_of("Encounter", "enc")});
  REQUIRE(visit);
  CHECK(visit->facility == "Heart Clinic, room 4");

  struct Row {
    std::string role;
    std::string practitioner;
    std::string organization;
  };
  const std::vector<Row> rows = {
      {"Cardiologist", practitioner->id.value, ""},  // through the PractitionerRole
      {"Specialty clinic", "", f.record_of("Organization", "org")},
  };
  auto team_of_p1 = [&] {
    auto all = live<core::CareTeamMember>(s);
    all.erase(std::remove_if(all.begin(), all.end(), [&](const auto* m) { return m->patient.value != f.record_of("Patient", "p1"); }),
              all.end());
    return all;
  };
  auto members = team_of_p1();
  CHECK(members.size() == rows.size());  // the relative is family, not a care team member
  for (const Row& row : rows) {
    CAPTURE(row.role);
    auto it = std::find_if(members.begin(), members.end(), [&](const auto* m) { return m->role == row.role; });
    REQUIRE(it != members.end());
    CHECK((*it)->patient.value == f.record_of("Patient", "p1"));
    CHECK((*it)->practitioner.value == row.practitioner);
    CHECK((*it)->organization.value == row.organization);
    CHECK(core::format_civil_date(*(*it)->start_date) == "2026-01-05");
  }

  // Again: nothing added, nothing changed.
  const std::size_t practitioners = live<core::Practitioner>(s).size();
  auto again = f.run(team_bundle());
  REQUIRE_MESSAGE(again.ok(), (again.ok() ? std::string() : again.error().message));
  CHECK(team_of_p1().size() == rows.size());
  CHECK(live<core::Practitioner>(s).size() == practitioners);
  for (const char* type : {"CareTeam", "PractitionerRole", "Practitioner", "MedicationRequest"}) {
    CAPTURE(type);
    CHECK(again.value().by_type[type].unchanged == 1);
  }

  // A later file naming the medication and the place an earlier import kept still finds their names.
  auto later = f.run(bundle({entry("", json::parse(R"({"resourceType": "MedicationStatement", "id": "ms", "status": "active",
        "medicationReference": {"reference": "Medication/med"}, "subject": {"reference": "Patient/p1"}})"))}),
                     "later.json");
  REQUIRE_MESSAGE(later.ok(), (later.ok() ? std::string() : later.error().message));
  const auto* stated = s.find(core::Id<core::Medication>{f.record_of("MedicationStatement", "ms")});
  REQUIRE(stated);
  CHECK(stated->name == "Lisinopril 10 mg tablet");
}

TEST_CASE("fhir import: appointment statuses and types become Liaison's") {
  struct Row {
    std::string status, appointment_type, service_type;
    std::string want_status, want_type;
  };
  const std::vector<Row> rows = {
      {"proposed", "", "", "proposed", ""},
      {"pending", "", "", "proposed", ""},
      {"waitlist", "", "", "proposed", ""},
      {"booked", "FOLLOWUP", "", "booked", "follow_up"},
      {"arrived", "ROUTINE", "", "arrived", "office_visit"},
      {"checked-in", "CHECKUP", "", "arrived", "office_visit"},
      {"fulfilled", "", "Home visit", "completed", "home_visit"},
      {"cancelled", "", "Telehealth consultation", "cancelled", "telehealth"},
      {"noshow", "", "Laboratory draw", "no_show", "lab"},
      {"booked", "", "Minor procedure", "booked", "procedure"},
      {"booked", "", "", "booked", ""},
  };
  ImportFixture f;
  std::vector<json> entries{entry("urn:uuid:p1", patient_resource())};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    json a = {{"resourceType", "Appointment"}, {"id", "a" + std::to_string(i)}, {"status", rows[i].status},
              {"start", "2026-12-0" + std::to_string(1 + i % 9) + "T" + std::to_string(10 + i / 9) + ":00:00Z"},
              {"minutesDuration", 30},
              {"participant", json::array({{{"actor", {{"reference", "urn:uuid:p1"}}}, {"status", "accepted"}}})}};
    if (!rows[i].appointment_type.empty())
      a["appointmentType"] = {{"coding", json::array({{{"system", "http://terminology.hl7.org/CodeSystem/v2-0276"},
                                                      {"code", rows[i].appointment_type}}})}};
    if (!rows[i].service_type.empty()) a["serviceType"] = json::array({{{"text", rows[i].service_type}}});
    entries.push_back(entry("", a));
  }
  auto done = f.run(bundle(entries));
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(rows[i].status);
    CAPTURE(rows[i].service_type);
    const auto* a = f.session->state().find(core::Id<core::Appointment>{f.record_of("Appointment", "a" + std::to_string(i))});
    REQUIRE(a);
    CHECK(a->status == rows[i].want_status);
    CHECK(a->type == rows[i].want_type);
    CHECK(a->patient.value == f.record_of("Patient", "p1"));
    CHECK(a->end.substr(11) == std::to_string(10 + i / 9) + ":30");  // from minutesDuration
  }
  auto again = f.run(bundle(entries));
  REQUIRE(again.ok());
  CHECK(again.value().by_type["Appointment"].unchanged == rows.size());
  CHECK(live<core::Appointment>(f.session->state()).size() == rows.size());
}

TEST_CASE("fhir import: an appointment that would double-book is kept and listed, the rest imports") {
  // An earlier import booked p1 with Dr Diaz in room 4, 2026-12-01 09:00-09:30; the second import
  // brings one more appointment.
  struct Row {
    std::string name;
    std::string status, start, end;
    std::string patient;   // "p1" or "p2"
    bool with_practitioner;
    bool imported;
    std::string location;  // the appointment's location once imported
  };
  const std::vector<Row> rows = {
      {"the same patient at an overlapping time", "booked", "09:15", "09:45", "p1", false, false, ""},
      {"the same practitioner at an overlapping time", "booked", "09:29", "10:00", "p2", true, false, ""},
      {"a past visit recorded twice", "fulfilled", "09:00", "09:30", "p1", true, false, ""},
      {"back to back", "booked", "09:30", "10:00", "p1", true, true, "Heart Clinic, room 4"},
      {"cancelled at the same time", "cancelled", "09:00", "09:30", "p1", true, true, "Heart Clinic, room 4"},
      {"missed at the same time", "noshow", "09:00", "09:30", "p1", true, true, "Heart Clinic, room 4"},
      {"another patient in the same place", "booked", "09:00", "09:30", "p2", false, true, ""},
  };
  auto appointment = [](const std::string& id, const std::string& status, const std::string& start, const std::string& end,
                        const std::string& patient, bool with_practitioner) {
    json participants = json::array({{{"actor", {{"reference", "Patient/" + patient}}}},
                                     {{"actor", {{"reference", "Location/loc"}, {"display", "Heart Clinic, room 4"}}}}});
    if (with_practitioner) participants.push_back({{"actor", {{"reference", "Practitioner/pr"}}}});
    return json{{"resourceType", "Appointment"}, {"id", id}, {"status", status},
                {"start", "2026-12-01T" + start + ":00"}, {"end", "2026-12-01T" + end + ":00"}, {"participant", participants}};
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    ImportFixture f;
    REQUIRE(f.run(bundle({entry("", patient_resource("p1")), entry("", patient_resource("p2")),
                          entry("", json::parse(R"({"resourceType": "Practitioner", "id": "pr", "name": [{"text": "Rosa Diaz"}]})")),
                          entry("", json::parse(R"({"resourceType": "Location", "id": "loc", "name": "Heart Clinic, room 4"})")),
                          entry("", appointment("first", "booked", "09:00", "09:30", "p1", true))}))
                .ok());
    auto done = f.run(bundle({entry("", appointment("second", row.status, row.start, row.end, row.patient, row.with_practitioner))}),
                      "second.json");
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    const auto* a = f.session->state().find(core::Id<core::Appointment>{f.record_of("Appointment", "second")});
    CHECK(bool(a) == row.imported);
    CHECK(done.value().by_type["Appointment"].skipped == (row.imported ? 0u : 1u));
    if (!row.imported) {
      REQUIRE(done.value().skipped.size() == 1);
      CHECK(done.value().skipped[0].find("double-book") != std::string::npos);
    }
    if (a) CHECK(a->location == row.location);
    if (a && row.location.empty()) CHECK(a->notes.str().find("Place: Heart Clinic, room 4") != std::string::npos);
  }
}
