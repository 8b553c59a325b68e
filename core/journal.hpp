// The change journal: every commit, in order, in small append-only segment files.
//
// FORMAT (version 1). A data folder holds segments named journal-NNNNNNNN.seg, numbered from 1
// with no gaps; replaying them in name order from an empty state reproduces the data. Each is
// text, readable with any editor:
//
//   liaison-journal 1\n                         <- header line, exactly these bytes
//   <length> <crc32> <json>\n                   <- one record per committed batch
//
// <length> is the decimal byte count of <json>, <crc32> its CRC-32 as 8 lowercase hex digits,
// <json> one line of {"changes":[...]} as written by batch_to_json (change.hpp). A record counts
// only when its length, checksum, closing newline and JSON are all intact; a crash mid-append
// leaves a torn last record, which fails that test.
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
#include <string>
#include <vector>

#include "change.hpp"
#include "storage.hpp"

namespace core {

struct JournalContents {
  std::vector<Batch> batches;
  std::vector<std::string> warnings;  // damage found and kept aside, for the user
};

class Journal {
 public:
  static constexpr std::size_t kSegmentLimit = 64 * 1024;
  static constexpr std::string_view kHeader = "liaison-journal 1\n";

  // Reads every segment into `contents`, setting damaged tails aside as described above.
  static Result<Journal> open(Storage& storage, JournalContents& contents);
  // Durable when it returns ok; on failure the journal is unchanged.
  Status append(const Batch& batch);
  int segment_count() const { return segment_; }

  static std::string segment_name(int number);
  static std::string encode_record(const Batch& batch);

 private:
  explicit Journal(Storage& storage) : storage_(&storage) {}
  Storage* storage_;
  int segment_ = 0;  // number of the segment being appended to (0: none yet)
  std::size_t segment_size_ = 0;
};

}  // namespace core
