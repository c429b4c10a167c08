#include "panels.h"

#include <cmath>
#include <cstdio>

namespace looplab::viz {
namespace {

constexpr float kPi = 3.14159265358979f;

ImU32 with_alpha(ImU32 color, float alpha) {
  return (color & ~IM_COL32_A_MASK) | (ImU32(alpha * 255.0f) << IM_COL32_A_SHIFT);
}

ImU32 state_color(RunState s) {
  switch (s) {
    case RunState::Idle: return palette::kTextDim;
    case RunState::Running: return palette::kBlue;
    case RunState::WaitingIO: return palette::kYellow;
    case RunState::Finished: return palette::kGreen;
    case RunState::Failed: return palette::kRed;
    case RunState::Stopped: return palette::kOrange;
  }
  return palette::kTextDim;
}

bool is_active(RunState s) { return s == RunState::Running || s == RunState::WaitingIO; }

void draw_header(const Fonts& fonts) {
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted("Event loop");
  ImGui::PopFont();
}

// One small card: a dim caption over a value.
void draw_stat(const char* caption, const char* value, const Fonts& fonts, float width,
               ImU32 value_color = palette::kText) {
  ImGui::BeginGroup();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float height = 58;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), palette::kPanel, 6);
  dl->AddRect(p, ImVec2(p.x + width, p.y + height), palette::kPanelEdge, 6);
  dl->AddText(ImVec2(p.x + 12, p.y + 9), palette::kTextDim, caption);
  dl->AddText(fonts.title, fonts.title->FontSize * ImGui::GetIO().FontGlobalScale,
              ImVec2(p.x + 12, p.y + 24), value_color, value);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::EndGroup();
}

