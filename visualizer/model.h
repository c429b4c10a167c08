// What the visualizer shows, as plain data (no ImGui): read from the engine's public API, drawn
// by the panels, and exported as JSON for the page's `window.looplab.state()`. It grows into the
// fold over the event log up to the playhead.
#pragma once

#include <cstddef>
#include <string>

#include "engine/engine.h"

namespace looplab::viz {

struct LoopSnapshot {
  RunState run_state = RunState::Idle;
  double clock = 0;   // the loop's virtual time, in seconds
  size_t events = 0;  // records in the event log so far
};

// `engine` may be null (nothing has run yet): the snapshot is then the idle one.
LoopSnapshot snapshot_of(const Engine* engine);

// {"runState":"finished","clock":0.25,"events":12}; key names are the page API's (camelCase).
std::string to_json(const LoopSnapshot& s);

}  // namespace looplab::viz
