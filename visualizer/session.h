// One run of a program inside a host that draws frames (browser page, native window): a fresh
// engine per run, given a slice of instructions each frame so the UI never freezes, with its
// output forwarded in the order the program wrote it, and the playhead over its event log. No
// ImGui, no platform code.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/engine.h"
#include "playback.h"

namespace looplab::viz {

// What a playground run may use: lines are traced (for Line steps) and the log holds at most a
// million events (32 MB of records; every seek stays fast at that size).
EngineLimits playground_limits();

class Session {
 public:
  using OutputSink = std::function<void(Stream, std::string_view)>;
  using EndHandler = std::function<void(RunState)>;

  void set_output_sink(OutputSink sink) { sink_ = std::move(sink); }
  // Called once per run, from step(), when the run has ended (finished, failed or stopped).
  void set_end_handler(EndHandler handler) { on_end_ = std::move(handler); }
  // The limits of the next run's engine (playground_limits() unless set).
  void set_limits(const EngineLimits& limits) { limits_ = limits; }

  // Starts `source` in a fresh engine; a run still going is stopped first (and reported ended).
  // The playhead starts over, live, at the current speed.
  void run(std::string_view source, std::string_view filename = "<main>");
  void stop();

  // One frame's worth of work: an engine slice, then the playhead moves by the wall time since
  // the last frame. The instruction budget adapts so a slice takes about kSliceTargetMs.
  void step();
  // The same with the frame's duration given (seconds), for tests and hosts that measure it.
  void step(double dt);

  bool active() const { return active_; }
  const Engine* engine() const { return engine_.get(); }  // null before the first run
  RunState run_state() const { return engine_ ? engine_->state() : RunState::Idle; }
  uint64_t budget() const { return budget_; }

  Playback& playback() { return playback_; }

  // window.looplab.state(): the playback's state_json plus "runState" and "logFull" (the log hit
  // its cap: later events were not recorded, the view ends there).
  std::string state_json();
  // window.looplab.status(), cheap enough for every frame: runState, playhead, events, playing,
  // speed, clock (at the playhead), logFull.
  std::string status_json();

  static constexpr double kSliceTargetMs = 8.0;
  // A frame longer than this (a background tab, a breakpoint) moves the playhead only this much.
  static constexpr double kMaxFrameSeconds = 0.25;

 private:
  void finish_if_ended();

  std::unique_ptr<Engine> engine_;
  EngineLimits limits_ = playground_limits();
  Playback playback_;
  OutputSink sink_;
  EndHandler on_end_;
  bool active_ = false;        // a run was started and its end not yet reported
  uint64_t budget_ = 200'000;  // instructions per slice; adapted by step()
  std::chrono::steady_clock::time_point last_frame_{};
  bool timed_ = false;         // last_frame_ is set
};

}  // namespace looplab::viz
