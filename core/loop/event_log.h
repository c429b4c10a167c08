// The event log: every scheduling fact the loop produces (and the program's output), as compact
// records with virtual timestamps. The visualizer, playback, time travel and exports are folds
// over it; nothing reads live interpreter objects.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loop/event_kinds.h"

namespace looplab {

// One record: 32 bytes.
struct Event {
  double t = 0;     // virtual time in seconds
  double f = 0;     // a second time or number for the kinds that carry one (deadline, duration)
  EventKind kind = EventKind::Notice;
  uint32_t a = 0, b = 0, c = 0;  // operands, see event_kinds.h
};
static_assert(sizeof(Event) == 32, "keep events compact");

class EventLog {
 public:
  EventLog();

  size_t size() const { return events_.size(); }
  const Event& operator[](size_t i) const { return events_[i]; }
  const std::vector<Event>& events() const { return events_; }

  // Strings (names, labels, printed text) live in one table; ids are stable.
  uint32_t intern(std::string_view s);
  uint32_t add_text(std::string_view s);  // not deduplicated (printed output)
  const std::string& str(uint32_t id) const { return strings_[id]; }
  size_t string_count() const { return strings_.size(); }

  // Appends a record unless the log is full (then one Notice is appended and the rest dropped).
  void add(EventKind kind, double t, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0);
  void add_f(EventKind kind, double t, double f, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0);
  void output(int stream, std::string_view text);

  void clear();
  void set_limit(size_t max_events) { limit_ = max_events; }
  bool full() const { return full_; }
  // The latest timestamp recorded (the clock as far as the log knows).
  double clock() const { return clock_; }
  void set_clock(double t) { clock_ = t; }
  // Bytes used by records and strings (the budget is ~32 bytes per event on average).
  size_t memory_bytes() const;

 private:
  std::vector<Event> events_;
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> string_ids_;
  size_t limit_ = 4'000'000;
  bool full_ = false;
  double clock_ = 0;
};

}  // namespace looplab
