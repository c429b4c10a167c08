// The loop's I/O port: where requests that leave the engine (HTTP, WebSocket) report back.
// A request is a future the loop waits on; its answer arrives through poll(). Simulated
// backends answer at virtual times (like timers); real ones (the browser's fetch/WebSocket)
// answer in wall-clock time, while the loop waits and the virtual clock follows the wall clock.
// Implementations live with the hosts (modules/ for the simulated network, web/ for the
// browser); the loop only polls.
#pragma once

#include <cmath>
#include <vector>

#include "runtime/object.h"

namespace looplab {

struct FutureObj;

struct IoCompletion {
  uint32_t request = 0;      // the port's id for the request
  FutureObj* future = nullptr;  // the asyncio future waiting for it
  Value value;               // the result, or the exception (is_exception)
  bool is_exception = false;
  uint32_t status = 0;       // for the log: HTTP status, or 0
  uint32_t bytes = 0;        // for the log: bytes received
};

class IoPort {
 public:
  virtual ~IoPort() = default;
  // Appends the completions that have happened by virtual time `now`.
  virtual void poll(double now, std::vector<IoCompletion>& out) = 0;
  // The virtual time of the next simulated completion (+inf when none).
  virtual double next_due() const { return INFINITY; }
  // True while requests answered in wall-clock time are in flight.
  virtual bool waiting_real() const { return false; }
  // Marks the futures and values the port holds.
  virtual void trace(Tracer& t) = 0;
};

}  // namespace looplab
