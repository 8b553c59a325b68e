#include <doctest/doctest.h>

#include <random>

#include "core/session.hpp"
#include "core/store_check.hpp"
#include "memory_storage.hpp"
#include "test_support.hpp"

using core::EntityType;
using nlohmann::json;

namespace {

std::unique_ptr<core::Session> open_session(core::Storage& storage, const core::Clock& clock) {
  auto session = core::Session::open(storage, clock, {"casey"});
  REQUIRE(session);
  return std::move(session.value());
}

std::string add_patient(core::Session& s, const std::string& given, const std::string& family, const std::string& mrn = "") {
  auto done = s.commit(core::CreateRecord{EntityType::Patient,
                                          {{"given_name", given}, {"family_name", family}, {"birth_date", "1960-01-01"}, {"mrn", mrn}}});
  REQUIRE(done);
  return done.value().entity_id;
}

int count_files(const test::MemoryStorage& storage, const std::string& prefix) {
  int n = 0;
  for (const auto& [name, bytes] : storage.files) n += name.rfind(prefix, 0) == 0;
  return n;
}

// Every Change ever committed, replayed from empty: the "journal only" path.
core::State replay_history(const core::Session& s, core::Storage& storage) {
  core::StoreContents contents;
  auto store = core::Store::open(storage, contents);
  REQUIRE(store);
  std::vector<std::string> warnings;
  auto batches = store.value().read_history(warnings);
  REQUIRE(batches);
  CHECK(warnings.empty());
  core::State state;
  for (const auto& b : batches.value())
    for (const auto& c : b.changes) core::apply(state, c);
  (void)s;
  return state;
}

}  // namespace

TEST_CASE("store: compaction folds the journal into a snapshot and the archive, state unchanged") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  core::State live;
  {
    auto s = open_session(storage, clock);
    for (int i = 0; i < 600; ++i) add_patient(*s, "Given" + std::to_string(i), "Family", "M" + std::to_string(i));
    CHECK(count_files(storage, "journal-") >= 3);
    REQUIRE(s->compact());
    CHECK(count_files(storage, "journal-") == 0);
    CHECK(count_files(storage, "snapshot-") >= 2);  // manifest + chunk(s)
    CHECK(count_files(storage, "history-") == 1);
    add_patient(*s, "After", "Compaction");
    live = s->state();
  }
  auto reopened = open_session(storage, clock);
  CHECK(reopened->state() == live);
  CHECK(reopened->warnings().empty());
  CHECK(core::check_store(storage).problems.empty());
  // Numbering continues after the snapshot: a new patient's id is not reused.
  std::string next = add_patient(*reopened, "Next", "One");
  CHECK(live.find(core::Id<core::Patient>{next}) == nullptr);
  CHECK(storage.files.size() < 20);
}

TEST_CASE("store: history shows who changed which field from what to what, across compaction") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  auto s = open_session(storage, clock);
  std::string id = add_patient(*s, "Rosa", "Delgado");
  clock.now += 1000;
  REQUIRE(s->commit(core::UpdateRecord{EntityType::Patient, id, {{"phones", {"555 0100"}}}}));
  REQUIRE(s->compact());
  clock.now += 1000;
  REQUIRE(s->commit(core::UpdateRecord{EntityType::Patient, id, {{"phones", {"555 0199"}}, {"given_name", "Rosa"}}}));
  REQUIRE(s->commit(core::DeleteRecord{EntityType::Patient, id}));
  auto history = s->history(EntityType::Patient, id);
  REQUIRE(history);
  std::vector<std::string> fields;
  for (const auto& h : history.value()) fields.push_back(h.field);
  CAPTURE(nlohmann::json(fields).dump());
  REQUIRE(fields == std::vector<std::string>{"birth_date", "family_name", "given_name", "phones", "phones", "deleted"});
  const core::HistoryEntry& second_phone = history.value()[4];
  CHECK(second_phone.from == json{"555 0100"});
  CHECK(second_phone.to == json{"555 0199"});
  CHECK(second_phone.author == "casey");
  CHECK(history.value().back().from == false);
  CHECK(history.value().back().to == true);
}

TEST_CASE("store: undo is a new compensating change for create, update and delete") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  auto s = open_session(storage, clock);
  CHECK_FALSE(s->commit(core::UndoLast{}));  // nothing to undo yet
  std::string id = add_patient(*s, "Jun", "Park", "MRN-9");
  REQUIRE(s->commit(core::UpdateRecord{EntityType::Patient, id, {{"mrn", "MRN-10"}, {"language", "Korean"}}}));
  REQUIRE(s->commit(core::DeleteRecord{EntityType::Patient, id}));
  CHECK(s->state().find(core::Id<core::Patient>{id}) == nullptr);

  REQUIRE(s->commit(core::UndoLast{}));  // the delete
  const core::Patient* p = s->state().find(core::Id<core::Patient>{id});
  REQUIRE(p);
  CHECK(p->mrn == "MRN-10");
  REQUIRE(s->commit(core::UndoLast{}));  // the update
  CHECK(s->state().find(core::Id<core::Patient>{id})->mrn == "MRN-9");
  CHECK(s->state().find(core::Id<core::Patient>{id})->language.empty());
  CHECK(s->state().patient_with_mrn("MRN-9") != nullptr);
  REQUIRE(s->commit(core::UndoLast{}));  // the create
  CHECK(s->state().find(core::Id<core::Patient>{id}) == nullptr);
  CHECK_FALSE(s->can_undo());
  auto history = s->history(EntityType::Patient, id);
  REQUIRE(history);
  CHECK(history.value().size() > 6);  // nothing was rewritten: the undos are history too
}

