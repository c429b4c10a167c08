#include "model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "loop/event_log.h"

namespace looplab::viz {

LoopSnapshot snapshot_of(const Engine* engine) {
  LoopSnapshot s;
  if (!engine) return s;
  s.run_state = engine->state();
  s.clock = engine->clock();
  s.events = engine->log().size();
  return s;
}

namespace {

// The shortest %g form that reads back as the same double (0.1 -> "0.1", not 0.10000000000000001).
// Written with snprintf because this libc++ has no floating-point std::to_chars.
void format_shortest(double v, char (&buf)[32]) {
  if (!std::isfinite(v)) v = 0;  // JSON has no NaN/Infinity
  for (int precision = 1; precision <= 17; precision++) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) return;
  }
}

}  // namespace

std::string to_json(const LoopSnapshot& s) {
  char clock[32];
  format_shortest(s.clock, clock);
  std::string out = "{\"runState\":\"";
  out += run_state_name(s.run_state);
  out += "\",\"clock\":";
  out += clock;
  out += ",\"events\":";
  out += std::to_string(s.events);
  out += "}";
  return out;
}

}  // namespace looplab::viz
