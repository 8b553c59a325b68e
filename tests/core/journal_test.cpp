#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/journal.hpp"
#include "test_support.hpp"

namespace {

core::Batch batch_of(std::uint64_t seq, const std::string& name) {
  core::Change c;
  c.id = {core::DeviceId{"dtest"}, seq};
  c.hlc = {1'700'000'000'000 + static_cast<std::int64_t>(seq), 0};
  c.author = "tester";
  c.entity_id = "p-" + std::to_string(seq);
  c.fields = {{"name", name}};
  return core::Batch{{c}};
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void spill(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::vector<core::Batch> reopen(core::Storage& storage, std::vector<std::string>* warnings = nullptr) {
  core::JournalContents contents;
  auto journal = core::Journal::open(storage, 0, contents);
  REQUIRE(journal);
  if (warnings) *warnings = contents.warnings;
  return contents.batches;
}

}  // namespace

TEST_CASE("batches appended to the journal read back identical and in order") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  core::JournalContents empty;
  auto journal = core::Journal::open(storage, 0, empty);
  REQUIRE(journal);
  CHECK(empty.batches.empty());
  std::vector<core::Batch> written;
  for (std::uint64_t i = 1; i <= 5; ++i) {
    written.push_back(batch_of(i, "Patient \"" + std::to_string(i) + "\"\n\u00e9"));
    REQUIRE(journal.value().append(written.back()));
  }
  CHECK(reopen(storage) == written);
  CHECK(slurp(dir.file("journal-00000001.seg")).rfind("liaison-journal 1\n", 0) == 0);
}

TEST_CASE("a segment is closed before it passes 64 KiB and replay spans segments") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  core::JournalContents empty;
  auto journal = core::Journal::open(storage, 0, empty);
  REQUIRE(journal);
  std::vector<core::Batch> written;
  for (std::uint64_t i = 1; i <= 300; ++i) {
    written.push_back(batch_of(i, std::string(500, 'x')));
    REQUIRE(journal.value().append(written.back()));
  }
  CHECK(journal.value().current_segment() >= 3);
  for (int n = 1; n <= journal.value().current_segment(); ++n)
    CHECK(std::filesystem::file_size(dir.file(core::Journal::segment_name(n))) <= core::Journal::kSegmentLimit);
  CHECK(reopen(storage) == written);
}

TEST_CASE("a torn last record is set aside, everything before it loads, and appends continue") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  {
    core::JournalContents empty;
    auto journal = core::Journal::open(storage, 0, empty);
    REQUIRE(journal);
    REQUIRE(journal.value().append(batch_of(1, "Kept One")));
    REQUIRE(journal.value().append(batch_of(2, "Kept Two")));
  }
  const std::string segment = dir.file("journal-00000001.seg");
  const std::string intact = slurp(segment);
  const std::string torn = core::Journal::encode_record(batch_of(3, "Torn")).substr(0, 30);
  spill(segment, intact + torn);

  std::vector<std::string> warnings;
  auto batches = reopen(storage, &warnings);
  REQUIRE(batches.size() == 2);
  CHECK(batches[1] == batch_of(2, "Kept Two"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("damaged") != std::string::npos);
  const std::string aside = dir.file("damaged-journal-00000001-" + std::to_string(intact.size()) + ".bin");
  CHECK(slurp(aside) == torn);
  CHECK(slurp(segment) == intact);

  core::JournalContents contents;
  auto journal = core::Journal::open(storage, 0, contents);
  REQUIRE(journal);
  CHECK(contents.warnings.empty());
  REQUIRE(journal.value().append(batch_of(3, "After repair")));
  CHECK(reopen(storage).size() == 3);
}

TEST_CASE("a flipped byte fails the checksum and later records of that segment are kept aside, not lost") {
  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  {
    core::JournalContents empty;
    auto journal = core::Journal::open(storage, 0, empty);
    REQUIRE(journal);
    for (std::uint64_t i = 1; i <= 3; ++i) REQUIRE(journal.value().append(batch_of(i, "Name " + std::to_string(i))));
  }
  const std::string segment = dir.file("journal-00000001.seg");
  std::string bytes = slurp(segment);
  std::size_t second = bytes.find("Name 2");
  bytes[second] = 'n';
  spill(segment, bytes);
  std::vector<std::string> warnings;
  CHECK(reopen(storage, &warnings).size() == 1);
  CHECK(warnings.size() == 1);
  bool found = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().filename().string().rfind("damaged-", 0) == 0)
      found = slurp(entry.path().string()).find("Name 3") != std::string::npos;
  CHECK(found);
}

TEST_CASE("garbage in place of a segment loads nothing from it and keeps the bytes") {
  test::TempDir dir;
  spill(dir.file("journal-00000001.seg"), "this is not a journal\n");
  core::DirectoryStorage storage(dir.path());
  std::vector<std::string> warnings;
  CHECK(reopen(storage, &warnings).empty());
  CHECK(warnings.size() == 1);
  CHECK(slurp(dir.file("damaged-journal-00000001-0.bin")) == "this is not a journal\n");
}
