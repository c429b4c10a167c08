// The event loop itself: one iteration of CPython's BaseEventLoop._run_once as three stations
// (poll -> due timers to ready -> run the ready handles, and round again), the current phase lit,
// the iteration count and the virtual clock. A loop blocked by time.sleep or by a step that
// never awaits stalls visibly: the stations go grey and a red band names the blocking line.
#include <cmath>
#include <cstdio>
#include <string>

#include "i18n.h"
#include "view.h"

namespace looplab::viz {
namespace {

struct Station {
  LoopPhase phase;
  const char* name;
  const char* short_name;  // when the stations are narrow (a phone)
  ImU32 color;
};
// In _run_once's order: select (poll), then timers, then the ready handles.
constexpr Station kStations[3] = {
    {LoopPhase::Select, "1  wait / poll", "1  poll", palette::kPurple},
    {LoopPhase::Timers, "2  due timers \xe2\x86\x92 ready", "2  timers", palette::kYellow},
    {LoopPhase::RunReady, "3  run ready handles", "3  run ready", palette::kGreen},
};

// A step that has run this long without awaiting is "blocking" (asyncio's slow_callback_duration).
constexpr double kSlowStep = 0.1;

std::string station_detail(const Model& m, int i) {
  char buf[160];
  switch (i) {
    case 0:
      if (!m.ready.empty()) return tr("handles ready: polls without waiting");
      if (!m.timers.empty()) return tr("sleeps until the next timer");
      return tr("waits for I/O");
    case 1:
      std::snprintf(buf, sizeof buf, tr(m.timers.size() == 1 ? "%zu timer in the heap" : "%zu timers in the heap"), m.timers.size());
      return buf;
    default:
      if (m.running_task) {
        const TaskView* t = m.task(m.running_task);
        std::snprintf(buf, sizeof buf, "running %s \xc2\xb7 line %d", std::string(task_name(m, m.running_task)).c_str(),
                      t ? t->line : 0);
        return buf;
      }
      std::snprintf(buf, sizeof buf, tr(m.ready.size() == 1 ? "%zu handle ready" : "%zu handles ready"), m.ready.size());
      return buf;
  }
}

// Why the loop stands still, in words, or "" when it does not.
std::string stall_words(const ViewContext& v) {
  const Model& m = v.model;
  char buf[256], secs[32];
  if (m.blocked) {
    // The model says that the loop is blocked; the Blocked record itself says by what.
    Event blocked;  // a copy: the log hands out records by value
    const Event* why = nullptr;
    for (size_t i = m.events, k = 0; v.log && i > 0 && k < 256; i--, k++)
      if ((blocked = (*v.log)[i - 1]).kind == EventKind::Blocked) {
        why = &blocked;
        break;
      }
    bool sleep = why && BlockReason(why->c) == BlockReason::TimeSleep;
    format_seconds(why ? why->f : m.blocked_until - m.clock, secs, sizeof secs);
    std::snprintf(buf, sizeof buf, "LOOP BLOCKED  %s%s), line %d in %s: nothing else can run",
                  sleep ? "time.sleep(" : "a synchronous call (", secs, m.blocked_line,
                  m.blocked_task ? std::string(task_name(m, m.blocked_task)).c_str() : "module code");
    return buf;
  }
  // A deadlock: nothing ready, no timer, and the loop said every task waits on another.
  if (!m.warnings.empty() && m.warnings.back().kind == WarningKind::Deadlock && m.ready.empty() && m.timers.empty()) {
    const std::string& msg = m.warnings.back().message;
    size_t at = msg.find("cycle: ");
    std::string cycle = at == std::string::npos ? "" : msg.substr(at + 7, msg.find('\n', at) - at - 7);
    std::snprintf(buf, sizeof buf, "DEADLOCK  %s%s nothing can ever run again", cycle.c_str(),
                  cycle.empty() ? "every task waits on another:" : " wait on each other:");
    return buf;
  }
  if (const TaskView* t = m.task(m.running_task)) {
    double ran = m.clock - t->since;
    if (t->state == TaskState::Running && ran > kSlowStep) {
      format_seconds(ran, secs, sizeof secs);
      std::snprintf(buf, sizeof buf, "LOOP STALLED  %s ran %s without an await, line %d: nothing else runs",
                    t->name.c_str(), secs, t->line);
      return buf;
    }
  }
  return "";
}

void draw_arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
  dl->AddLine(a, ImVec2(b.x - 6, b.y), col, 1.5f);
  dl->AddTriangleFilled(b, ImVec2(b.x - 7, b.y - 4), ImVec2(b.x - 7, b.y + 4), col);
}

}  // namespace

