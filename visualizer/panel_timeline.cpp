#include "panel_timeline.h"

#include "i18n.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace looplab::viz {
namespace {

constexpr size_t kMaxEventsPerSync = 400'000;  // keeps one frame short when a huge log arrives
constexpr float kLabelWidth = 92;
constexpr float kLaneHeight = 17;
constexpr float kAxisHeight = 20;

bool finished(TaskState s) { return task_finished(s); }

// A "nice" tick step (1, 2 or 5 x 10^k) for about `target` ticks over `span`.
double tick_step(double span, int target) {
  double raw = span / std::max(1, target);
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * p) return m * p;
  return 10 * p;
}

}  // namespace

// ---- folding the log into lanes ---------------------------------------------------------------

void TimelineLanes::reset(const EventLog* log) {
  log_ = log;
  consumed_ = 0;
  end_t_ = 0;
  lanes_.clear();
  bands_.clear();
  loop_marks_.clear();
  iterations_.clear();
  future_task_.clear();
  future_label_.clear();
  timer_task_.clear();
}

void TimelineLanes::sync(const EventLog* log) {
  // A new run has a new log (or the same one cleared): start over.
  if (log != log_ || (log && log->size() < consumed_)) reset(log);
  if (!log) return;
  size_t end = std::min(log->size(), consumed_ + kMaxEventsPerSync);
  for (; consumed_ < end; consumed_++) apply((*log)[consumed_], consumed_);
}

void TimelineLanes::set_state(uint32_t task, TaskState s, double t, uint32_t what, uint32_t on_task) {
  if (task == 0 || task > lanes_.size()) return;
  Lane& l = lanes_[task - 1];
  if (finished(l.state)) return;  // a finished task stays finished (as the fold says)
  if (l.state == s && l.what == what && l.on_task == on_task) return;
  // Zero-length segments matter only for steps (a step at one instant of virtual time still ran).
  if (t > l.since || l.state == TaskState::Running) l.segments.push_back({l.since, t, l.state, l.what, l.on_task});
  l.state = s;
  l.since = t;
  l.what = what;
  l.on_task = on_task;
}

void TimelineLanes::apply(const Event& e, size_t index) {
  end_t_ = std::max(end_t_, e.t);
  auto grow = [](std::vector<uint32_t>& v, uint32_t id) {
    if (v.size() <= id) v.resize(size_t(id) + 1, 0);
  };
  switch (e.kind) {
    case EventKind::TaskCreated: {
      if (lanes_.size() < e.a) lanes_.resize(e.a);
      Lane& l = lanes_[e.a - 1];
      l.task = e.a;
      l.since = e.t;
      grow(future_task_, e.b);
      future_task_[e.b] = e.a;
      break;
    }
    case EventKind::TaskRenamed:
      if (e.a >= 1 && e.a <= lanes_.size()) lanes_[e.a - 1].name = e.b;
      break;
    case EventKind::IterationStart: iterations_.push_back(e.t); break;
    case EventKind::TimerScheduled:
      grow(timer_task_, e.a);
      timer_task_[e.a] = e.c;
      break;
    case EventKind::FutureCreated:
      grow(future_label_, e.a);
      future_label_[e.a] = e.b;
      break;
    case EventKind::HandleQueued:
      if (HandleKind(e.b) == HandleKind::TaskStep || HandleKind(e.b) == HandleKind::TaskWakeup)
        set_state(e.c, TaskState::Ready, e.t);
      break;
    case EventKind::HandleRun:
      if (HandleKind(e.b) == HandleKind::TaskStep || HandleKind(e.b) == HandleKind::TaskWakeup)
        set_state(e.c, TaskState::Running, e.t);
      break;
    case EventKind::TaskStepBegin: set_state(e.a, TaskState::Running, e.t); break;
    case EventKind::TaskStepEnd:
      if (StepEnd(e.b) == StepEnd::AwaitFuture) {
        uint32_t on_task = e.c < future_task_.size() ? future_task_[e.c] : 0;
        uint32_t what = e.c < future_label_.size() ? future_label_[e.c] : 0;
        set_state(e.a, TaskState::Waiting, e.t, what, on_task);
      }
      break;
    case EventKind::TaskDone: {
      FutureState s = FutureState(e.b);
      set_state(e.a, s == FutureState::Cancelled ? TaskState::Cancelled : e.c ? TaskState::Failed : TaskState::Done, e.t);
      break;
    }
    case EventKind::Blocked:
      bands_.push_back({e.t, e.t + e.f, int(e.b), e.a, BlockReason(e.c) == BlockReason::TimeSleep});
      end_t_ = std::max(end_t_, e.t + e.f);
      break;
    case EventKind::Warning: {
      Mark mk{e.t, index, WarningKind(e.a)};
      // A slow step is a band of its own unless time.sleep already explains that stretch.
      if (WarningKind(e.a) == WarningKind::SlowCallback && e.f > 0) {
        double t0 = e.t - e.f;
        bool explained = false;
        for (size_t k = bands_.size(); k > 0 && !explained; k--)
          explained = bands_[k - 1].t1 > t0 && bands_[k - 1].t0 < e.t && bands_[k - 1].t1 - bands_[k - 1].t0 > e.f * 0.5;
        if (!explained) bands_.push_back({t0, e.t, 0, e.c, false});
      }
      if (e.c >= 1 && e.c <= lanes_.size()) lanes_[e.c - 1].marks.push_back(mk);
      else loop_marks_.push_back(mk);
      break;
    }
    case EventKind::ClockJump: end_t_ = std::max(end_t_, e.f); break;
    default: break;
  }
}

