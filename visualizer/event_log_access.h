// The one piece of the engine's event log the visualizer reads today: how many records it holds.
// TEMPORARY: core/ has not published a header for EventLog yet (the placeholder engine defines it
// privately), so this declares just the member used. Replace with core's event-log reader header
// when it lands; the visualizer will then fold the records themselves.
#pragma once

#include <cstddef>

namespace looplab {

class EventLog {
 public:
  size_t size() const;
};

}  // namespace looplab
