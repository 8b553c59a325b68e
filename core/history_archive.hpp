// The history archive: every Batch ever folded into a snapshot, so the full history of every
// record (and the audit trail) survives compaction. Files history-NNNNNN.log are record files
// (record_file.hpp) with the header "liaison-history 1", one Batch per record, up to ~4 MiB
// each; only the last one is appended to. Together with the live journal segments they hold
// every Change ever committed, in order.
#pragma once
#include <string>
#include <vector>

#include "core/change.hpp"
#include "core/storage.hpp"

namespace core {

inline constexpr std::size_t kArchiveFileLimit = 4 * 1024 * 1024;

// Appends already-encoded record lines (copied verbatim from journal segments).
Status archive_records(Storage& storage, const std::string& record_lines);
// Every archived Batch in order; a batch archived twice (a compaction interrupted and redone)
// is returned once. Damage is reported in `warnings`, never fatal.
Result<std::vector<Batch>> read_archive(const Storage& storage, std::vector<std::string>& warnings);
bool is_archive_file(const std::string& name);

}  // namespace core
