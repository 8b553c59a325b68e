// Read-only verification of a data folder, for `liaisonctl check`: every file is read and every
// checksum tested, nothing is modified (opening a Session would set damage aside; this only reports).
#pragma once
#include <string>
#include <vector>

#include "core/storage.hpp"

namespace core {

struct StoreReport {
  int segments = 0;
  int batches = 0;       // in live journal segments
  int archived_batches = 0;
  int snapshot_records = 0;
  int files = 0;
  std::vector<std::string> problems;  // empty when the store is intact
};

StoreReport check_store(const Storage& storage);

}  // namespace core
