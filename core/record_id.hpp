// The id Liaison gives a record it makes: "<device>-<sequence>", the device that made the record
// (its 64-bit number in base 36) and the sequence number of the change that made it. Each device
// numbers its changes once, across every entity type, so no two records of any type share an id.
// Up to 10^8 changes on a device the id has at most 22 characters, which a std::string holds
// inside itself: a store of millions of records needs no heap block for each id.
#pragma once
#include <cstdint>
#include <string>

#include "core/ids.hpp"

namespace core {

std::string record_id(const DeviceId& device, std::uint64_t sequence);

}  // namespace core