TEST_CASE("store: an update that changes nothing writes nothing") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  auto s = open_session(storage, clock);
  std::string id = add_patient(*s, "Lena", "Fischer");
  auto before = storage.files;
  auto same = s->commit(core::UpdateRecord{EntityType::Patient, id, {{"given_name", " Lena "}}});
  REQUIRE(same);
  CHECK(same.value().batch_id.empty());
  CHECK(storage.files == before);
}

TEST_CASE("store: replaying random action sequences reproduces the live state every way it can be opened") {
  for (unsigned seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    test::MemoryStorage storage;
    test::FixedClock clock;
    auto s = open_session(storage, clock);
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<std::string> patients, practitioners;
    int committed = 0;
    for (int step = 0; step < 2500; ++step) {
      clock.now += pick(3);  // often the same millisecond: the logical counter must order them
      int what = pick(100);
      core::Action action = core::UndoLast{};
      if (what < 30 || patients.empty()) {
        action = core::CreateRecord{EntityType::Patient,
                                    {{"given_name", "G" + std::to_string(step)}, {"family_name", "F" + std::to_string(pick(50))},
                                     {"birth_date", "19" + std::to_string(10 + pick(89)) + "-0" + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(9))},
                                     {"mrn", pick(2) ? "MRN-" + std::to_string(pick(400)) : ""}}};
      } else if (what < 40) {
        action = core::CreateRecord{EntityType::Practitioner, {{"name", "Dr " + std::to_string(step)}, {"role", "physician"}}};
      } else if (what < 75) {
        json fields = {{"phones", {std::to_string(5550000 + pick(9999))}}};
        if (pick(2) && !practitioners.empty()) fields["primary_care_provider"] = practitioners[static_cast<std::size_t>(pick(static_cast<int>(practitioners.size())))];
        if (pick(3) == 0) fields["interpreter_needed"] = pick(2) == 0;
        if (pick(4) == 0) fields["preferred_name"] = pick(2) ? "Pref" : "";
        action = core::UpdateRecord{EntityType::Patient, patients[static_cast<std::size_t>(pick(static_cast<int>(patients.size())))], fields};
      } else if (what < 85) {
        action = core::DeleteRecord{EntityType::Patient, patients[static_cast<std::size_t>(pick(static_cast<int>(patients.size())))]};
      } else if (what < 88) {
        REQUIRE(s->compact());
        continue;
      }
      auto done = s->commit(action);
      if (!done) continue;  // refused actions (duplicate MRN, deleted record, nothing to undo) change nothing
      ++committed;
      if (auto* create = std::get_if<core::CreateRecord>(&action))
        (create->type == EntityType::Patient ? patients : practitioners).push_back(done.value().entity_id);
    }
    MESSAGE("seed " << seed << ": " << committed << " commits replayed");
    CHECK(committed > 1800);
    const core::State live = s->state();
    s.reset();
    CHECK(open_session(storage, clock)->state() == live);  // snapshot + journal
    CHECK(replay_history(*open_session(storage, clock), storage) == live);  // every change from empty
    auto again = open_session(storage, clock);
    REQUIRE(again->compact());
    CHECK(open_session(storage, clock)->state() == live);  // after a final compaction
  }
}

TEST_CASE("store: a 10,000-patient store compacted as it grows keeps well under 200 files") {
  test::MemoryStorage storage;
  test::FixedClock clock;
  auto s = open_session(storage, clock);
  std::size_t most_files = 0;
  for (int i = 0; i < 10000; ++i) {
    std::string id = add_patient(*s, "Given" + std::to_string(i), "Family" + std::to_string(i % 300));
    REQUIRE(s->commit(core::UpdateRecord{EntityType::Patient, id, {{"phones", {"555 010 " + std::to_string(i % 9000 + 1000)}}}}));
    if (s->compaction_due()) REQUIRE(s->compact());
    most_files = std::max(most_files, storage.files.size());
  }
  MESSAGE("most files at once: " << most_files << ", at the end: " << storage.files.size());
  CHECK(most_files < 200);
  for (const auto& [name, bytes] : storage.files) CHECK(bytes.size() <= 4 * 1024 * 1024 + 64 * 1024);
}
