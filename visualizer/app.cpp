#include "app.h"

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "panels.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace looplab::viz {

bool App::init(SDL_Window* window, SDL_GLContext context, const char* glsl_version) {
  window_ = window;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no settings file: the browser has no disk
  apply_style();
  return ImGui_ImplSDL2_InitForOpenGL(window, context) && ImGui_ImplOpenGL3_Init(glsl_version);
}

void App::shutdown() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

// Rebakes fonts when the framebuffer scale (device pixel ratio) changes, e.g. when the window
// moves to a high-DPI screen or the page is zoomed.
void App::update_fonts() {
  float scale = ImGui::GetIO().DisplayFramebufferScale.x;
  if (scale <= 0) scale = 1;
  if (scale == fonts_.pixel_scale) return;
  build_fonts(fonts_, scale);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool App::frame() {
  bool open = true;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) open = false;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(window_))
      open = false;
  }

  session_.step();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  update_fonts();
  ImGui::NewFrame();
  draw_main_view(snapshot_of(session_.engine()), fonts_, ImGui::GetTime());
  ImGui::Render();

  ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette::kBackground);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window_);
  return open;
}

}  // namespace looplab::viz
