#include "journal.hpp"

#include <cstdio>
#include <optional>

#include "crc32.hpp"

namespace core {
namespace {

constexpr std::string_view kPrefix = "journal-";
constexpr std::string_view kSuffix = ".seg";

std::optional<int> segment_number(const std::string& name) {
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

// Decodes the record starting at `pos`; on success moves `pos` past it.
std::optional<Batch> read_record(const std::string& bytes, std::size_t& pos) {
  std::size_t space = bytes.find(' ', pos);
  if (space == std::string::npos || space == pos || space - pos > 9) return std::nullopt;
  std::size_t length = 0;
  for (std::size_t i = pos; i < space; ++i) {
    if (bytes[i] < '0' || bytes[i] > '9') return std::nullopt;
    length = length * 10 + static_cast<std::size_t>(bytes[i] - '0');
  }
  std::size_t crc_at = space + 1, json_at = crc_at + 9;
  if (json_at + length + 1 > bytes.size() || bytes[json_at - 1] != ' ' || bytes[json_at + length] != '\n')
    return std::nullopt;
  unsigned stored = 0;
  if (std::sscanf(bytes.c_str() + crc_at, "%8x", &stored) != 1) return std::nullopt;
  std::string_view json_text(bytes.data() + json_at, length);
  if (crc32(json_text) != stored) return std::nullopt;
  auto json = nlohmann::json::parse(json_text, nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  auto batch = batch_from_json(json);
  if (!batch) return std::nullopt;
  pos = json_at + length + 1;
  return std::move(batch.value());
}

// Copies a damaged tail aside, then cuts it from the segment, so the next append is readable.
Status set_aside(Storage& storage, const std::string& name, const std::string& bytes, std::size_t good,
                 JournalContents& contents) {
  std::string stem = name.substr(0, name.size() - kSuffix.size());
  std::string aside = "damaged-" + stem + "-" + std::to_string(good) + ".bin";
  if (auto s = storage.write_atomic(aside, std::string_view(bytes).substr(good)); !s) return s;
  std::string kept = good >= Journal::kHeader.size() ? bytes.substr(0, good) : std::string(Journal::kHeader);
  if (auto s = storage.write_atomic(name, kept); !s) return s;
  contents.warnings.push_back("Part of the saved data could not be read: the last " +
                              std::to_string(bytes.size() - good) + " bytes of " + name +
                              " are damaged (usually a save interrupted by a crash or power loss). " +
                              "Everything before them was loaded; the damaged part was kept in " + aside + ".");
  return Ok{};
}

}  // namespace

std::string Journal::segment_name(int number) {
  char name[32];
  std::snprintf(name, sizeof name, "journal-%08d.seg", number);
  return name;
}

std::string Journal::encode_record(const Batch& batch) {
  std::string json = batch_to_json(batch).dump();
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "%zu %08x ", json.size(), crc32(json));
  return prefix + json + "\n";
}

Result<Journal> Journal::open(Storage& storage, JournalContents& contents) {
  auto names = storage.list();
  if (!names) return names.error();
  Journal journal(storage);
  for (const std::string& name : names.value()) {
    auto number = segment_number(name);
    if (!number) continue;
    if (*number != journal.segment_ + 1)
      contents.warnings.push_back("Journal segment " + segment_name(journal.segment_ + 1) +
                                  " is missing; changes it held are not loaded.");
    auto bytes = storage.read(name);
    if (!bytes) return bytes.error();
    const std::string& b = bytes.value();
    std::size_t pos = b.rfind(kHeader, 0) == 0 ? kHeader.size() : 0;
    if (pos > 0) {
      while (pos < b.size()) {
        auto batch = read_record(b, pos);
        if (!batch) break;
        contents.batches.push_back(std::move(*batch));
      }
    }
    std::size_t size = b.size();
    if (pos < b.size()) {
      if (auto s = set_aside(storage, name, b, pos, contents); !s) return s.error();
      size = std::max(pos, kHeader.size());
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
  if (target == 0 || (size > 0 && size + record.size() > kSegmentLimit)) {
    ++target;
    size = 0;
  }
  // A new segment, or an empty one left by a failed first write, starts with the header.
  std::string bytes = size == 0 ? std::string(kHeader) + record : record;
  if (auto s = storage_->append(segment_name(target), bytes); !s) return s;
  segment_ = target;
  segment_size_ = size + bytes.size();
  return Ok{};
}

}  // namespace core
