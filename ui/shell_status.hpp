// What the platform shell tells the interface each frame: whether the data is safely stored,
// and anything about storage the coordinator must know.
#pragma once
#include <string>

namespace ui {

struct ShellStatus {
  enum class Save { Saved, Saving, Failed, NotKept };
  Save save = Save::Saved;
  std::string save_detail;   // why saving failed, or why data is not being kept
  std::string storage_note;  // e.g. whether the browser granted persistent storage
  bool online = true;
};

}  // namespace ui
