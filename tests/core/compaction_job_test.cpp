// Compaction a piece at a time (Store::Compaction through Session::start_compaction): it folds the
// journal into a snapshot over several steps with progress only moving forward, ends where
// compact() ends, and gives up, leaving the store as it was, when a change is saved meanwhile.
#include <doctest/doctest.h>

#include "bench/synthetic_clinic.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "memory_storage.hpp"
#include "test_support.hpp"

namespace {

constexpr int kPatients = 900;  // enough for three snapshot chunks

core::CreateRecord new_patient(int n) {
  return core::CreateRecord{core::EntityType::Patient, {{"given_name", "Given" + std::to_string(n)},
                                                        {"family_name", "Family"},
                                                        {"birth_date", "1950-02-01"}}};
}

// A generated clinic as a snapshot, opened, with a few changes in the journal after it.
std::unique_ptr<core::Session> clinic_with_changes(test::MemoryStorage& storage, const test::FixedClock& clock) {
  synthetic::ClinicSize size;
  size.patients = kPatients;
  size.seed = 5;
  REQUIRE(core::write_snapshot(storage, synthetic::generate_clinic(size).state, {}));
  auto session = core::Session::open(storage, clock);
  REQUIRE(session);
  for (int i = 0; i < 3; ++i) REQUIRE(session.value()->commit(new_patient(i)));
  return std::move(session.value());
}

std::size_t files_starting(const test::MemoryStorage& storage, const std::string& prefix) {
  std::size_t n = 0;
  for (const auto& [name, bytes] : storage.files) n += name.rfind(prefix, 0) == 0;
  return n;
}

}  // namespace

TEST_CASE("compaction step by step folds the journal over several steps and opens to the same state") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  auto session = clinic_with_changes(storage, clock);
  REQUIRE(files_starting(storage, "journal-") >= 1);
  int saved = 0;
  session->set_on_committed([&] { ++saved; });
  auto job = session->start_compaction();
  double last = job->progress();
  int steps = 0;
  while (job->step()) {
    ++steps;
    CHECK(job->progress() >= last);
    last = job->progress();
  }
  CHECK(steps >= 3);  // the archive, then a chunk per step
  CHECK(job->progress() == 1.0);
  CHECK(job->result());
  CHECK_FALSE(job->gave_up());
  CHECK(saved == 1);  // the browser is asked to save the new files once
  CHECK(files_starting(storage, "journal-") == 0);
  auto reopened = core::Session::open(storage, clock);
  REQUIRE(reopened);
  CHECK(reopened.value()->state() == session->state());
  CHECK(reopened.value()->state().table<core::Patient>().size() == kPatients + 3);
}

TEST_CASE("compaction step by step gives up when a change is saved meanwhile, and nothing is lost") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  auto session = clinic_with_changes(storage, clock);
  auto job = session->start_compaction();
  REQUIRE(job->step());  // the archive and the next journal
  REQUIRE(job->step());  // a first chunk
  REQUIRE(session->commit(new_patient(99)));
  CHECK_FALSE(job->step());
  CHECK(job->gave_up());
  CHECK(job->result());
  // The snapshot opened and the journal are still the ones in use: the store opens to all of it.
  auto reopened = core::Session::open(storage, clock);
  REQUIRE(reopened);
  CHECK(reopened.value()->state() == session->state());
  CHECK(reopened.value()->state().table<core::Patient>().size() == kPatients + 4);
  // The next compaction folds it all.
  CHECK(session->compact());
  auto after = core::Session::open(storage, clock);
  REQUIRE(after);
  CHECK(after.value()->state() == session->state());
  CHECK(files_starting(storage, "journal-") == 0);
}
