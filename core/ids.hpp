// Strong identifier types: Id<Patient> can never be passed where Id<Practitioner> is expected.
#pragma once
#include <cstdint>
#include <string>

#include "core/shared_text.hpp"

namespace core {

struct Patient;

// What an id holds: its text, or for a patient's id a SharedText. Nearly every record names its
// patient, about four million references at 50,000 patients, so each patient's id is kept once and
// a reference is one pointer (8 bytes, where a std::string takes 24).
template <class Tag>
struct IdText {
  using type = std::string;
};
template <>
struct IdText<Patient> {
  using type = SharedText;
};

template <class Tag>
struct Id {
  typename IdText<Tag>::type value;
  // Explicit operators: Emscripten's libc++ has no operator<=> for std::string.
  bool operator==(const Id& o) const { return value == o.value; }
  bool operator!=(const Id& o) const { return value != o.value; }
  bool operator<(const Id& o) const { return value < o.value; }
  bool empty() const { return value.empty(); }
};

using DeviceId = Id<struct DeviceTag>;  // one per installation (browser profile, clinic machine)

// The unique id of one Change: the device that made it and that device's sequence number.
struct ChangeId {
  DeviceId device;
  std::uint64_t seq = 0;
  bool operator==(const ChangeId& o) const { return device == o.device && seq == o.seq; }
  bool operator<(const ChangeId& o) const { return device != o.device ? device < o.device : seq < o.seq; }
  std::string str() const { return device.value + ":" + std::to_string(seq); }
};

// Ids travel in JSON as plain strings.
template <class Json, class Tag>
void to_json(Json& j, const Id<Tag>& id) { j = id.value; }
template <class Json, class Tag>
void from_json(const Json& j, Id<Tag>& id) { id.value = j.template get<std::string>(); }

}  // namespace core
