// The visualizer: every panel, laid out to fill the host's window or canvas, drawn each frame
// purely from the model at the playhead (and, for the timeline, the event log up to now). The
// view keeps only view state: tweens, the timeline's lanes, zoom.
#pragma once

#include <cstddef>
#include <functional>
#include <unordered_map>

#include "fold.h"
#include "motion.h"
#include "panel_timeline.h"
#include "theme.h"
#include "view.h"

namespace looplab::viz {

class Visualizer {
 public:
  // Draws one frame into the current ImGui frame. `log` is the run's whole log (null before a
  // run); `actions` are how the panels move the playhead; `now` is wall time in seconds.
  void draw(const Model& model, const EventLog* log, const Fonts& fonts, const ViewActions& actions, double now);

  const TimelineLanes& lanes() const { return lanes_; }

 private:
  void draw_side_panels(ViewContext& v, float height);
  void draw_tabs(ViewContext& v, float height);

  Motion motion_;
  TimelineLanes lanes_;
  TimelinePanel timeline_;
  std::unordered_map<uint32_t, ImVec2> task_anchors_;
  ReadyTrail ready_trail_;
  size_t last_playhead_ = 0;
  const EventLog* last_log_ = nullptr;
  size_t warnings_seen_ = 0;  // a new diagnostic brings its tab forward (narrow layout)
};

}  // namespace looplab::viz
