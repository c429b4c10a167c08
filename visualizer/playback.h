// Playback: the playhead over the event log. The engine runs ahead in budgeted slices; the
// visualizer shows the loop as it was at the playhead, which moves at the chosen speed (or is
// stepped, or dragged). Time travel is moving the playhead back: the model at any index is a
// fold of the log (from checkpoints, playback_checkpoints.h, so any seek is fast). No ImGui
// here: the panels read it, the page's API (web/api.cpp) drives it.
//
// CONTRACT (written by the lead; the visualizer engineer implements it in playback.cpp and
// may extend it; the page engineer calls it from web/api.cpp).
//
// Step stops, the same going forward and back: playhead p (the model after the first p events)
// is a stop for Event always; for TaskStep when log[p-1] is the HandleDone of a handle whose run
// ended a task step (so the task's new state and what it scheduled are in); for Iteration when
// log[p-1] is an IterationStart; for Line when log[p-1] is a Line of the selected task. A step
// goes to the nearest stop past the playhead: forward, the end of the log if there is none yet;
// back, 0 if there is none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "fold.h"
#include "playback_checkpoints.h"

namespace looplab::viz {

enum class StepKind : uint8_t {
  Event,      // one log event
  TaskStep,   // to the end of the next task step (a task reaches an await, returns or raises)
  Iteration,  // to the start of the next loop iteration
  Line,       // to the next line of the selected task (or of module code), from Line events
};
const char* step_kind_name(StepKind k);
bool parse_step_kind(const std::string& name, StepKind* out);  // "event", "task", "iteration", "line"

class Playback {
 public:
  // The log to follow; it may grow while the engine runs (tick() picks that up). Another log
  // (a new run) starts over with reset().
  void attach(const EventLog* log);
  void reset();  // a new run: playhead 0, live

  // Advances the playhead by wall time `dt` seconds at the current speed (called every frame).
  void tick(double dt);

  // Speed: events per second of wall time; <= 0 means "instant" (the playhead follows the
  // end of the log). Slow motion is about 0.5 (one event every ~2 s).
  void set_speed(double events_per_second);
  double speed() const;
  void play();
  void pause();
  bool playing() const;

  // Stepping moves the playhead and pauses. Backwards steps are time travel.
  void step(StepKind kind, bool forward = true);
  void seek(size_t index);  // clamps to the log size; pauses
  size_t playhead() const;
  size_t events() const;     // the log's size now

  // The task whose lines Line-steps follow (0: module code).
  void select_task(uint32_t task);
  uint32_t selected_task() const;

  // The model at the playhead (cached; recomputed when the playhead moves).
  const Model& model();
  // The model after the first `index` events (clamped), from the same checkpoints.
  Model model_at(size_t index);
  // JSON of the model at the playhead, plus playback fields ("playhead", "events", "speed",
  // "playing", "stepKind": the last step's kind or null, "selectedTask") — what
  // window.looplab.state() returns (Session adds the run's fields).
  std::string state_json();

  const EventLog& log() const;  // an empty log before attach()
  const PlaybackCheckpoints& checkpoints() const { return checkpoints_; }

 private:
  bool is_stop(StepKind kind, size_t p) const;
  size_t next_stop(StepKind kind) const;
  size_t previous_stop(StepKind kind) const;

  const EventLog* log_ = nullptr;
  size_t playhead_ = 0;        // <= log size
  double speed_ = 0;           // events per second; 0: instant
  bool playing_ = true;
  double carry_ = 0;           // the fraction of an event tick() owes the playhead
  uint32_t selected_ = 0;
  bool stepped_ = false;       // a step was taken since reset (last_kind_ is meaningful)
  StepKind last_kind_ = StepKind::Event;
  PlaybackCheckpoints checkpoints_;  // kept up with the log by tick()
  Model model_;                // the model after model_.events events (the playhead's, once asked)
};

}  // namespace looplab::viz
