#include "snapshot.hpp"

#include <algorithm>
#include <cstdio>

#include "core/binary_records.hpp"
#include "core/crc32.hpp"
#include "core/record_file.hpp"
#include "core/run_both.hpp"

namespace core {
namespace {

constexpr std::string_view kFormat = "liaison-snapshot 3";       // written: binary_records.hpp
constexpr std::string_view kFormat2 = "liaison-snapshot 2";      // still read: the same, with no shared texts
constexpr std::string_view kTextFormat = "liaison-snapshot 1";   // still read: record_file.hpp lines
// How many chunks ahead of the one being decoded the storage is asked to prefetch (about 16 MiB):
// opened after a restart, the files are not in the system's cache, and decoding keeps pace with
// the disk only if the disk reads ahead of it.
constexpr std::size_t kChunksAhead = 8;

std::string manifest_name(int n) {
  char name[40];
  std::snprintf(name, sizeof name, "snapshot-%08d.json", n);
  return name;
}

std::string chunk_name(int n, int k) {
  char name[48];
  std::snprintf(name, sizeof name, "snapshot-%08d-%03d.chunk", n, k);
  return name;
}

std::string texts_name(int n) {
  char name[48];
  std::snprintf(name, sizeof name, "snapshot-%08d.texts", n);
  return name;
}

std::string hex(std::uint32_t v) {
  char out[12];
  std::snprintf(out, sizeof out, "%08x", v);
  return out;
}

// Formats 2 and 3 have headers of one length.
bool is_binary_chunk(std::string_view bytes) {
  const std::string_view header = bytes.substr(0, kFormat.size());
  return bytes.size() > kFormat.size() && (header == kFormat || header == kFormat2) && bytes[kFormat.size()] == '\n';
}

// Reads a chunk's records (the bytes are the whole file, header included) into `state`: binary ones
// into its tables only, text ones applied in turn. The error's message completes a sentence about
// the chunk's file.
Status read_chunk_records(std::string_view bytes, State& state, const std::vector<SharedText>& shared) {
  if (is_binary_chunk(bytes)) return read_binary_records(bytes.substr(kFormat.size() + 1), state, shared);
  DecodedRecords decoded = decode_record_lines(bytes, kTextFormat);
  if (decoded.good_bytes != bytes.size()) return Error{ErrorCode::Corrupt, "has a damaged record", {}};
  try {
    for (const auto& r : decoded.records) {
      auto type = entity_from_name(r.at("entity").get<std::string>());
      if (!type) return Error{ErrorCode::Corrupt, "holds an unknown entity type", {}};
      Change c;
      c.entity = *type;
      c.entity_id = r.at("id").get<std::string>();
      c.fields = r.at("fields");
      apply(state, c);
    }
  } catch (const nlohmann::json::exception& e) {
    return Error{ErrorCode::Corrupt, std::string("has malformed contents (") + e.what() + ")", {}};
  }
  return Ok{};
}

Error unusable(const std::string& manifest_file, const std::string& why) {
  return Error{ErrorCode::Corrupt, "Snapshot " + manifest_file + " is unusable: " + why + ".", {}};
}

}  // namespace

Result<SnapshotLoader> SnapshotLoader::start(const Storage& storage) {
  auto names = storage.list();
  if (!names) return names.error();
  SnapshotLoader loader(storage);
  for (const auto& name : names.value())
    if (is_snapshot_file(name) && name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
      loader.manifests_.push_back(name);
  std::sort(loader.manifests_.begin(), loader.manifests_.end());  // newest last: tried first
  return loader;
}

void SnapshotLoader::step() {
  if (done()) return;
  const std::string manifest = manifests_.back();
  const Status read = loaded_.found ? read_chunk(manifest) : read_manifest(manifest);
  if (!read) {
    std::vector<std::string> warnings = std::move(loaded_.warnings);
    warnings.push_back(read.error().message + " An older snapshot and the journal are used instead; the file is kept.");
    loaded_ = LoadedSnapshot{};
    loaded_.warnings = std::move(warnings);
    reindex_ = false;
    chunks_.clear();
    shared_.clear();
    next_chunk_ = 0;
    prefetched_ = 0;
    manifests_.pop_back();
    return;
  }
  if (loaded_.found && next_chunk_ == chunks_.size()) {
    if (reindex_) loaded_.state.reindex();
    complete_ = true;
  }
}

Status SnapshotLoader::read_manifest(const std::string& manifest_file) {
  auto fail = [&](const std::string& why) { return unusable(manifest_file, why); };
  std::optional<Chunk> texts;  // none in format 2
  auto bytes = storage_->read(manifest_file);
  if (!bytes) return bytes.error();
  auto m = nlohmann::json::parse(bytes.value(), nullptr, false);
  const std::string format = m.is_object() ? m.value("format", "") : "";
  if (format != kFormat && format != kFormat2 && format != kTextFormat) return fail("its manifest is damaged");
  try {
    loaded_.meta.through_segment = m.at("through_segment").get<int>();
    // The manifest has no checksum of its own: a damaged number would silently skip segments.
    if (manifest_name(loaded_.meta.through_segment) != manifest_file) return fail("its segment number does not match its name");
    loaded_.meta.devices = m.at("devices").get<std::map<std::string, std::uint64_t>>();
    loaded_.meta.hlc = Hlc{m.at("hlc").at(0).get<std::int64_t>(), m.at("hlc").at(1).get<std::uint32_t>()};
    auto listed = [](const nlohmann::json& file) {
      return Chunk{file.at("file").get<std::string>(), file.at("bytes").get<std::size_t>(), file.at("crc32").get<std::string>()};
    };
    for (const auto& chunk : m.at("chunks")) chunks_.push_back(listed(chunk));
    if (m.contains("texts")) texts = listed(m.at("texts"));
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("its manifest is malformed (") + e.what() + ")");
  }
  loaded_.files.push_back(manifest_file);
  loaded_.older_format = format != kFormat;
  if (texts) {
    auto bytes = storage_->read(texts->file);
    if (!bytes) return fail(texts->file + " cannot be read");
    const std::string_view view = bytes.value();
    if (view.size() != texts->bytes || hex(crc32(view)) != texts->crc32) return fail(texts->file + " does not match its checksum");
    if (!is_binary_chunk(view) || !read_shared_texts(view.substr(kFormat.size() + 1), shared_)) return fail(texts->file + " is damaged");
    loaded_.files.push_back(texts->file);
  }
  loaded_.found = true;
  return Ok{};
}

// A step reads one chunk, or two binary ones at once where the build has threads (run_both.hpp):
// each thread decodes one chunk and computes the other's checksum, the second chunk's records going
// into a State of their own that then joins the first's, table by table. A chunk that does not
// match its checksum makes the whole snapshot unusable, and step() then drops everything read from
// it, so decoding before the check is over loses nothing.
Status SnapshotLoader::read_chunk(const std::string& manifest_file) {
  struct Piece {
    const Chunk* chunk;
    std::string bytes;
    std::uint32_t sum = 0;
    Status read = Ok{};
  };
  std::vector<Piece> pieces;
  for (; prefetched_ < std::min(chunks_.size(), next_chunk_ + kChunksAhead); ++prefetched_)
    storage_->prefetch(chunks_[prefetched_].file);
  do {
    const Chunk& chunk = chunks_[next_chunk_++];
    auto data = storage_->read(chunk.file);
    if (!data) return unusable(manifest_file, chunk.file + " cannot be read");
    if (data.value().size() != chunk.bytes) return unusable(manifest_file, chunk.file + " does not match its checksum");
    pieces.push_back({&chunk, std::move(data.value())});
  } while (pieces.size() < 2 && next_chunk_ < chunks_.size() && is_binary_chunk(pieces.back().bytes));
  const bool apart = pieces.size() == 2 && is_binary_chunk(pieces[1].bytes);
  if (apart) {
    Piece& first = pieces[0];  // references, not a structured binding: the lambdas capture them
    Piece& second = pieces[1];
    State later;
    run_both(
        [&] {
          first.sum = crc32(first.bytes);
          second.read = read_chunk_records(second.bytes, later, shared_);
        },
        [&] {
          first.read = read_chunk_records(first.bytes, loaded_.state, shared_);
          second.sum = crc32(second.bytes);
        });
    for_each_entity([&]<class T>() { loaded_.state.table<T>().take_all(std::move(later.table<T>())); });
  }
  for (Piece& piece : pieces) {
    if (!apart)
      run_both([&] { piece.sum = crc32(piece.bytes); },
               [&] { piece.read = read_chunk_records(piece.bytes, loaded_.state, shared_); });
    if (hex(piece.sum) != piece.chunk->crc32) return unusable(manifest_file, piece.chunk->file + " does not match its checksum");
    if (!piece.read) return unusable(manifest_file, piece.chunk->file + " " + piece.read.error().message);
    if (is_binary_chunk(piece.bytes)) reindex_ = true;
    loaded_.files.push_back(piece.chunk->file);
  }
  return Ok{};
}

LoadedSnapshot SnapshotLoader::take() { return std::move(loaded_); }

bool is_snapshot_file(const std::string& name) { return name.rfind("snapshot-", 0) == 0; }

SnapshotWriter::SnapshotWriter(Storage& storage, const State& state, SnapshotMeta meta)
    : storage_(&storage), state_(&state), meta_(std::move(meta)), chunk_(std::string(kFormat) + "\n") {
  for_each_entity([&]<class T>() {
    records_ += state.table<T>().size();
    ++types_;
  });
}

// Writes one of the files the manifest lists, and lists it.
Result<nlohmann::json> SnapshotWriter::write_listed(const std::string& name, const std::string& bytes) {
  if (auto s = storage_->write_atomic(name, bytes); !s) return s.error();
  written_.push_back(name);
  return nlohmann::json{{"file", name}, {"bytes", bytes.size()}, {"crc32", hex(crc32(bytes))}};
}

Status SnapshotWriter::flush() {
  auto listed = write_listed(chunk_name(meta_.through_segment, static_cast<int>(chunks_.size()) + 1), chunk_);
  if (!listed) return listed.error();
  chunks_.push_back(std::move(listed.value()));
  chunk_ = std::string(kFormat) + "\n";
  return Ok{};
}

// Adds records from where the last step stopped until a chunk is full and written.
bool SnapshotWriter::step() {
  if (done_ || failure_) return false;
  bool flushed = false;
  int type_index = 0;
  for_each_entity([&]<class T>() {
    if (flushed || failure_ || type_index++ != type_) return;
    const auto& table = state_->table<T>();
    for (auto it = after_.empty() ? table.begin() : table.upper_bound(Id<T>{after_}); it != table.end(); ++it) {
      record_.clear();
      write_binary_record(it->second, record_, numbers_);
      if (chunk_.size() + record_.size() > kSnapshotChunkLimit && chunk_.size() > kFormat.size() + 1) {
        if (auto s = flush(); !s) failure_ = s.error();
        flushed = true;
      }
      if (chunk_.size() == kFormat.size() + 1 || block_ != type_) write_block_header<T>(chunk_);
      block_ = type_;
      chunk_ += record_;
      after_ = it->first.value;
      ++records_written_;
      if (flushed) return;
    }
    ++type_;
    after_.clear();
  });
  if (failure_) return false;
  if (flushed || type_ < types_) return true;
  finish_files();
  return false;
}

// The last chunk, the shared texts the chunks wrote, then the manifest: the commit point.
void SnapshotWriter::finish_files() {
  if (auto s = flush(); !s) {
    failure_ = s.error();
    return;
  }
  const int n = meta_.through_segment;
  std::string texts = std::string(kFormat) + "\n";
  write_shared_texts(numbers_, texts);
  auto texts_listed = write_listed(texts_name(n), texts);
  if (!texts_listed) {
    failure_ = texts_listed.error();
    return;
  }
  nlohmann::json manifest = {{"format", kFormat},           {"through_segment", n},
                             {"chunks", chunks_},           {"texts", texts_listed.value()},
                             {"devices", meta_.devices},    {"hlc", {meta_.hlc.wall_ms, meta_.hlc.counter}}};
  if (auto s = storage_->write_atomic(manifest_name(n), manifest.dump(1) + "\n"); !s) {
    failure_ = s.error();
    return;
  }
  written_.push_back(manifest_name(n));
  done_ = true;
}

double SnapshotWriter::progress() const {
  if (done_ || records_ == 0) return done_ ? 1.0 : 0.0;
  return 0.99 * static_cast<double>(records_written_) / static_cast<double>(records_);
}

Result<std::vector<std::string>> SnapshotWriter::finish() {
  while (step()) {
  }
  if (failure_) return *failure_;
  return written_;
}

Result<std::vector<std::string>> write_snapshot(Storage& storage, const State& state, const SnapshotMeta& meta) {
  return SnapshotWriter(storage, state, meta).finish();
}

Result<LoadedSnapshot> load_snapshot(const Storage& storage) {
  auto loader = SnapshotLoader::start(storage);
  if (!loader) return loader.error();
  while (!loader.value().done()) loader.value().step();
  return loader.value().take();
}

}  // namespace core
