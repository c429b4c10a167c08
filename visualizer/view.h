// What every panel gets for one frame (the model at the playhead, the log for the timeline, the
// view's own state such as motion), and the few drawing helpers the panels share. Panels only
// read the model; the one thing they may do is ask playback to seek.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fold.h"
#include "imgui.h"
#include "motion.h"
#include "theme.h"

namespace looplab::viz {

class TimelineLanes;

// What the view may ask of playback: the only ways the panels act.
struct ViewActions {
  std::function<void(size_t)> seek;              // moves the playhead to an event index
  std::function<void(uint32_t)> select_task;     // the task whose lines Line-steps follow (0: module)
  uint32_t selected_task = 0;
};

// The ready queue's rows drawn last frame: a row gone this frame is a handle that went to run.
struct ReadyTrail {
  struct Row {
    uint32_t handle = 0;
    ImU32 color = 0;
    std::string label;
  };
  std::vector<Row> shown, now;
};

struct ViewContext {
  const Model& model;
  const EventLog* log;                 // the whole log so far (null before a run)
  const ViewActions& act;              // seek and select (functions may be empty)
  const Fonts& fonts;
  Motion& motion;
  double now = 0;                      // wall clock, seconds: animation only
  // Task cards' positions from the last frame: wakeups fly from there to the ready queue.
  std::unordered_map<uint32_t, ImVec2>& task_anchors;
  bool in_tab = false;                 // drawing inside the narrow layout's tabs
  const TimelineLanes* lanes = nullptr;  // facts folded from the whole log (timer owners)
  ReadyTrail* ready_trail = nullptr;
};

// ---- colours and words -----------------------------------------------------------------------
ImU32 task_state_color(TaskState s);
bool task_finished(TaskState s);
// "Task-2" or "task 2" when it is not known (yet).
std::string_view task_name(const Model& m, uint32_t id);
// A handle in the ready queue in words: "Task-2 step", "wakeup Task-3", "sleep done".
std::string handle_words(const Model& m, const HandleView& h);
// Seconds as a learner reads them: "0.25 s", "12 ms", "3 µs".
void format_seconds(double s, char* buf, size_t n);

// ---- drawing ---------------------------------------------------------------------------------
inline float font_px(const ImFont* f) { return f->FontSize * ImGui::GetIO().FontGlobalScale; }
// Text clipped to `max_width` (ends in "…" when cut). Returns the width drawn.
float draw_text_fit(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 col, std::string_view text, float max_width);
// A rounded "chip": a coloured dot (or stripe) and a label, as the queue and timers draw items.
void draw_chip(ImDrawList* dl, const Fonts& fonts, ImVec2 pos, ImVec2 size, ImU32 accent, std::string_view label,
               std::string_view detail, bool dim = false);
// A panel's heading line: title, and a dim note after it.
// In a tab (`v.in_tab`) the tab names the panel: only the note is drawn. The note is cut to fit.
struct ViewContext;
void panel_heading(const ViewContext& v, const char* title, const char* note = nullptr);
// Begins a bordered child panel of `size`; always pair with end_panel().
bool begin_panel(const char* id, ImVec2 size);
void end_panel();
// True when the current window scrolled since the last frame (moves then jump, not glide).
bool panel_scrolled();

// ---- the panels (one file each) --------------------------------------------------------------
void draw_loop_panel(ViewContext& v, float height);              // panel_loop.cpp
void draw_ready_panel(ViewContext& v);                           // panel_queues.cpp
void draw_timers_panel(ViewContext& v);                          // panel_queues.cpp
void draw_tasks_panel(ViewContext& v);                           // panel_tasks.cpp
void draw_sync_panel(ViewContext& v);                            // panel_sync.cpp: futures, primitives, workers
void draw_warnings_panel(ViewContext& v);                        // panel_warnings.cpp
// Plain words for a diagnostic kind, and what to do about it.
const char* warning_title(WarningKind k);
const char* warning_advice(WarningKind k);

}  // namespace looplab::viz
