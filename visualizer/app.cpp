#include "app.h"

#include <cstdlib>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace looplab::viz {

#ifdef __EMSCRIPTEN__
namespace {
App* g_font_app = nullptr;  // the app that asked for the Korean font
}  // namespace

// The page serves the Korean font beside the module (site build copies it to fonts/); it is
// fetched only once Hangul appears, so pages without Korean never download it.
EM_JS(void, ll_fetch_korean_font, (const char* url), {
  fetch(UTF8ToString(url))
      .then(function(r) { return r.ok ? r.arrayBuffer() : Promise.reject(new Error('HTTP ' + r.status)); })
      .then(function(buf) {
        var bytes = new Uint8Array(buf);
        var ptr = _ll_font_buffer(bytes.length);
        if (!ptr) return;
        HEAPU8.set(bytes, ptr);
        _ll_font_loaded(ptr, bytes.length);
      })
      .catch(function(e) { console.warn('looplab: Korean font not loaded (' + e + ')'); });
});

extern "C" EMSCRIPTEN_KEEPALIVE unsigned char* ll_font_buffer(int size) {
  return static_cast<unsigned char*>(std::malloc(size_t(size)));
}

extern "C" EMSCRIPTEN_KEEPALIVE void ll_font_loaded(unsigned char* data, int size) {
  if (g_font_app) g_font_app->add_korean_font(std::vector<unsigned char>(data, data + size));
  std::free(data);
}
#endif

bool App::init(SDL_Window* window, SDL_GLContext context, const char* glsl_version) {
  window_ = window;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no settings file: the browser has no disk
  apply_style();
  load_latin_font(font_sources_);
  return ImGui_ImplSDL2_InitForOpenGL(window, context) && ImGui_ImplOpenGL3_Init(glsl_version);
}

void App::shutdown() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

void App::add_korean_font(std::vector<unsigned char> bytes) {
  font_sources_.korean = std::move(bytes);
  glyphs_dirty_ = true;
}

// Rebakes fonts when the framebuffer scale (device pixel ratio) changes, e.g. when the window
// moves to a high-DPI screen or the page is zoomed, and when text needs glyphs the atlas lacks.
void App::update_fonts() {
  // Non-Latin text can only come from the program: its names, labels and messages are all in
  // the log's string table, so reading each new string once finds every glyph needed.
  const EventLog* log = session_.engine() ? &session_.engine()->log() : nullptr;
  if (log != scanned_log_) {
    scanned_log_ = log;
    strings_scanned_ = 0;
  }
  for (; log && strings_scanned_ < log->string_count(); strings_scanned_++)
    if (glyphs_.note(log->str(uint32_t(strings_scanned_)))) glyphs_dirty_ = true;
  // The canvas's own words once the page switches to Korean.
  if (language() != noted_language_) {
    noted_language_ = language();
    if (glyphs_.note(translated_text())) glyphs_dirty_ = true;
  }
  if (glyphs_.has_hangul() && font_sources_.korean.empty() && !korean_requested_) {
    korean_requested_ = true;
#ifdef __EMSCRIPTEN__
    g_font_app = this;
    ll_fetch_korean_font("fonts/korean.ttf");
#else
    load_system_korean_font(font_sources_);
#endif
  }

  float scale = ImGui::GetIO().DisplayFramebufferScale.x;
  if (scale <= 0) scale = 1;
  double now = ImGui::GetTime();
  bool want_glyphs = glyphs_dirty_ && !font_sources_.korean.empty() && now - fonts_built_at_ > 0.2;
  if (scale == fonts_.pixel_scale && !want_glyphs) return;
  if (want_glyphs) glyphs_dirty_ = false;
  build_fonts(fonts_, scale, font_sources_, glyphs_);
  fonts_built_at_ = now;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

// The model the panels draw: playback's, at the playhead (folded from its checkpoints).
const Model& App::model_at_playhead() { return session_.playback().model(); }

void App::seek(size_t index) { session_.playback().seek(index); }

const EventLog* App::log() const { return session_.engine() ? &session_.engine()->log() : nullptr; }

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
  const Model& model = model_at_playhead();
  ViewActions actions;
  actions.seek = [this](size_t i) { seek(i); };
  actions.select_task = [this](uint32_t t) { session_.playback().select_task(t); };
  actions.selected_task = session_.playback().selected_task();
  view_.draw(model, log(), fonts_, actions, ImGui::GetTime());
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
