// The init function of each importable module (see module_registry.cpp).
#pragma once

#include <string_view>

namespace looplab {

class VM;
struct ModuleObj;

bool init_sys_module(VM& vm, ModuleObj* m);
bool init_builtins_as_module(VM& vm, ModuleObj* m);
// math and random (numbers: math_module.cpp, random_module.cpp).
bool init_math_module(VM& vm, ModuleObj* m);
bool init_random_module(VM& vm, ModuleObj* m);
// _stdlib: native helpers of the Python-written stdlib; collections.abc (stdlib_native.cpp).
bool init_stdlib_native_module(VM& vm, ModuleObj* m);
bool init_collections_abc_module(VM& vm, ModuleObj* m);
// _collections: deque, defaultdict, _count_elements (collections_module.cpp).
bool init_collections_module(VM& vm, ModuleObj* m);

// gc: collect() / enable() / disable() / isenabled() (gc_module.cpp).
bool init_gc_module(VM& vm, ModuleObj* m);

// _json: the native encoder and scanner behind modules/py/json.py (json_module.cpp).
bool init_json_native_module(VM& vm, ModuleObj* m);

// Python-written modules (modules/py/NAME.py): init_python_module finds the source by the
// module's name. A C++ module may also run an embedded module's code (frozen when the build
// froze it) or Python source into itself (run_embedded_into, run_python_source_into).
bool init_python_module(VM& vm, ModuleObj* m);
bool run_embedded_into(VM& vm, ModuleObj* m, std::string_view name);
bool run_python_source_into(VM& vm, ModuleObj* m, std::string_view source, std::string_view filename);
const char* embedded_module_source(std::string_view name);

}  // namespace looplab
