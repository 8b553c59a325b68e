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
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
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
  // The second half of open(): the journal after a snapshot already loaded (SnapshotLoader).
  static Result<Store> open_after_snapshot(Storage& storage, LoadedSnapshot loaded, StoreContents& contents);
  Status append(const Batch& batch);
  // Folds every journal segment into a snapshot of `state`; `meta` as tracked by the session.
  Status compact(const State& state, SnapshotMeta meta);

  // The same a piece at a time, for a shell that must keep drawing: the archive and the next
  // journal, then the snapshot a chunk per step, then the manifest and the clean-up. If anything
  // is appended while it runs it gives up, leaving the store as it was, to be started again.
  class Compaction {
   public:
    bool step();  // false once finished, failed or given up
    double progress() const;
    const Status& result() const { return status_; }  // Ok also when it gave up or had nothing to fold
    bool gave_up() const { return gave_up_; }

   private:
    friend class Store;
    Compaction(Store& store, const State& state, SnapshotMeta meta, std::function<void()> on_done);
    void fold();

    Store* store_;
    const State* state_;
    SnapshotMeta meta_;
    std::function<void()> on_done_;  // after a successful fold
    std::uint64_t appends_at_start_;
    int through_;
    std::optional<Journal> next_journal_;
    std::optional<SnapshotWriter> writer_;
    bool finished_ = false;
    bool gave_up_ = false;
    Status status_ = Ok{};
  };
  std::unique_ptr<Compaction> start_compaction(const State& state, SnapshotMeta meta, std::function<void()> on_done = {});
  int segments_since_snapshot() const { return journal_.current_segment() - snapshot_segment_; }
  // Whether a compaction should run: enough segments to fold, or any while the snapshot is in an
  // earlier version's format, which opens more slowly (a format 2 snapshot of 50,000 patients took
  // 1.8-2.5 s to open, its rewrite in format 3 0.8-1.2 s).
  bool compaction_due() const {
    const int segments = segments_since_snapshot();
    return segments >= kSegmentsBeforeCompaction || (snapshot_older_format_ && segments > 0);
  }
  // Every Batch ever committed, in order: the archive, then the live segments.
  Result<std::vector<Batch>> read_history(std::vector<std::string>& warnings) const;

 private:
  Store(Storage& storage, Journal journal, int snapshot_segment, bool snapshot_older_format)
      : storage_(&storage), journal_(std::move(journal)), snapshot_segment_(snapshot_segment),
        snapshot_older_format_(snapshot_older_format) {}
  Storage* storage_;
  Journal journal_;
  int snapshot_segment_;
  bool snapshot_older_format_;
  std::uint64_t appends_ = 0;  // batches appended since opening: a running compaction watches it
};

// Tracks the last sequence number per device and the latest clock while replaying.
void note_batch(SnapshotMeta& meta, const Batch& batch);

}  // namespace core
