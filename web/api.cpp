// The JS <-> wasm API of the page. C functions exported to JS (site/src/engine.js calls them
// through cwrap) and the JS callbacks the wasm side calls as output arrives and runs end. The
// page's window.looplab API is built on these; see README.md. Strings returned to JS stay valid
// until the next call of the same function.
#include <emscripten.h>

#include <sstream>
#include <string>

#include "engine/trace_export.h"
#include "i18n.h"
#include "loop/event_log.h"
#include "web_app.h"

namespace {

// Module callbacks are optional: a page that does not set one just misses those notices.
EM_JS(void, js_output, (int stream, const char* text, int length, int event), {
  if (Module['onOutput']) Module['onOutput'](stream, UTF8ToString(text, length), event);
});
EM_JS(void, js_run_ended, (const char* state, int exit_code), {
  if (Module['onRunEnded']) Module['onRunEnded'](UTF8ToString(state), exit_code);
});
EM_JS(void, js_ready, (), {
  if (Module['onLooplabReady']) Module['onLooplabReady']();
});
EM_JS(void, js_failed, (const char* message), {
  if (Module['onLooplabFailed']) Module['onLooplabFailed'](UTF8ToString(message));
});

looplab::viz::Session& session() { return looplab::web::app().session(); }
looplab::viz::Playback& playback() { return session().playback(); }

// The index of the Output event the engine logged just before handing `text` to the sink; -1
// when the log is full and it was not recorded.
int output_event() {
  const looplab::Engine* engine = session().engine();
  if (!engine || engine->log().full() || engine->log().size() == 0) return -1;
  return int(engine->log().size() - 1);
}

std::string g_state, g_status, g_trace;

}  // namespace

namespace looplab::web {

void connect_session_to_js() {
  session().set_output_sink([](Stream stream, std::string_view text) {
    js_output(int(stream), text.data(), int(text.size()), output_event());
  });
  session().set_end_handler([](RunState state) {
    const Engine* engine = session().engine();
    js_run_ended(run_state_name(state), engine ? engine->exit_code() : 0);
  });
}

void notify_ready() { js_ready(); }
void notify_failed(const char* message) { js_failed(message); }

}  // namespace looplab::web

extern "C" {

// Starts `source` (UTF-8) as main.py; a run still going is stopped first.
EMSCRIPTEN_KEEPALIVE void ll_run(const char* source) { session().run(source, "main.py"); }

EMSCRIPTEN_KEEPALIVE void ll_stop() { session().stop(); }

// The model at the playhead with the playback and run fields (Session::state_json).
EMSCRIPTEN_KEEPALIVE const char* ll_state() {
  g_state = session().state_json();
  return g_state.c_str();
}

// The small status the page reads every frame (Session::status_json).
EMSCRIPTEN_KEEPALIVE const char* ll_status() {
  g_status = session().status_json();
  return g_status.c_str();
}

// Everything the current (or last) run wrote to stdout / stderr.
EMSCRIPTEN_KEEPALIVE const char* ll_stdout() {
  const looplab::Engine* e = session().engine();
  return e ? e->stdout_text().c_str() : "";
}
EMSCRIPTEN_KEEPALIVE const char* ll_stderr() {
  const looplab::Engine* e = session().engine();
  return e ? e->stderr_text().c_str() : "";
}

// Steps the playhead: kind "event" | "task" | "iteration" | "line", dir < 0 back. Pauses.
// Returns the new playhead (unchanged for an unknown kind).
EMSCRIPTEN_KEEPALIVE int ll_step(const char* kind, int dir) {
  looplab::viz::StepKind k;
  if (looplab::viz::parse_step_kind(kind, &k)) playback().step(k, dir >= 0);
  return int(playback().playhead());
}

// Moves the playhead to `index` (clamped to the log) and pauses. Returns the new playhead.
EMSCRIPTEN_KEEPALIVE int ll_seek(int index) {
  playback().seek(index < 0 ? 0 : size_t(index));
  return int(playback().playhead());
}

EMSCRIPTEN_KEEPALIVE int ll_events() { return int(playback().events()); }
EMSCRIPTEN_KEEPALIVE void ll_play() { playback().play(); }
EMSCRIPTEN_KEEPALIVE void ll_pause() { playback().pause(); }
// Events per second; 0 (or less) is instant: the playhead follows the end of the log.
EMSCRIPTEN_KEEPALIVE void ll_set_speed(double events_per_second) { playback().set_speed(events_per_second); }
// The task whose lines Line steps follow; 0 is the module's own code.
EMSCRIPTEN_KEEPALIVE void ll_select_task(int task) { playback().select_task(task < 0 ? 0 : uint32_t(task)); }

// The canvas's own words: "ko" for Korean, anything else for English.
EMSCRIPTEN_KEEPALIVE void ll_set_language(const char* lang) {
  looplab::viz::set_language(std::string_view(lang) == "ko" ? looplab::viz::Language::Korean
                                                            : looplab::viz::Language::English);
}

// The run's event log as Perfetto / Chrome trace JSON.
EMSCRIPTEN_KEEPALIVE const char* ll_trace() {
  std::ostringstream out;
  looplab::write_trace_perfetto(playback().log(), out);
  g_trace = out.str();
  return g_trace.c_str();
}

}  // extern "C"
