// The synthetic clinic (bench/synthetic_clinic.hpp): the same seed gives the same snapshot byte for
// byte and another seed another clinic; every generated record passes validation; the kinds come
// in the order of abundance of the Synthea fixtures; and a real Session opens the written clinic
// and commits to it.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "bench/synthetic_clinic.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "core/validate.hpp"
#include "test_support.hpp"

namespace {

using core::EntityType;

// Every file of a snapshot of the clinic, by name, as written.
std::map<std::string, std::string> snapshot_bytes(const synthetic::Clinic& clinic) {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  REQUIRE(storage.prepare());
  REQUIRE(core::write_snapshot(storage, clinic.state, core::SnapshotMeta{}));
  std::map<std::string, std::string> files;
  const auto names = storage.list();
  REQUIRE(names);
  for (const std::string& name : names.value()) files[name] = storage.read(name).value();
  return files;
}

template <class T>
std::size_t live(const core::State& state) {
  std::size_t n = 0;
  for (const auto& [id, record] : state.table<T>()) n += record.deleted ? 0 : 1;
  return n;
}

}  // namespace

TEST_CASE("synthetic clinic: the same seed gives the same bytes, another seed another clinic") {
  struct Row {
    int patients;
    std::uint32_t seed_a, seed_b;
    bool same;
  };
  const Row rows[] = {{1, 1, 1, true}, {120, 7, 7, true}, {120, 7, 8, false}, {30, 0, 1, false}};
  for (const Row& row : rows) {
    CAPTURE(row.patients);
    CAPTURE(row.seed_a);
    CAPTURE(row.seed_b);
    synthetic::ClinicSize a{row.patients, row.seed_a};
    synthetic::ClinicSize b{row.patients, row.seed_b};
    const auto first = snapshot_bytes(synthetic::generate_clinic(a));
    const auto second = snapshot_bytes(synthetic::generate_clinic(b));
    CHECK(!first.empty());
    CHECK((first == second) == row.same);
  }
}

TEST_CASE("synthetic clinic: every record passes validation") {
  const synthetic::ClinicSize size{150, 3};
  const synthetic::Clinic clinic = synthetic::generate_clinic(size);
  long long checked = 0;
  std::map<std::string, int> failures;
  core::for_each_entity([&]<class T>() {
    const EntityType type = T::kType;
    for (const auto& [id, record] : clinic.state.table<T>()) {
      const auto fields = core::record_fields(clinic.state, type, id.value);
      auto valid = core::validate_fields(type, id.value, false, fields, clinic.state, size.today);
      if (!valid) {
        std::string why = std::string(core::entity_name(type)) + ": " + valid.error().message;
        for (const auto& f : valid.error().fields) why += " | " + f.field + ": " + f.message;
        const std::string example = why + " (" + id.value + ")";
        if (failures[why]++ == 0) MESSAGE(example);
      }
      ++checked;
    }
  });
  CHECK(failures.empty());
  CHECK(checked == clinic.records);
}

TEST_CASE("synthetic clinic: kinds in the Synthea order of abundance, every patient with a history") {
  const synthetic::Clinic clinic = synthetic::generate_clinic({400, 11});
  const core::State& s = clinic.state;
  CHECK(live<core::Patient>(s) == 400);
  CHECK(s.patients_by_mrn.size() == 400);
  // Synthea per patient: observations > encounters > procedures > medications > conditions >
  // allergies, care plans; here per patient over ten years.
  const double per = 400.0;
  const double measurements = live<core::Measurement>(s) / per, encounters = live<core::Encounter>(s) / per,
               procedures = live<core::Procedure>(s) / per, medications = live<core::Medication>(s) / per,
               conditions = live<core::Condition>(s) / per, care_plans = live<core::CarePlan>(s) / per;
  CHECK(measurements > 2 * encounters);
  CHECK(encounters > procedures);
  CHECK(procedures > medications);
  CHECK(medications > conditions);
  CHECK(conditions > care_plans);
  CHECK(care_plans > 0.5);
  for (double share : {live<core::Allergy>(s) / per, live<core::FamilyHistory>(s) / per,
                       live<core::SocialFactor>(s) / per, live<core::CareTeamMember>(s) / per, live<core::Goal>(s) / per,
                       live<core::Intervention>(s) / per, live<core::Task>(s) / per, live<core::Note>(s) / per,
                       live<core::Coverage>(s) / per})
    CHECK(share > 0.5);
  for (double share : {live<core::PriorAuthorization>(s) / per, live<core::Referral>(s) / per})
    CHECK(share > 0.1);
  int hospital_stays = 0;
  for (const auto& [id, e] : s.table<core::Encounter>()) hospital_stays += e.kind == "inpatient" ? 1 : 0;
  CHECK(hospital_stays > 40);
  CHECK(clinic.appointments > 0);
  CHECK(static_cast<std::size_t>(clinic.appointments) == live<core::Appointment>(s));
}

TEST_CASE("synthetic clinic: a Session opens the written clinic and commits to it") {
  const synthetic::Clinic clinic = synthetic::generate_clinic({60, 5});
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  REQUIRE(storage.prepare());
  REQUIRE(core::write_snapshot(storage, clinic.state, core::SnapshotMeta{}));
  test::FixedClock clock;
  auto session = core::Session::open(storage, clock, {"bench"});
  REQUIRE(session);
  CHECK(session.value()->state() == clinic.state);
  auto done = session.value()->commit(
      core::UpdateRecord{EntityType::Patient, synthetic::patient_id(3), {{"phones", {"312 555 0199"}}}});
  CHECK(done);
  CHECK(session.value()->state().find(core::Id<core::Patient>{synthetic::patient_id(3)})->phones.front() ==
        "312 555 0199");
}
