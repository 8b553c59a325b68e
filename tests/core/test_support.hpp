// Helpers shared by the core tests: a real temporary folder and a clock the test controls.
#pragma once
#include <atomic>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "core/clock.hpp"

namespace test {

// A fresh folder under the system temp directory, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    auto base = std::filesystem::temp_directory_path();
    // The process id keeps two test processes started in the same millisecond apart (ctest -j).
    path_ = (base / ("liaison-test-" + std::to_string(::getpid()) + "-" + std::to_string(core::SystemClock().now_ms()) +
                     "-" + std::to_string(counter++)))
                .string();
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

class FixedClock final : public core::Clock {
 public:
  std::int64_t now_ms() const override { return now; }
  core::CivilDate today() const override { return day; }
  std::int64_t now = 1'795'000'000'000;  // 2026-11-18
  core::CivilDate day{date::year{2026}, date::November, date::day{28}};
};

}  // namespace test
