// The timeline: one lane per task over virtual time, with segments for running / ready /
// waiting (on what), a lane for the loop itself (red where it was blocked), markers where
// diagnostics happened, and the playhead, which can be dragged to seek.
//
// Lanes are folded from the event log once and extended as the log grows (TimelineLanes::sync
// reads only the new events); drawing never refolds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "view.h"

namespace looplab::viz {

class TimelineLanes {
 public:
  struct Segment {
    double t0 = 0, t1 = 0;
    TaskState state = TaskState::Created;
    uint32_t what = 0;  // while Waiting: a string id in the log (what it waits on), 0 if unknown
    uint32_t on_task = 0;  // ... or the task it waits for
  };
  struct Mark {
    double t = 0;
    size_t event = 0;
    WarningKind kind = WarningKind::CallbackError;
  };
  struct Lane {
    uint32_t task = 0;
    uint32_t name = 0;  // string id of its name (0: not named yet)
    std::vector<Segment> segments;  // closed ones; the open one is (since, state, ...)
    TaskState state = TaskState::Created;
    double since = 0;
    uint32_t what = 0, on_task = 0;
    std::vector<Mark> marks;
  };
  struct Band {  // the loop stood still: time.sleep, or a step that ran long
    double t0 = 0, t1 = 0;
    int line = 0;
    uint32_t task = 0;
    bool sleep = false;
  };

  // Reads the events added to `log` since the last call (all of them for a new log).
  void sync(const EventLog* log);
  const EventLog* log() const { return log_; }
  const std::vector<Lane>& lanes() const { return lanes_; }  // index = task id - 1
  const std::vector<Band>& bands() const { return bands_; }
  const std::vector<Mark>& loop_marks() const { return loop_marks_; }
  const std::vector<double>& iterations() const { return iterations_; }  // start time of each
  double end_time() const { return end_t_; }
  // The task that scheduled timer `handle` (0: none), so a due timer keeps its task's colour in
  // the ready queue.
  uint32_t timer_task(uint32_t handle) const { return handle < timer_task_.size() ? timer_task_[handle] : 0; }
  size_t consumed() const { return consumed_; }

 private:
  void reset(const EventLog* log);
  void apply(const Event& e, size_t index);
  void set_state(uint32_t task, TaskState s, double t, uint32_t what = 0, uint32_t on_task = 0);

  const EventLog* log_ = nullptr;
  size_t consumed_ = 0;
  double end_t_ = 0;
  std::vector<Lane> lanes_;
  std::vector<Band> bands_;
  std::vector<Mark> loop_marks_;
  std::vector<double> iterations_;
  std::vector<uint32_t> future_task_;   // future id -> task id (0: a plain future)
  std::vector<uint32_t> future_label_;  // future id -> label string id
  std::vector<uint32_t> timer_task_;    // timer handle id -> task that scheduled it
};

class TimelinePanel {
 public:
  void draw(ViewContext& v, TimelineLanes& lanes);

 private:
  double view_t0_ = 0, view_t1_ = 0;  // the visible window of virtual time
  bool follow_ = true;                // fit the whole run (until the user zooms)
  bool dragging_ = false;
};

}  // namespace looplab::viz
