#include "session.hpp"

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

Session::Session(const Clock& clock, Journal journal, SessionOptions options)
    : clock_(clock), hlc_(clock), journal_(std::move(journal)), options_(std::move(options)) {}

Result<std::unique_ptr<Session>> Session::open(Storage& storage, const Clock& clock, SessionOptions options) {
  auto device = load_or_create_device(storage);
  if (!device) return device.error();
  JournalContents contents;
  auto journal = Journal::open(storage, contents);
  if (!journal) return journal.error();
  std::unique_ptr<Session> s(new Session(clock, std::move(journal.value()), std::move(options)));
  s->device_ = device.value();
  s->warnings_ = std::move(contents.warnings);
  for (const Batch& batch : contents.batches) {
    for (const Change& change : batch.changes) {
      apply(s->state_, change);
      s->hlc_.observe(change.hlc);
      if (change.id.device == s->device_ && change.id.seq > s->seq_) s->seq_ = change.id.seq;
    }
  }
  return s;
}

Result<Committed> Session::commit(const Action& action) {
  return std::visit([this](const auto& a) { return add_patient(a); }, action);
}

Change Session::next_change(EntityType entity, std::string entity_id) {
  Change c;
  c.id = ChangeId{device_, ++seq_};
  c.hlc = hlc_.tick();
  c.author = options_.author;
  c.entity = entity;
  c.entity_id = std::move(entity_id);
  return c;
}

Result<Committed> Session::write(Batch batch) {
  if (auto s = journal_.append(batch); !s) {
    seq_ -= batch.changes.size();  // nothing was written: the numbers are free again
    return Error{ErrorCode::StorageFailed, "Not saved: " + s.error().message, {}};
  }
  for (const Change& c : batch.changes) apply(state_, c);
  Committed done{batch.id(), batch.changes.back().entity_id};
  if (on_committed_) on_committed_();
  return done;
}

Result<Committed> Session::add_patient(const AddPatient& action) {
  auto errors = validate_new_patient(action.draft, state_, clock_.today());
  if (!errors.empty())
    return Error{ErrorCode::Invalid, "The patient was not added: check the highlighted fields.", std::move(errors)};
  Change c = next_change(EntityType::Patient, "");
  c.entity_id = "p-" + c.id.str();
  const PatientDraft& d = action.draft;
  c.fields = {{"name", trimmed(d.name)}, {"birth_date", trimmed(d.birth_date)}};
  if (auto mrn = trimmed(d.mrn); !mrn.empty()) c.fields["mrn"] = mrn;
  if (auto phone = trimmed(d.phone); !phone.empty()) c.fields["phone"] = phone;
  return write(Batch{{std::move(c)}});
}

}  // namespace core
