// crc32(): the checksum zip and PNG use, whichever way this machine computes it (folding with
// carry-less multiplication from 64 bytes on x86-64, tables elsewhere and for the last bytes).
// The expected values were computed by another implementation (Python's zlib.crc32).
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "core/crc32.hpp"

namespace {

// 5,000 bytes that are not a simple repetition, so that a misplaced block changes the checksum.
std::string sample_bytes() {
  std::string bytes(5000, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 131 + 7) & 0xFF);
  return bytes;
}

}  // namespace

TEST_CASE("crc32 gives the standard check value") {
  CHECK(core::crc32("") == 0u);
  CHECK(core::crc32("123456789") == 0xCBF43926u);
}

TEST_CASE("crc32 agrees with another implementation at every length around its block sizes") {
  const std::string bytes = sample_bytes();
  // Starting 3 bytes in, so that the 16-byte loads are not aligned.
  const std::pair<std::size_t, std::uint32_t> expected[] = {
      {1, 0x220d7cc9},   {8, 0x8d825d1b},   {15, 0x7bfbfbd2},  {16, 0xe2cceb9f},  {63, 0xd9ef175d},
      {64, 0x22d493de},  {65, 0xd8209539},  {79, 0xc17ba167},  {80, 0xc219ee76},  {127, 0x891a4955},
      {128, 0x5a83af22}, {200, 0xbfe40d87}, {1000, 0x3b3432f4}, {4099, 0x8b692a3a}};
  for (const auto& length_and_crc : expected) {
    const std::size_t length = length_and_crc.first;  // (doctest's CAPTURE cannot take a structured binding)
    CAPTURE(length);
    CHECK(core::crc32(std::string_view(bytes).substr(3, length)) == length_and_crc.second);
  }
}

TEST_CASE("crc32 changes when any one bit of a long record changes") {
  std::string bytes = sample_bytes();
  const std::uint32_t original = core::crc32(bytes);
  const std::size_t places[] = {0, 17, 64, 2500, bytes.size() - 1};
  for (std::size_t at : places) {
    CAPTURE(at);
    bytes[at] = static_cast<char>(bytes[at] ^ 0x10);
    CHECK(core::crc32(bytes) != original);
    bytes[at] = static_cast<char>(bytes[at] ^ 0x10);
  }
  CHECK(core::crc32(bytes) == original);
}
