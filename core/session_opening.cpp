#include "session_opening.hpp"

#include <cstdio>
#include <random>

namespace core {
namespace {

constexpr const char* kDeviceFile = "device.json";

std::string new_device_id() {
  std::random_device random;
  char id[24];
  std::snprintf(id, sizeof id, "d%08x%08x", random(), random());
  return id;
}

// The device id is made once per data folder and kept in device.json.
Result<DeviceId> load_or_create_device(Storage& storage) {
  auto names = storage.list();
  if (!names) return names.error();
  bool exists = false;
  for (const auto& n : names.value()) exists = exists || n == kDeviceFile;
  if (exists) {
    auto bytes = storage.read(kDeviceFile);
    if (!bytes) return bytes.error();
    auto json = nlohmann::json::parse(bytes.value(), nullptr, false);
    if (json.is_object() && json.contains("device_id") && json["device_id"].is_string() &&
        !json["device_id"].get<std::string>().empty())
      return DeviceId{json["device_id"].get<std::string>()};
    return Error{ErrorCode::Corrupt, std::string(kDeviceFile) + " in the data folder is damaged.", {}};
  }
  DeviceId id{new_device_id()};
  auto s = storage.write_atomic(kDeviceFile, nlohmann::json{{"device_id", id.value}}.dump() + "\n");
  if (!s) return s.error();
  return id;
}

}  // namespace

SessionOpening::SessionOpening(Storage& storage, const Clock& clock, SessionOptions options)
    : storage_(storage), clock_(clock), options_(std::move(options)) {}

bool SessionOpening::step() {
  if (failure_ || session_) return false;
  if (!device_) {
    auto device = load_or_create_device(storage_);
    if (!device) failure_ = device.error();
    else device_ = device.value();
    return !failure_;
  }
  if (!snapshot_) {
    auto loader = SnapshotLoader::start(storage_);
    if (!loader) failure_ = loader.error();
    else snapshot_ = std::move(loader.value());
    return !failure_;
  }
  if (!snapshot_->done()) {
    snapshot_->step();
    return true;
  }
  auto opened = Session::assemble(storage_, clock_, options_, *device_, snapshot_->take());
  if (!opened) failure_ = opened.error();
  else session_ = std::move(opened.value());
  if (session_ && on_committed_) session_->set_on_committed(on_committed_);
  return false;
}

double SessionOpening::progress() const {
  if (session_ || failure_) return 1.0;
  if (!snapshot_ || snapshot_->chunks_total() == 0) return 0.0;
  return static_cast<double>(snapshot_->chunks_read()) / static_cast<double>(snapshot_->chunks_total() + 1);
}

std::string SessionOpening::stage() const {
  if (!snapshot_ || snapshot_->chunks_total() == 0) return "Finding the saved records";
  if (!snapshot_->done())
    return "Reading saved records (" + std::to_string(snapshot_->chunks_read() + 1) + " of " +
           std::to_string(snapshot_->chunks_total()) + ")";
  return "Reading the latest changes";
}

Result<std::unique_ptr<Session>> SessionOpening::finish() {
  while (step()) {
  }
  if (failure_) return *failure_;
  return std::move(session_);
}

}  // namespace core
