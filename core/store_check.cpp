#include "store_check.hpp"

#include "core/history_archive.hpp"
#include "core/journal.hpp"
#include "core/record_file.hpp"
#include "core/snapshot.hpp"

namespace core {

StoreReport check_store(const Storage& storage) {
  StoreReport report;
  auto names = storage.list();
  if (!names) {
    report.problems.push_back(names.error().message);
    return report;
  }
  report.files = static_cast<int>(names.value().size());
  bool has_device = false;
  for (const auto& n : names.value()) has_device = has_device || n == "device.json";
  if (!has_device && !names.value().empty()) report.problems.push_back("device.json is missing.");

  auto snapshot = load_snapshot(storage);
  int through = 0;
  if (!snapshot) {
    report.problems.push_back(snapshot.error().message);
  } else {
    for (const auto& w : snapshot.value().warnings) report.problems.push_back(w);
    through = snapshot.value().meta.through_segment;
    for_each_entity([&]<class T>() { report.snapshot_records += static_cast<int>(snapshot.value().state.table<T>().size()); });
  }

  int expected = through + 1;
  for (const auto& name : names.value()) {
    if (name.rfind("damaged-", 0) == 0)
      report.problems.push_back(name + " holds damaged data set aside earlier; it is kept for recovery by hand.");
    auto number = Journal::segment_number(name);
    if (!number || *number <= through) continue;
    ++report.segments;
    if (*number != expected) report.problems.push_back("Journal segment " + Journal::segment_name(expected) + " is missing.");
    expected = *number + 1;
    auto bytes = storage.read(name);
    if (!bytes) {
      report.problems.push_back(bytes.error().message);
      continue;
    }
    DecodedRecords decoded = decode_record_lines(bytes.value(), Journal::kHeader);
    report.batches += static_cast<int>(decoded.records.size());
    if (decoded.good_bytes != bytes.value().size() && !bytes.value().empty())
      report.problems.push_back(name + " is damaged from byte " + std::to_string(decoded.good_bytes) + " of " +
                                std::to_string(bytes.value().size()) + ".");
  }
  std::vector<std::string> archive_warnings;
  auto archived = read_archive(storage, archive_warnings);
  if (archived) report.archived_batches = static_cast<int>(archived.value().size());
  for (auto& w : archive_warnings) report.problems.push_back(std::move(w));
  return report;
}

}  // namespace core
