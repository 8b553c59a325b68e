// An in-memory Storage for tests that replay thousands of commits: the same store code runs on
// it as on a DirectoryStorage, without an fsync per commit. Persistence itself is tested on real
// files (journal_test, session_test, store_corruption_test, the crash test).
#pragma once
#include <map>
#include <string>

#include "core/storage.hpp"

namespace test {

class MemoryStorage final : public core::Storage {
 public:
  core::Result<std::vector<std::string>> list() const override {
    std::vector<std::string> names;
    for (const auto& [name, bytes] : files) names.push_back(name);
    return names;
  }
  core::Result<std::string> read(const std::string& name) const override {
    auto it = files.find(name);
    if (it == files.end()) return core::storage_error("no file " + name);
    return it->second;
  }
  core::Status append(const std::string& name, std::string_view bytes) override {
    files[name].append(bytes);
    return core::Ok{};
  }
  core::Status write_atomic(const std::string& name, std::string_view bytes) override {
    files[name] = std::string(bytes);
    return core::Ok{};
  }
  core::Status remove(const std::string& name) override {
    files.erase(name);
    return core::Ok{};
  }
  std::map<std::string, std::string> files;
};

}  // namespace test
