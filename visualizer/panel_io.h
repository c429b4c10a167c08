// The I/O panel: requests and WebSockets in flight (and the last ones that ended), from the
// fold's Model::io: method, URL, state, which task waits on each and for what, elapsed virtual
// time, bytes. Only reads the model; panels.cpp places it.
#pragma once

#include "view.h"

namespace looplab::viz {

void draw_io_panel(ViewContext& v);

}  // namespace looplab::viz
