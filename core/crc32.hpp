// CRC-32 (the IEEE 802.3 polynomial, as in zip and PNG): the journal's per-record checksum.
#pragma once
#include <cstdint>
#include <string_view>

namespace core {
std::uint32_t crc32(std::string_view bytes);
}
