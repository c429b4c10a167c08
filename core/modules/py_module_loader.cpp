// Loading library modules written in Python (modules/py/*.py, embedded at build time): compile
// the source and run it with the module's dict as globals.
#include "lang/compiler.h"
#include "lang/vm.h"
#include "modules/module_inits.h"
#include "modules/py_modules.h"

namespace looplab {

const char* embedded_module_source(std::string_view name) {
  for (const EmbeddedModule* m = kEmbeddedModules; m->name; m++)
    if (name == m->name) return m->source;
  return nullptr;
}

bool run_python_source_into(VM& vm, ModuleObj* m, std::string_view source, std::string_view filename) {
  CodeObj* code = compile_module(vm, source, filename);
  if (!code) return false;
  m->dict->set_str(vm.n.__builtins__, Value::object(vm.builtins));
  ExecResult r = vm.run_module(code, m->dict);
  return r.status == ExecStatus::Returned;
}

bool init_python_module(VM& vm, ModuleObj* m) {
  const char* src = embedded_module_source(m->name->view());
  if (!src) {
    vm.raisef(vm.t.ModuleNotFoundError, "No module named '%s'", m->name->data());
    return false;
  }
  return run_python_source_into(vm, m, src, "<" + m->name->str() + ">");
}

}  // namespace looplab
