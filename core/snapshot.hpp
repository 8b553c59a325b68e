// Snapshots: the whole State as of the end of journal segment N, so opening a store reads one
// snapshot plus the few segments after it instead of the whole history.
//
// FORMAT (version 3).
//   snapshot-NNNNNNNN-KKK.chunk   "liaison-snapshot 3\n" then records in binary, a block per
//                                 entity type (binary_records.hpp). Version 2 chunks, still read,
//                                 are the same but for shared texts. Version 1 chunks, still read,
//                                 were record files (record_file.hpp) headed "liaison-snapshot 1",
//                                 one {"entity":"patient","id":"...","fields":{...}} per line.
//   snapshot-NNNNNNNN.texts       "liaison-snapshot 3\n" then the texts the chunks' records refer
//                                 to by number (binary_records.hpp); none in version 2.
//   snapshot-NNNNNNNN.json        the manifest, written last and atomically: the commit point.
//                                 {"format":"liaison-snapshot 3","through_segment":N,
//                                  "chunks":[{"file":...,"bytes":...,"crc32":"hex"}],
//                                  "texts":{"file":...,"bytes":...,"crc32":"hex"},
//                                  "devices":{"<device>":<last seq>},"hlc":[wall_ms,counter]}
// A snapshot counts only if its manifest parses and every file it lists has the listed size and CRC-32.
// Chunks hold at most ~2 MiB each, so a browser save never rewrites one huge IndexedDB record.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/state.hpp"
#include "core/storage.hpp"

namespace core {

struct SnapshotMeta {
  int through_segment = 0;                      // journal segments 1..N are folded in
  std::map<std::string, std::uint64_t> devices;  // last sequence number seen from each device
  Hlc hlc;                                       // latest clock seen
};

struct LoadedSnapshot {
  bool found = false;
  SnapshotMeta meta;
  State state;
  std::vector<std::string> warnings;
  std::vector<std::string> files;  // the files of the snapshot that was loaded
  bool older_format = false;       // written by an earlier version: the next compaction rewrites it
};

inline constexpr std::size_t kSnapshotChunkLimit = 2 * 1024 * 1024;

// Writes chunks, the texts file, then the manifest. Returns the names of the files written.
Result<std::vector<std::string>> write_snapshot(Storage& storage, const State& state, const SnapshotMeta& meta);
// The same, a chunk at a time, so that compaction can show its progress between chunks. The
// state must not change while it runs.
class SnapshotWriter {
 public:
  SnapshotWriter(Storage& storage, const State& state, SnapshotMeta meta);
  // Writes the next chunk (the texts and the manifest after the last); false once done or a write failed.
  bool step();
  double progress() const;  // 0 to 1
  // The names of the files written, or why it failed; does whatever is left first.
  Result<std::vector<std::string>> finish();

 private:
  Result<nlohmann::json> write_listed(const std::string& name, const std::string& bytes);
  Status flush();
  void finish_files();

  Storage* storage_;
  const State* state_;
  SnapshotMeta meta_;
  std::string chunk_;             // the chunk being filled
  nlohmann::json chunks_ = nlohmann::json::array();  // the manifest's list of those written
  std::vector<std::string> written_;
  int types_ = 0;
  int type_ = 0;                  // the entity type being written (for_each_entity's order)
  std::string after_;             // the last record of that type written
  int block_ = -1;                // the entity type of the chunk's last block
  std::string record_;            // the record being written
  SharedTextNumbers numbers_;     // the shared texts the chunks have written
  std::size_t records_ = 0, records_written_ = 0;
  bool done_ = false;
  std::optional<Error> failure_;
};

// Loads the newest complete snapshot; an incomplete or damaged newer one is reported and skipped.
Result<LoadedSnapshot> load_snapshot(const Storage& storage);

// The same, a piece at a time (a manifest and its texts, then a chunk or two per step), so that opening a large
// store can show its progress between pieces.
class SnapshotLoader {
 public:
  static Result<SnapshotLoader> start(const Storage& storage);
  // Reads the next piece. A damaged snapshot is reported in the warnings and an older one tried.
  void step();
  // The newest complete snapshot is loaded, or none is left to try.
  bool done() const { return complete_ || manifests_.empty(); }
  // How far the snapshot being read is: chunks read of those its manifest lists.
  std::size_t chunks_read() const { return next_chunk_; }
  std::size_t chunks_total() const { return chunks_.size(); }
  LoadedSnapshot take();

 private:
  struct Chunk {
    std::string file;
    std::size_t bytes = 0;
    std::string crc32;
  };
  explicit SnapshotLoader(const Storage& storage) : storage_(&storage) {}
  Status read_manifest(const std::string& manifest_file);
  Status read_chunk(const std::string& manifest_file);  // the next one or two

  const Storage* storage_;
  std::vector<std::string> manifests_;  // oldest first; the last is being read
  std::vector<Chunk> chunks_;           // the current manifest's
  std::vector<SharedText> shared_;      // its shared texts, by number
  std::size_t next_chunk_ = 0;
  std::size_t prefetched_ = 0;  // chunks the storage was asked to prefetch
  bool complete_ = false;
  bool reindex_ = false;  // binary chunks fill the tables only
  LoadedSnapshot loaded_;
};
bool is_snapshot_file(const std::string& name);

}  // namespace core
