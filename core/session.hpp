// A Session is one open data folder: the journal on disk, the State in memory, and this device's
// identity and clocks. commit() is the only way data changes:
//   validate -> make Changes -> append to the journal (durable) -> apply to the State.
// If validation or the write fails, nothing is written and the State is untouched.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "actions.hpp"
#include "clock.hpp"
#include "journal.hpp"
#include "state.hpp"
#include "storage.hpp"

namespace core {

struct SessionOptions {
  std::string author = "coordinator";  // the signed-in coordinator, recorded on every Change
};

struct Committed {
  std::string batch_id;
  std::string entity_id;  // the record the action created or changed
};

class Session {
 public:
  static Result<std::unique_ptr<Session>> open(Storage& storage, const Clock& clock,
                                               SessionOptions options = {});

  Result<Committed> commit(const Action& action);

  const State& state() const { return state_; }
  const DeviceId& device() const { return device_; }
  const Clock& clock() const { return clock_; }
  // Problems found while opening (damaged data kept aside), to show the user once.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Called after every successful commit; the browser shell schedules an IndexedDB save here.
  void set_on_committed(std::function<void()> callback) { on_committed_ = std::move(callback); }

 private:
  Session(const Clock& clock, Journal journal, SessionOptions options);
  Result<Committed> add_patient(const AddPatient& action);
  Change next_change(EntityType entity, std::string entity_id);
  Result<Committed> write(Batch batch);

  const Clock& clock_;
  HybridClock hlc_;
  Journal journal_;
  SessionOptions options_;
  DeviceId device_;
  std::uint64_t seq_ = 0;  // last sequence number this device used
  State state_;
  std::vector<std::string> warnings_;
  std::function<void()> on_committed_;
};

}  // namespace core
