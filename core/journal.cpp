#include "journal.hpp"

#include <cstdio>

#include "core/record_file.hpp"

namespace core {
namespace {

constexpr std::string_view kPrefix = "journal-";
constexpr std::string_view kSuffix = ".seg";

std::string header_line() { return std::string(Journal::kHeader) + "\n"; }

}  // namespace

Status keep_damaged_tail(Storage& storage, const std::string& name, const std::string& bytes, std::size_t good,
                         const std::string& kept, std::vector<std::string>& warnings) {
  std::string stem = name.substr(0, name.rfind('.'));
  std::string aside = "damaged-" + stem + "-" + std::to_string(good) + ".bin";
  if (auto s = storage.write_atomic(aside, std::string_view(bytes).substr(good)); !s) return s;
  if (auto s = storage.write_atomic(name, kept); !s) return s;
  warnings.push_back("Part of the saved data could not be read: the last " + std::to_string(bytes.size() - good) +
                     " bytes of " + name + " are damaged (usually a save interrupted by a crash or power loss). " +
                     "Everything before them was loaded; the damaged part was kept in " + aside + ".");
  return Ok{};
}

std::string Journal::segment_name(int number) {
  char name[32];
  std::snprintf(name, sizeof name, "journal-%08d.seg", number);
  return name;
}

std::optional<int> Journal::segment_number(const std::string& name) {
  if (name.size() != kPrefix.size() + 8 + kSuffix.size() || name.rfind(kPrefix, 0) != 0 ||
      name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
    return std::nullopt;
  int number = 0;
  for (char c : name.substr(kPrefix.size(), 8)) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return number;
}

std::string Journal::encode_record(const Batch& batch) { return encode_record_line(batch_to_json(batch)); }

Result<Journal> Journal::open(Storage& storage, int after_segment, JournalContents& contents) {
  auto names = storage.list();
  if (!names) return names.error();
  Journal journal(storage);
  journal.first_ = after_segment + 1;
  journal.segment_ = after_segment;
  bool previous_reported = true;  // the segment before was cut, now or earlier: already told
  for (const std::string& name : names.value()) {
    auto number = segment_number(name);
    if (!number || *number <= after_segment) continue;  // folded into the snapshot already
    const bool follows = *number == journal.segment_ + 1 && journal.segment_ > after_segment;
    if (*number != journal.segment_ + 1)
      contents.warnings.push_back("Journal segment " + segment_name(journal.segment_ + 1) +
                                  " is missing; changes it held are not loaded.");
    auto bytes = storage.read(name);
    if (!bytes) return bytes.error();
    const std::string& b = bytes.value();
    DecodedRecords decoded = decode_record_lines(b, kHeader);
    // append() closes a segment only when the next record would not fit, so a segment with room
    // for the next one's first record lost its end, even if it ends cleanly on a record.
    if (follows && !previous_reported && !decoded.records.empty() &&
        journal.segment_size_ + (decoded.ends[0] - header_line().size()) <= kSegmentLimit)
      contents.warnings.push_back("Journal segment " + segment_name(journal.segment_) + " ends early (" +
                                  std::to_string(journal.segment_size_) + " bytes) although " + name +
                                  " follows it: changes saved at its end may be missing.");
    std::size_t good = decoded.good_bytes;
    for (std::size_t i = 0; i < decoded.records.size(); ++i) {
      auto batch = batch_from_json(decoded.records[i]);
      if (!batch) {  // intact bytes but not a batch: treat the rest as damaged, keep it aside
        good = i == 0 ? header_line().size() : decoded.ends[i - 1];
        break;
      }
      contents.batches.push_back(std::move(batch.value()));
    }
    std::size_t size = b.size();
    const std::string aside_prefix = "damaged-" + name.substr(0, name.rfind('.')) + "-";
    previous_reported = false;
    for (const auto& other : names.value()) previous_reported = previous_reported || other.rfind(aside_prefix, 0) == 0;
    if (good < b.size() && !b.empty()) {
      std::string kept = good > 0 ? b.substr(0, good) : header_line();
      if (auto s = keep_damaged_tail(storage, name, b, good, kept, contents.warnings); !s) return s.error();
      size = kept.size();
      previous_reported = true;
    }
    journal.segment_ = *number;
    journal.segment_size_ = size;
  }
  return journal;
}

Status Journal::append(const Batch& batch) {
  std::string record = encode_record(batch);
  int target = segment_;
  std::size_t size = segment_size_;
  if (target < first_ || (size > 0 && size + record.size() > kSegmentLimit)) {
    target = std::max(target + 1, first_);
    size = 0;
  }
  // A new segment, or an empty one left by a failed first write, starts with the header.
  std::string bytes = size == 0 ? header_line() + record : record;
  if (auto s = storage_->append(segment_name(target), bytes); !s) return s;
  segment_ = target;
  segment_size_ = size + bytes.size();
  return Ok{};
}

}  // namespace core
