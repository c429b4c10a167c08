// The visualizer's look in one place: palette, style and fonts. site/src/style.css uses the
// same palette so the canvas and the page read as one surface.
#pragma once

#include "imgui.h"

namespace looplab::viz {

namespace palette {
constexpr ImU32 kBackground = IM_COL32(0x1b, 0x1f, 0x26, 0xff);
constexpr ImU32 kPanel = IM_COL32(0x23, 0x28, 0x31, 0xff);
constexpr ImU32 kPanelEdge = IM_COL32(0x33, 0x3a, 0x46, 0xff);
constexpr ImU32 kText = IM_COL32(0xd7, 0xda, 0xe0, 0xff);
constexpr ImU32 kTextDim = IM_COL32(0x8b, 0x93, 0xa1, 0xff);
constexpr ImU32 kBlue = IM_COL32(0x61, 0xaf, 0xef, 0xff);
constexpr ImU32 kGreen = IM_COL32(0x98, 0xc3, 0x79, 0xff);
constexpr ImU32 kRed = IM_COL32(0xe0, 0x6c, 0x75, 0xff);
constexpr ImU32 kYellow = IM_COL32(0xe5, 0xc0, 0x7b, 0xff);
constexpr ImU32 kOrange = IM_COL32(0xd1, 0x9a, 0x66, 0xff);
constexpr ImU32 kPurple = IM_COL32(0xc6, 0x78, 0xdd, 0xff);
}  // namespace palette

struct Fonts {
  ImFont* body = nullptr;   // 13 logical px: labels and numbers
  ImFont* title = nullptr;  // 26 logical px: headings and the clock
  float pixel_scale = 0;    // device pixels per logical pixel the atlas was baked for
};

// Sets colours and rounding once, after ImGui::CreateContext().
void apply_style();

// Rebakes the font atlas at `pixel_scale` device pixels per logical pixel so text stays crisp on
// high-DPI screens (io.FontGlobalScale maps it back to logical size). The caller re-uploads the
// atlas texture to the renderer.
void build_fonts(Fonts& fonts, float pixel_scale);

}  // namespace looplab::viz