void draw_loop_panel(ViewContext& v, float height) {
  const Model& m = v.model;
  std::string stall = stall_words(v);
  bool stalled = !stall.empty();
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(stalled ? palette::kRed : palette::kPanelEdge));
  bool open = begin_panel("loop", ImVec2(0, height));
  ImGui::PopStyleColor();
  if (!open) {
    end_panel();
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  const Fonts& f = v.fonts;
  float body = font_px(f.body), small = font_px(f.small), title = font_px(f.title);

  // Header: what it is, the iteration and the virtual clock, on one line.
  char clock[48], iter[48];
  std::snprintf(clock, sizeof clock, "t = %.3f s", m.clock);
  std::snprintf(iter, sizeof iter, tr("iteration %llu"), (unsigned long long)m.iteration);
  dl->AddText(f.body, body, o, palette::kText, tr("Event loop"));
  float hx = o.x + f.body->CalcTextSizeA(body, 1e9f, 0, tr("Event loop")).x + 10;
  bool deadlock = stall.rfind("DEADLOCK", 0) == 0;
  const char* state = tr(deadlock ? "deadlocked" : m.loop_running ? (stalled ? "stalled" : "running") : (m.events ? "not running" : "not started"));
  dl->AddText(f.small, small, ImVec2(hx, o.y + (body - small) / 2 + 1), stalled ? palette::kRed : palette::kTextDim, state);
  ImVec2 cs = f.title->CalcTextSizeA(title, 1e9f, 0, clock);
  float cx = o.x + w - cs.x;
  dl->AddText(f.title, title, ImVec2(cx, o.y - 3), stalled ? palette::kRed : palette::kText, clock);
  ImVec2 is = f.small->CalcTextSizeA(small, 1e9f, 0, iter);
  dl->AddText(f.small, small, ImVec2(cx - is.x - 12, o.y + (body - small) / 2 + 1), palette::kTextDim, iter);

  // The stations, left to right, with the way back drawn underneath.
  float top = o.y + title + 2;
  float gap = 22;
  float sw = (w - 2 * gap) / 3;
  float sh = body + small + 16;
  bool lit_any = m.loop_running && !stalled;
  float pulse = 0.75f + 0.25f * float(std::sin(v.now * 5.0));
  ImVec2 lo[3], hi[3];
  for (int i = 0; i < 3; i++) {
    const Station& s = kStations[i];
    lo[i] = ImVec2(o.x + i * (sw + gap), top);
    hi[i] = ImVec2(lo[i].x + sw, top + sh);
    bool lit = lit_any && m.phase == s.phase;
    ImU32 base = stalled ? palette::kTextDim : s.color;
    ImU32 fill = v.motion.color(motion_key(MotionKind::Station, uint64_t(i) * 2),
                                lit ? with_alpha(base, 0.28f * pulse) : with_alpha(base, 0.06f));
    ImU32 edge = v.motion.color(motion_key(MotionKind::Station, uint64_t(i) * 2 + 1),
                                lit ? base : with_alpha(base, stalled ? 0.35f : 0.5f));
    dl->AddRectFilled(lo[i], hi[i], fill, 7);
    dl->AddRect(lo[i], hi[i], edge, 7, 0, lit ? 2.5f : 1.2f);
    const char* name = tr(s.name);
    bool roomy = f.body->CalcTextSizeA(body, 1e9f, 0, name).x <= sw - 14;
    draw_text_fit(dl, f.body, ImVec2(lo[i].x + 9, top + 6), stalled ? palette::kTextDim : s.color,
                  roomy ? name : tr(s.short_name), sw - 14);
    std::string detail = station_detail(m, i);
    draw_text_fit(dl, f.small, ImVec2(lo[i].x + 9, top + 8 + body), lit ? palette::kText : palette::kTextDim, detail, sw - 14);
    // Handles taken off the ready queue fly into "run ready handles".
    if (s.phase == LoopPhase::RunReady) v.motion.anchor(motion_key(MotionKind::Station, 100), ImVec2(lo[i].x + 8, top + 4));
    if (i < 2) draw_arrow(dl, ImVec2(hi[i].x + 3, top + sh / 2), ImVec2(hi[i].x + gap - 3, top + sh / 2), palette::kTextDim);
  }
  // Back to the start: the next iteration.
  float back_y = top + sh + 8;
  ImU32 back = with_alpha(palette::kTextDim, 0.7f);
  float x0 = lo[0].x + sw / 2, x2 = lo[2].x + sw / 2;
  dl->AddLine(ImVec2(x2, top + sh), ImVec2(x2, back_y), back, 1.5f);
  dl->AddLine(ImVec2(x2, back_y), ImVec2(x0, back_y), back, 1.5f);
  dl->AddLine(ImVec2(x0, back_y), ImVec2(x0, top + sh + 3), back, 1.5f);
  dl->AddTriangleFilled(ImVec2(x0, top + sh + 1), ImVec2(x0 - 4, top + sh + 8), ImVec2(x0 + 4, top + sh + 8), back);
  const char* again = tr("next iteration");
  ImVec2 as = f.small->CalcTextSizeA(small, 1e9f, 0, again);
  float ax = (x0 + x2) / 2 - as.x / 2;
  dl->AddRectFilled(ImVec2(ax - 4, back_y - small / 2), ImVec2(ax + as.x + 4, back_y + small / 2), palette::kPanel);
  dl->AddText(f.small, small, ImVec2(ax, back_y - small / 2), palette::kTextDim, again);

  // Stalled: the stations are struck through with red hatching (nothing moves through them) and
  // a red band over the way back names the line that holds the loop.
  if (stalled) {
    dl->PushClipRect(ImVec2(o.x, top), ImVec2(o.x + w, top + sh), true);
    ImU32 hatch = with_alpha(palette::kRed, 0.22f);
    for (float x = o.x - sh; x < o.x + w; x += 14) dl->AddLine(ImVec2(x, top + sh), ImVec2(x + sh, top), hatch, 3.0f);
    dl->PopClipRect();
    ImVec2 b0(o.x, back_y - small / 2 - 4), b1(o.x + w, back_y + small / 2 + 4);
    dl->AddRectFilled(b0, b1, palette::kRed, 4);
    draw_text_fit(dl, f.small, ImVec2(b0.x + 8, b0.y + 4), palette::kBackground, stall, w - 16);
  }
  ImGui::Dummy(ImVec2(w, back_y + small / 2 + 4 - o.y));
  end_panel();
}

}  // namespace looplab::viz
