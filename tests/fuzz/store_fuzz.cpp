// libFuzzer target for the store's parsers: the input becomes a journal segment or a snapshot
// (chunk, or manifest plus chunk) in a temporary data folder that a Session then opens, commits
// to, compacts and reopens. Any crash, leak, or a store that stops opening after its own
// compaction is a finding.
//
// Input: the first byte picks the mode (value % 3), the rest is the payload:
//   0  payload -> journal-00000001.seg
//   1  payload -> snapshot-00000001-001.chunk, with a manifest listing its true size and CRC-32,
//      so that the chunk's records reach the entity loader
//   2  payload = manifest '\0' chunk -> snapshot-00000001.json and snapshot-00000001-001.chunk
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/crc32.hpp"
#include "core/session.hpp"

namespace {

class FixedClock final : public core::Clock {
 public:
  std::int64_t now_ms() const override { return 1'795'000'000'000; }
  core::CivilDate today() const override { return core::CivilDate{date::year{2026}, date::November, date::day{28}}; }
};

// One folder for the whole run, emptied before every input and removed at exit; on tmpfs when
// there is one, so that the fsyncs of DirectoryStorage cost nothing.
struct Folder {
  std::string path;
  Folder() {
    std::string base = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path().string();
    path = base + "/liaison-fuzz-XXXXXX";
    if (!::mkdtemp(path.data())) std::abort();
  }
  ~Folder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

const std::string& folder() {
  static const Folder dir;
  return dir.path;
}

void put(core::Storage& storage, const std::string& name, std::string_view bytes) {
  if (!storage.write_atomic(name, bytes)) std::abort();
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "store_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string& dir = folder();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) std::filesystem::remove(entry.path());
  core::DirectoryStorage storage(dir);
  put(storage, "device.json", "{\"device_id\":\"dfuzz\"}\n");
  const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string chunk_file = "snapshot-00000001-001.chunk";
  switch (data[0] % 3) {
    case 0:
      put(storage, "journal-00000001.seg", payload);
      break;
    case 1: {
      char crc[12];
      std::snprintf(crc, sizeof crc, "%08x", core::crc32(payload));
      put(storage, chunk_file, payload);
      nlohmann::json manifest = {{"format", "liaison-snapshot 1"},
                                 {"through_segment", 1},
                                 {"chunks", {{{"file", chunk_file}, {"bytes", payload.size()}, {"crc32", crc}}}},
                                 {"devices", {{"dfuzz", 3}}},
                                 {"hlc", {1'790'000'000'000, 0}}};
      put(storage, "snapshot-00000001.json", manifest.dump(1) + "\n");
      break;
    }
    default: {
      std::size_t split = payload.find('\0');
      put(storage, "snapshot-00000001.json", payload.substr(0, split));
      put(storage, chunk_file, split == std::string_view::npos ? std::string_view() : payload.substr(split + 1));
      break;
    }
  }

  FixedClock clock;
  auto session = core::Session::open(storage, clock);
  if (!session) return 0;  // refused with a message: fine
  core::Session& s = *session.value();
  // The repaired store must take a commit and survive its own compaction unchanged.
  auto added = s.commit(core::CreateRecord{core::EntityType::Patient,
                                           {{"given_name", "Fuzz"}, {"family_name", "Target"}, {"birth_date", "1970-01-01"}}});
  // Refused as invalid (say, a fuzzed record already holds the new id) is fine; a write failure is not.
  check(added.ok() || added.error().code != core::ErrorCode::StorageFailed, "a commit after opening failed to write");
  if (added) (void)s.history(core::EntityType::Patient, added.value().entity_id);
  check(s.compact().ok(), "compaction failed");
  auto again = core::Session::open(storage, clock);
  check(again.ok(), "the store does not open after its own compaction");
  check(again.value()->state() == s.state(), "reopening after compaction changed the state");
  return 0;
}
