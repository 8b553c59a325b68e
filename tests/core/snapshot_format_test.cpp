// The binary snapshot (format 3, core/binary_records.hpp): a generated clinic read back holds the
// same records and the same indexes as the text snapshots of format 1 (which still open), format 2
// chunks still read, a field the reader does not know is skipped, a repeated text is written once
// per chunk, and a damaged chunk is refused, never half-read.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "bench/synthetic_clinic.hpp"
#include "core/binary_records.hpp"
#include "core/crc32.hpp"
#include "core/record_file.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "memory_storage.hpp"
#include "test_support.hpp"

namespace {

const std::string kManifest = "snapshot-00000000.json";
const std::string kChunk = "snapshot-00000000-001.chunk";
const std::string kTexts = "snapshot-00000000.texts";

std::string hex(std::uint32_t v) {
  char out[12];
  std::snprintf(out, sizeof out, "%08x", v);
  return out;
}

std::string chunk_file(std::size_t k) {
  char name[48];
  std::snprintf(name, sizeof name, "snapshot-00000000-%03zu.chunk", k + 1);
  return name;
}

nlohmann::json listed(const test::MemoryStorage& storage, const std::string& file) {
  const std::string& bytes = storage.files.at(file);
  return {{"file", file}, {"bytes", bytes.size()}, {"crc32", hex(core::crc32(bytes))}};
}

// A manifest listing the chunks' files, and the texts file if there is one, as they are stored now,
// with their true sizes and CRCs.
void store_manifest(test::MemoryStorage& storage, std::size_t chunk_count, const std::string& format = "liaison-snapshot 3") {
  nlohmann::json manifest = {{"format", format}, {"through_segment", 0}, {"chunks", nlohmann::json::array()},
                             {"devices", nlohmann::json::object()}, {"hlc", {0, 0}}};
  for (std::size_t k = 0; k < chunk_count; ++k) manifest["chunks"].push_back(listed(storage, chunk_file(k)));
  if (storage.files.count(kTexts)) manifest["texts"] = listed(storage, kTexts);
  storage.files[kManifest] = manifest.dump();
}

// A snapshot of one chunk holding `chunk` as it is, with a manifest that lists its true size and CRC.
void store_chunk(test::MemoryStorage& storage, const std::string& format, const std::string& chunk) {
  storage.files[kChunk] = chunk;
  store_manifest(storage, 1, format);
}

// The state as format 1 wrote it: a line of JSON per record, every table in id order.
std::string text_chunk(const core::State& state) {
  std::string chunk = "liaison-snapshot 1\n";
  core::for_each_entity([&]<class T>() {
    for (const auto& [id, record] : state.table<T>())
      chunk += core::encode_record_line({{"entity", core::entity_name(T::kType)}, {"id", id.value},
                                         {"fields", core::record_fields(state, T::kType, id.value)}});
  });
  return chunk;
}

// The state as a binary snapshot of chunks of `per_chunk` records each, as write_snapshot splits a
// large clinic (a chunk starts a new block, and a block may go on in the next chunk), and its
// shared texts. Returns how many chunks.
std::size_t store_in_chunks(test::MemoryStorage& storage, const core::State& state, std::size_t per_chunk) {
  std::vector<std::string> chunks;
  core::SharedTextNumbers numbers;
  std::size_t in_chunk = per_chunk;
  core::for_each_entity([&]<class T>() {
    bool in_block = false;
    for (const auto& [id, record] : state.table<T>()) {
      if (in_chunk == per_chunk) {
        chunks.emplace_back("liaison-snapshot 3\n");
        in_chunk = 0;
        in_block = false;
      }
      if (!in_block) core::write_block_header<T>(chunks.back());
      in_block = true;
      core::write_binary_record(record, chunks.back(), numbers);
      ++in_chunk;
    }
  });
  for (std::size_t k = 0; k < chunks.size(); ++k) storage.files[chunk_file(k)] = chunks[k];
  storage.files[kTexts] = "liaison-snapshot 3\n";
  core::write_shared_texts(numbers, storage.files[kTexts]);
  store_manifest(storage, chunks.size());
  return chunks.size();
}

std::string ids(const auto& list) {
  std::string out;
  for (const auto* record : list) out += record->id.value + " ";
  return out;
}

std::string ids_by_start(const auto& by_start) {
  std::string out;
  for (const auto& [start, appointment] : by_start) out += std::to_string(start) + ":" + appointment->id.value + " ";
  return out;
}

// Every index of a state, as ids, so that two states' indexes can be compared.
std::map<std::string, std::string> indexes_of(const core::State& s) {
  std::map<std::string, std::string> out;
  for (const auto& [mrn, id] : s.patients_by_mrn) out["mrn " + mrn] = id.value;
  for (const auto& [key, by_start] : s.appointments_by_party) out["party " + key] = ids_by_start(by_start);
  for (const auto& [key, by_start] : s.appointments_of_patient) out["appointments of " + key] = ids_by_start(by_start);
  for (const auto& [key, by_start] : s.appointments_with_status) out["appointments " + key] = ids_by_start(by_start);
  for (const auto& entry : s.records_by_patient) {  // no structured binding: clang 14 cannot capture one
    const std::string& patient = entry.first;
    const auto& lists = entry.second;
    core::for_each_entity([&]<class T>() {
      if constexpr (core::PatientOwned<T>)
        if (const auto& list = std::get<std::vector<const T*>>(lists); !list.empty())
          out[std::string(core::entity_name(T::kType)) + " of " + patient] = ids(list);
    });
    for (const core::MeasureSeries& series : std::get<core::PatientMeasures>(lists).series) {
      std::string points;
      for (const core::TimedMeasurement& t : series.points) points += std::to_string(t.at) + ":" + t.measurement->id.value + " ";
      out["measure " + series.key + " of " + patient] = points;
    }
  }
  for (const auto& [key, list] : s.patients_by_coordinator) out["coordinator " + key] = ids(list);
  for (const auto& [key, list] : s.tasks_by_owner) out["owner " + key] = ids(list);
  for (const auto& [key, list] : s.tasks_by_appointment) out["tasks about " + key] = ids(list);
  for (const auto& [key, list] : s.item_states_by_key) out["item " + key] = ids(list);
  return out;
}

core::State generated_clinic() {
  synthetic::ClinicSize size;
  size.patients = 120;
  size.seed = 11;
  core::State state = synthetic::generate_clinic(size).state;
  // A tombstone, so deleted records travel too.
  core::apply(state, core::Change{{}, {}, {}, core::EntityType::Note, "note-gen-1", {{"deleted", true}}});
  // Texts that the generator leaves empty (SparseText), set on one record of each kind.
  auto set = [&]<class T>(nlohmann::json fields) {
    const std::string id = state.table<T>().begin()->first.value;
    core::apply(state, core::Change{{}, {}, {}, T::kType, id, std::move(fields)});
  };
  set.operator()<core::Appointment>({{"notes", "Needs a wheelchair"}, {"series", "S-1"}, {"recurrence", "every 8 weeks, 6 times"}});
  set.operator()<core::Measurement>({{"result", "Never smoker"}});
  set.operator()<core::Encounter>({{"notes", "Discharged with home oxygen"}});
  set.operator()<core::Medication>({{"notes", "Take with food"}});
  set.operator()<core::Condition>({{"notes", "Diet controlled"}});
  set.operator()<core::Procedure>({{"notes", "No complications"}});
  return state;
}

core::LoadedSnapshot loaded(const test::MemoryStorage& storage) {
  auto snapshot = core::load_snapshot(storage);
  REQUIRE(snapshot);
  return std::move(snapshot.value());
}

}  // namespace

