// The process crash_tests kills: commits patients to the data folder DATA_DIR in an endless loop,
// printing each acknowledged record id on its own line, and compacting every 50 commits (counted
// over the whole folder, so that short-lived runs still reach compactions).
#include <unistd.h>

#include <cstdio>
#include <string>

#include "core/session.hpp"

namespace {

// One whole line per write(2), so that a kill never leaves half a line that looks acknowledged.
void say(const std::string& line) {
  std::string out = line + "\n";
  std::string_view rest = out;
  while (!rest.empty()) {
    ssize_t n = ::write(STDOUT_FILENO, rest.data(), rest.size());
    if (n <= 0) _exit(4);  // the test stopped reading: nothing more to do
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: commit_loop DATA_DIR\n");
    return 2;
  }
  core::DirectoryStorage storage(argv[1]);
  if (auto s = storage.prepare(); !s) {
    std::fprintf(stderr, "commit_loop: %s\n", s.error().message.c_str());
    return 3;
  }
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"crash.test"});
  if (!session) {
    std::fprintf(stderr, "commit_loop: could not open %s: %s\n", argv[1], session.error().message.c_str());
    return 3;
  }
  say("#open");
  for (;;) {
    const std::size_t n = session.value()->state().table<core::Patient>().size() + 1;
    nlohmann::json fields = {{"given_name", "Crash"},
                             {"family_name", "Test " + std::to_string(n)},
                             {"birth_date", "1950-01-01"},
                             {"address_line", std::string(120, static_cast<char>('a' + n % 26))}};
    auto done = session.value()->commit(core::CreateRecord{core::EntityType::Patient, fields});
    if (!done) {
      std::fprintf(stderr, "commit_loop: commit failed: %s\n", done.error().message.c_str());
      return 5;
    }
    say(done.value().entity_id);  // acknowledged: the commit is durable
    if (n % 50 == 0) {
      say("#compacting");  // lines starting with '#' are progress marks, not ids
      if (auto s = session.value()->compact(); !s) {
        std::fprintf(stderr, "commit_loop: compaction failed: %s\n", s.error().message.c_str());
        return 6;
      }
      say("#compacted");
    }
  }
}
