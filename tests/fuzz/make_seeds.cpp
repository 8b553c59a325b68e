// Writes the seed corpus of store_fuzz from a real store: `store_fuzz_seeds OUT_DIR` commits,
// updates, deletes and undoes some records, compacts, and saves its segment, chunk and manifest
// in the input format of store_fuzz.cpp (a mode byte, then the payload).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/session.hpp"

namespace fs = std::filesystem;

namespace {

class FixedClock final : public core::Clock {
 public:
  std::int64_t now_ms() const override { return 1'795'000'000'000; }
  core::CivilDate today() const override { return core::CivilDate{date::year{2026}, date::November, date::day{28}}; }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void seed(const fs::path& out, const std::string& name, char mode, const std::string& payload) {
  std::ofstream(out / name, std::ios::binary | std::ios::trunc) << mode << payload;
}

bool commit_some(core::Session& s, int from, int count) {
  for (int i = from; i < from + count; ++i) {
    auto done = s.commit(core::CreateRecord{core::EntityType::Patient,
                                            {{"given_name", "Given" + std::to_string(i)},
                                             {"family_name", "Family"},
                                             {"birth_date", "1960-01-0" + std::to_string(1 + i % 9)},
                                             {"mrn", "M" + std::to_string(i)},
                                             {"phones", {"555-010" + std::to_string(i % 10)}},
                                             {"sex", "female"}}});
    if (!done) return false;
    if (i % 3 == 0 && !s.commit(core::UpdateRecord{core::EntityType::Patient, done.value().entity_id, {{"city", "Lyon"}}}))
      return false;
    if (i % 4 == 0 && !s.commit(core::DeleteRecord{core::EntityType::Patient, done.value().entity_id})) return false;
    if (i % 5 == 0 && !s.commit(core::UndoLast{})) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: store_fuzz_seeds OUT_DIR\n");
    return 2;
  }
  const fs::path out = argv[1];
  fs::create_directories(out);
  const fs::path dir = out / ".store";
  fs::remove_all(dir);
  core::DirectoryStorage storage(dir.string());
  if (!storage.prepare()) return 1;
  FixedClock clock;
  auto session = core::Session::open(storage, clock);
  if (!session || !commit_some(*session.value(), 0, 8) || !session.value()->compact() ||
      !commit_some(*session.value(), 8, 8)) {
    std::fprintf(stderr, "store_fuzz_seeds: could not build the store\n");
    return 1;
  }
  const std::string segment = slurp(dir / "journal-00000002.seg");
  const std::string chunk = slurp(dir / "snapshot-00000001-001.chunk");
  const std::string manifest = slurp(dir / "snapshot-00000001.json");
  if (segment.empty() || chunk.empty() || manifest.empty()) {
    std::fprintf(stderr, "store_fuzz_seeds: the store does not have the expected files\n");
    return 1;
  }
  seed(out, "journal", 0, segment);
  seed(out, "journal-torn", 0, segment.substr(0, segment.size() - 40));
  seed(out, "chunk", 1, chunk);
  seed(out, "manifest", 2, manifest + std::string(1, '\0') + chunk);
  fs::remove_all(dir);
  return 0;
}
