// A store is one data folder: device.json, the snapshot, the journal segments after it and the
// history archive (see snapshot.hpp, journal.hpp, history_archive.hpp for each format).
// Opening loads the newest complete snapshot and replays the segments after it. Compaction folds
// the segments into a new snapshot, copies them to the archive, then removes them:
//   1. append the segments' records to the history archive (a repeat after a crash is harmless:
//      readers drop batches they have already seen);
//   2. write the new snapshot's chunks, then its manifest (the commit point);
//   3. remove the folded segments and the older snapshot.
// A crash anywhere leaves a store that opens to the same state.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/journal.hpp"
#include "core/snapshot.hpp"
#include "core/state.hpp"
#include "core/storage.hpp"

namespace core {

struct StoreContents {
  State state;
  SnapshotMeta meta;  // devices' last sequence numbers and the latest clock, journal included
  std::vector<std::string> warnings;
};

class Store {
 public:
  static constexpr int kSegmentsBeforeCompaction = 32;

  static Result<Store> open(Storage& storage, StoreContents& contents);
  Status append(const Batch& batch);
  // Folds every journal segment into a snapshot of `state`; `meta` as tracked by the session.
  Status compact(const State& state, SnapshotMeta meta);
  int segments_since_snapshot() const { return journal_.current_segment() - snapshot_segment_; }
  // Every Batch ever committed, in order: the archive, then the live segments.
  Result<std::vector<Batch>> read_history(std::vector<std::string>& warnings) const;

 private:
  Store(Storage& storage, Journal journal, int snapshot_segment)
      : storage_(&storage), journal_(std::move(journal)), snapshot_segment_(snapshot_segment) {}
  Storage* storage_;
  Journal journal_;
  int snapshot_segment_;
};

// Tracks the last sequence number per device and the latest clock while replaying.
void note_batch(SnapshotMeta& meta, const Batch& batch);

}  // namespace core
