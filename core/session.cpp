#include "session.hpp"

#include <algorithm>
#include <map>

#include "core/record_id.hpp"
#include "core/session_opening.hpp"
#include "core/validate.hpp"

namespace core {

Session::Session(const Clock& clock, Store store, SessionOptions options)
    : clock_(clock), hlc_(clock), store_(std::move(store)), options_(std::move(options)) {}

Result<std::unique_ptr<Session>> Session::open(Storage& storage, const Clock& clock, SessionOptions options) {
  return SessionOpening(storage, clock, std::move(options)).finish();
}

Result<std::unique_ptr<Session>> Session::assemble(Storage& storage, const Clock& clock, SessionOptions options,
                                                   DeviceId device, LoadedSnapshot snapshot) {
  StoreContents contents;
  auto store = Store::open_after_snapshot(storage, std::move(snapshot), contents);
  if (!store) return store.error();
  std::unique_ptr<Session> s(new Session(clock, std::move(store.value()), std::move(options)));
  s->device_ = std::move(device);
  s->state_ = std::move(contents.state);
  s->meta_ = std::move(contents.meta);
  s->warnings_ = std::move(contents.warnings);
  s->hlc_.observe(s->meta_.hlc);
  s->seq_ = s->meta_.devices[s->device_.value];
  return s;
}

Result<Committed> Session::commit(const Action& action) {
  struct Dispatch {
    Session& s;
    Result<Committed> operator()(const CreateRecord& a) { return s.create(a); }
    Result<Committed> operator()(const UpdateRecord& a) { return s.update(a); }
    Result<Committed> operator()(const DeleteRecord& a) { return s.remove(a); }
    Result<Committed> operator()(const UndoLast&) { return s.undo(); }
    Result<Committed> operator()(const ActionGroup& a) { return s.group(a); }
  };
  return std::visit(Dispatch{*this}, action);
}

Change Session::next_change(EntityType entity, std::string entity_id, nlohmann::json fields) {
  Change c;
  c.id = ChangeId{device_, ++seq_};
  c.hlc = hlc_.tick();
  c.author = options_.author;
  c.entity = entity;
  c.entity_id = std::move(entity_id);
  c.fields = std::move(fields);
  return c;
}

// A new id is never one already in use by a record of any type, even if a damaged manifest set
// the sequence back.
std::string Session::new_id() {
  auto in_use = [&](const std::string& id) {
    bool used = false;
    for_each_entity([&]<class T>() { used = used || state_.table<T>().count(Id<T>{id}) > 0; });
    return used;
  };
  while (in_use(record_id(device_, seq_ + 1))) ++seq_;
  return record_id(device_, seq_ + 1);
}

Result<Committed> Session::create(const CreateRecord& action) {
  const std::string id = new_id();
  auto fields = validate_fields(action.type, id, true, action.fields, state_, clock_.today());
  if (!fields) return fields.error();
  return write(Batch{{next_change(action.type, id, std::move(fields.value()))}}, true);
}

Result<Committed> Session::update(const UpdateRecord& action) {
  auto fields = validate_fields(action.type, action.id, false, action.fields, state_, clock_.today());
  if (!fields) return fields.error();
  if (fields.value().empty()) return Committed{"", action.id};  // nothing changed: nothing written
  return write(Batch{{next_change(action.type, action.id, std::move(fields.value()))}}, true);
}

Result<Committed> Session::remove(const DeleteRecord& action) {
  if (!state_.exists(action.type, action.id))
    return Error{ErrorCode::NotFound, "That record no longer exists; it may have been deleted already.", {}};
  return write(Batch{{next_change(action.type, action.id, {{"deleted", true}})}}, true);
}

Result<Committed> Session::undo() {
  if (undo_.empty()) return Error{ErrorCode::NotFound, "There is nothing to undo.", {}};
  Batch inverse;
  for (const Change& c : undo_.back().changes) inverse.changes.push_back(next_change(c.entity, c.entity_id, c.fields));
  auto done = write(std::move(inverse), false);
  if (done) undo_.pop_back();
  return done;
}

Result<Committed> Session::group(const ActionGroup& action) {
  // Each step is checked against the data with the steps before it applied, so later steps see
  // earlier ones; everything is rolled back before the batch is written the normal way.
  Batch batch;
  std::vector<nlohmann::json> before;  // each change's record as it was, to roll back
  const std::uint64_t seq_before = seq_;
  std::vector<std::string> created;  // per step: the id it creates, empty for an update
  auto roll_back = [&] {
    for (std::size_t i = batch.changes.size(); i-- > 0;) {
      const Change& c = batch.changes[i];
      if (before[i].empty()) {
        forget(state_, c.entity, c.entity_id);
        continue;
      }
      Change back{{}, {}, {}, c.entity, c.entity_id, nlohmann::json::object()};
      for (const auto& [name, value] : c.fields.items())
        back.fields[name] = name == "deleted" ? nlohmann::json(before[i].contains("deleted")) : before[i].value(name, nlohmann::json());
      apply(state_, back);
    }
    seq_ = seq_before;
  };
  for (const ActionGroup::Step& step : action.steps) {
    EntityType type;
    std::string id;
    Result<nlohmann::json> fields = nlohmann::json::object();
    if (const auto* create = std::get_if<CreateRecord>(&step.action)) {
      type = create->type;
      id = new_id();
      nlohmann::json values = create->fields;
      for (const auto& [field, index] : step.ids_from_steps)
        if (index < created.size()) values[field] = created[index];
      fields = validate_fields(type, id, true, values, state_, clock_.today());
    } else {
      const auto& update = std::get<UpdateRecord>(step.action);
      type = update.type;
      id = update.id;
      nlohmann::json values = update.fields;
      for (const auto& [field, index] : step.ids_from_steps)
        if (index < created.size()) values[field] = created[index];
      fields = validate_fields(type, id, false, values, state_, clock_.today());
    }
    created.push_back(std::holds_alternative<CreateRecord>(step.action) ? id : std::string());
    if (!fields) {
      roll_back();
      Error error = fields.error();
      if (!step.label.empty()) error.message = step.label + ": " + error.message;
      return error;
    }
    if (fields.value().empty()) continue;
    before.push_back(record_fields(state_, type, id));
    batch.changes.push_back(Change{{}, {}, {}, type, id, std::move(fields.value())});
    apply(state_, batch.changes.back());
  }
  roll_back();
  if (batch.changes.empty()) return Committed{};
  for (Change& c : batch.changes) c = next_change(c.entity, c.entity_id, std::move(c.fields));
  return write(std::move(batch), true);
}

Result<Committed> Session::write(Batch batch, bool undoable) {
  // The compensating batch: each field's value before this batch, or a tombstone for a new record.
  Batch compensation;
  if (undoable) {
    for (const Change& c : batch.changes) {
      nlohmann::json before = record_fields(state_, c.entity, c.entity_id);
      Change back = c;
      back.fields = nlohmann::json::object();
      if (before.empty()) {
        back.fields["deleted"] = true;
      } else {
        for (const auto& [name, value] : c.fields.items())
          back.fields[name] = name == "deleted" ? nlohmann::json(before.contains("deleted")) : before.value(name, nlohmann::json());
      }
      compensation.changes.push_back(std::move(back));
    }
  }
  if (auto s = store_.append(batch); !s) {
    seq_ -= batch.changes.size();  // nothing was written: the numbers are free again
    return Error{ErrorCode::StorageFailed, "Not saved: " + s.error().message, {}};
  }
  for (const Change& c : batch.changes) apply(state_, c);
  note_batch(meta_, batch);
  if (undoable) undo_.push_back(std::move(compensation));
  Committed done{batch.id(), batch.changes.back().entity_id};
  if (on_committed_) on_committed_();
  return done;
}

Status Session::compact() {
  auto job = start_compaction();
  while (job->step()) {
  }
  return job->result();
}

// The files change when it is done: the browser saves them too.
std::unique_ptr<Store::Compaction> Session::start_compaction() { return store_.start_compaction(state_, meta_, on_committed_); }

Result<std::vector<HistoryEntry>> Session::history(EntityType type, const std::string& id) const {
  std::vector<std::string> ignored;
  auto batches = store_.read_history(ignored);
  if (!batches) return batches.error();
  std::vector<const Change*> changes;
  for (const Batch& b : batches.value())
    for (const Change& c : b.changes)
      if (c.entity == type && c.entity_id == id) changes.push_back(&c);
  std::stable_sort(changes.begin(), changes.end(), [](const Change* a, const Change* b) { return a->hlc < b->hlc; });
  std::vector<HistoryEntry> out;
  std::map<std::string, nlohmann::json> current;
  for (const Change* c : changes) {
    for (const auto& [field, value] : c->fields.items()) {
      nlohmann::json from = current.count(field) ? current[field] : nlohmann::json();
      if (field == "deleted" && from.is_null()) from = false;
      out.push_back({c->hlc, c->author, c->id.device.value, field, from, value});
      current[field] = value;
    }
  }
  return out;
}

}  // namespace core
