// Every importable module, by name. A module is a C++ init function filling a module object,
// possibly running embedded Python source (modules/py/*.py) into it.
#include "modules/builtins_parts.h"
#include "modules/module_inits.h"

namespace looplab {

void register_builtin_modules(VM& vm) {
  vm.register_module("sys", init_sys_module);
}

}  // namespace looplab
