// Writing a file the command line produces (an export, a calendar): to a temporary file in the same
// folder, flushed to disk, then renamed over the target, so a reader sees the old file or the
// whole new one, never a part.
#pragma once
#include <string>

namespace liaisonctl {

// "" when written, else what went wrong in plain words, naming the file.
std::string write_atomically(const std::string& path, const std::string& bytes);

}  // namespace liaisonctl
