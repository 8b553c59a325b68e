// Writes or verifies a small but complete store (snapshot, history archive, live journal segments,
// a deletion, non-ASCII text), so that a store written by one target is opened by the other:
//   store_fixture write DIR     store_fixture verify DIR
// Built natively and as wasm (run under node with the real file system); see tests/CMakeLists.txt.
#include <cstdio>
#include <string>

#include "core/session.hpp"
#include "core/store_check.hpp"

namespace {

using core::EntityType;

class FixedClock final : public core::Clock {
 public:
  std::int64_t now_ms() const override { return now; }
  core::CivilDate today() const override { return {date::year{2026}, date::November, date::day{28}}; }
  std::int64_t now = 1'795'000'000'000;
};

int fail(const std::string& why) {
  std::fprintf(stderr, "store_fixture: %s\n", why.c_str());
  return 1;
}

std::string patient_name(int i) { return i % 7 == 0 ? "Zoë-" + std::to_string(i) : "Name-" + std::to_string(i); }

int write(const std::string& dir) {
  core::DirectoryStorage storage(dir);
  if (auto s = storage.prepare(); !s) return fail(s.error().message);
  FixedClock clock;
  auto session = core::Session::open(storage, clock, {"fixture"});
  if (!session) return fail(session.error().message);
  core::Session& s = *session.value();
  auto dr = s.commit(core::CreateRecord{EntityType::Practitioner, {{"name", "Dr Amara Osei"}, {"role", "physician"}}});
  if (!dr) return fail(dr.error().message);
  std::string first;
  for (int i = 0; i < 50; ++i) {
    clock.now += 1000;
    auto p = s.commit(core::CreateRecord{EntityType::Patient,
                                         {{"given_name", patient_name(i)}, {"family_name", "Fixture"},
                                          {"birth_date", "1950-02-0" + std::to_string(1 + i % 9)},
                                          {"mrn", "FX-" + std::to_string(i)},
                                          {"primary_care_provider", dr.value().entity_id},
                                          {"interpreter_needed", i % 2 == 0}}});
    if (!p) return fail(p.error().message);
    if (i == 0) first = p.value().entity_id;
    if (i == 25 && !s.compact()) return fail("compaction failed");
  }
  if (!s.commit(core::UpdateRecord{EntityType::Patient, first, {{"phones", {"+1 555 010 0001"}}}})) return fail("update");
  if (!s.commit(core::DeleteRecord{EntityType::Patient, first})) return fail("delete");
  std::printf("wrote %s\n", dir.c_str());
  return 0;
}

int verify(const std::string& dir) {
  core::DirectoryStorage storage(dir);
  core::StoreReport report = core::check_store(storage);
  if (!report.problems.empty()) return fail("check: " + report.problems.front());
  if (report.snapshot_records == 0 || report.archived_batches == 0 || report.batches == 0)
    return fail("the fixture should have a snapshot, an archive and live segments");
  FixedClock clock;
  auto session = core::Session::open(storage, clock);
  if (!session) return fail(session.error().message);
  const core::State& state = session.value()->state();
  auto patients = state.patients_by_name();
  if (patients.size() != 49) return fail("expected 49 live patients, found " + std::to_string(patients.size()));
  const core::Patient* zoe = state.patient_with_mrn("FX-7");
  if (!zoe || zoe->given_name != "Zoë-7" || zoe->interpreter_needed || !zoe->birth_date)
    return fail("patient FX-7 does not read back as written");
  if (state.patient_with_mrn("FX-0")) return fail("the deleted patient is listed");
  std::printf("verified %s: %zu patients, %d snapshot records, %d archived and %d live commits\n", dir.c_str(),
              patients.size(), report.snapshot_records, report.archived_batches, report.batches);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return fail("usage: store_fixture write|verify DIR");
  std::string mode = argv[1];
  if (mode == "write") return write(argv[2]);
  if (mode == "verify") return verify(argv[2]);
  return fail("unknown mode " + mode);
}
