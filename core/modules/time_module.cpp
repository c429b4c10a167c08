// time: every clock reads the engine's virtual clock, and time.sleep blocks the loop for that
// virtual time (or the executor worker that calls it).
#include <cmath>
#include <ctime>

#include "modules/asyncio_runtime.h"
#include "modules/module_inits.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

double now(VM& vm) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  return rt ? rt->clock.now() : VirtualClock::kStart;
}

Value t_monotonic(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "monotonic", 0, 0)) return Value::error();
  return Value::real(now(vm));
}

Value t_time(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "time", 0, 0)) return Value::error();
  return Value::real(VirtualClock::kEpoch + now(vm) - VirtualClock::kStart);
}

Value t_monotonic_ns(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "monotonic_ns", 0, 0)) return Value::error();
  return Value::integer(int64_t(std::llround(now(vm) * 1e9)));
}

Value t_time_ns(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "time_ns", 0, 0)) return Value::error();
  return Value::integer(int64_t(std::llround((VirtualClock::kEpoch + now(vm) - VirtualClock::kStart) * 1e9)));
}

Value t_sleep(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "sleep", 1, 1)) return Value::error();
  double s;
  if (!as_double(vm, a[0], &s)) return Value::error();
  if (s < 0) return vm.raise(vm.t.ValueError, "sleep length must be non-negative");
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (!rt) return Value::none();
  double t0 = rt->clock.now();
  bool in_worker = rt->clock.in_worker();
  rt->clock.advance(s);
  if (!in_worker) {
    // The whole loop stands still: record it where it happened.
    EventLoop* loop = rt->running_loop;
    uint32_t task = loop && loop->current_task ? loop->current_task->task_id : 0;
    rt->log->add_f(EventKind::Blocked, t0, s, task, uint32_t(vm.current_line()), uint32_t(BlockReason::TimeSleep));
  }
  return Value::none();
}

// struct_time-like tuples for gmtime/localtime (UTC: the sandbox has no time zone).
Value t_gmtime(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "gmtime", 0, 1)) return Value::error();
  double secs = VirtualClock::kEpoch + now(vm) - VirtualClock::kStart;
  if (a.nargs == 1 && !a[0].is_none() && !as_double(vm, a[0], &secs)) return Value::error();
  std::time_t t = std::time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  int wday = (tm.tm_wday + 6) % 7;
  return Value::object(vm.tuple_of({Value::integer(tm.tm_year + 1900), Value::integer(tm.tm_mon + 1),
                                    Value::integer(tm.tm_mday), Value::integer(tm.tm_hour), Value::integer(tm.tm_min),
                                    Value::integer(tm.tm_sec), Value::integer(wday), Value::integer(tm.tm_yday + 1),
                                    Value::integer(0)}));
}

Value t_strftime(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "strftime", 1, 2)) return Value::error();
  if (!vm.isinstance(a[0], vm.t.str)) return vm.raise(vm.t.TypeError, "strftime() argument 1 must be str");
  std::tm tm{};
  if (a.nargs == 2 && a[1].is_obj() && a[1].o->kind == Kind::Tuple && static_cast<TupleObj*>(a[1].o)->size >= 6) {
    TupleObj* t = static_cast<TupleObj*>(a[1].o);
    auto get = [&](size_t i) { return (*t)[i].is_int() ? int((*t)[i].i) : 0; };
    tm.tm_year = get(0) - 1900;
    tm.tm_mon = get(1) - 1;
    tm.tm_mday = get(2);
    tm.tm_hour = get(3);
    tm.tm_min = get(4);
    tm.tm_sec = get(5);
  } else {
    std::time_t t = std::time_t(VirtualClock::kEpoch + now(vm) - VirtualClock::kStart);
    gmtime_r(&t, &tm);
  }
  char buf[256];
  size_t n = std::strftime(buf, sizeof buf, static_cast<StrObj*>(a[0].o)->data(), &tm);
  return vm.str(std::string_view(buf, n));
}

}  // namespace

bool init_time_module(VM& vm, ModuleObj* m) {
  DictObj* d = m->dict;
  vm.def_function(d, "time", t_time);
  vm.def_function(d, "monotonic", t_monotonic);
  vm.def_function(d, "perf_counter", t_monotonic);
  vm.def_function(d, "process_time", t_monotonic);
  vm.def_function(d, "time_ns", t_time_ns);
  vm.def_function(d, "monotonic_ns", t_monotonic_ns);
  vm.def_function(d, "perf_counter_ns", t_monotonic_ns);
  vm.def_function(d, "sleep", t_sleep);
  vm.def_function(d, "gmtime", t_gmtime);
  vm.def_function(d, "localtime", t_gmtime);
  vm.def_function(d, "strftime", t_strftime);
  d->set_str(vm.intern("timezone"), Value::integer(0));
  return true;
}

}  // namespace looplab