TEST_CASE("snapshot format 3 reads back the records and indexes that format 1 gave") {
  const core::State clinic = generated_clinic();
  test::MemoryStorage binary, text;
  REQUIRE(core::write_snapshot(binary, clinic, {}));
  REQUIRE(binary.files.count(kChunk) == 1);
  CHECK(binary.files[kChunk].rfind("liaison-snapshot 3\n", 0) == 0);
  CHECK(nlohmann::json::parse(binary.files[kManifest]).at("format") == "liaison-snapshot 3");
  store_chunk(text, "liaison-snapshot 1", text_chunk(clinic));

  const core::LoadedSnapshot from_binary = loaded(binary), from_text = loaded(text);
  REQUIRE(from_binary.found);
  REQUIRE(from_text.found);
  CHECK(from_binary.warnings.empty());
  CHECK(from_text.warnings.empty());
  CHECK(from_text.state == clinic);  // format 1 stores still open as they did
  CHECK(from_binary.state == clinic);
  CHECK(from_binary.state.table<core::Note>().at(core::Id<core::Note>{"note-gen-1"}).deleted);
  const core::Appointment& first_visit = from_binary.state.table<core::Appointment>().begin()->second;
  CHECK(first_visit.notes == "Needs a wheelchair");
  CHECK(first_visit.recurrence == "every 8 weeks, 6 times");
  CHECK(from_binary.state.table<core::Measurement>().begin()->second.result == "Never smoker");
  const auto binary_indexes = indexes_of(from_binary.state), text_indexes = indexes_of(from_text.state);
  CHECK(binary_indexes.size() > 1000);
  CHECK(binary_indexes == text_indexes);
  // A change applied after loading keeps the indexes in step, as it does on a replayed state.
  core::State a = from_binary.state, b = from_text.state;
  const std::string patient = a.table<core::Patient>().begin()->first.value;
  for (core::State* s : {&a, &b})
    core::apply(*s, core::Change{{}, {}, {}, core::EntityType::Patient, patient, {{"coordinator", "Someone New"}, {"mrn", "NEW-1"}}});
  CHECK(indexes_of(a) == indexes_of(b));
}

