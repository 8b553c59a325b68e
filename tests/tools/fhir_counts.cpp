// Prints, for each patient imported from FHIR, how many conditions, medications, allergies,
// encounters, measurements and care plans the store holds, keyed by the Patient's FHIR id, as
// JSON. tests/fhir/count_resources.py compares it with its own count of the bundles.
#include <cstdio>

#include "core/session.hpp"

namespace {

template <class T>
void count(const core::State& state, const char* kind, const std::map<std::string, std::string>& fhir_id_of,
           nlohmann::json& out) {
  for (const auto& [id, r] : state.table<T>()) {
    if (r.deleted) continue;
    auto it = fhir_id_of.find(r.patient.value);
    if (it == fhir_id_of.end()) continue;
    out[it->second][kind] = out[it->second][kind].template get<int>() + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fhir_counts DATA_DIR\n");
    return 2;
  }
  core::DirectoryStorage storage(argv[1]);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"fhir_counts"});
  if (!session) {
    std::fprintf(stderr, "fhir_counts: %s\n", session.error().message.c_str());
    return 1;
  }
  const core::State& state = session.value()->state();
  std::map<std::string, std::string> fhir_id_of;  // Liaison patient id -> FHIR Patient id
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, r] : state.table<core::FhirResource>()) {
    if (r.deleted || r.resource_type != "Patient" || r.record_id.empty()) continue;
    fhir_id_of[r.record_id] = r.fhir_id;
    for (const char* kind : {"conditions", "medications", "allergies", "encounters", "observations", "care_plans"})
      out[r.fhir_id][kind] = 0;
  }
  count<core::Condition>(state, "conditions", fhir_id_of, out);
  count<core::Medication>(state, "medications", fhir_id_of, out);
  count<core::Allergy>(state, "allergies", fhir_id_of, out);
  count<core::Encounter>(state, "encounters", fhir_id_of, out);
  count<core::Measurement>(state, "observations", fhir_id_of, out);
  count<core::CarePlan>(state, "care_plans", fhir_id_of, out);
  std::printf("%s\n", out.dump(1).c_str());
  return 0;
}
