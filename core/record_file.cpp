#include "record_file.hpp"

#include <cstdio>

#include "crc32.hpp"

namespace core {
namespace {

// Parses the record at `pos`; on success moves `pos` past it.
bool read_record(std::string_view bytes, std::size_t& pos, nlohmann::json& out) {
  std::size_t space = bytes.find(' ', pos);
  if (space == std::string_view::npos || space == pos || space - pos > 9) return false;
  std::size_t length = 0;
  for (std::size_t i = pos; i < space; ++i) {
    if (bytes[i] < '0' || bytes[i] > '9') return false;
    length = length * 10 + static_cast<std::size_t>(bytes[i] - '0');
  }
  const std::size_t crc_at = space + 1, json_at = crc_at + 9;
  if (json_at + length + 1 > bytes.size() || bytes[json_at - 1] != ' ' || bytes[json_at + length] != '\n')
    return false;
  std::uint32_t stored = 0;
  for (std::size_t i = crc_at; i < crc_at + 8; ++i) {
    char c = bytes[i];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    stored = stored << 4 | static_cast<std::uint32_t>(digit);
  }
  std::string_view text = bytes.substr(json_at, length);
  if (crc32(text) != stored) return false;
  out = nlohmann::json::parse(text, nullptr, false);
  if (out.is_discarded()) return false;
  pos = json_at + length + 1;
  return true;
}

}  // namespace

std::string encode_record_line(const nlohmann::json& record) {
  std::string text = record.dump();
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "%zu %08x ", text.size(), crc32(text));
  return prefix + text + "\n";
}

DecodedRecords decode_record_lines(std::string_view bytes, std::string_view header) {
  DecodedRecords out;
  if (bytes.size() < header.size() + 1 || bytes.substr(0, header.size()) != header || bytes[header.size()] != '\n')
    return out;
  out.header_ok = true;
  std::size_t pos = header.size() + 1;
  out.good_bytes = pos;
  nlohmann::json record;
  while (pos < bytes.size() && read_record(bytes, pos, record)) {
    out.records.push_back(std::move(record));
    out.ends.push_back(pos);
    out.good_bytes = pos;
  }
  return out;
}

}  // namespace core