void draw_stats(const LoopSnapshot& s, const Fonts& fonts) {
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  float width = (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3;
  char clock[32], events[32];
  std::snprintf(clock, sizeof clock, "%.3f s", s.clock);
  std::snprintf(events, sizeof events, "%zu", s.events);
  draw_stat("virtual clock", clock, fonts, width);
  ImGui::SameLine();
  draw_stat("events logged", events, fonts, width);
  ImGui::SameLine();
  draw_stat("run state", run_state_name(s.run_state), fonts, width, state_color(s.run_state));
}

// The three phases of one loop iteration (CPython's BaseEventLoop._run_once), drawn as stations
// on a ring. While a program runs a marker travels the ring; later it follows the event log.
struct Phase {
  const char* name;
  const char* detail;
  ImU32 color;
};
constexpr Phase kPhases[3] = {
    {"poll", "wait for I/O or a timer", palette::kPurple},
    {"timers", "due timers -> ready", palette::kYellow},
    {"run ready", "run each ready handle", palette::kGreen},
};

void draw_arc_arrow(ImDrawList* dl, ImVec2 c, float r, float a0, float a1, ImU32 col, float thickness) {
  dl->PathArcTo(c, r, a0, a1, 32);
  dl->PathStroke(col, 0, thickness);
  ImVec2 tip(c.x + r * std::cos(a1), c.y + r * std::sin(a1));
  ImVec2 tangent(-std::sin(a1), std::cos(a1));  // direction of travel (angles increase)
  ImVec2 normal(std::cos(a1), std::sin(a1));
  float len = 9, half = 5;
  ImVec2 back(tip.x - tangent.x * len, tip.y - tangent.y * len);
  dl->AddTriangleFilled(tip, ImVec2(back.x + normal.x * half, back.y + normal.y * half),
                        ImVec2(back.x - normal.x * half, back.y - normal.y * half), col);
}

// Station box half-sizes for the three phases; names only when `details` is false.
void measure_stations(const Fonts& fonts, float title_size, bool details, ImVec2 (&half)[3]) {
  for (int i = 0; i < 3; i++) {
    ImVec2 name = fonts.title->CalcTextSizeA(title_size, 1e9f, 0, kPhases[i].name);
    ImVec2 detail = details ? ImGui::CalcTextSize(kPhases[i].detail) : ImVec2(0, 0);
    half[i] = ImVec2((std::fmax(name.x, detail.x) + 28) / 2, (name.y + detail.y + (details ? 22 : 16)) / 2);
  }
}

// Smallest ring radius at which the stations and the centre text do not overlap: the two lower
// stations sit 2r*cos(30deg) apart, and the centre text needs room between top and bottom rows.
float min_radius(const ImVec2 (&half)[3]) {
  return std::fmax((half[1].x + half[2].x + 16) / 1.732f, (2 * half[0].y + 50) / 1.5f);
}

void draw_loop_diagram(const LoopSnapshot& s, const Fonts& fonts, double seconds) {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 80 || avail.y < 80) return;
  ImGui::BeginChild("loop", avail, true);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  dl->AddText(origin, palette::kTextDim, "one iteration of the loop (_run_once)");
  float top = origin.y + 22, height = size.y - 22;

  // Size the ring to the space: shrink to names only when the details would not fit.
  float title_size = fonts.title->FontSize * ImGui::GetIO().FontGlobalScale;
  ImVec2 half[3];
  float r = 0;
  for (bool details : {true, false}) {
    measure_stations(fonts, title_size, details, half);
    float widest = std::fmax(half[0].x, std::fmax(half[1].x, half[2].x)) * 2;
    // The figure runs from the top station's top to the lower stations' bottom or the ring's
    // bottom, whichever is lower: fit both.
    float fit_y = std::fmin((height - 2 * half[0].y - 16) / 1.5f, (height - half[0].y - 24) / 2);
    r = std::fmin(std::fmin((size.x - widest - 16) / 1.732f, fit_y), 230.0f);
    if (r >= min_radius(half)) break;
  }
  r = std::fmax(r, 20.0f);
  float below = std::fmax(0.5f * r + half[0].y, r + 8);  // lowest point under the ring's centre
  float figure = half[0].y + r + below;
  ImVec2 c(origin.x + size.x * 0.5f, top + (height - figure) / 2 + half[0].y + r);

  bool active = is_active(s.run_state);
  float turn = active ? float(std::fmod(seconds * 0.5, 1.0)) : -1;  // marker position, 0..1
  float start = -kPi / 2;                                            // phase 0 at the top
  int current = turn < 0 ? -1 : int(turn * 3) % 3;

  ImVec2 centre[3];
  float gap[3];  // radians of ring hidden under each station
  for (int i = 0; i < 3; i++) {
    float a = start + i * 2 * kPi / 3;
    centre[i] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a));
    // Distance along the ring's tangent from the station's centre to its box edge.
    float tx = std::fabs(std::cos(a + kPi / 2)), ty = std::fabs(std::sin(a + kPi / 2));
    float exit = std::fmin(tx > 1e-3f ? half[i].x / tx : 1e9f, ty > 1e-3f ? half[i].y / ty : 1e9f);
    gap[i] = (exit + 8) / r;
  }
  for (int i = 0; i < 3; i++) {
    float a0 = start + i * 2 * kPi / 3 + gap[i], a1 = start + (i + 1) * 2 * kPi / 3 - gap[(i + 1) % 3];
    if (a1 > a0) draw_arc_arrow(dl, c, r, a0, a1, with_alpha(palette::kTextDim, 0.55f), 2.0f);
  }
  if (active) {
    float a = start + turn * 2 * kPi;
    dl->AddCircleFilled(ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a)), 6, palette::kBlue);
  }

  bool details = half[0].y * 2 > title_size + 20;
  for (int i = 0; i < 3; i++) {
    const Phase& ph = kPhases[i];
    ImVec2 p = centre[i];
    ImVec2 name_size = fonts.title->CalcTextSizeA(title_size, 1e9f, 0, ph.name);
    ImVec2 lo(p.x - half[i].x, p.y - half[i].y), hi(p.x + half[i].x, p.y + half[i].y);
    bool lit = i == current;
    dl->AddRectFilled(lo, hi, lit ? with_alpha(ph.color, 0.22f) : palette::kBackground, 8);
    dl->AddRect(lo, hi, lit ? ph.color : with_alpha(ph.color, 0.6f), 8, 0, lit ? 2.5f : 1.5f);
    dl->AddText(fonts.title, title_size, ImVec2(p.x - name_size.x / 2, lo.y + 8), ph.color, ph.name);
    if (details) {
      ImVec2 detail_size = ImGui::CalcTextSize(ph.detail);
      dl->AddText(ImVec2(p.x - detail_size.x / 2, lo.y + 12 + name_size.y), palette::kTextDim, ph.detail);
    }
  }

  // Inside the ring, between the top and bottom stations: the virtual clock that drives it.
  char clock[32];
  std::snprintf(clock, sizeof clock, "t = %.3f s", s.clock);
  const char* caption = "virtual time";
  ImVec2 cs = fonts.title->CalcTextSizeA(title_size, 1e9f, 0, clock);
  ImVec2 caps = ImGui::CalcTextSize(caption);
  float mid = c.y - 0.25f * r, block = cs.y + 2 + caps.y;
  dl->AddText(fonts.title, title_size, ImVec2(c.x - cs.x / 2, mid - block / 2), palette::kText, clock);
  dl->AddText(ImVec2(c.x - caps.x / 2, mid - block / 2 + cs.y + 2), palette::kTextDim, caption);
  ImGui::EndChild();
}

}  // namespace

void draw_main_view(const LoopSnapshot& snapshot, const Fonts& fonts, double seconds) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("Looplab", nullptr, flags)) {
    draw_header(fonts);
    draw_stats(snapshot, fonts);
    draw_loop_diagram(snapshot, fonts, seconds);
  }
  ImGui::End();
}

}  // namespace looplab::viz
