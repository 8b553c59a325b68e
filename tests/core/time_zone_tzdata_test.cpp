// Native only: compares our zone rules with the C library, which reads the full tzdata files.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "core/time_zone.hpp"

using core::format_wall_time;
using core::Minutes;
using core::TimeZone;

TEST_CASE("every zone agrees with the system's tzdata hour by hour through 2027") {
  if (!std::filesystem::exists("/usr/share/zoneinfo/America/Chicago")) return;
  const Minutes from = *core::parse_wall_time("2026-12-01T00:00"), to = *core::parse_wall_time("2028-01-01T00:00");
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved ? saved : "";
  int compared = 0;
  for (std::string_view name : TimeZone::names()) {
    const TimeZone* tz = TimeZone::find(name);
    REQUIRE(tz);
    setenv("TZ", std::string(name).c_str(), 1);
    tzset();
    for (Minutes utc = from; utc < to; utc += 60) {
      std::time_t t = static_cast<std::time_t>(utc * 60);
      std::tm local{};
      localtime_r(&t, &local);
      const int system_offset = static_cast<int>(local.tm_gmtoff / 60);
      if (system_offset != tz->offset_at(utc)) {
        FAIL_CHECK(name << " at " << format_wall_time(utc) << "Z: ours " << tz->offset_at(utc) << ", tzdata "
                        << system_offset);
        break;
      }
      ++compared;
    }
  }
  if (saved) setenv("TZ", saved_tz.c_str(), 1);
  else unsetenv("TZ");
  tzset();
  CHECK(compared > 300 * 9000);
}