TEST_CASE("snapshot format 2 still reads, and a field this version does not know is skipped") {
  std::string chunk = "liaison-snapshot 2\n";
  core::ByteWriter w(chunk);
  w.byte('B');
  w.text("patient");
  w.varint(4);
  w.text("given_name"), w.byte(static_cast<std::uint8_t>(core::WireType::Text));
  w.text("favourite_colour"), w.byte(static_cast<std::uint8_t>(core::WireType::TextList));  // a later version's
  w.text("birth_date"), w.byte(static_cast<std::uint8_t>(core::WireType::Real));  // held differently: skipped
  w.text("family_name"), w.byte(static_cast<std::uint8_t>(core::WireType::Text));
  w.byte('R');
  w.text("patient-x-1");
  w.byte(0);
  w.varint(1), w.text("Ada");
  w.varint(2), w.varint(2), w.text("teal"), w.text("ochre");
  w.varint(3), w.real(1948.5);
  w.varint(4), w.text("Lovelace");
  w.byte(0);
  // Format 2 wrote the texts that format 3 numbers (a patient reference, a measurement's type) as Text.
  w.byte('B');
  w.text("measurement");
  w.varint(2);
  w.text("patient"), w.byte(static_cast<std::uint8_t>(core::WireType::Text));
  w.text("type"), w.byte(static_cast<std::uint8_t>(core::WireType::Text));
  w.byte('R');
  w.text("measurement-x-1");
  w.byte(0);
  w.varint(1), w.text("patient-x-1");
  w.varint(2), w.text("weight");
  w.byte(0);
  test::MemoryStorage storage;
  store_chunk(storage, "liaison-snapshot 2", chunk);

  const core::LoadedSnapshot snapshot = loaded(storage);
  REQUIRE(snapshot.found);
  const core::Patient* p = snapshot.state.find(core::Id<core::Patient>{"patient-x-1"});
  REQUIRE(p != nullptr);
  CHECK(p->given_name == "Ada");
  CHECK(p->family_name == "Lovelace");
  CHECK_FALSE(p->birth_date.has_value());
  const core::Measurement* m = snapshot.state.find(core::Id<core::Measurement>{"measurement-x-1"});
  REQUIRE(m != nullptr);
  CHECK(m->patient == p->id);
  CHECK(m->type == "weight");
  CHECK(snapshot.state.records_of<core::Measurement>(p->id).size() == 1);
}

