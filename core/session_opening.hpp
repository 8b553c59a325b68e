// Opening a store a piece at a time, so that a shell can draw a progress bar between pieces: the
// device id and the snapshot's manifest, then each snapshot chunk (about 2 MiB of records), then
// the journal after it. Session::open() is the same done in one go.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/session.hpp"
#include "core/snapshot.hpp"

namespace core {

class SessionOpening {
 public:
  SessionOpening(Storage& storage, const Clock& clock, SessionOptions options = {});

  // Reads the next piece; false once there is nothing more to read (opened, or failed).
  bool step();
  // From 0 to 1: the snapshot's chunks read, the journal counting as one more.
  double progress() const;
  // What is being read, in words for the coordinator: "Reading saved records (3 of 12)".
  std::string stage() const;
  // The open session, or why the store could not be opened. Call once, after step() returned false.
  Result<std::unique_ptr<Session>> finish();
  // Handed to the session once it is open (Session::set_on_committed).
  void set_on_committed(std::function<void()> callback) { on_committed_ = std::move(callback); }

 private:
  Storage& storage_;
  const Clock& clock_;
  SessionOptions options_;
  std::optional<Error> failure_;
  std::optional<DeviceId> device_;
  std::optional<SnapshotLoader> snapshot_;
  std::unique_ptr<Session> session_;
  std::function<void()> on_committed_;
};

}  // namespace core
