// The event log: every scheduling fact the loop produces (and the program's output), as compact
// records with virtual timestamps. The visualizer, playback, time travel and exports are folds
// over it; nothing reads live interpreter objects.
#pragma once

#include <cstdint>
#include <memory>
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

  size_t size() const { return size_; }
  const Event& operator[](size_t i) const { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  // How many records have a timestamp <= t (timestamps never decrease).
  size_t count_until(double t) const {
    size_t lo = 0, hi = size_;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if ((*this)[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

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
  // Fixed-size chunks: appending never copies what is recorded (a growing vector's doubling
  // was a visible share of scheduling-heavy runs), and references to records stay valid.
  static constexpr size_t kChunkBits = 12, kChunk = size_t(1) << kChunkBits;  // 128 KB each
  void push(const Event& e) {
    if ((size_ & (kChunk - 1)) == 0 && (size_ >> kChunkBits) == chunks_.size())
      chunks_.emplace_back(new Event[kChunk]);
    chunks_[size_ >> kChunkBits][size_ & (kChunk - 1)] = e;
    size_++;
  }
  std::vector<std::unique_ptr<Event[]>> chunks_;
  size_t size_ = 0;
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> string_ids_;
  size_t limit_ = 4'000'000;
  bool full_ = false;
  double clock_ = 0;
};

}  // namespace looplab
