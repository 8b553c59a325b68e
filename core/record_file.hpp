// The line format shared by journal segments, snapshot chunks and history archives:
//
//   <header>\n                       e.g. "liaison-journal 1"
//   <length> <crc32> <json>\n        one record per line
//
// <length> is the decimal byte count of <json>, <crc32> its CRC-32 as 8 lowercase hex digits.
// A record counts only when length, checksum, newline and JSON are all intact, so a torn write
// or a flipped byte is detected and everything before it still reads.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace core {

std::string encode_record_line(const nlohmann::json& record);

struct DecodedRecords {
  std::vector<nlohmann::json> records;
  std::vector<std::size_t> ends;  // byte offset just after each record
  std::size_t good_bytes = 0;  // bytes up to the end of the last intact record (or of the header)
  bool header_ok = false;
  bool complete() const { return header_ok; }
};

// Decodes records until the end or the first damaged one; `bytes.substr(good_bytes)` is the damage.
DecodedRecords decode_record_lines(std::string_view bytes, std::string_view header);

}  // namespace core
