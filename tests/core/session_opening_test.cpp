// Opening a store a piece at a time (core/session_opening.hpp): progress only moves forward, the
// stages name what is read, and the session it ends with holds exactly what Session::open reads.
#include <doctest/doctest.h>

#include <set>

#include "bench/synthetic_clinic.hpp"
#include "core/session_opening.hpp"
#include "core/snapshot.hpp"
#include "memory_storage.hpp"
#include "test_support.hpp"

namespace {

// A generated clinic stored as a snapshot of several chunks, with one change in the journal after it.
void store_clinic(test::MemoryStorage& storage, const test::FixedClock& clock) {
  synthetic::ClinicSize size;
  size.patients = 400;
  size.seed = 3;
  REQUIRE(core::write_snapshot(storage, synthetic::generate_clinic(size).state, {}));
  auto session = core::Session::open(storage, clock);
  REQUIRE(session);
  REQUIRE(session.value()->commit(core::CreateRecord{
      core::EntityType::Patient, {{"given_name", "Ines"}, {"family_name", "Okafor"}, {"birth_date", "1948-03-09"}}}));
}

std::size_t chunk_files(const test::MemoryStorage& storage) {
  std::size_t n = 0;
  for (const auto& [name, bytes] : storage.files) n += name.size() > 6 && name.compare(name.size() - 6, 6, ".chunk") == 0;
  return n;
}

}  // namespace

TEST_CASE("opening a store step by step moves forward only and ends with what open() reads") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  store_clinic(storage, clock);
  const std::size_t chunks = chunk_files(storage);
  REQUIRE(chunks >= 2);

  core::SessionOpening opening(storage, clock);
  CHECK(opening.progress() == 0.0);
  double last = 0.0;
  int steps = 0;
  std::set<std::string> stages;
  while (opening.step()) {
    ++steps;
    CHECK(opening.progress() >= last);
    CHECK(opening.progress() < 1.0);
    last = opening.progress();
    stages.insert(opening.stage());
  }
  CHECK(opening.progress() == 1.0);
  CHECK(steps >= static_cast<int>(chunks));  // at least one step per chunk: a frame each
  CHECK(stages.count("Reading saved records (1 of " + std::to_string(chunks) + ")") == 1);
  CHECK(stages.count("Reading the latest changes") == 1);

  auto stepped = opening.finish();
  REQUIRE(stepped);
  auto whole = core::Session::open(storage, clock);
  REQUIRE(whole);
  CHECK(stepped.value()->state() == whole.value()->state());
  CHECK(stepped.value()->state().table<core::Patient>().size() == 401);
  // The stepped session commits like any other.
  CHECK(stepped.value()->commit(core::CreateRecord{
      core::EntityType::Patient, {{"given_name", "Ada"}, {"family_name", "Ng"}, {"birth_date", "1960-01-01"}}}));
}

TEST_CASE("opening a store step by step: a damaged chunk falls back with a warning, a damaged device file is refused") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  store_clinic(storage, clock);
  SUBCASE("damaged chunk") {
    for (auto& [name, bytes] : storage.files)
      if (name.find("-002.chunk") != std::string::npos) bytes[bytes.size() / 2] ^= 0x20;
    auto session = core::SessionOpening(storage, clock).finish();
    REQUIRE(session);
    REQUIRE(!session.value()->warnings().empty());
    CHECK(session.value()->warnings().front().find("does not match its checksum") != std::string::npos);
  }
  SUBCASE("damaged device file") {
    storage.files["device.json"] = "{not json";
    core::SessionOpening opening(storage, clock);
    while (opening.step()) {
    }
    auto session = opening.finish();
    REQUIRE(!session);
    CHECK(session.error().message == "device.json in the data folder is damaged.");
  }
}
