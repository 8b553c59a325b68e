// Time as the core sees it. Wall time and today's date come from a Clock the shell provides (tests
// use a fixed one); HybridClock turns wall time into hybrid logical clock stamps that only move
// forward, even when the wall clock jumps back or two changes share a millisecond.
#pragma once
#include <compare>
#include <cstdint>

#include "civil_date.hpp"

namespace core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ms() const = 0;  // Unix time in milliseconds
  virtual CivilDate today() const = 0;      // the local calendar date where the coordinator is
};

// Reads the system clock and the local time zone.
class SystemClock final : public Clock {
 public:
  std::int64_t now_ms() const override;
  CivilDate today() const override;
};

struct Hlc {
  std::int64_t wall_ms = 0;
  std::uint32_t counter = 0;
  auto operator<=>(const Hlc&) const = default;
};

class HybridClock {
 public:
  explicit HybridClock(const Clock& clock) : clock_(clock) {}
  Hlc tick();                  // a stamp later than every stamp issued or observed so far
  void observe(const Hlc& h);  // a stamp read from the journal or received from another device

 private:
  const Clock& clock_;
  Hlc last_;
};

}  // namespace core
