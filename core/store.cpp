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
  LoadedSnapshot& loaded = snapshot.value();
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
  return Store(storage, std::move(journal.value()), loaded.meta.through_segment);
}

Status Store::append(const Batch& batch) { return journal_.append(batch); }

Status Store::compact(const State& state, SnapshotMeta meta) {
  const int through = journal_.current_segment();
  if (through <= snapshot_segment_) return Ok{};
  // 1. Archive the segments' records verbatim (everything after each header line).
  for (int n = snapshot_segment_ + 1; n <= through; ++n) {
    auto bytes = storage_->read(Journal::segment_name(n));
    if (!bytes) continue;  // a segment reported missing at open
    const std::string& b = bytes.value();
    std::size_t body = b.find('\n');
    if (body == std::string::npos) continue;
    if (auto s = archive_records(*storage_, b.substr(body + 1)); !s) return s;
  }
  // Once the manifest is written, appends must go to a new segment after `through`: the folded
  // ones are skipped at open (and removed below). Prepared first, so that a failure writes nothing.
  JournalContents none;
  auto next_journal = Journal::open(*storage_, through, none);
  if (!next_journal) return next_journal.error();
  // 2. The new snapshot; its manifest is the commit point.
  meta.through_segment = through;
  auto written = write_snapshot(*storage_, state, meta);
  if (!written) return written.error();
  journal_ = std::move(next_journal.value());
  // 3. Remove what the snapshot replaces. Failures here only leave extra files behind.
  auto names = storage_->list();
  if (names) {
    for (const auto& name : names.value()) {
      auto segment = Journal::segment_number(name);
      bool folded = segment && *segment <= through;
      bool older_snapshot = is_snapshot_file(name) &&
                            std::find(written.value().begin(), written.value().end(), name) == written.value().end();
      if (folded || older_snapshot) (void)storage_->remove(name);
    }
  }
  snapshot_segment_ = through;
  return Ok{};
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
