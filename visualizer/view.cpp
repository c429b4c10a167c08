#include "view.h"

#include "i18n.h"

#include <cstdio>
#include <string>

namespace looplab::viz {

ImU32 task_state_color(TaskState s) {
  switch (s) {
    case TaskState::Created: return palette::kTextDim;
    case TaskState::Ready: return palette::kYellow;
    case TaskState::Running: return palette::kGreen;
    case TaskState::Waiting: return palette::kBlue;
    case TaskState::Done: return IM_COL32(0x6f, 0x7d, 0x6a, 0xff);
    case TaskState::Cancelled: return palette::kOrange;
    case TaskState::Failed: return palette::kRed;
  }
  return palette::kTextDim;
}

bool task_finished(TaskState s) {
  return s == TaskState::Done || s == TaskState::Cancelled || s == TaskState::Failed;
}

std::string_view task_name(const Model& m, uint32_t id) {
  const TaskView* t = m.task(id);
  if (t && !t->name.empty() && t->name != "Task-?") return t->name;
  static char buf[24];  // the UI is single-threaded (no thread_local: wasm TLS needs atomics)
  std::snprintf(buf, sizeof buf, "task %u", id);
  return buf;
}

std::string handle_words(const Model& m, const HandleView& h) {
  std::string name(task_name(m, h.task));
  switch (h.kind) {
    case HandleKind::TaskStep: return name + " step";
    case HandleKind::TaskWakeup: return "wake " + name;
    case HandleKind::SetResult: return h.label.empty() ? "set result" : h.label;
    case HandleKind::ThreadDone: return "thread done";
    case HandleKind::IoDone: return "I/O done";
    case HandleKind::Callback: break;
  }
  if (h.label.empty()) return "callback";
  // "gather.<locals>._done_callback" reads better as "gather._done_callback".
  std::string label = h.label;
  for (size_t at; (at = label.find(".<locals>")) != std::string::npos;) label.erase(at, 9);
  return label;
}

void format_seconds(double s, char* buf, size_t n) {
  double a = s < 0 ? -s : s;
  if (a == 0) std::snprintf(buf, n, "0 s");
  else if (a >= 99.5) std::snprintf(buf, n, "%.0f s", s);
  // Thresholds just under each unit, so 0.9999 s reads "1.00 s", not "1e+03 ms".
  else if (a >= 0.9995) std::snprintf(buf, n, "%.2f s", s);
  else if (a >= 0.9995e-3) std::snprintf(buf, n, "%.3g ms", s * 1e3);
  else std::snprintf(buf, n, "%.3g \xc2\xb5s", s * 1e6);
}

float draw_text_fit(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 col, std::string_view text, float max_width) {
  if (text.empty() || max_width <= 0) return 0;
  float px = font_px(font);
  const char* b = text.data();
  const char* e = b + text.size();
  ImVec2 size = font->CalcTextSizeA(px, 1e9f, 0, b, e);
  if (size.x <= max_width) {
    dl->AddText(font, px, pos, col, b, e);
    return size.x;
  }
  // Cut at the last character that leaves room for the ellipsis.
  const char* ellipsis = "\xe2\x80\xa6";
  float ew = font->CalcTextSizeA(px, 1e9f, 0, ellipsis).x;
  const char* cut = b;
  font->CalcTextSizeA(px, max_width - ew, 0, b, e, &cut);
  while (cut > b && (static_cast<unsigned char>(*cut) & 0xc0) == 0x80) cut--;  // not inside a UTF-8 sequence
  float w = font->CalcTextSizeA(px, 1e9f, 0, b, cut).x;
  dl->AddText(font, px, pos, col, b, cut);
  dl->AddText(font, px, ImVec2(pos.x + w, pos.y), col, ellipsis);
  return w + ew;
}

void draw_chip(ImDrawList* dl, const Fonts& fonts, ImVec2 pos, ImVec2 size, ImU32 accent, std::string_view label,
               std::string_view detail, bool dim) {
  ImVec2 end(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(pos, end, dim ? palette::kPanel : palette::kCard, 5);
  dl->AddRect(pos, end, with_alpha(accent, dim ? 0.35f : 0.7f), 5);
  dl->AddRectFilled(pos, ImVec2(pos.x + 4, end.y), with_alpha(accent, dim ? 0.4f : 1.0f), 5, ImDrawFlags_RoundCornersLeft);
  float px = font_px(fonts.body);
  float y = pos.y + (size.y - px) / 2;
  float room = size.x - 14;
  float w = draw_text_fit(dl, fonts.body, ImVec2(pos.x + 10, y), dim ? palette::kTextDim : palette::kText, label, room);
  if (!detail.empty() && room - w > 30)
    draw_text_fit(dl, fonts.small, ImVec2(pos.x + 10 + w + 6, y + (px - font_px(fonts.small)) / 2 + 1),
                  palette::kTextDim, detail, room - w - 6);
}

void panel_heading(const ViewContext& v, const char* title, const char* note) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  float body = font_px(v.fonts.body), small = font_px(v.fonts.small);
  float x = p.x;
  if (!v.in_tab) x += draw_text_fit(dl, v.fonts.body, p, palette::kText, tr(title), w) + 8;
  if (note && *note) draw_text_fit(dl, v.fonts.small, ImVec2(x, p.y + (body - small) / 2 + 1), palette::kTextDim, note, p.x + w - x);
  ImGui::Dummy(ImVec2(w, body + 2));
}

bool begin_panel(const char* id, ImVec2 size) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
  bool open = ImGui::BeginChild(id, size, true);
  ImGui::PopStyleVar();
  return open;
}

void end_panel() { ImGui::EndChild(); }

bool panel_scrolled() {
  static std::unordered_map<ImGuiID, float> last;
  ImGuiID id = ImGui::GetID("##scroll");
  float y = ImGui::GetScrollY();
  auto [it, fresh] = last.try_emplace(id, y);
  bool moved = !fresh && it->second != y;
  it->second = y;
  return moved;
}

}  // namespace looplab::viz
