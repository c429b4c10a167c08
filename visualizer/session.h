// One run of a program inside a host that draws frames (browser page, native window): a fresh
// engine per run, given a slice of instructions each frame so the UI never freezes, with its
// output forwarded in the order the program wrote it. No ImGui, no platform code.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "engine/engine.h"

namespace looplab::viz {

class Session {
 public:
  using OutputSink = std::function<void(Stream, std::string_view)>;
  using EndHandler = std::function<void(RunState)>;

  void set_output_sink(OutputSink sink) { sink_ = std::move(sink); }
  // Called once per run, from step(), when the run has ended (finished, failed or stopped).
  void set_end_handler(EndHandler handler) { on_end_ = std::move(handler); }

  // Starts `source` in a fresh engine; a run still going is stopped first (and reported ended).
  void run(std::string_view source, std::string_view filename = "<main>");
  void stop();

  // One frame's worth of work. The instruction budget adapts so a slice takes about
  // kSliceTargetMs of wall time.
  void step();

  bool active() const { return active_; }
  const Engine* engine() const { return engine_.get(); }  // null before the first run
  uint64_t budget() const { return budget_; }

  static constexpr double kSliceTargetMs = 8.0;

 private:
  void finish_if_ended();

  std::unique_ptr<Engine> engine_;
  OutputSink sink_;
  EndHandler on_end_;
  bool active_ = false;        // a run was started and its end not yet reported
  uint64_t budget_ = 200'000;  // instructions per slice; adapted by step()
};

}  // namespace looplab::viz
