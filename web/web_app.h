// The page's single visualizer app, shared by the emscripten frame loop (main_web.cpp) and the
// JS-facing API (api.cpp).
#pragma once

#include "app.h"

namespace looplab::web {

viz::App& app();

// Hooks the session's output and run ends to the page's JS callbacks (api.cpp).
void connect_session_to_js();

// Tells the page the module is drawing (first frame done) or could not start.
void notify_ready();
void notify_failed(const char* message);

}  // namespace looplab::web