TEST_CASE("snapshot format 3 writes each shared text once, in the texts file, and refers to it by number") {
  synthetic::ClinicSize size;
  size.patients = 400;
  size.seed = 3;
  const core::State clinic = synthetic::generate_clinic(size).state;
  test::MemoryStorage storage;
  REQUIRE(core::write_snapshot(storage, clinic, {}));
  std::vector<std::string> chunks;
  for (std::size_t k = 0; storage.files.count(chunk_file(k)); ++k) chunks.push_back(storage.files[chunk_file(k)]);
  REQUIRE(chunks.size() >= 2);  // the numbers hold across chunks
  const core::LoadedSnapshot snapshot = loaded(storage);
  CHECK(snapshot.warnings.empty());
  CHECK(snapshot.state == clinic);
  CHECK(std::count(snapshot.files.begin(), snapshot.files.end(), kTexts) == 1);

  const core::Measurement& first = clinic.table<core::Measurement>().begin()->second;
  std::size_t named = 0;  // the records that name the patient
  core::for_each_entity([&]<class T>() {
    if constexpr (core::PatientOwned<T>)
      for (const auto& [id, record] : clinic.table<T>()) named += record.patient == first.patient;
  });
  REQUIRE(named > 1);
  // As written: a length under 128 is one byte, then the text.
  auto occurrences = [](const std::string& bytes, const std::string& text) {
    const std::string written = static_cast<char>(text.size()) + text;
    std::size_t n = 0;
    for (std::size_t at = bytes.find(written); at != std::string::npos; at = bytes.find(written, at + 1)) ++n;
    return n;
  };
  std::size_t in_chunks = 0;
  for (const std::string& chunk : chunks) {
    in_chunks += occurrences(chunk, first.patient.value);  // the patient's own record only
    CHECK(occurrences(chunk, first.type) == 0);
  }
  CHECK(in_chunks == 1);
  CHECK(occurrences(storage.files[kTexts], first.patient.value) == 1);
  CHECK(occurrences(storage.files[kTexts], first.type) == 1);
  // Read back, a patient's id is one kept value, in the patient's record and in every reference.
  const core::Measurement& read = snapshot.state.table<core::Measurement>().begin()->second;
  const core::Patient* patient = snapshot.state.find(read.patient);
  REQUIRE(patient != nullptr);
  CHECK(&patient->id.value.str() == &read.patient.value.str());

  // A damaged texts file makes the whole snapshot unusable, as a damaged chunk does.
  storage.files[kTexts][storage.files[kTexts].size() / 2] ^= 0x21;
  const core::LoadedSnapshot damaged = loaded(storage);
  CHECK_FALSE(damaged.found);
  CHECK(damaged.state == core::State{});
  REQUIRE(damaged.warnings.size() == 1);
  CHECK(damaged.warnings[0].find(kTexts + " does not match its checksum") != std::string::npos);
  // So does a texts file that lists fewer texts than the records refer to, even one its manifest vouches for.
  std::string fewer = "liaison-snapshot 3\n";
  core::write_shared_texts({}, fewer);
  storage.files[kTexts] = fewer;
  store_manifest(storage, chunks.size());
  const core::LoadedSnapshot short_of_texts = loaded(storage);
  CHECK_FALSE(short_of_texts.found);
  REQUIRE(short_of_texts.warnings.size() == 1);
  CHECK(short_of_texts.warnings[0].find("has a damaged record") != std::string::npos);
}

