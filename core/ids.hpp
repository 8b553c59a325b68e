// Strong identifier types, so a patient id can never be passed where a device id is expected.
#pragma once
#include <compare>
#include <cstdint>
#include <string>

namespace core {

template <class Tag>
struct Id {
  std::string value;
  auto operator<=>(const Id&) const = default;
  bool empty() const { return value.empty(); }
};

using DeviceId = Id<struct DeviceTag>;    // one per installation (browser profile, clinic machine)
using PatientId = Id<struct PatientTag>;

// The unique id of one Change: the device that made it and that device's sequence number.
struct ChangeId {
  DeviceId device;
  std::uint64_t seq = 0;
  auto operator<=>(const ChangeId&) const = default;
  std::string str() const { return device.value + ":" + std::to_string(seq); }
};

}  // namespace core
