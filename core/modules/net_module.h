// _looplab_net: the native module under httpx.py and websockets.py (net_module.cpp).
#pragma once

namespace looplab {

class VM;
struct ModuleObj;

bool init_net_module(VM& vm, ModuleObj* m);

}  // namespace looplab
