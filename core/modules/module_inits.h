// The init function of each importable module (see module_registry.cpp).
#pragma once

namespace looplab {

class VM;
struct ModuleObj;

bool init_sys_module(VM& vm, ModuleObj* m);

}  // namespace looplab
