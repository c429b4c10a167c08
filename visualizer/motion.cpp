#include "motion.h"

#include "theme.h"

namespace looplab::viz {
namespace {

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
bool same(ImVec2 a, ImVec2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) < 0.25f; }

// Ease-out cubic: fast start, gentle arrival; reads as "it went there".
float ease(float t) {
  float u = 1 - t;
  return 1 - u * u * u;
}

}  // namespace

void Motion::begin_frame(double now) {
  now_ = now;
  snapping_ = snap_;
  snap_ = false;
  // Forget what has not been drawn for a while, so the maps stay as small as the view.
  if (now - last_prune_ > 2.0) {
    last_prune_ = now;
    for (auto it = items_.begin(); it != items_.end();) it = now - it->second.seen > 2.0 ? items_.erase(it) : ++it;
    for (auto it = colors_.begin(); it != colors_.end();) it = now - it->second.seen > 2.0 ? colors_.erase(it) : ++it;
  }
}

float Motion::progress(double start) const {
  if (start < 0) return 1;
  double t = (now_ - start) / kDuration;
  return t >= 1 ? 1 : t <= 0 ? 0 : float(t);
}

ImVec2 Motion::place(uint64_t key, ImVec2 target, const ImVec2* spawn, bool instant) {
  auto [it, fresh] = items_.try_emplace(key);
  Move& m = it->second;
  // Something not drawn last frame (scrolled away, or a long-gone key) appears in place, not
  // flying in from where it once was.
  bool stale = !fresh && now_ - m.seen > 0.5;
  m.seen = now_;
  if (instant && !fresh) {
    m.from = m.to = m.now = target;
    m.start = -1;
  } else if (fresh || stale || snapping_) {
    bool fly = fresh && spawn && !snapping_ && !same(*spawn, target);
    m.from = fly ? *spawn : target;
    m.to = target;
    m.now = m.from;
    m.start = fly ? now_ : -1;
  } else if (!same(m.to, target)) {
    m.from = m.now;  // retarget from wherever it is, so a move interrupted mid-way stays smooth
    m.to = target;
    m.start = now_;
  }
  float p = progress(m.start);
  if (p >= 1) m.start = -1;
  m.now = m.start < 0 ? m.to : lerp(m.from, m.to, ease(p));
  return m.now;
}

bool Motion::moving(uint64_t key) const {
  auto it = items_.find(key);
  return it != items_.end() && it->second.start >= 0;
}

bool Motion::last_place(uint64_t key, ImVec2* out) const {
  auto it = items_.find(key);
  if (it == items_.end()) return false;
  *out = it->second.now;
  return true;
}

void Motion::anchor(uint64_t key, ImVec2 at) {
  Move& m = items_[key];
  m.from = m.to = m.now = at;
  m.start = -1;
  m.seen = now_;
}

void Motion::launch(ImVec2 from, ImVec2 to, ImVec2 size, ImU32 color, std::string label) {
  if (snapping_) return;
  constexpr size_t kMaxGhosts = 8;  // at "instant" speed hundreds of handles run per frame
  if (ghosts_.size() >= kMaxGhosts) ghosts_.erase(ghosts_.begin());
  ghosts_.push_back({from, to, size, color, std::move(label), now_});
}

ImU32 Motion::color(uint64_t key, ImU32 target) {
  auto [it, fresh] = colors_.try_emplace(key);
  Fade& f = it->second;
  bool stale = !fresh && now_ - f.seen > 0.5;
  f.seen = now_;
  if (fresh || stale || snapping_) {
    f.from = f.to = f.now = target;
    f.start = -1;
  } else if (f.to != target) {
    f.from = f.now;
    f.to = target;
    f.start = now_;
  }
  float p = progress(f.start);
  if (p >= 1) f.start = -1;
  f.now = f.start < 0 ? f.to : mix(f.from, f.to, p);
  return f.now;
}

}  // namespace looplab::viz
