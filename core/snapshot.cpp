#include "snapshot.hpp"

#include <algorithm>
#include <cstdio>

#include "core/crc32.hpp"
#include "core/record_file.hpp"

namespace core {
namespace {

constexpr std::string_view kFormat = "liaison-snapshot 1";

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

std::string hex(std::uint32_t v) {
  char out[12];
  std::snprintf(out, sizeof out, "%08x", v);
  return out;
}

// Loads one snapshot given its manifest; fails with a reason if anything does not check out.
Result<LoadedSnapshot> load_one(const Storage& storage, const std::string& manifest_file) {
  auto fail = [&](const std::string& why) {
    return Error{ErrorCode::Corrupt, "Snapshot " + manifest_file + " is unusable: " + why + ".", {}};
  };
  auto bytes = storage.read(manifest_file);
  if (!bytes) return bytes.error();
  auto m = nlohmann::json::parse(bytes.value(), nullptr, false);
  if (!m.is_object() || m.value("format", "") != kFormat) return fail("its manifest is damaged");
  LoadedSnapshot out;
  out.found = true;
  out.files.push_back(manifest_file);
  try {
    out.meta.through_segment = m.at("through_segment").get<int>();
    // The manifest has no checksum of its own: a damaged number would silently skip segments.
    if (manifest_name(out.meta.through_segment) != manifest_file) return fail("its segment number does not match its name");
    out.meta.devices = m.at("devices").get<std::map<std::string, std::uint64_t>>();
    out.meta.hlc = Hlc{m.at("hlc").at(0).get<std::int64_t>(), m.at("hlc").at(1).get<std::uint32_t>()};
    for (const auto& chunk : m.at("chunks")) {
      const std::string file = chunk.at("file").get<std::string>();
      auto data = storage.read(file);
      if (!data) return fail(file + " cannot be read");
      if (data.value().size() != chunk.at("bytes").get<std::size_t>() ||
          hex(crc32(data.value())) != chunk.at("crc32").get<std::string>())
        return fail(file + " does not match its checksum");
      DecodedRecords decoded = decode_record_lines(data.value(), kFormat);
      if (decoded.good_bytes != data.value().size()) return fail(file + " has a damaged record");
      for (const auto& r : decoded.records) {
        auto type = entity_from_name(r.at("entity").get<std::string>());
        if (!type) return fail(file + " holds an unknown entity type");
        Change c;
        c.entity = *type;
        c.entity_id = r.at("id").get<std::string>();
        c.fields = r.at("fields");
        apply(out.state, c);
      }
      out.files.push_back(file);
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("its contents are malformed (") + e.what() + ")");
  }
  return out;
}

}  // namespace

bool is_snapshot_file(const std::string& name) { return name.rfind("snapshot-", 0) == 0; }

Result<std::vector<std::string>> write_snapshot(Storage& storage, const State& state, const SnapshotMeta& meta) {
  const int n = meta.through_segment;
  std::vector<std::string> written;
  nlohmann::json chunks = nlohmann::json::array();
  std::string chunk = std::string(kFormat) + "\n";
  auto flush = [&]() -> Status {
    std::string name = chunk_name(n, static_cast<int>(chunks.size()) + 1);
    if (auto s = storage.write_atomic(name, chunk); !s) return s;
    chunks.push_back({{"file", name}, {"bytes", chunk.size()}, {"crc32", hex(crc32(chunk))}});
    written.push_back(name);
    chunk = std::string(kFormat) + "\n";
    return Ok{};
  };
  Status failed = Ok{};
  for_each_entity([&]<class T>() {
    for (const auto& [id, record] : state.table<T>()) {
      if (!failed) return;
      nlohmann::json fields = record_fields(state, T::kType, id.value);
      std::string line = encode_record_line({{"entity", entity_name(T::kType)}, {"id", id.value}, {"fields", fields}});
      if (chunk.size() + line.size() > kSnapshotChunkLimit && chunk.size() > kFormat.size() + 1) failed = flush();
      chunk += line;
    }
  });
  if (!failed) return failed.error();
  if (auto s = flush(); !s) return s.error();
  nlohmann::json manifest = {{"format", kFormat},           {"through_segment", n},
                             {"chunks", chunks},            {"devices", meta.devices},
                             {"hlc", {meta.hlc.wall_ms, meta.hlc.counter}}};
  if (auto s = storage.write_atomic(manifest_name(n), manifest.dump(1) + "\n"); !s) return s.error();
  written.push_back(manifest_name(n));
  return written;
}

Result<LoadedSnapshot> load_snapshot(const Storage& storage) {
  auto names = storage.list();
  if (!names) return names.error();
  std::vector<std::string> manifests;
  for (const auto& name : names.value())
    if (is_snapshot_file(name) && name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
      manifests.push_back(name);
  std::sort(manifests.rbegin(), manifests.rend());  // newest first
  std::vector<std::string> warnings;
  for (const auto& manifest : manifests) {
    auto loaded = load_one(storage, manifest);
    if (loaded) {
      loaded.value().warnings = std::move(warnings);
      return loaded;
    }
    warnings.push_back(loaded.error().message + " An older snapshot and the journal are used instead; the file is kept.");
  }
  LoadedSnapshot none;
  none.warnings = std::move(warnings);
  return none;
}

}  // namespace core
