#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/journal.hpp"
#include "core/record_id.hpp"
#include "core/session.hpp"
#include "test_support.hpp"

namespace {

// A patient named "Given Family" (an empty name leaves both parts empty).
core::CreateRecord add(const std::string& name, std::string dob = "1948-03-21", std::string mrn = "",
                       std::string phone = "") {
  auto space = name.find(' ');
  nlohmann::json fields = {{"given_name", name.substr(0, space)},
                           {"family_name", space == std::string::npos ? "" : name.substr(space + 1)},
                           {"birth_date", dob}, {"mrn", mrn}};
  if (!phone.empty()) fields["phones"] = {phone};
  return core::CreateRecord{core::EntityType::Patient, fields};
}

// A practitioner: a record of another type than the patients above.
core::CreateRecord doctor() {
  return core::CreateRecord{core::EntityType::Practitioner, {{"name", "Dr. Lin"}, {"role", "physician"}}};
}

std::unique_ptr<core::Session> open_session(core::Storage& storage, const core::Clock& clock) {
  auto session = core::Session::open(storage, clock, {"casey.coordinator"});
  REQUIRE(session);
  return std::move(session.value());
}

}  // namespace

TEST_CASE("adding a patient makes one Change with author, device, sequence and clock") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  auto session = open_session(storage, clock);
  auto done = session->commit(add("Ada Lovelace", "1948-03-21", "MRN-001", "555-0100"));
  REQUIRE(done);
  const core::Patient* p = session->state().find(core::Id<core::Patient>{done.value().entity_id});
  REQUIRE(p);
  CHECK(p->display_name() == "Ada Lovelace");
  CHECK(core::format_civil_date(*p->birth_date) == "1948-03-21");
  CHECK(p->mrn == "MRN-001");
  CHECK(p->phones == std::vector<std::string>{"555-0100"});

  core::JournalContents contents;
  REQUIRE(core::Journal::open(storage, 0, contents));
  REQUIRE(contents.batches.size() == 1);
  const core::Change& c = contents.batches[0].changes.at(0);
  CHECK(c.author == "casey.coordinator");
  CHECK(c.id.device == session->device());
  CHECK(c.id.seq == 1);
  CHECK(c.hlc.wall_ms == clock.now);
}

TEST_CASE("an invalid patient is refused with field errors and nothing is written") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  auto session = open_session(storage, clock);
  auto refused = session->commit(add("", "2027-01-01"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == core::ErrorCode::Invalid);
  CHECK(refused.error().fields.size() == 3);  // given name, family name, birth date
  CHECK(session->state().table<core::Patient>().empty());
  CHECK_FALSE(std::filesystem::exists(dir.file("journal-00000001.seg")));
}

TEST_CASE("reopening the folder replays the journal into the same state and continues numbering") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  core::State before;
  core::DeviceId device;
  {
    auto session = open_session(storage, clock);
    REQUIRE(session->commit(add("Grace Hopper", "1906-12-09", "MRN-2")));
    REQUIRE(session->commit(add("Ada Lovelace")));
    before = session->state();
    device = session->device();
  }
  clock.now -= 60'000;  // the wall clock stepped back a minute
  auto session = open_session(storage, clock);
  CHECK(session->device() == device);
  CHECK(session->state() == before);
  REQUIRE(session->state().patients_by_name().size() == 2);
  CHECK(session->state().patients_by_name()[0]->display_name() == "Ada Lovelace");
  auto third = session->commit(add("Alan Turing", "1912-06-23"));
  REQUIRE(third);
  CHECK(third.value().batch_id == device.value + ":3");
  auto refused = session->commit(add("Someone Else", "1950-01-01", "MRN-2"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().fields.at(0).field == "mrn");

  core::JournalContents contents;
  REQUIRE(core::Journal::open(storage, 0, contents));
  REQUIRE(contents.batches.size() == 3);
  CHECK(contents.batches[1].changes[0].hlc < contents.batches[2].changes[0].hlc);
}

TEST_CASE("the on-committed callback runs once per successful commit only") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  auto session = open_session(storage, clock);
  int calls = 0;
  session->set_on_committed([&] { ++calls; });
  REQUIRE(session->commit(add("Ada Byron")));
  REQUIRE_FALSE(session->commit(add("")));
  CHECK(calls == 1);
}

