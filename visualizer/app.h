// The frame loop body both hosts share: SDL input -> engine slice -> ImGui panels -> GL. The
// hosts are thin adapters that create the window and GL context and call frame() repeatedly
// (a while loop natively, emscripten_set_main_loop in the browser).
#pragma once

#include <SDL.h>

#include "fold.h"
#include "panels.h"
#include "i18n.h"
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

  // Moves the playhead (the timeline's drag, the native host's --at).
  void seek(size_t index);
  size_t events() const { return session_.engine() ? session_.engine()->log().size() : 0; }
  const EventLog* log() const;  // the run's whole log (null before the first run)

  // A Korean font arrived (the browser fetches it when Hangul is first seen); takes the bytes.
  void add_korean_font(std::vector<unsigned char> bytes);

 private:
  void update_fonts();
  // The model the panels draw and the seek they use: the one place that knows where the
  // playhead is.
  const Model& model_at_playhead();

  SDL_Window* window_ = nullptr;
  Session session_;
  Visualizer view_;
  Fonts fonts_;
  FontSources font_sources_;
  GlyphNeeds glyphs_;
  bool glyphs_dirty_ = false;
  bool korean_requested_ = false;
  Language noted_language_ = Language::English;  // whose words glyphs_ has seen
  double fonts_built_at_ = -1;
  size_t strings_scanned_ = 0;
  const EventLog* scanned_log_ = nullptr;
};

}  // namespace looplab::viz
