#include "playback_checkpoints.h"

#include <algorithm>

namespace looplab::viz {

namespace {

// Heap bytes of a string beyond the small-string buffer.
size_t heap(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

}  // namespace

size_t estimated_bytes(const Model& m) {
  size_t b = sizeof(Model);
  for (const TaskView& t : m.tasks)
    b += sizeof(TaskView) + heap(t.name) + heap(t.coro) + heap(t.awaiting) + heap(t.chain) + heap(t.exception);
  b += m.ready.size() * (sizeof(HandleView) + 8);
  for (const TimerView& t : m.timers) b += sizeof(TimerView) + heap(t.label);
  // A map node carries its key and about four pointers' worth of tree links.
  for (const auto& [id, f] : m.futures) b += sizeof(f) + 48 + heap(f.label) + f.waiters.size() * 4;
  for (const auto& [id, s] : m.syncs) b += sizeof(s) + 48 + heap(s.label) + s.waiters.size() * 4;
  b += m.workers.size() * sizeof(WorkerView) + m.io.size() * sizeof(IoView);
  for (const WarningView& w : m.warnings) b += sizeof(WarningView) + heap(w.message);
  return b;
}

void PlaybackCheckpoints::reset() {
  snapshots_.clear();
  head_ = Model();
  next_due_ = 0;
  bytes_ = 0;
}

void PlaybackCheckpoints::extend(const EventLog& log) {
  for (;;) {
    if (head_.events >= next_due_) {
      snapshots_.push_back(head_);
      size_t size = estimated_bytes(head_);
      bytes_ += size;
      // The next one is due once the log has paid for this one at kBytesPerEvent.
      next_due_ = head_.events + std::max(kMinInterval, size / kBytesPerEvent);
    }
    if (head_.events >= log.size()) return;
    fold_to(head_, log, std::min(log.size(), next_due_));
  }
}

const Model& PlaybackCheckpoints::start_for(const EventLog& log, size_t n) {
  extend(log);
  if (head_.events <= n) return head_;
  auto after = std::upper_bound(snapshots_.begin(), snapshots_.end(), n,
                                [](size_t v, const Model& m) { return v < m.events; });
  return *(after - 1);  // snapshots_[0] is the empty model, at or before any n
}

Model PlaybackCheckpoints::at(const EventLog& log, size_t n) {
  n = std::min(n, log.size());
  Model m = start_for(log, n);
  fold_to(m, log, n);
  return m;
}

}  // namespace looplab::viz