TEST_CASE("a snapshot in an earlier format is rewritten by the first compaction that has anything to fold") {
  core::State clinic;
  core::apply(clinic, core::Change{{}, {}, {}, core::EntityType::Patient, "patient-1",
                                   {{"given_name", "Rosa"}, {"family_name", "Delgado"}, {"birth_date", "1948-03-21"}}});
  test::MemoryStorage storage;
  store_chunk(storage, "liaison-snapshot 1", text_chunk(clinic));
  test::FixedClock clock;
  auto opened = core::Session::open(storage, clock);
  REQUIRE(opened);
  core::Session& session = *opened.value();
  CHECK_FALSE(session.compaction_due());  // nothing to fold yet
  auto add_patient = [&](const char* given) {
    return session.commit(core::CreateRecord{core::EntityType::Patient,
                                             {{"given_name", given}, {"family_name", "Ng"}, {"birth_date", "1960-01-01"}}});
  };
  REQUIRE(add_patient("Ada"));
  CHECK(session.compaction_due());  // after one segment, where a current snapshot waits for 32
  REQUIRE(session.compact());
  std::vector<std::string> manifests;
  for (const auto& [name, bytes] : storage.files)
    if (name.rfind("snapshot-", 0) == 0 && name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
      manifests.push_back(nlohmann::json::parse(bytes).at("format").get<std::string>());
  CHECK(manifests == std::vector<std::string>{"liaison-snapshot 3"});
  REQUIRE(add_patient("Bea"));
  CHECK_FALSE(session.compaction_due());
  auto reopened = core::Session::open(storage, clock);
  REQUIRE(reopened);
  CHECK(reopened.value()->state() == session.state());
}

TEST_CASE("snapshot format 3: a damaged chunk is refused whole, wherever it is cut or changed") {
  // A few records holding every kind of value: text, lists, dates, numbers, flags, a tombstone.
  core::State clinic;
  using core::EntityType;
  for (const core::Change& c : std::vector<core::Change>{
           {{}, {}, {}, EntityType::Patient, "patient-1", {{"given_name", "Rosa"}, {"family_name", "Delgado"},
                                                         {"birth_date", "1948-03-21"}, {"phones", {"312 555 0101", "312 555 0199"}}}},
           {{}, {}, {}, EntityType::Measurement, "measurement-1", {{"patient", "patient-1"}, {"type", "weight"},
                                                                   {"value", 71.5}, {"unit", "kg"}, {"taken_at", "2026-11-02T09:15"}}},
           {{}, {}, {}, EntityType::Allergy, "allergy-1", {{"patient", "patient-1"}, {"substance", "penicillin"}}},
           {{}, {}, {}, EntityType::Note, "note-1", {{"patient", "patient-1"}, {"text", "Called about the visit."}, {"deleted", true}}}})
    core::apply(clinic, c);
  REQUIRE(clinic.find(core::Id<core::Measurement>{"measurement-1"})->value == 71.5);
  test::MemoryStorage written;
  REQUIRE(core::write_snapshot(written, clinic, {}));
  const std::string chunk = written.files[kChunk];
  REQUIRE(written.files.count(kTexts) == 1);
  const std::size_t header = std::string("liaison-snapshot 3\n").size();
  // Even with a manifest that vouches for the damaged bytes, a record cut anywhere is refused: a
  // record ends with a marker, so only whole records are ever read.
  int refused = 0;
  for (std::size_t cut = header + 1; cut < chunk.size(); ++cut) {
    test::MemoryStorage storage;
    storage.files[kTexts] = written.files[kTexts];
    store_chunk(storage, "liaison-snapshot 3", chunk.substr(0, cut));
    const core::LoadedSnapshot snapshot = loaded(storage);
    if (snapshot.found) {  // cut between two records: what it holds is exactly the records before
      CHECK(snapshot.warnings.empty());
      core::for_each_entity([&]<class T>() {
        for (const auto& [id, record] : snapshot.state.template table<T>()) CHECK(clinic.table<T>().at(id) == record);
      });
    } else {
      ++refused;
      REQUIRE(snapshot.warnings.size() == 1);
      CHECK(snapshot.warnings[0].find(kChunk) != std::string::npos);
      CHECK(snapshot.state == core::State{});
    }
  }
  CHECK(refused > static_cast<int>(chunk.size() - header) / 2);
  // Changed bytes never crash the reader (the fuzz target, tests/fuzz, tries many more).
  for (std::size_t at = header; at < chunk.size(); at += 7) {
    std::string changed = chunk;
    changed[at] = static_cast<char>(changed[at] ^ 0xA5);
    test::MemoryStorage storage;
    storage.files[kTexts] = written.files[kTexts];
    store_chunk(storage, "liaison-snapshot 3", changed);
    (void)loaded(storage);
  }
}

TEST_CASE("a snapshot of many chunks reads back the same records and indexes as one applied record by record") {
  const core::State clinic = generated_clinic();
  test::MemoryStorage text;  // format 1, in one chunk: its records are applied one by one
  store_chunk(text, "liaison-snapshot 1", text_chunk(clinic));
  const auto applied_indexes = indexes_of(loaded(text).state);
  std::set<std::size_t> parities;
  for (std::size_t per_chunk : {1000, 1700, 2500, 5000}) {
    CAPTURE(per_chunk);
    test::MemoryStorage storage;
    const std::size_t chunks = store_in_chunks(storage, clinic, per_chunk);
    REQUIRE(chunks > 2);
    parities.insert(chunks % 2);
    const core::LoadedSnapshot snapshot = loaded(storage);
    REQUIRE(snapshot.found);
    CHECK(snapshot.warnings.empty());
    CHECK(snapshot.state == clinic);
    CHECK(indexes_of(snapshot.state) == applied_indexes);
    REQUIRE(snapshot.files.size() == chunks + 2);
    CHECK(snapshot.files[0] == kManifest);
    CHECK(snapshot.files[1] == kTexts);
    for (std::size_t k = 0; k < chunks; ++k) CHECK(snapshot.files[k + 2] == chunk_file(k));
  }
  CHECK(parities.size() == 2);  // an odd number of chunks and an even one
}

TEST_CASE("a damaged chunk anywhere in a snapshot of many chunks makes the whole snapshot unusable") {
  const core::State clinic = generated_clinic();
  test::MemoryStorage good;
  const std::size_t chunks = store_in_chunks(good, clinic, 1700);
  for (std::size_t k = 0; k < chunks; ++k) {
    CAPTURE(k);
    // Bytes changed on disk (the checksum catches it), and a record cut short under a manifest that
    // vouches for the cut bytes (the reader catches it).
    for (bool vouched : {false, true}) {
      test::MemoryStorage storage = good;
      std::string& bytes = storage.files[chunk_file(k)];
      if (vouched) {
        bytes.pop_back();
        store_manifest(storage, chunks);
      } else {
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5A);
      }
      const core::LoadedSnapshot snapshot = loaded(storage);
      CHECK_FALSE(snapshot.found);
      CHECK(snapshot.state == core::State{});
      REQUIRE(snapshot.warnings.size() == 1);
      CHECK(snapshot.warnings[0].find(chunk_file(k)) != std::string::npos);
    }
  }
}

