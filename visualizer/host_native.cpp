// looplab-viz: the native development host. Opens an SDL2 + OpenGL 3 window and runs a Python
// file in the visualizer, as the page does in the browser.   usage: looplab-viz FILE.py
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "app.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: looplab-viz FILE.py\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "looplab-viz: can't open file '%s'\n", argv[1]);
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
                                        960, 640, flags);
  SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
  if (!context) {
    std::fprintf(stderr, "looplab-viz: no OpenGL 3.2 window: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(window, context);
  SDL_GL_SetSwapInterval(1);

  looplab::viz::App app;
  if (!app.init(window, context, "#version 150")) return 1;
  // Output goes to the terminal, as with the command-line runner.
  app.session().set_output_sink([](looplab::Stream s, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), s == looplab::Stream::Stdout ? stdout : stderr);
  });
  app.session().run(source.str(), argv[1]);
  while (app.frame()) {
  }
  app.shutdown();
  SDL_GL_DeleteContext(context);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
