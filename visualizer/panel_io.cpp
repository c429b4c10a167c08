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

void draw_io_panel(const Model& m, const Fonts& fonts) {
  ImGui::PushFont(fonts.body);
  size_t in_flight = 0;
  for (const IoView& v : m.io) in_flight += v.in_flight() ? 1 : 0;
  ImGui::TextColored(ImColor(palette::kTextDim), "I/O  %zu in flight", in_flight);
  if (m.io.empty()) {
    ImGui::TextColored(ImColor(palette::kTextDim), "no requests yet");
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
        const IoView& v = m.io[m.io.size() - 1 - size_t(row)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImColor(palette::kPurple), "%s", v.method.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(v.url.c_str());
        ImGui::TableNextColumn();
        if (v.state == "done" || (v.state == "closed" && v.status))
          ImGui::TextColored(ImColor(io_color(v)), "%s %u", v.state.c_str(), v.status);
        else
          ImGui::TextColored(ImColor(io_color(v)), "%s", v.state.c_str());
        ImGui::TableNextColumn();
        const TaskView* t = m.task(v.task);
        if (t) ImGui::Text("%s%s%s", t->name.c_str(), v.waiting.empty() ? "" : " ", v.waiting.c_str());
        else ImGui::TextColored(ImColor(palette::kTextDim), "-");
        ImGui::TableNextColumn();
        double elapsed = (v.in_flight() ? m.clock : v.finished) - v.started;
        ImGui::Text("%.2f s", elapsed);
        ImGui::TableNextColumn();
        char b[32];
        bytes_text(v.bytes, b);
        ImGui::TextUnformatted(b);
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
}

}  // namespace looplab::viz
