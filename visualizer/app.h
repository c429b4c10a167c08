// The frame loop body both hosts share: SDL input -> engine slice -> ImGui panels -> GL. The
// hosts are thin adapters that create the window and GL context and call frame() repeatedly
// (a while loop natively, emscripten_set_main_loop in the browser).
#pragma once

#include <SDL.h>

#include "session.h"
#include "theme.h"

namespace looplab::viz {

class App {
 public:
  // `glsl_version` is the backend's shader header: "#version 130" native, "#version 300 es" WebGL2.
  bool init(SDL_Window* window, SDL_GLContext context, const char* glsl_version);
  void shutdown();

  // One frame. Returns false once the window has been asked to close.
  bool frame();

  Session& session() { return session_; }

 private:
  void update_fonts();

  SDL_Window* window_ = nullptr;
  Session session_;
  Fonts fonts_;
};

}  // namespace looplab::viz
