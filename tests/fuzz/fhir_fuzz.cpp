// libFuzzer target for the FHIR importer: the input is one file (a Bundle, a resource or NDJSON)
// imported into a fresh in-memory store that already holds a small earlier import (a patient, a
// practitioner, a clinic, an appointment), so references, re-import matching and the double-
// booking check meet stored data. Findings are crashes, leaks and broken promises:
//   - an import that fails leaves the store exactly as it was (state and files);
//   - an import that succeeds commits a state that reopens the same from the store's files;
//   - importing the same bytes again succeeds and adds nothing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/fhir/fhir_import.hpp"
#include "core/session.hpp"
#include "memory_storage.hpp"

namespace {

class FixedClock final : public core::Clock {
 public:
  std::int64_t now_ms() const override { return 1'795'000'000'000; }
  core::CivilDate today() const override { return core::CivilDate{date::year{2026}, date::November, date::day{28}}; }
};

// The earlier import every input meets.
const char* const kBase = R"({"resourceType": "Bundle", "type": "collection", "entry": [
  {"fullUrl": "urn:uuid:org", "resource": {"resourceType": "Organization", "id": "org", "name": "Heart Clinic"}},
  {"fullUrl": "urn:uuid:pr", "resource": {"resourceType": "Practitioner", "id": "pr",
    "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}], "name": [{"text": "Rosa Diaz"}]}},
  {"fullUrl": "urn:uuid:loc", "resource": {"resourceType": "Location", "id": "loc", "name": "Room 4"}},
  {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1",
    "identifier": [{"type": {"coding": [{"code": "MR"}]}, "system": "urn:mrn", "value": "MRN-1"}],
    "name": [{"family": "Acuna", "given": ["Maria"]}], "birthDate": "1974-12-01"}},
  {"fullUrl": "urn:uuid:a1", "resource": {"resourceType": "Appointment", "id": "a1", "status": "booked",
    "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T09:30:00Z",
    "participant": [{"actor": {"reference": "urn:uuid:p1"}}, {"actor": {"reference": "urn:uuid:pr"}},
                    {"actor": {"reference": "urn:uuid:loc"}}]}}]})";

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fhir_fuzz: %s\n", what);
    std::abort();
  }
}

std::size_t added(const core::fhir::ImportSummary& summary) {
  std::size_t n = 0;
  for (const auto& [type, counts] : summary.by_type) n += counts.added;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const FixedClock clock;
  test::MemoryStorage storage;
  check(storage.write_atomic("device.json", "{\"device_id\":\"dfuzz\"}\n").ok(), "device.json");
  auto opened = core::Session::open(storage, clock);
  check(opened.ok(), "an empty store does not open");
  core::Session& session = *opened.value();
  check(core::fhir::import_fhir(session, {{"base.json", kBase}}).ok(), "the base bundle does not import");

  const core::State before = session.state();
  const auto files_before = storage.files;
  const std::vector<core::fhir::FhirFile> input{{"input.json", std::string(reinterpret_cast<const char*>(data), size)}};
  auto done = core::fhir::import_fhir(session, input);
  if (!done) {
    check(!done.error().message.empty(), "a refused import gives no message");
    check(session.state() == before, "a refused import changed the state");
    check(storage.files == files_before, "a refused import wrote to the store");
    return 0;
  }
  auto reopened = core::Session::open(storage, clock);
  check(reopened.ok(), "the store does not open after an import");
  check(reopened.value()->state() == session.state(), "the imported state does not reopen the same");
  auto again = core::fhir::import_fhir(session, input);
  check(again.ok(), "importing the same file again fails");
  check(added(again.value()) == 0, "importing the same file again adds records");
  return 0;
}