TEST_CASE("a write that fails leaves state and numbering untouched and says why") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path() + "/data");
  REQUIRE(storage.prepare());
  test::FixedClock clock;
  auto session = open_session(storage, clock);
  std::filesystem::remove_all(dir.path() + "/data");  // the folder vanishes (a removed USB disk)
  auto failed = session->commit(add("Ada Byron"));
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == core::ErrorCode::StorageFailed);
  CHECK(failed.error().message.rfind("Not saved: ", 0) == 0);
  CHECK(session->state().table<core::Patient>().empty());
  REQUIRE(storage.prepare());
  auto retried = session->commit(add("Ada Byron"));
  REQUIRE(retried);
  CHECK(retried.value().batch_id == session->device().value + ":1");
}

TEST_CASE("a damaged device file is reported instead of silently taking a new identity") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  REQUIRE(storage.write_atomic("device.json", "{not json"));
  test::FixedClock clock;
  auto session = core::Session::open(storage, clock);
  REQUIRE_FALSE(session);
  CHECK(session.error().message.find("device.json") != std::string::npos);
}

TEST_CASE("a new record never takes an id already in use, even when the sequence was set back") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  std::string first;
  {
    auto session = open_session(storage, clock);
    first = session->commit(add("Ada Byron")).value().entity_id;
    REQUIRE(session->compact());
  }
  // Damage the snapshot's record of this device's sequence, as a flipped byte could.
  std::string manifest;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().extension() == ".json" && entry.path().filename() != "device.json") manifest = entry.path().string();
  REQUIRE_FALSE(manifest.empty());
  std::string text;
  { std::ifstream in(manifest); text.assign(std::istreambuf_iterator<char>(in), {}); }
  auto m = nlohmann::json::parse(text);
  for (auto& [device, seq] : m["devices"].items()) seq = 0;
  { std::ofstream(manifest, std::ios::trunc) << m.dump(1); }
  auto session = open_session(storage, clock);
  // Ids are unique across entity types, so a record of another type is checked against the patient.
  auto practitioner = session->commit(doctor());
  REQUIRE(practitioner);
  CHECK(practitioner.value().entity_id != first);
  auto second = session->commit(add("Grace Brewster"));
  REQUIRE(second);
  CHECK(second.value().entity_id != first);
  CHECK(second.value().entity_id != practitioner.value().entity_id);
  CHECK(session->state().patients_by_name().size() == 2);
}

TEST_CASE("records of different types made together get distinct short ids") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  auto session = open_session(storage, clock);
  core::ActionGroup group;
  group.steps.push_back({add("Ada Byron"), "Patient"});
  group.steps.push_back({doctor(), "Practitioner"});
  REQUIRE(session->commit(group));
  REQUIRE(session->commit(add("Grace Brewster")));
  std::vector<std::string> ids;
  for (const auto& [id, patient] : session->state().table<core::Patient>()) ids.push_back(id.value);
  for (const auto& [id, practitioner] : session->state().table<core::Practitioner>()) ids.push_back(id.value);
  REQUIRE(ids.size() == 3);
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  // Short enough for std::string to keep inside itself (22 characters in libc++).
  for (const std::string& id : ids) CHECK(id.size() <= 22);
}

TEST_CASE("a store whose records have the earlier, longer ids opens and takes new records beside them") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  const std::string old_id = "patient-d0123456789abcdef-1";
  {
    core::JournalContents none;
    auto journal = core::Journal::open(storage, 0, none);
    REQUIRE(journal);
    core::Change c;
    c.id = {core::DeviceId{"d0123456789abcdef"}, 1};
    c.hlc = {1'700'000'000'000, 0};
    c.author = "casey.coordinator";
    c.entity = core::EntityType::Patient;
    c.entity_id = old_id;
    c.fields = {{"given_name", "Ada"}, {"family_name", "Byron"}, {"birth_date", "1948-03-21"}};
    REQUIRE(journal.value().append(core::Batch{{c}}));
  }
  test::FixedClock clock;
  auto session = open_session(storage, clock);
  REQUIRE(session->commit(core::UpdateRecord{core::EntityType::Patient, old_id, {{"mrn", "MRN-7"}}}));
  auto added = session->commit(add("Grace Brewster"));
  REQUIRE(added);
  CHECK(added.value().entity_id != old_id);
  const core::Patient* old = session->state().find(core::Id<core::Patient>{old_id});
  REQUIRE(old);
  CHECK(old->mrn == "MRN-7");
  CHECK(session->state().patients_by_name().size() == 2);
}

TEST_CASE("a record's id is its device in base 36 and its change's number") {
  CHECK(core::record_id(core::DeviceId{"d0000000000000023"}, 7) == "z-7");
  CHECK(core::record_id(core::DeviceId{"dffffffffffffffff"}, 99'999'999) == "3w5e11264sgsf-99999999");  // 22 characters
  CHECK(core::record_id(core::DeviceId{"dtest"}, 1) == "dtest-1");  // not a device id Liaison makes: kept
}
