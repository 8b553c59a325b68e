#include "record_id.hpp"

#include <algorithm>
#include <cstdlib>

namespace core {
namespace {

// A device id as Liaison makes it is "d" and 16 hexadecimal digits (session_opening.cpp); written
// in base 36 it takes at most 13 characters. Any other form (stores from tests) is kept as it is.
std::string compact_device(const std::string& device) {
  constexpr std::size_t kHexDigits = 16;
  const bool made_here = device.size() == 1 + kHexDigits && device[0] == 'd' &&
                         std::all_of(device.begin() + 1, device.end(), [](char c) {
                           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                         });
  if (!made_here) return device;
  std::uint64_t number = std::strtoull(device.c_str() + 1, nullptr, 16);
  std::string digits;
  do {
    digits.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[number % 36]);
    number /= 36;
  } while (number > 0);
  return {digits.rbegin(), digits.rend()};
}

}  // namespace

std::string record_id(const DeviceId& device, std::uint64_t sequence) {
  return compact_device(device.value) + "-" + std::to_string(sequence);
}

}  // namespace core
