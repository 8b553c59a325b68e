// Damaged stores: copies of a real data folder with one journal segment, snapshot chunk or
// manifest truncated or with one byte flipped must open without crashing, keep everything the
// damage did not touch, set damaged journal bytes aside, and never lose data without a warning.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "core/journal.hpp"
#include "core/record_file.hpp"
#include "core/session.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void spill(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

core::CreateRecord patient(int n) {
  return core::CreateRecord{core::EntityType::Patient,
                            {{"given_name", "Given" + std::to_string(n)},
                             {"family_name", "Family" + std::to_string(n % 37)},
                             {"birth_date", "1950-02-0" + std::to_string(1 + n % 9)},
                             {"mrn", "MRN-" + std::to_string(n)},
                             {"address_line", std::string(150, static_cast<char>('a' + n % 26))}}};
}

// Where one committed batch lives in a journal segment.
struct Placement {
  std::string segment;
  std::size_t end = 0;  // offset just after its record
};

// A store with a snapshot, a history archive and several live journal segments, built once.
struct Fixture {
  test::TempDir dir;
  core::State state;                                 // what an intact copy opens to
  std::map<std::string, Placement> in_journal;       // patient id -> where its batch lies
  std::vector<std::string> segments;                 // live segments, in order
  std::map<std::string, std::vector<std::size_t>> record_ends;  // segment -> record boundaries
  std::vector<std::string> snapshot_files;           // chunks and the manifest

  Fixture() {
    core::DirectoryStorage storage(dir.path());
    test::FixedClock clock;
    auto session = core::Session::open(storage, clock);
    REQUIRE(session);
    auto& s = *session.value();
    int n = 0;
    for (; n < 250; ++n) REQUIRE(s.commit(patient(n)));
    REQUIRE(s.compact());
    for (; n < 600; ++n) REQUIRE(s.commit(patient(n)));
    state = s.state();
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      if (core::Journal::segment_number(name)) segments.push_back(name);
      if (core::is_snapshot_file(name)) snapshot_files.push_back(name);
    }
    std::sort(segments.begin(), segments.end());
    for (const auto& name : segments) {
      auto decoded = core::decode_record_lines(slurp(dir.file(name)), core::Journal::kHeader);
      REQUIRE(decoded.complete());
      auto& ends = record_ends[name];
      ends.push_back(core::Journal::kHeader.size() + 1);
      for (std::size_t i = 0; i < decoded.records.size(); ++i) {
        auto batch = core::batch_from_json(decoded.records[i]);
        REQUIRE(batch);
        in_journal[batch.value().changes.at(0).entity_id] = {name, decoded.ends[i]};
        ends.push_back(decoded.ends[i]);
      }
    }
  }
};

const Fixture& fixture() {
  static Fixture f;
  return f;
}

