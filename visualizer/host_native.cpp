// looplab-viz: the native development host. Opens an SDL2 + OpenGL 3 window and runs a Python
// file in the visualizer, as the page does in the browser.
//   usage: looplab-viz [--size WxH] [--screenshot OUT.ppm [--at FRACTION|INDEX]
//                      [--at-kind|--before-kind KIND[#N]] [--advance N [--after MS]]] FILE.py
// --screenshot draws until the run has ended and the playhead has moved (to --at, a fraction of
// the log or an event index; or after/before the first event of a kind such as "blocked"), saves
// the window as a PPM image and exits: a way to look at the panels from scripts (under
// xvfb-run). --advance then moves N events on and saves MS milliseconds later, mid-tween.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app.h"
#include <SDL_opengl.h>

namespace {

bool save_ppm(SDL_Window* window, const char* path) {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window, &w, &h);
  std::vector<unsigned char> rgb(size_t(w) * size_t(h) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, rgb.data());
  FILE* f = std::fopen(path, "wb");
  if (!f) return false;
  std::fprintf(f, "P6\n%d %d\n255\n", w, h);
  for (int y = h - 1; y >= 0; y--) std::fwrite(&rgb[size_t(y) * size_t(w) * 3], 1, size_t(w) * 3, f);  // GL rows go up
  std::fclose(f);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int width = 960, height = 640;
  double at = -1;
  const char* screenshot = nullptr;
  const char* at_kind = nullptr;
  bool before = false;  // --before-kind: just before that event instead of just after
  int advance = 0, after_ms = 120;  // --advance N --after MS: a shot mid-move, MS after N more events
  const char* file = nullptr;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--size") && i + 1 < argc) std::sscanf(argv[++i], "%dx%d", &width, &height);
    else if (!std::strcmp(argv[i], "--at") && i + 1 < argc) at = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--screenshot") && i + 1 < argc) screenshot = argv[++i];
    else if (!std::strcmp(argv[i], "--at-kind") && i + 1 < argc) at_kind = argv[++i];
    else if (!std::strcmp(argv[i], "--before-kind") && i + 1 < argc) at_kind = argv[++i], before = true;
    else if (!std::strcmp(argv[i], "--advance") && i + 1 < argc) advance = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--after") && i + 1 < argc) after_ms = std::atoi(argv[++i]);
    else file = argv[i];
  }
  if (!file) {
    std::fprintf(stderr, "usage: looplab-viz [--size WxH] [--at FRACTION] [--at-kind|--before-kind KIND] [--advance N [--after MS]] [--screenshot OUT.ppm] FILE.py\n");
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "looplab-viz: can't open file '%s'\n", file);
    return 2;
  }
  std::ostringstream source;
  source << in.rdbuf();

  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "looplab-viz: SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  auto flags = SDL_WindowFlags(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_Window* window = SDL_CreateWindow("Looplab", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        width, height, flags);
  SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
  if (!context) {
    std::fprintf(stderr, "looplab-viz: no OpenGL 3.2 window: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(window, context);
  SDL_GL_SetSwapInterval(screenshot ? 0 : 1);

  looplab::viz::App app;
  if (!app.init(window, context, "#version 150")) return 1;
  // Output goes to the terminal, as with the command-line runner.
  app.session().set_output_sink([](looplab::Stream s, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), s == looplab::Stream::Stdout ? stdout : stderr);
  });
  app.session().run(source.str(), file);
  int settle = -1;  // frames left before the screenshot, once the run has ended
  while (app.frame()) {
    if (!screenshot) continue;
    if (settle < 0 && !app.session().active()) {
      // --at: a fraction of the log, or (from 1.5 up) an event index.
      if (at >= 0) app.seek(at > 1.5 ? size_t(at) : size_t(at * double(app.events())));
      // --at-kind: just after the first event of that kind ("blocked", "warning", ...), plus --at.
      if (at_kind) {
        // KIND or KIND#N (the Nth event of that kind, from 1).
        std::string kind = at_kind;
        int nth = 1;
        if (size_t hash = kind.find('#'); hash != std::string::npos) {
          nth = std::atoi(kind.c_str() + hash + 1);
          kind.resize(hash);
        }
        const looplab::EventLog& log = app.session().engine()->log();
        for (size_t i = 0; i < log.size(); i++)
          if (kind == looplab::event_kind_name(log[i].kind) && --nth == 0) {
            app.seek(i + (before ? 0 : 1) + size_t(at > 1.5 ? at : 0));
            break;
          }
      }
      settle = 40;  // the first frames lay out, tweens run ~250 ms
    }
    if (settle > 0 && --settle == 0) {
      if (advance > 0) {
        // Move on and catch the tweens in flight.
        app.seek(app.session().playback().playhead() + size_t(advance));
        advance = 0;
        Uint32 until = SDL_GetTicks() + Uint32(after_ms);
        while (SDL_GetTicks() < until && app.frame()) {
        }
      }
      bool ok = save_ppm(window, screenshot);
      std::fprintf(stderr, ok ? "looplab-viz: saved %s\n" : "looplab-viz: could not write %s\n", screenshot);
      break;
    }
    if (settle > 0) SDL_Delay(10);
  }
  app.shutdown();
  SDL_GL_DeleteContext(context);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
