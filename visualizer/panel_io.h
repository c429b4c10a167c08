// The I/O panel: requests and WebSockets in flight (and the last ones that ended), from the
// fold's Model::io: method, URL, state, which task waits on each and for what, elapsed virtual
// time, bytes. Only reads the model. Not laid out yet: the main view places it.
#pragma once

#include "fold.h"
#include "theme.h"

namespace looplab::viz {

void draw_io_panel(const Model& m, const Fonts& fonts);

}  // namespace looplab::viz
