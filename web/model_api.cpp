// window.looplab.model(): the visualizer's model after the whole event log (as visualizer/fold.h's
// to_json writes it: tasks, ready queue, timers, primitives, I/O in flight), wherever the playhead
// is; state() is the model at the playhead. From the playback's checkpoints, so it stays cheap.
#include <emscripten.h>

#include <string>

#include "fold.h"
#include "web_app.h"

namespace {
std::string g_model_json;  // backs the pointer ll_model() returns until the next call
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* ll_model() {
  looplab::viz::Session& session = looplab::web::app().session();
  if (!session.engine()) return "null";
  looplab::viz::Playback& playback = session.playback();
  g_model_json = looplab::viz::to_json(playback.model_at(playback.events()), playback.log());
  return g_model_json.c_str();
}
