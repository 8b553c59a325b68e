// The change journal: every commit since the last snapshot, in order, in small append-only
// segment files named journal-NNNNNNNN.seg, numbered without gaps. Each is a record file
// (record_file.hpp) with the header "liaison-journal 1" and one record per committed Batch:
// {"changes":[...]} as written by batch_to_json (change.hpp).
//
// RECOVERY. On open, everything up to the first bad record of a segment is loaded. The bytes from
// there to the end are copied to damaged-journal-NNNNNNNN-<offset>.bin (never deleted), the
// segment is rewritten without them, and the user is told. To recover by hand: each line of a
// damaged file that passes the length and checksum test can be appended to a new segment.
//
// SIZE. A segment is closed once it would pass 64 KiB, so that a commit costs O(change), not
// O(database): the browser's IndexedDB file system rewrites a changed file whole on every save.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/change.hpp"
#include "core/storage.hpp"

namespace core {

struct JournalContents {
  std::vector<Batch> batches;
  std::vector<std::string> warnings;  // damage found and kept aside, for the user
};

class Journal {
 public:
  static constexpr std::size_t kSegmentLimit = 64 * 1024;
  static constexpr std::string_view kHeader = "liaison-journal 1";

  // Reads the segments numbered after `after_segment` (the snapshot's) into `contents`, setting
  // damaged tails aside as described above.
  static Result<Journal> open(Storage& storage, int after_segment, JournalContents& contents);
  // Durable when it returns ok; on failure the journal is unchanged.
  Status append(const Batch& batch);
  int current_segment() const { return segment_; }  // 0: none written yet
  int first_segment() const { return first_; }      // the first segment after the snapshot

  static std::string segment_name(int number);
  static std::optional<int> segment_number(const std::string& name);
  static std::string encode_record(const Batch& batch);

 private:
  explicit Journal(Storage& storage) : storage_(&storage) {}
  Storage* storage_;
  int first_ = 1;
  int segment_ = 0;
  std::size_t segment_size_ = 0;
};

// Copies bytes [good, end) of a damaged file aside and cuts the file back to `kept`.
Status keep_damaged_tail(Storage& storage, const std::string& name, const std::string& bytes, std::size_t good,
                         const std::string& kept, std::vector<std::string>& warnings);

}  // namespace core
