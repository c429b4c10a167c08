#include "panels.h"

#include <string>

#include "i18n.h"

#include <algorithm>
#include <cstdio>

#include "panel_io.h"
#include "view.h"

namespace looplab::viz {
namespace {

// Widths at which the layout changes: three columns on a laptop, two on a tablet, one below.
constexpr float kWide = 1000;
constexpr float kMedium = 470;

float loop_panel_height(const Fonts& f) { return font_px(f.title) + font_px(f.body) + 2.0f * font_px(f.small) + 44; }

}  // namespace

void Visualizer::draw_side_panels(ViewContext& v, float height) {
  float gap = ImGui::GetStyle().ItemSpacing.y;
  // The I/O panel shrinks to its heading while a program makes no requests.
  float io_h = v.model.io.empty() ? font_px(v.fonts.body) + font_px(v.fonts.small) + 28 : (height - 2 * gap) * 0.22f;
  float sync_h = (height - 2 * gap - io_h) * 0.5f;
  if (begin_panel("sync", ImVec2(0, sync_h))) draw_sync_panel(v);
  end_panel();
  if (begin_panel("io", ImVec2(0, io_h))) draw_io_panel(v);
  end_panel();
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(v.model.warnings.empty() ? palette::kPanelEdge : palette::kRed));
  if (begin_panel("warnings", ImVec2(0, 0))) draw_warnings_panel(v);
  end_panel();
  ImGui::PopStyleColor();
}

// Narrow layouts: the timeline and the secondary panels share one area behind tabs.
void Visualizer::draw_tabs(ViewContext& v, float height) {
  if (!begin_panel("tabs", ImVec2(0, height))) {
    end_panel();
    return;
  }
  // A diagnostic not seen before in this run brings its tab forward (once, not on every seek).
  bool fresh_warning = v.model.warnings.size() > warnings_seen_;
  warnings_seen_ = std::max(warnings_seen_, v.model.warnings.size());
  v.in_tab = true;
  if (ImGui::BeginTabBar("more")) {
    if ((ImGui::BeginTabItem((std::string(tr("Timeline")) + "###timeline").c_str()))) {
      timeline_.draw(v, lanes_);
      ImGui::EndTabItem();
    }
    if ((ImGui::BeginTabItem((std::string(tr("Waiting on")) + "###waiting").c_str()))) {
      draw_sync_panel(v);
      ImGui::EndTabItem();
    }
    if ((ImGui::BeginTabItem((std::string(tr("I/O")) + "###io").c_str()))) {
      draw_io_panel(v);
      ImGui::EndTabItem();
    }
    char label[48];
    std::snprintf(label, sizeof label, "%s (%zu)###diag", tr("Diagnostics"), v.model.warnings.size());
    bool warn = !v.model.warnings.empty();
    if (warn) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::kRed));
    bool open = ImGui::BeginTabItem(label, nullptr, fresh_warning ? ImGuiTabItemFlags_SetSelected : 0);
    if (warn) ImGui::PopStyleColor();
    if (open) {
      draw_warnings_panel(v);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  v.in_tab = false;
  end_panel();
}

void Visualizer::draw(const Model& model, const EventLog* log, const Fonts& fonts, const ViewActions& actions, double now) {
  motion_.begin_frame(now);
  // Travelling backwards in time: things jump to where they were, they do not fly.
  if (log != last_log_ || model.events < last_playhead_) motion_.snap_next_frame();
  if (log != last_log_) warnings_seen_ = 0;
  last_log_ = log;
  last_playhead_ = model.events;
  lanes_.sync(log);

  ViewContext v{model, log, actions, fonts, motion_, now, task_anchors_};
  v.lanes = &lanes_;
  v.ready_trail = &ready_trail_;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  // Only the one-column layout scrolls; the others fit the window exactly.
  if (vp->WorkSize.x - 16 < kMedium) flags &= ~ImGuiWindowFlags_NoScrollbar;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
  bool open = ImGui::Begin("Looplab", nullptr, flags);
  ImGui::PopStyleVar();
  if (!open) {
    ImGui::End();
    return;
  }
  ImGui::PushFont(fonts.body);
  float w = ImGui::GetContentRegionAvail().x;
  float h = ImGui::GetContentRegionAvail().y;
  float gap = ImGui::GetStyle().ItemSpacing.y;
  float loop_h = loop_panel_height(fonts);
  draw_loop_panel(v, loop_h);

  float rest = h - loop_h - gap;
  if (w >= kMedium) {
    // Queues | tasks (| waiting-on, I/O, diagnostics), and the timeline (or tabs) below.
    bool wide = w >= kWide;
    // The timeline (or the tabs holding it) needs room for a few lanes even on a short canvas.
    float bottom_h = std::clamp(rest * (wide ? 0.34f : 0.40f), 140.0f, 300.0f);
    float mid_h = std::max(rest - bottom_h - gap, 200.0f);
    float col_gap = ImGui::GetStyle().ItemSpacing.x;
    float queues_w = wide ? w * 0.26f : w * 0.40f;
    float side_w = wide ? w * 0.28f : 0;
    float tasks_w = w - queues_w - side_w - col_gap * (wide ? 2 : 1);

    ImGui::BeginGroup();
    float half = (mid_h - gap) / 2;
    if (begin_panel("ready", ImVec2(queues_w, half))) draw_ready_panel(v);
    end_panel();
    if (begin_panel("timers", ImVec2(queues_w, mid_h - half - gap))) draw_timers_panel(v);
    end_panel();
    ImGui::EndGroup();
    ImGui::SameLine();
    if (begin_panel("tasks", ImVec2(tasks_w, mid_h))) draw_tasks_panel(v);
    end_panel();
    if (wide) {
      ImGui::SameLine();
      ImGui::BeginGroup();
      ImGui::PushItemWidth(side_w);
      ImGui::BeginChild("side", ImVec2(side_w, mid_h), false);
      draw_side_panels(v, mid_h);
      ImGui::EndChild();
      ImGui::PopItemWidth();
      ImGui::EndGroup();
      if (begin_panel("timeline", ImVec2(0, bottom_h))) timeline_.draw(v, lanes_);
      end_panel();
    } else {
      draw_tabs(v, bottom_h);
    }
  } else {
    // A phone or a very narrow pane: one column, the window scrolls.
    float half = 150;
    if (begin_panel("ready", ImVec2(0, half))) draw_ready_panel(v);
    end_panel();
    if (begin_panel("timers", ImVec2(0, half))) draw_timers_panel(v);
    end_panel();
    if (begin_panel("tasks", ImVec2(0, std::max(260.0f, rest * 0.5f)))) draw_tasks_panel(v);
    end_panel();
    draw_tabs(v, 280);
  }
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace looplab::viz
