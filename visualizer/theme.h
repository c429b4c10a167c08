// The visualizer's look in one place: palette, task colours, style and fonts. site/src/style.css
// uses the same palette so the canvas and the page read as one surface.
#pragma once

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace looplab::viz {

namespace palette {
constexpr ImU32 kBackground = IM_COL32(0x1b, 0x1f, 0x26, 0xff);
constexpr ImU32 kPanel = IM_COL32(0x23, 0x28, 0x31, 0xff);
constexpr ImU32 kPanelEdge = IM_COL32(0x33, 0x3a, 0x46, 0xff);
constexpr ImU32 kCard = IM_COL32(0x2a, 0x30, 0x3b, 0xff);
constexpr ImU32 kText = IM_COL32(0xd7, 0xda, 0xe0, 0xff);
constexpr ImU32 kTextDim = IM_COL32(0x8b, 0x93, 0xa1, 0xff);
constexpr ImU32 kBlue = IM_COL32(0x61, 0xaf, 0xef, 0xff);
constexpr ImU32 kGreen = IM_COL32(0x98, 0xc3, 0x79, 0xff);
constexpr ImU32 kRed = IM_COL32(0xe0, 0x6c, 0x75, 0xff);
constexpr ImU32 kYellow = IM_COL32(0xe5, 0xc0, 0x7b, 0xff);
constexpr ImU32 kOrange = IM_COL32(0xd1, 0x9a, 0x66, 0xff);
constexpr ImU32 kPurple = IM_COL32(0xc6, 0x78, 0xdd, 0xff);
constexpr ImU32 kCyan = IM_COL32(0x56, 0xb6, 0xc2, 0xff);
}  // namespace palette

// Each task keeps one colour for its whole life, in every panel; the page colours its editor
// markers with the same table (index = task_palette_index(id), colours as 0xRRGGBB).
constexpr uint32_t kTaskPaletteRgb[] = {
    0x61afef, 0xe5c07b, 0xc678dd, 0x56b6c2, 0xef8f6f, 0x98c379,
    0xf07fb0, 0x8fa8ff, 0xd4b86a, 0x6fd6a6, 0xb79cf0, 0xe8a25c,
};
constexpr int kTaskPaletteSize = int(sizeof kTaskPaletteRgb / sizeof kTaskPaletteRgb[0]);
inline int task_palette_index(uint32_t task_id) { return task_id == 0 ? 0 : int((task_id - 1) % kTaskPaletteSize); }
// The task's colour as ImGui packs it (0 = no task: dim text colour).
ImU32 task_color(uint32_t task_id);

// Linear blend of two packed colours, t in [0, 1].
ImU32 mix(ImU32 a, ImU32 b, float t);
ImU32 with_alpha(ImU32 color, float alpha);

struct Fonts {
  ImFont* body = nullptr;   // 14 logical px: labels and numbers
  ImFont* small = nullptr;  // 12 logical px: captions, timeline labels
  ImFont* title = nullptr;  // 20 logical px: headings and the clock
  float pixel_scale = 0;    // device pixels per logical pixel the atlas was baked for
  bool proportional = false;  // a real UI font was found (else ImGui's built-in bitmap font)
};

// Korean (and other non-Latin) glyphs are baked lazily: only the code points seen so far, and
// only once a font that has them is available, so the first load stays small.
class GlyphNeeds {
 public:
  // Notes the non-ASCII code points of `text`; true if any was new.
  bool note(std::string_view utf8);
  bool has_hangul() const { return hangul_; }
  const std::set<ImWchar>& extra() const { return extra_; }

 private:
  std::set<ImWchar> extra_;
  bool hangul_ = false;
};

// Font files the atlas is baked from. Data outlives every rebuild (the atlas does not own it).
struct FontSources {
  std::vector<unsigned char> latin;   // empty: ImGui's built-in ProggyClean
  std::vector<unsigned char> korean;  // empty until loaded (lazily, when Hangul is first seen)
};

// Sets colours and rounding once, after ImGui::CreateContext().
void apply_style();

// Loads the Latin UI font (embedded in the binary when the build found one, else a system font
// natively). Safe to call once at start.
void load_latin_font(FontSources& sources);
// Natively: reads a system Korean font (fonts-nanum / fonts-noto-cjk) if installed.
bool load_system_korean_font(FontSources& sources);

// Rebakes the font atlas at `pixel_scale` device pixels per logical pixel so text stays crisp on
// high-DPI screens (io.FontGlobalScale maps it back to logical size), with the glyphs `needs`
// asks for merged from the Korean font when there is one. The caller re-uploads the texture.
void build_fonts(Fonts& fonts, float pixel_scale, const FontSources& sources, const GlyphNeeds& needs);

}  // namespace looplab::viz
