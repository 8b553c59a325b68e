#include "history_archive.hpp"

#include <cstdio>
#include <set>

#include "core/record_file.hpp"

namespace core {
namespace {

constexpr std::string_view kHeader = "liaison-history 1";

std::string archive_name(int n) {
  char name[32];
  std::snprintf(name, sizeof name, "history-%06d.log", n);
  return name;
}

}  // namespace

bool is_archive_file(const std::string& name) {
  return name.rfind("history-", 0) == 0 && name.size() > 4 && name.compare(name.size() - 4, 4, ".log") == 0;
}

Status archive_records(Storage& storage, const std::string& record_lines) {
  if (record_lines.empty()) return Ok{};
  auto names = storage.list();
  if (!names) return names.error();
  int last = 0;
  std::string last_name;
  for (const auto& name : names.value())
    if (is_archive_file(name)) {
      ++last;
      last_name = name;
    }
  std::size_t size = 0;
  bool intact = true;
  if (last > 0) {
    auto bytes = storage.read(last_name);
    if (!bytes) return bytes.error();
    size = bytes.value().size();
    // Records appended after damage (say, a torn append) would be unreadable: start a new file.
    intact = decode_record_lines(bytes.value(), kHeader).good_bytes == size;
  }
  if (last == 0 || !intact || size + record_lines.size() > kArchiveFileLimit) {
    return storage.append(archive_name(last + 1), std::string(kHeader) + "\n" + record_lines);
  }
  return storage.append(last_name, record_lines);
}

Result<std::vector<Batch>> read_archive(const Storage& storage, std::vector<std::string>& warnings) {
  auto names = storage.list();
  if (!names) return names.error();
  std::vector<Batch> out;
  std::set<std::string> seen;
  for (const auto& name : names.value()) {
    if (!is_archive_file(name)) continue;
    auto bytes = storage.read(name);
    if (!bytes) return bytes.error();
    DecodedRecords decoded = decode_record_lines(bytes.value(), kHeader);
    if (decoded.good_bytes != bytes.value().size())
      warnings.push_back("History file " + name + " is damaged after byte " + std::to_string(decoded.good_bytes) +
                         "; older history before that point is shown.");
    for (const auto& record : decoded.records) {
      auto batch = batch_from_json(record);
      if (!batch) continue;
      if (seen.insert(batch.value().id()).second) out.push_back(std::move(batch.value()));
    }
  }
  return out;
}

}  // namespace core
