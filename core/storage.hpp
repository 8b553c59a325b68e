// The storage interface: a flat folder of named byte files. The journal and the snapshot are
// written through it, so encryption at rest or another medium can wrap it without touching the
// domain code. Every mutating call is durable when it returns ok.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace core {

class Storage {
 public:
  virtual ~Storage() = default;
  virtual Result<std::vector<std::string>> list() const = 0;  // file names, sorted
  virtual Result<std::string> read(const std::string& name) const = 0;
  // Appends bytes; on failure the file is left as it was before the call.
  virtual Status append(const std::string& name, std::string_view bytes) = 0;
  // Replaces (or creates) the whole file so that a crash leaves either the old or the new bytes.
  virtual Status write_atomic(const std::string& name, std::string_view bytes) = 0;
  // Removes a file; removing one that does not exist is not an error.
  virtual Status remove(const std::string& name) = 0;
  // A hint that the file will be read soon, so that the medium can start reading it while the
  // caller works on what it read before. Nothing happens where nothing would be gained.
  virtual void prefetch(const std::string& name) const { (void)name; }
};

// A folder on a POSIX file system: the desktop's data directory, the browser's IDBFS mount,
// and temporary folders in tests.
class DirectoryStorage final : public Storage {
 public:
  explicit DirectoryStorage(std::string directory) : dir_(std::move(directory)) {}
  // Creates the folder (and its parents) if missing.
  Status prepare();
  const std::string& directory() const { return dir_; }

  Result<std::vector<std::string>> list() const override;
  Result<std::string> read(const std::string& name) const override;
  Status append(const std::string& name, std::string_view bytes) override;
  Status write_atomic(const std::string& name, std::string_view bytes) override;
  Status remove(const std::string& name) override;
  // Asks the system to read the file into its cache in the background (posix_fadvise).
  void prefetch(const std::string& name) const override;

 private:
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string dir_;
};

}  // namespace core
