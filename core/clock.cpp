#include "clock.hpp"

#include <chrono>
#include <ctime>

namespace core {

std::int64_t SystemClock::now_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

CivilDate SystemClock::today() const {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return CivilDate{date::year{local.tm_year + 1900}, date::month{static_cast<unsigned>(local.tm_mon + 1)},
                   date::day{static_cast<unsigned>(local.tm_mday)}};
}

Hlc HybridClock::tick() {
  std::int64_t wall = clock_.now_ms();
  if (wall > last_.wall_ms) {
    last_ = Hlc{wall, 0};
  } else {
    ++last_.counter;
  }
  return last_;
}

void HybridClock::observe(const Hlc& h) {
  if (h > last_) last_ = h;
}

}  // namespace core
