// What tasks wait on besides timers: plain futures (state, who waits, other callbacks), the
// synchronisation primitives (lock owner, semaphore value, event flag, queue size) with their
// waiters in order, and the executor's worker threads with what each runs.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "view.h"

namespace looplab::viz {
namespace {

constexpr size_t kMaxTags = 24;  // waiters drawn per row before "+N more": caps drawing work

// Task names as small coloured pills, in order, wrapping to the panel's width.
void task_tags(ViewContext& v, const std::vector<uint32_t>& tasks, const char* empty) {
  const Fonts& f = v.fonts;
  float small = font_px(f.small);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 start = ImGui::GetCursorScreenPos();
  float x = start.x, y = start.y, right = start.x + ImGui::GetContentRegionAvail().x;
  if (tasks.empty()) {
    dl->AddText(f.small, small, start, palette::kTextDim, empty);
    ImGui::Dummy(ImVec2(1, small + 2));
    return;
  }
  for (size_t i = 0; i < tasks.size(); i++) {
    char more[24];
    std::string name = i < kMaxTags ? std::string(task_name(v.model, tasks[i])) : std::string();
    if (i >= kMaxTags) std::snprintf(more, sizeof more, "+%zu more", tasks.size() - i);
    const char* text = i < kMaxTags ? name.c_str() : more;
    float tw = f.small->CalcTextSizeA(small, 1e9f, 0, text).x + 12;
    if (x + tw > right && x > start.x) {
      x = start.x;
      y += small + 8;
    }
    ImU32 c = i < kMaxTags ? task_color(tasks[i]) : palette::kTextDim;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + tw, y + small + 5), with_alpha(c, 0.18f), 8);
    dl->AddRect(ImVec2(x, y), ImVec2(x + tw, y + small + 5), with_alpha(c, 0.8f), 8);
    dl->AddText(f.small, small, ImVec2(x + 6, y + 2), c, text);
    x += tw + 4;
    if (i >= kMaxTags) break;
  }
  ImGui::Dummy(ImVec2(right - start.x, y - start.y + small + 6));
}

// to_thread's job label wraps the function in functools.partial(Context.run, ...): name the
// function the program passed ("sum(...)"), which is what the learner wrote.
std::string job_words(const std::string& label) {
  size_t at = label.rfind("function ");
  if (at == std::string::npos) return label;
  size_t b = at + 9, e = b;
  while (e < label.size() && label[e] != ' ' && label[e] != '>') e++;
  return label.substr(b, e - b) + "(...)";
}

const char* sync_kind_words(SyncKind k) {
  switch (k) {
    case SyncKind::Lock: return "Lock";
    case SyncKind::Event: return "Event";
    case SyncKind::Condition: return "Condition";
    case SyncKind::Semaphore: return "Semaphore";
    case SyncKind::Queue: return "Queue";
  }
  return "?";
}

void sync_row(ViewContext& v, const SyncView& s) {
  const Model& m = v.model;
  char what[160];
  switch (s.kind) {
    case SyncKind::Lock:
      if (s.owner) std::snprintf(what, sizeof what, "held by %s", std::string(task_name(m, s.owner)).c_str());
      else std::snprintf(what, sizeof what, "free");
      break;
    case SyncKind::Semaphore: std::snprintf(what, sizeof what, "value %g (free slots)", s.value); break;
    case SyncKind::Event: std::snprintf(what, sizeof what, s.value != 0 ? "set" : "not set"); break;
    case SyncKind::Queue: std::snprintf(what, sizeof what, "%g item%s", s.value, s.value == 1 ? "" : "s"); break;
    case SyncKind::Condition:
      if (s.owner) std::snprintf(what, sizeof what, "lock held by %s", std::string(task_name(m, s.owner)).c_str());
      else std::snprintf(what, sizeof what, "lock free");
      break;
  }
  ImGui::PushFont(v.fonts.body);
  ImGui::TextColored(ImColor(palette::kPurple), "%s", sync_kind_words(s.kind));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushFont(v.fonts.small);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
  if (!s.label.empty()) {
    ImGui::TextUnformatted(s.label.c_str());
    ImGui::SameLine();
  }
  ImU32 wc = (s.kind == SyncKind::Lock && s.owner) ? task_color(s.owner) : palette::kText;
  ImGui::TextColored(ImColor(wc), "%s", what);
  ImGui::SameLine();
  if (s.waiters.empty()) {
    ImGui::TextColored(ImColor(palette::kTextDim), "\xc2\xb7 no waiters");
    ImGui::PopFont();
    return;
  }
  ImGui::TextColored(ImColor(palette::kTextDim), "\xc2\xb7 waiters, first woken first:");
  ImGui::PopFont();
  task_tags(v, s.waiters, "");
}

}  // namespace

