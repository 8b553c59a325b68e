#include "asset_files.hpp"

#include <fstream>
#include <sstream>

core::Result<std::string> read_asset_file(const std::string& folder, const std::string& path) {
  std::ifstream in(folder + "/" + path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad())
    return core::Error{core::ErrorCode::NotFound, "The file " + path + " that comes with Liaison is missing from " + folder + ".", {}};
  return text.str();
}
