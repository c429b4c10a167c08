// Tasks as cards, in creation order: name, coroutine, state (ready, running, waiting - on
// what -, done, cancelled, failed), the await chain (main -> gather -> fetch -> sleep) and the
// current line. Each task keeps its colour everywhere; state colours fade when they change.
#include <algorithm>
#include <cstdio>
#include <vector>
#include <string>

#include "i18n.h"
#include "view.h"

namespace looplab::viz {
namespace {

constexpr float kCardMinWidth = 200;
constexpr float kGap = 6;

// "main > gather > sleep" as the fold records it, drawn with arrows.
std::string chain_words(const std::string& chain) {
  std::string out;
  out.reserve(chain.size() + 8);
  for (size_t i = 0; i < chain.size(); i++) {
    if (chain.compare(i, 3, " > ") == 0) {
      out += " \xe2\x86\x92 ";
      i += 2;
    } else {
      out += chain[i];
    }
  }
  return out;
}

std::string state_words(const Model& m, const TaskView& t) {
  switch (t.state) {
    case TaskState::Created: return tr("created, first step not queued yet");
    case TaskState::Ready: return tr("ready: its next step is in the queue");
    case TaskState::Running:
      if (m.blocked && m.blocked_task == t.id) return "blocks the whole loop at line " + std::to_string(m.blocked_line);
      if (m.clock - t.since > 0.1) {
        char secs[32];
        format_seconds(m.clock - t.since, secs, sizeof secs);
        return std::string("no await for ") + secs + ": blocks the loop";
      }
      return tr("running now");
    case TaskState::Waiting:
      if (t.awaiting_task) return "waits for " + std::string(task_name(m, t.awaiting_task));
      // A lock's or queue's waiter awaits an unnamed future: name the primitive instead.
      for (const auto& [id, s] : m.syncs)
        for (uint32_t w : s.waiters)
          if (w == t.id) {
            static const char* const kinds[] = {"Lock", "Event", "Condition", "Semaphore", "Queue"};
            std::string what = "waits on " + (s.label.empty() ? std::string(kinds[size_t(s.kind) % 5]) : s.label);
            if (s.owner) what += " (held by " + std::string(task_name(m, s.owner)) + ")";
            return what;
          }
      return t.awaiting.empty() ? "waits" : "waits on " + t.awaiting;
    case TaskState::Done: return tr("done: returned");
    case TaskState::Cancelled: return tr("cancelled");
    case TaskState::Failed: return "failed: " + (t.exception.empty() ? std::string("an exception") : t.exception);
  }
  return "";
}

void draw_card(ViewContext& v, const TaskView& t, ImVec2 p, ImVec2 size, bool warned, bool selected) {
  const Model& m = v.model;
  const Fonts& f = v.fonts;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float body = font_px(f.body), small = font_px(f.small);
  bool over = task_finished(t.state);
  ImU32 accent = task_color(t.id);
  ImU32 state = v.motion.color(motion_key(MotionKind::TaskColor, t.id), task_state_color(t.state));
  ImVec2 end(p.x + size.x, p.y + size.y);
  bool running = t.state == TaskState::Running;
  // The task holding the loop (time.sleep, or a step that has run long) is marked red.
  bool blocking = running && ((m.blocked && m.blocked_task == t.id) || m.clock - t.since > 0.1);
  if (blocking) state = palette::kRed;
  dl->AddRectFilled(p, end, over ? palette::kPanel : palette::kCard, 6);
  dl->AddRect(p, end, running ? state : selected ? accent : with_alpha(accent, over ? 0.25f : 0.45f), 6, 0,
              running || selected ? 2.0f : 1.0f);
  dl->AddRectFilled(p, ImVec2(p.x + 5, end.y), with_alpha(accent, over ? 0.45f : 1.0f), 6, ImDrawFlags_RoundCornersLeft);

  float x = p.x + 12, right = end.x - 8, y = p.y + 6;
  // State badge on the right of the first line.
  const char* sname = tr(task_state_name(t.state));
  ImVec2 ss = f.small->CalcTextSizeA(small, 1e9f, 0, sname);
  ImVec2 b0(right - ss.x - 12, y + 1), b1(right, y + small + 5);
  dl->AddRectFilled(b0, b1, with_alpha(state, 0.22f), 8);
  dl->AddRect(b0, b1, state, 8);
  dl->AddText(f.small, small, ImVec2(b0.x + 6, b0.y + 2), state, sname);
  float name_room = b0.x - x - 6;
  if (warned) {
    dl->AddCircleFilled(ImVec2(b0.x - 10, y + body / 2), 7, palette::kRed);
    dl->AddText(f.small, small, ImVec2(b0.x - 12, y + (body - small) / 2), palette::kBackground, "!");
    name_room -= 18;
  }
  draw_text_fit(dl, f.body, ImVec2(x, y), over ? with_alpha(accent, 0.7f) : accent, t.name, name_room);
  y += body + 4;
  // The await chain starts at the task's coroutine, so it stands in for the coroutine's name
  // while there is one ("main -> gather -> fetch -> sleep").
  char line[24] = "";
  if (t.line) std::snprintf(line, sizeof line, "line %d", t.line);
  float lw = f.small->CalcTextSizeA(small, 1e9f, 0, line).x;
  bool chain = !t.chain.empty() && !over;
  draw_text_fit(dl, f.small, ImVec2(x, y), over ? palette::kTextDim : palette::kText, chain ? chain_words(t.chain) : t.coro,
                right - x - lw - 8);
  dl->AddText(f.small, small, ImVec2(right - lw, y), running ? palette::kGreen : palette::kTextDim, line);
  y += small + 3;
  draw_text_fit(dl, f.small, ImVec2(x, y), over ? palette::kTextDim : state, state_words(m, t), right - x);
}

}  // namespace

void draw_tasks_panel(ViewContext& v) {
  const Model& m = v.model;
  size_t count[7] = {};
  size_t total = 0;
  for (const TaskView& t : m.tasks)
    if (t.id) {
      count[size_t(t.state)]++;
      total++;
    }
  char note[160];
  std::snprintf(note, sizeof note, tr("%zu \xc2\xb7 %zu running, %zu ready, %zu waiting, %zu finished"), total,
                count[size_t(TaskState::Running)], count[size_t(TaskState::Ready)], count[size_t(TaskState::Waiting)],
                count[size_t(TaskState::Done)] + count[size_t(TaskState::Cancelled)] + count[size_t(TaskState::Failed)]);
  panel_heading(v, "Tasks", note);
  // Anchors are rebuilt here every frame; the ready queue (drawn earlier) read last frame's.
  v.task_anchors.clear();
  if (!ImGui::BeginChild("task-cards", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  if (total == 0) {
    ImGui::PushFont(v.fonts.small);
    ImGui::TextColored(ImColor(palette::kTextDim), "%s", tr("no tasks yet: asyncio.run(main()) makes the first"));
    ImGui::PopFont();
  }
  // Which tasks have a diagnostic (a red mark on their card).
  static std::vector<uint8_t> warned;
  warned.assign(m.tasks.size() + 1, 0);
  for (const WarningView& w : m.warnings) {
    if (w.task && w.task <= m.tasks.size()) warned[w.task] = 1;
    // A deadlock names its wait-for cycle ("cycle: Task-2 -> Task-3 -> Task-2"): mark each task.
    size_t at = w.kind == WarningKind::Deadlock ? w.message.find("cycle: ") : std::string::npos;
    if (at == std::string::npos) continue;
    std::string cycle = w.message.substr(at + 7, w.message.find('\n', at) - at - 7) + " -> ";
    for (size_t b = 0, e; (e = cycle.find(" -> ", b)) != std::string::npos; b = e + 4)
      for (const TaskView& t : m.tasks)
        if (t.id && t.name == cycle.substr(b, e - b)) warned[t.id] = 1;
  }

  float w = ImGui::GetContentRegionAvail().x;
  int cols = std::max(1, int((w + kGap) / (kCardMinWidth + kGap)));
  float cw = (w - kGap * float(cols - 1)) / float(cols);
  float ch = font_px(v.fonts.body) + 2 * font_px(v.fonts.small) + 19;
  int rows = int((m.tasks.size() + size_t(cols) - 1) / size_t(cols));
  ImGuiListClipper clip;
  clip.Begin(rows, ch + kGap);
  while (clip.Step()) {
    for (int r = clip.DisplayStart; r < clip.DisplayEnd; r++) {
      ImVec2 p = ImGui::GetCursorScreenPos();
      for (int c = 0; c < cols; c++) {
        size_t i = size_t(r) * size_t(cols) + size_t(c);
        if (i >= m.tasks.size()) break;
        const TaskView& t = m.tasks[i];
        if (!t.id) continue;
        ImVec2 at(p.x + float(c) * (cw + kGap), p.y);
        bool selected = v.act.selected_task == t.id;
        draw_card(v, t, at, ImVec2(cw, ch), warned[t.id], selected);
        v.task_anchors[t.id] = ImVec2(at.x + 8, at.y + 4);
        // A click picks the task whose lines "line" steps follow (again: back to module code).
        if (v.act.select_task) {
          ImGui::SetCursorScreenPos(at);
          ImGui::PushID(int(t.id));
          if (ImGui::InvisibleButton("card", ImVec2(cw, ch))) v.act.select_task(selected ? 0 : t.id);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip(selected ? "line steps follow %s (click: module code)" : "click: line steps follow %s", t.name.c_str());
          ImGui::PopID();
        }
      }
      ImGui::SetCursorScreenPos(p);
      ImGui::Dummy(ImVec2(w, ch + kGap - ImGui::GetStyle().ItemSpacing.y));
    }
  }
  ImGui::EndChild();
}

}  // namespace looplab::viz
