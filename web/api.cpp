// The JS <-> wasm API of the page. C functions exported to JS (site/src/engine.js calls them
// through cwrap) and the JS callbacks the wasm side calls as output arrives and runs end. The
// page's window.looplab API is built on these; see README.md.
#include <emscripten.h>

#include <string>

#include "model.h"
#include "web_app.h"

namespace {

// Module callbacks are optional: a page that does not set one just misses those notices.
EM_JS(void, js_output, (int stream, const char* text, int length), {
  if (Module['onOutput']) Module['onOutput'](stream, UTF8ToString(text, length));
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

std::string g_json;  // backs the pointer ll_state() returns until the next call

}  // namespace

namespace looplab::web {

void connect_session_to_js() {
  viz::Session& session = app().session();
  session.set_output_sink([](Stream stream, std::string_view text) {
    js_output(int(stream), text.data(), int(text.size()));
  });
  session.set_end_handler([](RunState state) {
    const Engine* engine = app().session().engine();
    js_run_ended(run_state_name(state), engine ? engine->exit_code() : 0);
  });
}

void notify_ready() { js_ready(); }
void notify_failed(const char* message) { js_failed(message); }

}  // namespace looplab::web

extern "C" {

// Starts `source` (UTF-8) as main.py; a run still going is stopped first.
EMSCRIPTEN_KEEPALIVE void ll_run(const char* source) {
  looplab::web::app().session().run(source, "main.py");
}

EMSCRIPTEN_KEEPALIVE void ll_stop() { looplab::web::app().session().stop(); }

// JSON of what the visualizer shows: {"runState":"running","clock":0.5,"events":42}.
EMSCRIPTEN_KEEPALIVE const char* ll_state() {
  g_json = looplab::viz::to_json(looplab::viz::snapshot_of(looplab::web::app().session().engine()));
  return g_json.c_str();
}

// Everything the current (or last) run wrote to stdout / stderr.
EMSCRIPTEN_KEEPALIVE const char* ll_stdout() {
  const looplab::Engine* e = looplab::web::app().session().engine();
  return e ? e->stdout_text().c_str() : "";
}
EMSCRIPTEN_KEEPALIVE const char* ll_stderr() {
  const looplab::Engine* e = looplab::web::app().session().engine();
  return e ? e->stderr_text().c_str() : "";
}

}  // extern "C"
