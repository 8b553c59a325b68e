#include "store.hpp"

#include <algorithm>

#include "core/history_archive.hpp"
#include "core/record_file.hpp"

namespace core {

void note_batch(SnapshotMeta& meta, const Batch& batch) {
  for (const Change& c : batch.changes) {
    auto& seq = meta.devices[c.id.device.value];
    if (c.id.seq > seq) seq = c.id.seq;
    if (c.hlc > meta.hlc) meta.hlc = c.hlc;
  }
}

Result<Store> Store::open(Storage& storage, StoreContents& contents) {
  auto snapshot = load_snapshot(storage);
  if (!snapshot) return snapshot.error();
  return open_after_snapshot(storage, std::move(snapshot.value()), contents);
}

Result<Store> Store::open_after_snapshot(Storage& storage, LoadedSnapshot loaded, StoreContents& contents) {
  contents.state = std::move(loaded.state);
  contents.meta = loaded.meta;
  contents.warnings = std::move(loaded.warnings);
  JournalContents journal_contents;
  auto journal = Journal::open(storage, loaded.meta.through_segment, journal_contents);
  if (!journal) return journal.error();
  for (const Batch& batch : journal_contents.batches) {
    for (const Change& c : batch.changes) apply(contents.state, c);
    note_batch(contents.meta, batch);
  }
  contents.meta.through_segment = journal.value().current_segment();
  for (auto& w : journal_contents.warnings) contents.warnings.push_back(std::move(w));
  return Store(storage, std::move(journal.value()), loaded.meta.through_segment, loaded.older_format);
}

Status Store::append(const Batch& batch) {
  ++appends_;
  return journal_.append(batch);
}

Status Store::compact(const State& state, SnapshotMeta meta) {
  auto job = start_compaction(state, std::move(meta));
  while (job->step()) {
  }
  return job->result();
}

std::unique_ptr<Store::Compaction> Store::start_compaction(const State& state, SnapshotMeta meta, std::function<void()> on_done) {
  return std::unique_ptr<Compaction>(new Compaction(*this, state, std::move(meta), std::move(on_done)));
}

Store::Compaction::Compaction(Store& store, const State& state, SnapshotMeta meta, std::function<void()> on_done)
    : store_(&store), state_(&state), meta_(std::move(meta)), on_done_(std::move(on_done)),
      appends_at_start_(store.appends_), through_(store.journal_.current_segment()) {
  finished_ = through_ <= store.snapshot_segment_;  // nothing to fold
}

bool Store::Compaction::step() {
  if (finished_) return false;
  if (store_->appends_ != appends_at_start_) {
    gave_up_ = finished_ = true;
    return false;
  }
  auto fail = [&](Status s) {
    status_ = std::move(s);
    finished_ = true;
    return false;
  };
  Storage& storage = *store_->storage_;
  if (!next_journal_) {
    // 1. Archive the segments' records verbatim (everything after each header line).
    for (int n = store_->snapshot_segment_ + 1; n <= through_; ++n) {
      auto bytes = storage.read(Journal::segment_name(n));
      if (!bytes) continue;  // a segment reported missing at open
      const std::string& b = bytes.value();
      std::size_t body = b.find('\n');
      if (body == std::string::npos) continue;
      if (auto s = archive_records(storage, b.substr(body + 1)); !s) return fail(s);
    }
    // Once the manifest is written, appends must go to a new segment after `through`: the folded
    // ones are skipped at open (and removed below). Prepared first, so that a failure writes nothing.
    JournalContents none;
    auto next = Journal::open(storage, through_, none);
    if (!next) return fail(next.error());
    next_journal_ = std::move(next.value());
    meta_.through_segment = through_;
    writer_.emplace(storage, *state_, meta_);
    return true;
  }
  // 2. The new snapshot, a chunk per step; its manifest is the commit point.
  if (writer_->step()) return true;
  fold();
  return false;
}

// 3. The new journal takes over, and what the snapshot replaces is removed. Failures removing
// only leave extra files behind.
void Store::Compaction::fold() {
  finished_ = true;
  auto written = writer_->finish();
  if (!written) {
    status_ = written.error();
    return;
  }
  store_->journal_ = std::move(*next_journal_);
  if (auto names = store_->storage_->list()) {
    for (const auto& name : names.value()) {
      auto segment = Journal::segment_number(name);
      bool folded = segment && *segment <= through_;
      bool older_snapshot = is_snapshot_file(name) &&
                            std::find(written.value().begin(), written.value().end(), name) == written.value().end();
      if (folded || older_snapshot) (void)store_->storage_->remove(name);
    }
  }
  store_->snapshot_segment_ = through_;
  store_->snapshot_older_format_ = false;
  if (on_done_) on_done_();
}

double Store::Compaction::progress() const {
  if (finished_) return 1.0;
  return writer_ ? 0.05 + 0.95 * writer_->progress() : 0.0;
}

Result<std::vector<Batch>> Store::read_history(std::vector<std::string>& warnings) const {
  auto archived = read_archive(*storage_, warnings);
  if (!archived) return archived.error();
  std::vector<Batch> all = std::move(archived.value());
  // Reading only: Journal::open would set damage aside, which open() has already done.
  auto names = storage_->list();
  if (!names) return names.error();
  for (const auto& name : names.value()) {
    auto n = Journal::segment_number(name);
    if (!n || *n <= snapshot_segment_) continue;
    auto bytes = storage_->read(name);
    if (!bytes) return bytes.error();
    for (const auto& record : decode_record_lines(bytes.value(), Journal::kHeader).records)
      if (auto batch = batch_from_json(record)) all.push_back(std::move(batch.value()));
  }
  return all;
}

}  // namespace core
