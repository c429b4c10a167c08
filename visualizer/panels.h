// The visualizer's panels. Each is a small function that only reads a LoopSnapshot; the main
// view lays them out to fill the host's window or canvas.
#pragma once

#include "model.h"
#include "theme.h"

namespace looplab::viz {

// Draws everything for one frame. `seconds` is wall time, used only to animate.
void draw_main_view(const LoopSnapshot& snapshot, const Fonts& fonts, double seconds);

}  // namespace looplab::viz
