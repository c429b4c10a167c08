// Snapshots of the model along the log, so the playhead can land anywhere fast: a seek copies
// the nearest snapshot at or before the target and folds the rest. Snapshots are taken at least
// kMinInterval events apart, and further apart as the model grows, so that together they cost
// at most about kBytesPerEvent bytes per logged event (a program that keeps creating tasks has
// models of megabytes; a snapshot of each every 4096 events would take gigabytes).
#pragma once

#include <cstddef>
#include <vector>

#include "fold.h"

namespace looplab::viz {

class PlaybackCheckpoints {
 public:
  static constexpr size_t kMinInterval = 4096;
  static constexpr size_t kBytesPerEvent = 128;

  void reset();
  // Folds the log's new events into the head and snapshots it when one is due.
  void extend(const EventLog& log);
  // The model to start folding from to reach the model after n events: the latest snapshot at
  // or before n, or the head if it is there (after extend(), which at() does first).
  const Model& start_for(const EventLog& log, size_t n);
  // The model after the first n events (n clamped to the log).
  Model at(const EventLog& log, size_t n);

  size_t snapshots() const { return snapshots_.size(); }
  size_t bytes() const { return bytes_; }

 private:
  std::vector<Model> snapshots_;  // by increasing .events; the first is the empty model
  Model head_;                    // the model after every event extend() has seen
  size_t next_due_ = 0;           // the head's event count at which the next snapshot is taken
  size_t bytes_ = 0;              // the snapshots' estimated size
};

// A rough size of a model in memory (its containers' elements and their strings).
size_t estimated_bytes(const Model& m);

}  // namespace looplab::viz
