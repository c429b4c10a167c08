// The browser host: WebGL2 on the page's <canvas id="canvas">, driven by the browser's frame
// loop (emscripten_set_main_loop). The canvas's CSS box decides its size; each frame the backing
// store is matched to it in device pixels so the drawing stays crisp on high-DPI screens.
#include <emscripten.h>
#include <emscripten/html5.h>

#include "web_app.h"

namespace looplab::web {

namespace {

viz::App g_app;
SDL_Window* g_window = nullptr;
bool g_drew_first_frame = false;

// Follows the canvas's CSS size and the device pixel ratio. SDL sizes the backing store to
// window size x pixel ratio (SDL_WINDOW_ALLOW_HIGHDPI); ImGui then gets logical size + scale.
void match_canvas_size() {
  static double last_ratio = 0;
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  double ratio = emscripten_get_device_pixel_ratio();
  int w = int(css_w), h = int(css_h), cur_w = 0, cur_h = 0;
  SDL_GetWindowSize(g_window, &cur_w, &cur_h);
  if (w > 0 && h > 0 && (w != cur_w || h != cur_h || ratio != last_ratio)) {
    SDL_SetWindowSize(g_window, w, h);
    last_ratio = ratio;
  }
}

// CPU time of the last frames (ms): after a run has ended a frame is the visualizer's own work
// (ImGui and GL submission), which the page reports through ll_frame_ms.
constexpr int kFrameWindow = 60;
double g_frame_ms[kFrameWindow] = {};
int g_frames = 0;

void main_loop() {
  match_canvas_size();
  double t0 = emscripten_get_now();
  g_app.frame();
  g_frame_ms[g_frames++ % kFrameWindow] = emscripten_get_now() - t0;
  if (!g_drew_first_frame) {
    g_drew_first_frame = true;
    notify_ready();
  }
}

}  // namespace

viz::App& app() { return g_app; }

}  // namespace looplab::web

// Mean CPU time of the last 60 frames in ms (0 before any frame).
extern "C" EMSCRIPTEN_KEEPALIVE double ll_frame_ms() {
  using namespace looplab::web;
  int n = g_frames < kFrameWindow ? g_frames : kFrameWindow;
  double sum = 0;
  for (int i = 0; i < n; i++) sum += g_frame_ms[i];
  return n ? sum / n : 0;
}

int main() {
  using namespace looplab::web;
  // Keys go to SDL only while the canvas has focus, so the code editor keeps its keystrokes.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    notify_failed(SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);  // WebGL2
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  auto flags = SDL_WindowFlags(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  g_window = SDL_CreateWindow("Looplab", 0, 0, 640, 480, flags);
  SDL_GLContext context = g_window ? SDL_GL_CreateContext(g_window) : nullptr;
  if (!context) {
    notify_failed("WebGL2 is not available in this browser");
    return 1;
  }
  if (!g_app.init(g_window, context, "#version 300 es")) {
    notify_failed("the visualizer could not start");
    return 1;
  }
  connect_session_to_js();
  emscripten_set_main_loop(main_loop, 0, true);
  return 0;
}
