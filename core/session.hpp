// A Session is one open store: the files on disk, the State in memory, and this device's
// identity and clocks. commit() is the only way data changes:
//   validate -> make Changes -> append to the journal (durable) -> apply to the State.
// If validation or the write fails, nothing is written and the State is untouched.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/actions.hpp"
#include "core/clock.hpp"
#include "core/state.hpp"
#include "core/store.hpp"

namespace core {

struct SessionOptions {
  std::string author = "coordinator";  // the signed-in coordinator, recorded on every Change
};

struct Committed {
  std::string batch_id;   // empty when nothing needed to change
  std::string entity_id;  // the record the action created or changed
};

// One field's change in a record's history.
struct HistoryEntry {
  Hlc hlc;
  std::string author;
  std::string device;
  std::string field;  // "deleted" for deletion and restoration
  nlohmann::json from;
  nlohmann::json to;
};

class Session {
 public:
  static Result<std::unique_ptr<Session>> open(Storage& storage, const Clock& clock, SessionOptions options = {});

  Result<Committed> commit(const Action& action);

  const State& state() const { return state_; }
  const DeviceId& device() const { return device_; }
  const Clock& clock() const { return clock_; }
  // Problems found while opening (damaged data kept aside), to show the user once.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Called after every successful commit or compaction; the browser shell schedules an IndexedDB
  // save here.
  void set_on_committed(std::function<void()> callback) { on_committed_ = std::move(callback); }

  bool can_undo() const { return !undo_.empty(); }
  // Who changed which field of a record, when, from what to what; oldest first.
  Result<std::vector<HistoryEntry>> history(EntityType type, const std::string& id) const;

  // Compaction keeps opening fast and the file count small; shells call it when idle.
  bool compaction_due() const { return store_.compaction_due(); }
  Status compact();
  // The same a piece at a time (Store::Compaction); it gives up if anything is committed meanwhile.
  std::unique_ptr<Store::Compaction> start_compaction();

 private:
  friend class SessionOpening;
  Session(const Clock& clock, Store store, SessionOptions options);
  // The session over a snapshot already loaded: the journal after it is replayed.
  static Result<std::unique_ptr<Session>> assemble(Storage& storage, const Clock& clock, SessionOptions options,
                                                   DeviceId device, LoadedSnapshot snapshot);
  Result<Committed> create(const CreateRecord& action);
  Result<Committed> update(const UpdateRecord& action);
  Result<Committed> remove(const DeleteRecord& action);
  Result<Committed> undo();
  Result<Committed> group(const ActionGroup& action);
  std::string new_id();
  Change next_change(EntityType entity, std::string entity_id, nlohmann::json fields);
  // Appends, applies, and remembers how to undo it (unless it is itself an undo).
  Result<Committed> write(Batch batch, bool undoable);

  const Clock& clock_;
  HybridClock hlc_;
  Store store_;
  SessionOptions options_;
  DeviceId device_;
  SnapshotMeta meta_;  // last sequence per device and latest clock, for the next snapshot
  std::uint64_t seq_ = 0;
  State state_;
  std::vector<Batch> undo_;  // compensating batches, most recent last
  std::vector<std::string> warnings_;
  std::function<void()> on_committed_;
};

}  // namespace core
