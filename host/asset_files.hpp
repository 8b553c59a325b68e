// Reading a shipped asset (a handout template, the allergy table) from the folder the shell put
// them in: beside the desktop executable, or /assets in the browser's preloaded file system.
#pragma once
#include <string>

#include "core/result.hpp"

core::Result<std::string> read_asset_file(const std::string& folder, const std::string& path);
