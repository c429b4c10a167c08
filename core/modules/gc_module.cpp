// gc: the collector's switch and a collect() that also reports what CPython's finalizers
// would (a task's exception nobody retrieved), at the moment the program asks for it.
#include "modules/asyncio_runtime.h"
#include "modules/module_inits.h"
#include "runtime/ops.h"

namespace looplab {
namespace {

bool g_enabled = true;  // only what gc.isenabled() reports: collection is the engine's business

Value gc_collect(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "collect", 0, 1)) return Value::error();
  // Safe only when this native is the one C++ frame above the dispatch loop: the values the
  // collector cannot see are then just this call's own (none).
  if (vm.native_depth() != 1 || vm.nested_runs() != 0) return Value::integer(0);
  size_t before = vm.heap.object_count();
  vm.heap.collect();
  size_t after = vm.heap.object_count();
  if (AsyncioRuntime* rt = asyncio_runtime(vm)) report_finalizable(*rt);
  return Value::integer(int64_t(before > after ? before - after : 0));
}

Value gc_enable(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "enable", 0, 0)) return Value::error();
  g_enabled = true;
  return Value::none();
}

Value gc_disable(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "disable", 0, 0)) return Value::error();
  g_enabled = false;
  return Value::none();
}

Value gc_isenabled(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "isenabled", 0, 0)) return Value::error();
  return Value::boolean(g_enabled);
}

}  // namespace

bool init_gc_module(VM& vm, ModuleObj* m) {
  g_enabled = true;
  DictObj* d = m->dict;
  vm.def_function(d, "collect", gc_collect);
  vm.def_function(d, "enable", gc_enable);
  vm.def_function(d, "disable", gc_disable);
  vm.def_function(d, "isenabled", gc_isenabled);
  return true;
}

}  // namespace looplab