TEST_CASE("a record repeated in a later chunk replaces the earlier one, as a replay would") {
  core::State first, second;
  using core::EntityType;
  for (const char* id : {"patient-a", "patient-c"})
    core::apply(first, core::Change{{}, {}, {}, EntityType::Patient, id, {{"given_name", "First"}, {"coordinator", "Kim"}}});
  core::apply(second, core::Change{{}, {}, {}, EntityType::Patient, "patient-b", {{"given_name", "Second"}}});
  core::apply(second, core::Change{{}, {}, {}, EntityType::Patient, "patient-c", {{"family_name", "Second"}}});
  test::MemoryStorage storage;
  store_in_chunks(storage, first, 1000);
  storage.files[chunk_file(1)] = "liaison-snapshot 3\n";
  core::write_block_header<core::Patient>(storage.files[chunk_file(1)]);
  core::SharedTextNumbers numbers;
  for (const auto& [id, patient] : second.table<core::Patient>())
    core::write_binary_record(patient, storage.files[chunk_file(1)], numbers);
  store_manifest(storage, 2);

  const core::LoadedSnapshot snapshot = loaded(storage);
  REQUIRE(snapshot.found);
  std::string order;
  for (const auto& [id, patient] : snapshot.state.table<core::Patient>())
    order += id.value + "=" + patient.given_name + patient.family_name + " ";
  CHECK(order == "patient-a=First patient-b=Second patient-c=Second ");
  CHECK(ids(snapshot.state.patients_of_coordinator("Kim")) == "patient-a ");
}

namespace {

// Passes every call to a MemoryStorage and logs the reads and prefetches, in order.
class LoggedStorage final : public core::Storage {
 public:
  explicit LoggedStorage(const test::MemoryStorage& files) : files_(&files) {}
  core::Result<std::vector<std::string>> list() const override { return files_->list(); }
  core::Result<std::string> read(const std::string& name) const override {
    log.push_back("read " + name);
    return files_->read(name);
  }
  void prefetch(const std::string& name) const override { log.push_back("prefetch " + name); }
  core::Status append(const std::string&, std::string_view) override { return core::storage_error("read-only"); }
  core::Status write_atomic(const std::string&, std::string_view) override { return core::storage_error("read-only"); }
  core::Status remove(const std::string&) override { return core::storage_error("read-only"); }
  mutable std::vector<std::string> log;

 private:
  const test::MemoryStorage* files_;
};

}  // namespace

TEST_CASE("the snapshot loader asks the storage to read ahead of the chunks it decodes") {
  test::MemoryStorage files;
  const std::size_t chunks = store_in_chunks(files, generated_clinic(), 1000);
  REQUIRE(chunks > 6);
  LoggedStorage storage(files);
  REQUIRE(core::load_snapshot(storage).value().found);
  auto position = [&](const std::string& entry) {
    const auto it = std::find(storage.log.begin(), storage.log.end(), entry);
    return it == storage.log.end() ? storage.log.size() : static_cast<std::size_t>(it - storage.log.begin());
  };
  for (std::size_t k = 0; k < chunks; ++k) {
    CAPTURE(k);
    const std::size_t read_at = position("read " + chunk_file(k));
    REQUIRE(read_at < storage.log.size());
    CHECK(std::count(storage.log.begin(), storage.log.end(), "prefetch " + chunk_file(k)) == 1);
    CHECK(position("prefetch " + chunk_file(k)) < read_at);
    // When a chunk is read, the storage is already reading the next few.
    for (std::size_t ahead = k + 1; ahead < std::min(chunks, k + 4); ++ahead)
      CHECK(position("prefetch " + chunk_file(ahead)) < read_at);
  }
  CHECK(position("prefetch " + kManifest) == storage.log.size());  // the manifest is read at once
}
