// Motion that teaches: things that move between places (a timer handle to the ready queue, a
// task's wakeup to the queue) travel there, and state colours fade. Tweens are keyed by a stable
// id and driven by wall time, so they look the same at any frame rate. Only the view keeps this
// state; the model stays a pure fold.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"

namespace looplab::viz {

// Keys: a kind in the top byte, the id below, so handles, tasks and cards never collide.
enum class MotionKind : uint8_t { Handle = 1, Task = 2, TaskColor = 3, Station = 4, Misc = 5 };
constexpr uint64_t motion_key(MotionKind kind, uint64_t id) { return (uint64_t(kind) << 56) | id; }

class Motion {
 public:
  static constexpr double kDuration = 0.25;  // seconds of wall time per move or fade

  // Called once per frame with the wall clock (seconds).
  void begin_frame(double now);
  // Next moves appear in place (after a big seek, when flying everything would be noise).
  void snap_next_frame() { snap_ = true; }

  // Where the thing `key` should be drawn this frame, heading for `target`. The first time a key
  // is seen it starts at `spawn` if given (travelling from there), else at the target.
  // `instant`: jump there (the list under it scrolled; that is not a move worth showing).
  ImVec2 place(uint64_t key, ImVec2 target, const ImVec2* spawn = nullptr, bool instant = false);
  // True while `key` is between places (draw it above the panels so it can cross them).
  bool moving(uint64_t key) const;
  // Last place drawn for `key`, if it was seen (used as spawn points for other keys).
  bool last_place(uint64_t key, ImVec2* out) const;
  // Records a place without animating (anchors such as task cards).
  void anchor(uint64_t key, ImVec2 at);

  // The colour to draw `key` in, fading towards `target`.
  ImU32 color(uint64_t key, ImU32 target);

  size_t size() const { return items_.size() + colors_.size(); }

  // Something that left its place (a handle taken off the ready queue to run): it flies to
  // `to` and fades out there. Ghosts are view-only and few (the oldest go first).
  struct Ghost {
    ImVec2 from, to, size;
    ImU32 color = 0;
    std::string label;
    double start = 0;
  };
  void launch(ImVec2 from, ImVec2 to, ImVec2 size, ImU32 color, std::string label);
  // Live ghosts with their position and opacity now; finished ones are dropped.
  template <class F>
  void each_ghost(F draw) {
    size_t keep = 0;
    for (Ghost& g : ghosts_) {
      float p = progress(g.start);
      if (p >= 1) continue;
      float e = 1 - (1 - p) * (1 - p) * (1 - p);
      draw(g, ImVec2(g.from.x + (g.to.x - g.from.x) * e, g.from.y + (g.to.y - g.from.y) * e), 1 - p * p);
      ghosts_[keep++] = g;
    }
    ghosts_.resize(keep);
  }
  bool snapping() const { return snapping_; }

 private:
  struct Move {
    ImVec2 from, to, now;
    double start = -1;  // wall time the move began (< 0: at rest)
    double seen = 0;    // last frame it was asked for
  };
  struct Fade {
    ImU32 from = 0, to = 0, now = 0;
    double start = -1;
    double seen = 0;
  };
  float progress(double start) const;

  std::unordered_map<uint64_t, Move> items_;
  std::unordered_map<uint64_t, Fade> colors_;
  std::vector<Ghost> ghosts_;
  double now_ = 0;
  double last_prune_ = 0;
  bool snap_ = false;
  bool snapping_ = false;
};

}  // namespace looplab::viz
