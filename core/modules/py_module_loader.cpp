// Loading library modules written in Python (modules/py/*.py, embedded at build time): run the
// frozen code object when the build made one, else compile the source; either runs with the
// module's dict as globals.
#include "lang/code_marshal.h"
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

static const FrozenModule* frozen_module(std::string_view name) {
  for (const FrozenModule* m = kFrozenModules; m->name; m++)
    if (name == m->name) return m;
  return nullptr;
}

static bool run_code_into(VM& vm, ModuleObj* m, CodeObj* code) {
  if (!code) return false;
  m->dict->set_str(vm.n.__builtins__, Value::object(vm.builtins));
  ExecResult r = vm.run_module(code, m->dict);
  return r.status == ExecStatus::Returned;
}

bool run_python_source_into(VM& vm, ModuleObj* m, std::string_view source, std::string_view filename) {
  return run_code_into(vm, m, compile_module(vm, source, filename));
}

bool run_embedded_into(VM& vm, ModuleObj* m, std::string_view name) {
  const char* src = embedded_module_source(name);
  if (!src) {
    vm.raisef(vm.t.ModuleNotFoundError, "No module named '%.*s'", int(name.size()), name.data());
    return false;
  }
  std::string filename = "<" + std::string(name) + ">";
  if (const FrozenModule* f = frozen_module(name)) {
    // Tracebacks through the module still quote its source.
    auto text = std::make_shared<const SourceText>(filename, src);
    return run_code_into(vm, m, unmarshal_code(vm, std::string_view(f->code, f->size), text));
  }
  return run_python_source_into(vm, m, src, filename);
}

bool init_python_module(VM& vm, ModuleObj* m) { return run_embedded_into(vm, m, m->name->view()); }

}  // namespace looplab
