// Diagnostics the loop noticed (the model's warnings), in plain words and where they happened:
// the list says when and in which task, a click moves the playhead there, and the task's card
// and timeline lane carry a red mark.
#include <cstdio>
#include <string>

#include "view.h"

namespace looplab::viz {

const char* warning_title(WarningKind k) {
  switch (k) {
    case WarningKind::NeverAwaited: return "A coroutine was never awaited";
    case WarningKind::TaskDestroyedPending: return "A task was dropped while still pending";
    case WarningKind::ExceptionNeverRetrieved: return "An exception was never retrieved";
    case WarningKind::SlowCallback: return "A step blocked the loop";
    case WarningKind::Deadlock: return "Deadlock: every task waits on another";
    case WarningKind::PendingAtShutdown: return "Tasks were still pending at shutdown";
    case WarningKind::CallbackError: return "A callback raised an exception";
  }
  return "Warning";
}

const char* warning_advice(WarningKind k) {
  switch (k) {
    case WarningKind::NeverAwaited: return "Calling a coroutine function only makes a coroutine object; await it or wrap it in create_task.";
    case WarningKind::TaskDestroyedPending: return "Keep a reference to tasks you create (or await them) so they can finish.";
    case WarningKind::ExceptionNeverRetrieved: return "A task failed and nobody awaited it: await the task or check task.exception().";
    case WarningKind::SlowCallback: return "While a step runs without awaiting, nothing else runs. Use await asyncio.sleep or asyncio.to_thread.";
    case WarningKind::Deadlock: return "Nothing is ready and nothing can make anything ready: each task in the cycle waits for the next, for ever.";
    case WarningKind::PendingAtShutdown: return "asyncio.run cancels what is left when main() returns.";
    case WarningKind::CallbackError: return "The loop logs the error and carries on.";
  }
  return "";
}

void draw_warnings_panel(ViewContext& v) {
  const Model& m = v.model;
  char note[48];
  std::snprintf(note, sizeof note, "%zu so far", m.warnings.size());
  panel_heading(v, "Diagnostics", note);
  if (!ImGui::BeginChild("warning-list", ImVec2(0, 0), false)) {
    ImGui::EndChild();
    return;
  }
  ImGui::PushFont(v.fonts.small);
  if (m.warnings.empty()) ImGui::TextColored(ImColor(palette::kTextDim), "none: no blocking, deadlock or forgotten awaits");
  float wrap = ImGui::GetContentRegionAvail().x;
  // Newest first; a long run can have many, so only the latest are listed.
  size_t shown = 0;
  for (size_t k = m.warnings.size(); k > 0 && shown < 40; k--, shown++) {
    const WarningView& w = m.warnings[k - 1];
    ImGui::PushID(int(k));
    ImU32 col = w.kind == WarningKind::Deadlock || w.kind == WarningKind::SlowCallback ? palette::kRed : palette::kOrange;
    ImGui::PushFont(v.fonts.body);
    ImGui::TextColored(ImColor(col), "%s", warning_title(w.kind));
    ImGui::PopFont();
    char where[96];
    std::snprintf(where, sizeof where, "t = %.3f s%s%s", w.t, w.task ? " \xc2\xb7 " : "", "");
    std::string at = where;
    if (w.task) at += std::string(task_name(m, w.task));
    ImGui::TextColored(ImColor(w.task ? task_color(w.task) : palette::kTextDim), "%s", at.c_str());
    if (v.act.seek) {
      ImGui::SameLine();
      if (ImGui::SmallButton("go there")) v.act.seek(w.event + 1);
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(w.message.c_str());
    ImGui::TextColored(ImColor(palette::kTextDim), "%s", warning_advice(w.kind));
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace looplab::viz
