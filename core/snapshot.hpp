// Snapshots: the whole State as of the end of journal segment N, so opening a store reads one
// snapshot plus the few segments after it instead of the whole history.
//
// FORMAT (version 1).
//   snapshot-NNNNNNNN-KKK.chunk   record files (record_file.hpp) with the header
//                                 "liaison-snapshot 1"; one record per entity:
//                                 {"entity":"patient","id":"...","fields":{...}}
//   snapshot-NNNNNNNN.json        the manifest, written last and atomically: the commit point.
//                                 {"format":"liaison-snapshot 1","through_segment":N,
//                                  "chunks":[{"file":...,"bytes":...,"crc32":"hex"}],
//                                  "devices":{"<device>":<last seq>},"hlc":[wall_ms,counter]}
// A snapshot counts only if its manifest parses and every chunk has the listed size and CRC-32.
// Chunks hold at most ~2 MiB each, so a browser save never rewrites one huge IndexedDB record.
#pragma once
#include <cstdint>
#include <map>
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
};

inline constexpr std::size_t kSnapshotChunkLimit = 2 * 1024 * 1024;

// Writes chunks, then the manifest. Returns the names of the files written.
Result<std::vector<std::string>> write_snapshot(Storage& storage, const State& state, const SnapshotMeta& meta);
// Loads the newest complete snapshot; an incomplete or damaged newer one is reported and skipped.
Result<LoadedSnapshot> load_snapshot(const Storage& storage);
bool is_snapshot_file(const std::string& name);

}  // namespace core
