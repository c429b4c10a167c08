// sys: output streams, version, limits, exc_info.
#include "lang/vm.h"
#include "modules/builtins_parts.h"
#include "modules/module_inits.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

Value sys_getrecursionlimit(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "getrecursionlimit", 0, 0)) return Value::error();
  return Value::integer(vm.recursion_limit);
}

Value sys_setrecursionlimit(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "setrecursionlimit", 1, 1)) return Value::error();
  int64_t n;
  if (!index_value(vm, a[0], &n)) return Value::error();
  if (n < 1) return vm.raise(vm.t.ValueError, "recursion limit must be greater or equal than 1");
  // The C++ stack bounds nested native calls; keep the limit where the engine is safe.
  vm.recursion_limit = int(n > 10000 ? 10000 : n);
  return Value::none();
}

Value sys_exc_info(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "exc_info", 0, 0)) return Value::error();
  Value e = vm.handled_exception();
  if (e.is_none()) return Value::object(vm.tuple_of({Value::none(), Value::none(), Value::none()}));
  TracebackObj* tb = static_cast<ExceptionObj*>(e.o)->traceback;
  return Value::object(vm.tuple_of({Value::object(vm.type_of(e)), e, tb ? Value::object(tb) : Value::none()}));
}

Value sys_exception(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "exception", 0, 0)) return Value::error();
  return vm.handled_exception();
}

Value sys_exit(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "exit", 0, 1)) return Value::error();
  ExceptionObj* e = vm.new_exception(vm.t.SystemExit, a.nargs ? vm.tuple_of({a[0]}) : vm.new_tuple(0));
  e->dict = vm.new_dict();
  e->dict->set_str(vm.n.code, a.nargs ? a[0] : Value::none());
  return vm.set_pending(Value::object(e));
}

}  // namespace

bool init_builtins_as_module(VM& vm, ModuleObj* m) {
  // `import builtins` gives the very dict the VM looks names up in.
  m->dict = vm.builtins;
  return true;
}

bool init_sys_module(VM& vm, ModuleObj* m) {
  DictObj* d = m->dict;
  ClassObj* stream = make_stream_class(vm);
  d->set_str(vm.intern("stdout"), make_stream(vm, stream, OutStream::Stdout));
  d->set_str(vm.intern("stderr"), make_stream(vm, stream, OutStream::Stderr));
  d->set_str(vm.intern("__stdout__"), d->get_str(vm.intern("stdout")));
  d->set_str(vm.intern("__stderr__"), d->get_str(vm.intern("stderr")));
  d->set_str(vm.intern("version"), vm.str("3.11.7 (looplab)"));
  d->set_str(vm.intern("platform"), vm.str("looplab"));
  d->set_str(vm.intern("maxsize"), Value::integer(INT64_MAX));
  ListObj* argv = vm.new_list();
  Value main = vm.modules->get_str(vm.intern("__main__"));
  if (main.is_obj() && main.o->kind == Kind::Module) {
    Value file = static_cast<ModuleObj*>(main.o)->dict->get_str(vm.n.__file__);
    if (!file.is_undef()) argv->items.push_back(file);
  }
  d->set_str(vm.intern("argv"), Value::object(argv));
  d->set_str(vm.intern("path"), Value::object(vm.new_list()));
  d->set_str(vm.intern("executable"), vm.str(""));
  d->set_str(vm.intern("implementation"), Value::none());
  d->set_str(vm.intern("flags"), Value::none());
  d->set_str(vm.intern("modules"), Value::object(vm.modules));
  d->set_str(vm.intern("byteorder"), vm.str("little"));
  vm.def_function(d, "getrecursionlimit", sys_getrecursionlimit);
  vm.def_function(d, "setrecursionlimit", sys_setrecursionlimit);
  vm.def_function(d, "exc_info", sys_exc_info);
  vm.def_function(d, "exception", sys_exception);
  vm.def_function(d, "exit", sys_exit);
  // version_info, float_info, int_info: CPython's struct sequences (tuples with named fields
  // and a "sys.name(field=value, ...)" repr), values of CPython 3.11 on 64-bit Linux. Built
  // in Python (modules/py/_sys_structseq.py, frozen) into this module, free of virtual time:
  // CPython's start-up does not show on the program's clock.
  uint64_t instructions = vm.instructions;
  bool ok = run_embedded_into(vm, m, "_sys_structseq");
  vm.instructions = instructions;
  return ok;
}

}  // namespace looplab