// Records of `state` that are missing or differ from the intact store's, by id.
std::vector<std::string> lost(const core::State& state, const std::set<std::string>& allowed = {}) {
  std::vector<std::string> out;
  const auto& now = state.table<core::Patient>();
  for (const auto& [id, record] : fixture().state.table<core::Patient>()) {
    if (allowed.count(id.value)) continue;
    auto it = now.find(id);
    if (it == now.end() || !(it->second == record)) out.push_back(id.value);
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("store corruption: the intact fixture has a snapshot, an archive and several live segments") {
  const Fixture& f = fixture();
  CHECK(f.segments.size() >= 3);
  CHECK(f.snapshot_files.size() >= 2);
  CHECK(fs::exists(f.dir.file("history-000001.log")));
  test::FixedClock clock;
  core::DirectoryStorage storage(f.dir.path());
  auto session = core::Session::open(storage, clock);
  REQUIRE(session);
  CHECK(session.value()->warnings().empty());
  CHECK(lost(session.value()->state()).empty());
}

TEST_CASE("store corruption: a truncated or flipped file never crashes, loses only what it must, and says so") {
  const Fixture& f = fixture();
  std::mt19937 random(424242);
  const int kCases = 240;
  int opened = 0, refused = 0, warned = 0, set_aside = 0;
  for (int i = 0; i < kCases; ++i) {
    // Cycle over the kinds of file: the last segment, an earlier one, a chunk, the manifest.
    std::string name;
    switch (i % 4) {
      case 0: name = f.segments.back(); break;
      case 1: name = f.segments[std::uniform_int_distribution<std::size_t>(0, f.segments.size() - 2)(random)]; break;
      case 2:
      case 3: {
        std::vector<std::string> pick;
        for (const auto& s : f.snapshot_files)
          if ((s.size() > 6 && s.compare(s.size() - 6, 6, ".chunk") == 0) == (i % 4 == 2)) pick.push_back(s);
        REQUIRE(!pick.empty());
        name = pick[std::uniform_int_distribution<std::size_t>(0, pick.size() - 1)(random)];
        break;
      }
    }
    const std::string original = slurp(f.dir.file(name));
    REQUIRE(!original.empty());
    const bool truncate = std::uniform_int_distribution<int>(0, 1)(random) == 0;
    const std::size_t offset = std::uniform_int_distribution<std::size_t>(0, original.size() - 1)(random);
    std::string damaged = original;
    if (truncate) {
      damaged.resize(offset);
    } else {
      damaged[offset] = static_cast<char>(damaged[offset] ^ std::uniform_int_distribution<int>(1, 255)(random));
    }
    INFO("case ", i, ": ", std::string(truncate ? "truncated " : "flipped a byte of "), name, " at offset ", offset,
         " of ", original.size());

    test::TempDir copy;
    fs::copy(f.dir.path(), copy.path(), fs::copy_options::overwrite_existing | fs::copy_options::recursive);
    spill(copy.file(name), damaged);
    core::DirectoryStorage storage(copy.path());
    test::FixedClock clock;
    clock.now += 3'600'000;
    auto session = core::Session::open(storage, clock);
    if (!session) {
      ++refused;
      INFO("refused: ", session.error().message);
      CHECK(session.error().message.size() > 20);
      continue;
    }
    ++opened;
    const auto& warnings = session.value()->warnings();
    warned += !warnings.empty();
    INFO("warnings:\n", joined(warnings));
    const bool is_segment = core::Journal::segment_number(name).has_value();

    // What the damage may take: the batches of that segment from the damage on; for a
    // snapshot file, anything (an older snapshot or none is used), but never silently.
    std::set<std::string> may_lose;
    if (is_segment) {
      for (const auto& [id, place] : f.in_journal)
        if (place.segment == name && place.end > offset) may_lose.insert(id);
      CHECK_MESSAGE(lost(session.value()->state(), may_lose).empty(),
                    "records outside the damaged part of the segment are missing");
    } else {
      std::set<std::string> journal_ids;
      for (const auto& [id, place] : f.in_journal) journal_ids.insert(id);
      std::set<std::string> snapshot_ids;
      for (const auto& [id, record] : f.state.table<core::Patient>())
        if (!journal_ids.count(id.value)) snapshot_ids.insert(id.value);
      CHECK_MESSAGE(lost(session.value()->state(), snapshot_ids).empty(),
                    "snapshot damage lost records that live in the journal");
    }
    const std::vector<std::string> missing = lost(session.value()->state());
    // Cutting the last segment exactly at a record boundary looks like fewer commits: fine.
    const auto& ends = is_segment ? f.record_ends.at(name) : std::vector<std::size_t>{};
    const bool on_boundary = truncate && (offset == 0 || std::find(ends.begin(), ends.end(), offset) != ends.end());
    if (!(on_boundary && name == f.segments.back()))
      CHECK_MESSAGE(!(warnings.empty() && !missing.empty()), missing.size(), " records were dropped without a warning, e.g. ",
                    missing.empty() ? "" : missing.front());

    // A cut journal keeps the bytes it dropped in damaged-<segment>-<offset>.bin.
    if (is_segment) {
      const std::string stem = "damaged-" + name.substr(0, name.rfind('.')) + "-";
      bool cut = false;
      for (const auto& entry : fs::directory_iterator(copy.path())) {
        const std::string file = entry.path().filename().string();
        if (file.rfind(stem, 0) != 0) continue;
        cut = true;
        const std::size_t good = std::stoul(file.substr(stem.size()));
        CHECK(good <= offset);
        CHECK(slurp(entry.path().string()) == damaged.substr(good));
        CHECK(slurp(copy.file(name)) == (good > 0 ? damaged.substr(0, good) : std::string(core::Journal::kHeader) + "\n"));
      }
      set_aside += cut;
      CHECK_MESSAGE(cut == (slurp(copy.file(name)) != damaged), "the segment changed but nothing was set aside");
      CHECK_MESSAGE((cut || on_boundary), "damaged bytes were neither loaded nor set aside");
    }

    // The repaired store takes new commits, and reopens to the same records plus the new one.
    const core::State before = session.value()->state();
    auto added = session.value()->commit(patient(10'000 + i));
    REQUIRE_MESSAGE(added, "commit after repair failed: ", added ? "" : added.error().message);
    session.value().reset();  // closed; the folder is reopened below
    auto again = core::Session::open(storage, clock);
    REQUIRE(again);
    const core::State& after = again.value()->state();
    CHECK(after.find(core::Id<core::Patient>{added.value().entity_id}) != nullptr);
    CHECK(after.table<core::Patient>().size() == before.table<core::Patient>().size() + 1);
    for (const auto& entry : before.table<core::Patient>()) {
      auto it = after.table<core::Patient>().find(entry.first);
      if (it == after.table<core::Patient>().end() || !(it->second == entry.second)) {
        CHECK_MESSAGE(false, "record ", entry.first.value, " changed on reopening after repair");
        break;
      }
    }
  }
  MESSAGE("corruption cases: ", kCases, " (", opened, " opened, ", warned, " with warnings, ", set_aside,
          " with journal bytes set aside, ", refused, " refused)");
}

TEST_CASE("store corruption: an earlier segment cut exactly at a record boundary is reported, not silently short") {
  const Fixture& f = fixture();
  const std::string name = f.segments.front();
  const auto& ends = f.record_ends.at(name);
  for (std::size_t cut : {ends[ends.size() / 2], ends.front(), std::size_t{0}}) {
    INFO(name, " cut to ", cut, " bytes");
    test::TempDir copy;
    fs::copy(f.dir.path(), copy.path(), fs::copy_options::recursive);
    spill(copy.file(name), slurp(f.dir.file(name)).substr(0, cut));
    core::DirectoryStorage storage(copy.path());
    test::FixedClock clock;
    auto session = core::Session::open(storage, clock);
    REQUIRE(session);
    CHECK(!lost(session.value()->state()).empty());
    CHECK_MESSAGE(!session.value()->warnings().empty(), "records were dropped without a warning");
  }
}

TEST_CASE("store corruption: a manifest naming the wrong segment is not trusted to skip the journal") {
  const Fixture& f = fixture();
  std::string manifest;
  for (const auto& s : f.snapshot_files)
    if (s.size() > 5 && s.compare(s.size() - 5, 5, ".json") == 0) manifest = s;
  REQUIRE(!manifest.empty());
  test::TempDir copy;
  fs::copy(f.dir.path(), copy.path(), fs::copy_options::recursive);
  auto json = nlohmann::json::parse(slurp(copy.file(manifest)));
  json["through_segment"] = json["through_segment"].get<int>() + 2;  // as a flipped digit could
  spill(copy.file(manifest), json.dump(1) + "\n");
  core::DirectoryStorage storage(copy.path());
  test::FixedClock clock;
  auto session = core::Session::open(storage, clock);
  REQUIRE(session);
  INFO("warnings:\n", joined(session.value()->warnings()));
  const auto missing = lost(session.value()->state());
  CHECK_MESSAGE(!(missing.empty() == false && session.value()->warnings().empty()), missing.size(),
                " records were dropped without a warning");
  for (const auto& entry : f.in_journal)
    CHECK_MESSAGE(session.value()->state().find(core::Id<core::Patient>{entry.first}), "journal record ", entry.first,
                  " is missing");
}

TEST_CASE("store corruption: a history archive torn by a crash still shows what later compactions archive") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  test::FixedClock clock;
  std::vector<std::string> ids;
  {
    auto session = core::Session::open(storage, clock);
    REQUIRE(session);
    for (int n = 0; n < 20; ++n) ids.push_back(session.value()->commit(patient(n)).value().entity_id);
    REQUIRE(session.value()->compact());
    for (int n = 20; n < 40; ++n) ids.push_back(session.value()->commit(patient(n)).value().entity_id);
  }
  // A compaction that died while appending to the archive: half of the segment's records, torn.
  std::string live;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    if (core::Journal::segment_number(entry.path().filename().string())) live = entry.path().string();
  REQUIRE(!live.empty());
  const std::string records = slurp(live).substr(core::Journal::kHeader.size() + 1);
  spill(dir.file("history-000001.log"), slurp(dir.file("history-000001.log")) + records.substr(0, records.size() / 2 + 7));
  {
    auto session = core::Session::open(storage, clock);  // the redone compaction
    REQUIRE(session);
    REQUIRE(session.value()->compact());
  }
  core::StoreContents contents;
  auto store = core::Store::open(storage, contents);
  REQUIRE(store);
  std::vector<std::string> warnings;
  auto history = store.value().read_history(warnings);
  REQUIRE(history);
  std::set<std::string> archived;
  for (const auto& batch : history.value()) archived.insert(batch.changes.at(0).entity_id);
  for (const auto& id : ids) CHECK_MESSAGE(archived.count(id), id, " is missing from the history");
}
