// The two queues _run_once works from: the ready deque in FIFO order (the head runs next) and
// the timer heap sorted by deadline with the time left. A timer that falls due keeps its handle
// id, so its chip travels from the heap to the back of the ready queue; a task's wakeup travels
// from the task's card.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "panel_timeline.h"
#include "i18n.h"
#include "view.h"

namespace looplab::viz {
namespace {

// A placeholder sentence that wraps at the panel's edge instead of running past it.
void text_wrapped_dim(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::kTextDim));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}


constexpr float kRowGap = 4;

// A due timer's handle has no task in the model; the timeline's fold knows who scheduled it.
uint32_t handle_task(const ViewContext& v, const HandleView& h) {
  if (h.task) return h.task;
  return v.lanes ? v.lanes->timer_task(h.id) : 0;
}

ImU32 handle_color(const ViewContext& v, const HandleView& h) {
  uint32_t t = handle_task(v, h);
  return t ? task_color(t) : palette::kCyan;
}

const char* handle_kind_words(HandleKind k) {
  switch (k) {
    case HandleKind::TaskStep: return "task step";
    case HandleKind::TaskWakeup: return "wakeup";
    case HandleKind::SetResult: return "set_result";
    case HandleKind::ThreadDone: return "thread result";
    case HandleKind::IoDone: return "I/O result";
    case HandleKind::Callback: return "callback";
  }
  return "";
}

// Draws one travelling-or-resting chip: resting ones inside the panel, moving ones above all
// panels so they can cross from one panel to another.
void draw_moving_chip(ViewContext& v, uint64_t key, ImVec2 target, const ImVec2* spawn, bool instant, ImVec2 size,
                      ImU32 accent, const std::string& label, const std::string& detail, bool dim) {
  ImVec2 at = v.motion.place(key, target, spawn, instant);
  bool flying = v.motion.moving(key);
  ImDrawList* dl = flying ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
  if (flying) dl->AddRectFilled(ImVec2(at.x + 2, at.y + 3), ImVec2(at.x + size.x + 2, at.y + size.y + 3), IM_COL32(0, 0, 0, 90), 5);
  draw_chip(dl, v.fonts, at, size, accent, label, detail, dim);
}

}  // namespace

void draw_ready_panel(ViewContext& v) {
  const Model& m = v.model;
  char note[48];
  std::snprintf(note, sizeof note, tr("%zu \xc2\xb7 first in, first out"), m.ready.size());
  panel_heading(v, "Ready queue", note);
  if (!ImGui::BeginChild("ready-list", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  bool scrolled = panel_scrolled();
  float row = font_px(v.fonts.body) + 10;
  float w = ImGui::GetContentRegionAvail().x;
  // Handles drawn last frame that have left the queue now went to run: send each to the loop's
  // "run ready handles" station (moving forward only; a seek back just redraws).
  ReadyTrail scratch;
  ReadyTrail& trail = v.ready_trail ? *v.ready_trail : scratch;
  trail.now.clear();
  ImVec2 station;
  if (v.motion.last_place(motion_key(MotionKind::Station, 100), &station) && !v.motion.snapping()) {
    for (const ReadyTrail::Row& r : trail.shown) {
      bool still = std::any_of(m.ready.begin(), m.ready.end(), [&](const HandleView& h) { return h.id == r.handle; });
      ImVec2 from;
      if (!still && v.motion.last_place(motion_key(MotionKind::Handle, r.handle), &from))
        v.motion.launch(from, station, ImVec2(std::min(w, 200.0f), row), r.color, r.label);
    }
  }
  if (m.ready.empty()) {
    ImGui::PushFont(v.fonts.small);
    text_wrapped_dim(tr("empty: nothing to run this iteration"));
    ImGui::PopFont();
  }
  ImGuiListClipper clip;
  clip.Begin(int(m.ready.size()), row + kRowGap);
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; i++) {
      const HandleView& h = m.ready[size_t(i)];
      ImVec2 p = ImGui::GetCursorScreenPos();
      // A task's wakeup or first step comes from its card; a due timer from the heap (same key).
      ImVec2 from;
      const ImVec2* spawn = nullptr;
      if (h.task) {
        auto it = v.task_anchors.find(h.task);
        if (it != v.task_anchors.end()) {
          from = it->second;
          spawn = &from;
        }
      }
      float badge = i == 0 ? 34 : 0;
      std::string label = handle_words(m, h);
      std::string detail = tr(h.cancelled ? "cancelled" : handle_kind_words(h.kind));
      if (!h.task && !h.cancelled)
        if (uint32_t owner = handle_task(v, h)) detail = "timer due \xc2\xb7 " + std::string(task_name(m, owner));
      draw_moving_chip(v, motion_key(MotionKind::Handle, h.id), ImVec2(p.x + badge, p.y), spawn, scrolled,
                       ImVec2(w - badge, row), handle_color(v, h), label, detail, h.cancelled);
      if (!h.cancelled) trail.now.push_back({h.id, handle_color(v, h), label});
      if (i == 0)
        ImGui::GetWindowDrawList()->AddText(v.fonts.small, font_px(v.fonts.small), ImVec2(p.x, p.y + (row - font_px(v.fonts.small)) / 2),
                                            palette::kGreen, tr("next"));
      ImGui::Dummy(ImVec2(w, row + kRowGap - ImGui::GetStyle().ItemSpacing.y));
    }
  }
  ImGui::EndChild();
  trail.shown.swap(trail.now);
  // The ghosts fly above every panel.
  v.motion.each_ghost([&](const Motion::Ghost& g, ImVec2 at, float alpha) {
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    ImVec2 end(at.x + g.size.x, at.y + g.size.y);
    fg->AddRectFilled(at, end, with_alpha(palette::kCard, alpha), 5);
    fg->AddRect(at, end, with_alpha(g.color, alpha), 5);
    draw_text_fit(fg, v.fonts.body, ImVec2(at.x + 10, at.y + (g.size.y - font_px(v.fonts.body)) / 2),
                  with_alpha(palette::kText, alpha), g.label, g.size.x - 14);
  });
}

