// Every importable module, by name. A module is a C++ init function filling a module object,
// possibly running embedded Python source (modules/py/*.py) into it.
#include "modules/builtins_parts.h"
#include "modules/asyncio_runtime.h"
#include "modules/module_inits.h"
#include "modules/net_module.h"
#include "modules/py_modules.h"

namespace looplab {

void register_builtin_modules(VM& vm) {
  vm.register_module("sys", init_sys_module);
  vm.register_module("builtins", init_builtins_as_module);
  vm.register_module("random", init_random_module);
  vm.register_module("math", init_math_module);
  vm.register_module("time", init_time_module);
  vm.register_module("gc", init_gc_module);
  vm.register_module("_asyncio", init_asyncio_native_module);
  vm.register_module("_stdlib", init_stdlib_native_module);
  vm.register_module("collections.abc", init_collections_abc_module);
  vm.register_module("_collections", init_collections_module);
  vm.register_module("_json", init_json_native_module);
  vm.register_module("_looplab_net", init_net_module);  // httpx / websockets (issue 7)
  // Every embedded Python module is importable under its file name; names starting with an
  // underscore are private helpers of other modules.
  for (const EmbeddedModule* m = kEmbeddedModules; m->name; m++) vm.register_module(m->name, init_python_module);
}

}  // namespace looplab
