#include "panel_io.h"

#include <cstdio>

namespace looplab::viz {
namespace {

ImU32 io_color(const IoView& v) {
  if (v.state == "pending" || v.state == "connecting") return palette::kYellow;
  if (v.state == "open") return palette::kBlue;
  if (v.state == "done") return v.status >= 400 ? palette::kOrange : palette::kGreen;
  if (v.state == "closed") return palette::kTextDim;
  return palette::kRed;  // failed, timeout, aborted
}

void bytes_text(uint64_t n, char (&buf)[32]) {
  if (n < 10'000) std::snprintf(buf, sizeof buf, "%llu B", (unsigned long long)n);
  else if (n < 10'000'000) std::snprintf(buf, sizeof buf, "%.1f kB", double(n) / 1e3);
  else std::snprintf(buf, sizeof buf, "%.1f MB", double(n) / 1e6);
}

}  // namespace

void draw_io_panel(ViewContext& v) {
  const Model& m = v.model;
  size_t in_flight = 0;
  for (const IoView& r : m.io) in_flight += r.in_flight() ? 1 : 0;
  char note[48];
  std::snprintf(note, sizeof note, "%zu in flight", in_flight);
  panel_heading(v, "Requests and sockets", note);
  ImGui::PushFont(v.fonts.small);
  if (m.io.empty()) {
    ImGui::TextColored(ImColor(palette::kTextDim), "none yet (httpx and websockets go through the browser)");
    ImGui::PopFont();
    return;
  }
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  if (ImGui::BeginTable("io", 6, flags)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 44);
    ImGui::TableSetupColumn("url", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed, 72);
    ImGui::TableSetupColumn("waiting", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, 56);
    ImGui::TableSetupColumn("bytes", ImGuiTableColumnFlags_WidthFixed, 60);
    // Newest first: what is in flight now is what a learner looks for.
    ImGuiListClipper clipper;
    clipper.Begin(int(m.io.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; row++) {
        const IoView& r = m.io[m.io.size() - 1 - size_t(row)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImColor(palette::kPurple), "%s", r.method.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.url.c_str());
        ImGui::TableNextColumn();
        if (r.state == "done" || (r.state == "closed" && r.status))
          ImGui::TextColored(ImColor(io_color(r)), "%s %u", r.state.c_str(), r.status);
        else
          ImGui::TextColored(ImColor(io_color(r)), "%s", r.state.c_str());
        ImGui::TableNextColumn();
        const TaskView* t = m.task(r.task);
        if (t) ImGui::TextColored(ImColor(task_color(t->id)), "%s%s%s", t->name.c_str(), r.waiting.empty() ? "" : " ", r.waiting.c_str());
        else ImGui::TextColored(ImColor(palette::kTextDim), "-");
        ImGui::TableNextColumn();
        double elapsed = (r.in_flight() ? m.clock : r.finished) - r.started;
        ImGui::Text("%.2f s", elapsed);
        ImGui::TableNextColumn();
        char b[32];
        bytes_text(r.bytes, b);
        ImGui::TextUnformatted(b);
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
}

}  // namespace looplab::viz
