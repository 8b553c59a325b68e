// Where the desktop app keeps data and finds its font and asset files.
#pragma once
#include <string>

namespace desktop {

// $XDG_DATA_HOME/liaison, else $HOME/.local/share/liaison (the XDG base directory default).
std::string default_data_dir();
// The fonts folder installed beside the executable, else Debian's Noto folder.
std::string font_dir();
// The assets folder installed beside the executable.
std::string asset_dir();

}  // namespace desktop