// ---- drawing ----------------------------------------------------------------------------------

void TimelinePanel::draw(ViewContext& v, TimelineLanes& lanes) {
  const Model& m = v.model;
  const Fonts& f = v.fonts;
  float small = font_px(f.small);
  // Inside a tab every pixel of height goes to the lanes (the tab names the panel; the hint is
  // the axis's tooltip).
  if (!v.in_tab) panel_heading(v, "Timeline", "virtual time since the start \xc2\xb7 drag to move the playhead \xc2\xb7 wheel to zoom");
  // asyncio's clock does not start at 0 (loop.time() is a monotonic clock): the axis counts from
  // the first event, so a 0.3 s run fills the lanes.
  double origin = lanes.log() && lanes.log()->size() ? (*lanes.log())[0].t : 0;
  double end = std::max({lanes.end_time(), m.clock, origin + 1e-3});
  double full_end = end + (end - origin) * 0.02;
  if (follow_ || view_t1_ <= view_t0_) {
    view_t0_ = origin;
    view_t1_ = full_end;
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 o = ImGui::GetCursorScreenPos();
  float x0 = o.x + kLabelWidth, x1 = o.x + avail.x - 4;
  if (x1 - x0 < 40 || avail.y < kAxisHeight + kLaneHeight) return;
  double span = view_t1_ - view_t0_;
  auto to_x = [&](double t) { return float(x0 + (t - view_t0_) / span * (x1 - x0)); };
  auto to_t = [&](float x) { return view_t0_ + double(x - x0) / double(x1 - x0) * span; };
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Axis with ticks.
  double step = tick_step(span, std::max(2, int((x1 - x0) / 90)));
  for (double t = std::ceil(view_t0_ / step) * step; t <= view_t1_; t += step) {
    float x = to_x(t);
    dl->AddLine(ImVec2(x, o.y + kAxisHeight - 5), ImVec2(x, o.y + kAxisHeight), palette::kTextDim);
    char buf[32];
    format_seconds(t - origin, buf, sizeof buf);
    if (x + 3 + f.small->CalcTextSizeA(small, 1e9f, 0, buf).x <= x1 + 4)  // no label cut at the edge
      dl->AddText(f.small, small, ImVec2(x + 3, o.y + 2), palette::kTextDim, buf);
  }
  dl->AddLine(ImVec2(x0, o.y + kAxisHeight), ImVec2(x1, o.y + kAxisHeight), palette::kPanelEdge);

  // The axis and the lanes are one interaction area: click or drag seeks, the wheel zooms.
  ImGui::InvisibleButton("timeline-area", ImVec2(avail.x, avail.y), ImGuiButtonFlags_MouseButtonLeft);
  bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0 && io.MousePos.x >= x0) {
    double at = to_t(io.MousePos.x);
    double k = io.MouseWheel > 0 ? 0.8 : 1.25;
    view_t0_ = std::max(origin, at - (at - view_t0_) * k);
    view_t1_ = std::min(full_end, at + (view_t1_ - at) * k);
    follow_ = view_t0_ <= origin && view_t1_ >= full_end;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) follow_ = true;
  dragging_ = ImGui::IsItemActive() && io.MousePos.x >= x0 - 8;
  if (dragging_ && v.act.seek && lanes.log()) {
    // Seek to the last event at or before the time under the mouse.
    double t = std::clamp(to_t(io.MousePos.x), origin, end);
    size_t idx = lanes.log()->count_until(t);
    if (idx != m.events) v.act.seek(idx);
  }

  // Lanes: the loop first, then one per task, clipped to the visible rows.
  float top = o.y + kAxisHeight + 2;
  float bottom = o.y + avail.y;
  dl->PushClipRect(ImVec2(o.x, top), ImVec2(o.x + avail.x, bottom), true);
  int rows = 1 + int(lanes.lanes().size());
  static float scroll = 0;  // rows scroll with the wheel + shift; the list is usually short
  float content = float(rows) * kLaneHeight;
  float room = bottom - top;
  if (hovered && io.KeyShift && io.MouseWheel != 0) scroll -= io.MouseWheel * kLaneHeight * 3;
  scroll = std::clamp(scroll, 0.0f, std::max(0.0f, content - room));
  int first = int(scroll / kLaneHeight);
  int last = std::min(rows, first + int(room / kLaneHeight) + 2);
  const EventLog* log = lanes.log();
  float mx = io.MousePos.x, my = io.MousePos.y;
  const char* tip = nullptr;
  std::string tip_text;
  for (int r = first; r < last; r++) {
    float y = top + float(r) * kLaneHeight - scroll;
    float yc = y + kLaneHeight / 2;
    if (r % 2) dl->AddRectFilled(ImVec2(o.x, y), ImVec2(x1, y + kLaneHeight), IM_COL32(255, 255, 255, 6));
    if (r == 0) {
      dl->AddText(f.small, small, ImVec2(o.x, y + (kLaneHeight - small) / 2), palette::kText, tr("event loop"));
      if (my >= y && my < y + kLaneHeight && mx >= x0 && !tip) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "the event loop: a tick per iteration (%zu so far), red where it was blocked",
                      lanes.iterations().size());
        tip_text = buf;
        tip = tip_text.c_str();
      }
      dl->AddLine(ImVec2(x0, yc), ImVec2(x1, yc), with_alpha(palette::kTextDim, 0.3f));
      // One tick per loop iteration (ticks closer than 3 px merge): how often the loop turns.
      const auto& its = lanes.iterations();
      float last_tick = -1e9f;
      for (auto it = std::lower_bound(its.begin(), its.end(), view_t0_); it != its.end() && *it <= view_t1_; ++it) {
        float x = to_x(*it);
        if (x - last_tick < 3) continue;
        last_tick = x;
        dl->AddLine(ImVec2(x, yc - 4), ImVec2(x, yc + 4), with_alpha(palette::kTextDim, 0.6f));
      }
      for (const TimelineLanes::Band& b : lanes.bands()) {
        if (b.t1 < view_t0_ || b.t0 > view_t1_) continue;
        float a = to_x(b.t0), z = std::max(to_x(b.t1), a + 2);
        dl->AddRectFilled(ImVec2(a, y + 2), ImVec2(z, y + kLaneHeight - 2), with_alpha(palette::kRed, 0.85f), 2);
        if (z - a > 60) draw_text_fit(dl, f.small, ImVec2(a + 4, y + (kLaneHeight - small) / 2), palette::kBackground,
                                      b.sleep ? "blocked: time.sleep" : "blocked: a step without await", z - a - 6);
        if (my >= y && my < y + kLaneHeight && mx >= a && mx <= z) {
          char buf[160];
          std::snprintf(buf, sizeof buf, "loop blocked %.3f s \xe2\x80\x93 %.3f s%s%s", b.t0, b.t1,
                        b.sleep ? " by time.sleep" : " by a step that did not await",
                        b.line ? (" (line " + std::to_string(b.line) + ")").c_str() : "");
          tip_text = buf;
          tip = tip_text.c_str();
        }
      }
      for (const TimelineLanes::Mark& mk : lanes.loop_marks()) {
        float x = to_x(mk.t);
        dl->AddTriangleFilled(ImVec2(x, y + kLaneHeight - 2), ImVec2(x - 5, y + 3), ImVec2(x + 5, y + 3), palette::kRed);
      }
      continue;
    }
    const TimelineLanes::Lane& lane = lanes.lanes()[size_t(r - 1)];
    if (!lane.task) continue;
    ImU32 accent = task_color(lane.task);
    std::string name = lane.name && log ? log->str(lane.name) : std::string(task_name(m, lane.task));
    dl->AddRectFilled(ImVec2(o.x, y + 4), ImVec2(o.x + 3, y + kLaneHeight - 4), accent);
    draw_text_fit(dl, f.small, ImVec2(o.x + 7, y + (kLaneHeight - small) / 2), accent, name, kLabelWidth - 12);
    // Closed segments in the window, then the open one; sub-pixel runs merge into one pixel.
    const auto& segs = lane.segments;
    auto it = std::lower_bound(segs.begin(), segs.end(), view_t0_, [](const TimelineLanes::Segment& s, double t) { return s.t1 < t; });
    float last_x = -1e9f;
    auto draw_seg = [&](double t0, double t1, TaskState s, uint32_t what, uint32_t on_task) {
      if (s == TaskState::Created) return;
      float a = to_x(t0), z = to_x(t1);
      bool thin = s != TaskState::Running;
      if (z - a < 1) {
        if (a < last_x + 1 && s != TaskState::Running) return;  // this pixel is drawn already
        z = a + (s == TaskState::Running ? 2.0f : 1.0f);
      }
      last_x = z;
      ImU32 c = task_state_color(s);
      float pad = thin ? 5.0f : 2.0f;
      if (s == TaskState::Waiting) c = with_alpha(c, 0.45f);
      dl->AddRectFilled(ImVec2(a, y + pad), ImVec2(z, y + kLaneHeight - pad), c, thin ? 1.0f : 2.0f);
      if (s == TaskState::Waiting && z - a > 50 && (what || on_task)) {
        std::string label = on_task ? std::string(task_name(m, on_task)) : log ? log->str(what) : "";
        draw_text_fit(dl, f.small, ImVec2(a + 3, y + (kLaneHeight - small) / 2), palette::kText, label, z - a - 5);
      }
      if (my >= y && my < y + kLaneHeight && mx >= a && mx <= z && !tip) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " %.3f s \xe2\x80\x93 %.3f s", t0, t1);
        tip_text = name + ": " + task_state_name(s);
        if (s == TaskState::Waiting && (what || on_task))
          tip_text += " on " + (on_task ? std::string(task_name(m, on_task)) : log ? log->str(what) : "");
        tip_text += buf;
        tip = tip_text.c_str();
      }
    };
    for (int drawn = 0; it != segs.end() && it->t0 <= view_t1_ && drawn < 4000; ++it, ++drawn)
      draw_seg(it->t0, it->t1, it->state, it->what, it->on_task);
    if (!finished(lane.state)) draw_seg(lane.since, lanes.end_time(), lane.state, lane.what, lane.on_task);
    for (const TimelineLanes::Mark& mk : lane.marks) {
      float x = to_x(mk.t);
      dl->AddTriangleFilled(ImVec2(x, y + kLaneHeight - 1), ImVec2(x - 5, y + 2), ImVec2(x + 5, y + 2), palette::kRed);
      if (std::fabs(mx - x) < 6 && my >= y && my < y + kLaneHeight) {
        tip_text = std::string(warning_title(mk.kind));
        tip = tip_text.c_str();
      }
    }
  }
  // While the loop was blocked nothing ran: tint that stretch across every lane.
  for (const TimelineLanes::Band& b : lanes.bands()) {
    if (b.t1 < view_t0_ || b.t0 > view_t1_) continue;
    dl->AddRectFilled(ImVec2(to_x(b.t0), top + kLaneHeight), ImVec2(std::max(to_x(b.t1), to_x(b.t0) + 2), bottom),
                      with_alpha(palette::kRed, 0.07f));
  }
  // What lies after the playhead has not happened yet (at this point of the replay): dim it.
  float px = to_x(m.clock);
  if (px < x1) dl->AddRectFilled(ImVec2(std::max(px, x0), top), ImVec2(x1, bottom), IM_COL32(0x1b, 0x1f, 0x26, 0x70));
  dl->PopClipRect();
  if (px >= x0 - 1 && px <= x1 + 1) {
    dl->AddLine(ImVec2(px, o.y + 2), ImVec2(px, bottom), palette::kText, dragging_ ? 2.5f : 1.5f);
    dl->AddTriangleFilled(ImVec2(px - 6, o.y), ImVec2(px + 6, o.y), ImVec2(px, o.y + 8), palette::kText);
  }
  if (!tip && hovered && !dragging_ && io.MousePos.y < o.y + kAxisHeight)
    tip = "virtual time since the start: drag to move the playhead, wheel to zoom, shift+wheel to scroll lanes, double-click to fit";
  if (tip && hovered && !dragging_) ImGui::SetTooltip("%s", tip);
}

}  // namespace looplab::viz
