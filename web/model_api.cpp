// window.looplab.model(): the visualizer's whole model (the fold over the run's event log, as
// visualizer/fold.h's to_json writes it: tasks, ready queue, timers, primitives, I/O in flight),
// for tests and lessons until state() carries it. Folded from scratch on each call.
#include <emscripten.h>

#include <string>

#include "fold.h"
#include "web_app.h"

namespace {
std::string g_model_json;  // backs the pointer ll_model() returns until the next call
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* ll_model() {
  const looplab::Engine* engine = looplab::web::app().session().engine();
  if (!engine) return "null";
  looplab::viz::Model m;
  looplab::viz::fold_to(m, engine->log(), engine->log().size());
  g_model_json = looplab::viz::to_json(m, engine->log());
  return g_model_json.c_str();
}