void draw_timers_panel(ViewContext& v) {
  const Model& m = v.model;
  // Sorted by deadline, as the heap pops them (ties in heap order are close enough for a list).
  // Sorting 1,000 pointers each frame costs tens of microseconds: no cache to go stale.
  static std::vector<const TimerView*> sorted;
  sorted.clear();
  for (const TimerView& t : m.timers) sorted.push_back(&t);
  std::stable_sort(sorted.begin(), sorted.end(), [](const TimerView* a, const TimerView* b) { return a->deadline < b->deadline; });
  char note[48];
  std::snprintf(note, sizeof note, tr("%zu \xc2\xb7 soonest first"), m.timers.size());
  panel_heading(v, "Timer heap", note);
  if (!ImGui::BeginChild("timer-list", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  bool scrolled = panel_scrolled();
  float row = font_px(v.fonts.body) + 10;
  float w = ImGui::GetContentRegionAvail().x;
  if (sorted.empty()) {
    ImGui::PushFont(v.fonts.small);
    text_wrapped_dim(tr("none (asyncio.sleep and call_later add timers)"));
    ImGui::PopFont();
  }
  double horizon = 0;  // the bars show time left against the farthest visible deadline
  for (const TimerView* t : sorted) horizon = std::max(horizon, t->deadline - m.clock);
  ImGuiListClipper clip;
  clip.Begin(int(sorted.size()), row + kRowGap);
  float left_w = 64;
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; i++) {
      const TimerView& t = *sorted[size_t(i)];
      ImVec2 p = ImGui::GetCursorScreenPos();
      double left = t.deadline - m.clock;
      // Past its deadline and still in the heap: the loop was busy (or blocked) and is late.
      // (Under a millisecond is the cost of the code that ran meanwhile: "due", not late.)
      bool late = left < -1e-3;
      char when[32], in[40];
      format_seconds(late ? -left : std::max(0.0, left), when, sizeof when);
      if (left <= 0 && !late) std::snprintf(in, sizeof in, "%s", tr("due now"));
      else std::snprintf(in, sizeof in, late ? "late %s" : "in %s", when);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      float frac = horizon > 0 ? float(std::max(0.0, left) / horizon) : 0;
      dl->AddRectFilled(ImVec2(p.x, p.y + row - 3), ImVec2(p.x + (left_w - 6) * frac, p.y + row - 1), with_alpha(palette::kYellow, 0.7f), 1);
      draw_text_fit(dl, v.fonts.small, ImVec2(p.x, p.y + (row - font_px(v.fonts.small)) / 2 - 1),
                    late ? palette::kRed : palette::kYellow, in, left_w - 4);
      std::string label = t.label.empty() ? "timer" : t.label;
      char at[40];
      std::snprintf(at, sizeof at, "at %.3f s%s%s", t.deadline, t.task ? " \xc2\xb7 " : "", "");
      std::string detail = at;
      if (t.task) detail += std::string(task_name(m, t.task));
      draw_moving_chip(v, motion_key(MotionKind::Handle, t.id), ImVec2(p.x + left_w, p.y), nullptr, scrolled,
                       ImVec2(w - left_w, row), t.task ? task_color(t.task) : palette::kCyan, label,
                       t.cancelled ? std::string("cancelled") : detail, t.cancelled);
      ImGui::Dummy(ImVec2(w, row + kRowGap - ImGui::GetStyle().ItemSpacing.y));
    }
  }
  ImGui::EndChild();
}

}  // namespace looplab::viz
