#include "theme.h"

namespace looplab::viz {

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.FrameRounding = 4;
  style.WindowBorderSize = 0;
  style.WindowPadding = ImVec2(16, 14);
  style.ItemSpacing = ImVec2(10, 8);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(palette::kBackground);
  c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(palette::kPanel);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(palette::kPanelEdge);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(palette::kText);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(palette::kTextDim);
}

void build_fonts(Fonts& fonts, float pixel_scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig body;
  body.SizePixels = 13.0f * pixel_scale;
  fonts.body = io.Fonts->AddFontDefault(&body);  // ProggyClean, built into ImGui: no file to load
  ImFontConfig title;
  title.SizePixels = 26.0f * pixel_scale;
  fonts.title = io.Fonts->AddFontDefault(&title);
  io.FontGlobalScale = 1.0f / pixel_scale;
  fonts.pixel_scale = pixel_scale;
}

}  // namespace looplab::viz