void draw_sync_panel(ViewContext& v) {
  const Model& m = v.model;
  // Plain futures (tasks' own futures are the task cards).
  size_t plain = 0;
  for (const auto& [id, fut] : m.futures) plain += fut.task ? 0 : 1;
  size_t busy = 0;
  for (const WorkerView& w : m.workers) busy += w.job ? 1 : 0;
  char note[96];
  std::snprintf(note, sizeof note, "%zu futures \xc2\xb7 %zu primitives \xc2\xb7 %zu/%zu workers busy", plain,
                m.syncs.size(), busy, m.workers.size());
  panel_heading(v, "Waiting on", note);
  if (!ImGui::BeginChild("sync-list", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  if (!plain && m.syncs.empty() && m.workers.empty()) {
    ImGui::PushFont(v.fonts.small);
    ImGui::TextColored(ImColor(palette::kTextDim), "no futures, locks, queues or worker threads yet");
    ImGui::PopFont();
  }
  // Worker threads, then primitives: their owners and waiters are what a learner looks for.
  for (const WorkerView& w : m.workers) {
    ImGui::PushFont(v.fonts.body);
    ImGui::TextColored(ImColor(palette::kOrange), "Worker %u", w.worker);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(v.fonts.small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
    if (w.job) {
      char left[32];
      format_seconds(std::max(0.0, w.done_at - m.clock), left, sizeof left);
      ImGui::Text("busy, done in %s (beside the loop)  \xc2\xb7  runs %s", left, job_words(w.label).c_str());
    } else {
      ImGui::TextColored(ImColor(palette::kTextDim), "idle");
    }
    ImGui::PopFont();
  }
  for (const auto& [id, s] : m.syncs) sync_row(v, s);
  size_t shown = 0;
  for (const auto& [id, fut] : m.futures) {
    if (fut.task) continue;
    if (++shown > 50) {
      ImGui::TextColored(ImColor(palette::kTextDim), "+%zu more futures", plain - 50);
      break;
    }
    ImGui::PushFont(v.fonts.body);
    ImGui::TextColored(ImColor(palette::kCyan), "Future");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(v.fonts.small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1);
    const char* st = fut.state == FutureState::Pending ? "pending" : fut.state == FutureState::Cancelled ? "cancelled" : "done";
    if (fut.callbacks)
      ImGui::Text("%s  %s  \xc2\xb7  %u other callback%s", fut.label.empty() ? "" : fut.label.c_str(), st, fut.callbacks,
                  fut.callbacks == 1 ? "" : "s");
    else
      ImGui::Text("%s  %s", fut.label.empty() ? "" : fut.label.c_str(), st);
    ImGui::SameLine();
    if (fut.waiters.empty()) {
      ImGui::TextColored(ImColor(palette::kTextDim), "\xc2\xb7 wakes no task");
      ImGui::PopFont();
      continue;
    }
    ImGui::TextColored(ImColor(palette::kTextDim), "\xc2\xb7 done, it wakes:");
    ImGui::PopFont();
    task_tags(v, fut.waiters, "");
  }
  ImGui::EndChild();
}

}  // namespace looplab::viz
