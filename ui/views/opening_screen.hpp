// What the window shows while the store is being opened: what is being read and a progress bar;
// or, if the store cannot be opened, why, and that nothing on disk was changed.
#pragma once
#include <string>

#include "core/session_opening.hpp"
#include "ui/test_hook.hpp"
#include "ui/theme.hpp"

namespace ui {

// `opening` is null once opening has ended; then `failure` says why it failed.
void draw_opening(const core::SessionOpening* opening, const std::string& failure, const Fonts& fonts, TestHook& hook);

}  // namespace ui
