// Executor threads, simulated. loop.run_in_executor(executor, func, *args) runs func at once on
// a worker's own virtual timeline (its instructions and time.sleep calls do not move the loop's
// clock); the result reaches the asyncio future when that worker's clock says the work is done,
// as call_soon_threadsafe would deliver it.
#include "modules/asyncio_parts.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

// The workers' free-at times: the default executor's, or a ThreadPoolExecutor's own list
// (its `_looplab_free_at` attribute, made by concurrent.futures in Python).
std::vector<double>* worker_times(VM& vm, Value executor, ListObj** list_out) {
  *list_out = nullptr;
  if (executor.is_none()) return &asyncio_runtime(vm)->executor.worker_free_at;
  Value l = op_getattr_opt(vm, executor, vm.intern("_looplab_free_at"));
  if (l.is_obj() && l.o->kind == Kind::List) *list_out = static_cast<ListObj*>(l.o);
  vm.clear_exception();
  return nullptr;
}

Value loop_run_in_executor(VM& vm, CallArgs& a) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (a.nargs < 3 || !a[0].is_obj() || a[0].o->cls != rt->classes.loop)
    return vm.raise(vm.t.TypeError, "run_in_executor() missing required arguments 'executor' and 'func'");
  EventLoop* loop = static_cast<EventLoop*>(a[0].o);
  if (loop->closed) return vm.raise(vm.t.RuntimeError, "Event loop is closed");
  Value func = a[2];
  if (!op_callable(vm, func)) return vm.raise(vm.t.TypeError, "func must be callable");
  // Pick the worker that is free first.
  ListObj* list;
  std::vector<double>* times = worker_times(vm, a[1], &list);
  std::vector<double> local;
  if (list) {
    for (Value v : list->items) local.push_back(v.is_float() ? v.f : v.is_int() ? double(v.i) : 0.0);
    if (local.empty()) local.push_back(0);
    times = &local;
  } else if (!times) {
    local.assign(6, 0.0);
    times = &local;
  }
  size_t worker = 0;
  for (size_t i = 1; i < times->size(); i++)
    if ((*times)[i] < (*times)[worker]) worker = i;
  double now = loop->time();
  double start = std::max(now, (*times)[worker]);
  uint32_t job = ++rt->counters.jobs;

  // Run the work now, on the worker's timeline.
  rt->clock.enter_worker(start);
  Value result = vm.call(func, a.args + 3, a.nargs - 3);
  bool failed = result.is_error();
  if (failed) result = vm.take_exception();
  double elapsed = rt->clock.leave_worker();
  double done_at = start + elapsed;
  (*times)[worker] = done_at;
  if (list) {
    list->items.clear();
    for (double t : local) list->items.push_back(Value::real(t));
  }
  FutureObj* f = loop->create_future(rt->log->intern("run_in_executor(" + rt->host.describe(func) + ")"));
  rt->log->add_f(EventKind::ExecutorSubmit, now, done_at, job, uint32_t(worker + 1), f->label);
  loop->executor_done_at(done_at, f, result, failed, job, uint32_t(worker + 1));
  return Value::object(f);
}

}  // namespace

void init_executor(VM& vm, ModuleObj*) {
  vm.def_method(asyncio_runtime(vm)->classes.loop, "run_in_executor", loop_run_in_executor);
}

}  // namespace looplab
