// asyncio.sleep as a native coroutine. It does what tasks.py's sleep does, with the same hops:
// sleep(0) is one bare yield; sleep(d) makes a future, schedules a timer that sets its result
// (futures._set_result_unless_cancelled), awaits the future, and cancels the timer in `finally`.
#include <cstdio>
#include <cstring>

#include "lang/generator.h"
#include "modules/asyncio_parts.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

// 64 bytes, not 80: a pending sleep is one per waiting task. The delay is needed only until
// the timer exists, so the two share a word, and the future is the timer's (a SetResult handle
// keeps it); `result` is needed before there is a timer (and by sleep(0)).
struct SleepObj final : Obj {
  enum State : uint8_t { Created, YieldedZero, Waiting, Done } state = Created;
  bool awaited = false;  // started, or reported as never awaited
  union {
    double delay;       // Created, YieldedZero
    HandleObj* timer;   // Waiting (and Done after it, unused)
  };
  Value result;
  SleepObj(ClassObj* cls, double d, Value r) : Obj(cls, Kind::Other), delay(d), result(r) {}
  void trace(Tracer& t) override {
    t.mark(result);
    if (state == Waiting) t.mark(timer);
  }
  FutureObj* future() const { return timer->future(); }
};
static_assert(sizeof(SleepObj) <= 64, "a pending asyncio.sleep should fit the pool's 64-byte class");

// The log's label for a sleep's future, "sleep(0.25)": formatted once per delay (a program
// sleeps for a few distinct delays, and snprintf's %g at every sleep was a tenth of a timer
// storm's time).
uint32_t sleep_label(EventLog& log, double delay) {
  uint64_t bits;
  std::memcpy(&bits, &delay, sizeof bits);
  char buf[48];
  return log.intern_keyed(KeySpace::SleepDelay, bits, [&] {
    int n = std::snprintf(buf, sizeof buf, "sleep(%g)", delay);
    return std::string_view(buf, size_t(n));
  });
}

// The first send, throw or close: the coroutine is no longer one that was never awaited.
void mark_awaited(VM& vm, SleepObj* s) {
  if (s->awaited) return;
  s->awaited = true;
  asyncio_runtime(vm)->counters.sleeps_never_awaited--;
}

SendResult sleep_send(VM& vm, Value self, Value, Value* out) {
  SleepObj* s = static_cast<SleepObj*>(self.o);
  mark_awaited(vm, s);
  switch (s->state) {
    case SleepObj::Created: {
      if (s->delay <= 0) {
        s->state = SleepObj::YieldedZero;
        *out = Value::none();  // tasks.__sleep0: a bare yield
        return SendResult::Yield;
      }
      EventLoop* loop = get_running_loop_or_raise(vm);
      if (!loop) return SendResult::Error;
      FutureObj* future = loop->create_future(sleep_label(*asyncio_runtime(vm)->log, s->delay));
      s->timer = loop->call_at_set_result(loop->time() + s->delay, future, s->result);
      s->state = SleepObj::Waiting;
      future->blocking = true;
      *out = Value::object(future);
      return SendResult::Yield;
    }
    case SleepObj::YieldedZero:
      s->state = SleepObj::Done;
      *out = s->result;
      return SendResult::Return;
    case SleepObj::Waiting: {
      s->state = SleepObj::Done;
      FutureObj* future = s->future();
      future->loop->cancel_handle(s->timer);  // finally: h.cancel()
      if (!future->done()) {
        vm.raise(vm.t.RuntimeError, "await wasn't used with future");
        return SendResult::Error;
      }
      bool not_ready;
      if (future->loop->future_result(future, out, &not_ready)) return SendResult::Return;
      vm.set_pending(*out);
      return SendResult::Error;
    }
    case SleepObj::Done:
      vm.raise(vm.t.RuntimeError, "cannot reuse already awaited coroutine");
      return SendResult::Error;
  }
  return SendResult::Error;
}

// An exception thrown in while waiting (cancellation): cancel the timer, then raise it.
Value sleep_throw(VM& vm, CallArgs& a) {
  if (a.nargs < 2) return vm.raise(vm.t.TypeError, "throw expected at least 1 argument");
  SleepObj* s = static_cast<SleepObj*>(a[0].o);
  mark_awaited(vm, s);
  if (s->state == SleepObj::Waiting) s->future()->loop->cancel_handle(s->timer);
  s->state = SleepObj::Done;
  Value exc = a[1];
  if (exc.is_obj() && exc.o->kind == Kind::Class) {
    exc = vm.call(exc, {});
    if (exc.is_error()) return exc;
  }
  return vm.set_pending(exc);
}

Value sleep_close(VM& vm, CallArgs& a) {
  SleepObj* s = static_cast<SleepObj*>(a[0].o);
  mark_awaited(vm, s);
  if (s->state == SleepObj::Waiting) s->future()->loop->cancel_handle(s->timer);
  s->state = SleepObj::Done;
  return Value::none();
}

Value sleep_repr(VM& vm, Value self) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "0x%012llx", (unsigned long long)(uintptr_t)self.o.get());
  return vm.str(std::string("<coroutine object sleep at ") + buf + ">");
}

Value fn_sleep(VM& vm, CallArgs& a) {
  Value v[2];
  // sleep(delay), most calls, is bound here: bind_args' pass over the parameters costs ~100
  // instructions, 4% of a sleep(0) benchmark.
  if (a.nargs == 1 && a.nkw() == 0) v[0] = a[0];
  else if (!bind_args(vm, a, "sleep", {"delay", "result="}, v, ArgStyle::Python)) return Value::error();
  double d;
  if (!as_double(vm, v[0], &d)) {
    // tasks.py's sleep starts with `if delay <= 0:`: a str or None gets that comparison's error.
    Value not_a_number = vm.take_exception();
    if (op_compare(vm, v[0], Value::integer(0), CompareOp::Le).is_error()) return Value::error();
    return vm.set_pending(not_a_number);
  }
  AsyncioRuntime* rt = asyncio_runtime(vm);
  rt->counters.sleeps_never_awaited++;
  return Value::object(vm.heap.make<SleepObj>(rt->sleep_class, d, v[1].is_undef() ? Value::none() : v[1]));
}

}  // namespace

bool take_unawaited_sleep(VM& vm, Value v) {
  SleepObj* s = static_cast<SleepObj*>(v.o);
  if (s->awaited) return false;
  mark_awaited(vm, s);
  return true;
}

void init_sleep(VM& vm, ModuleObj* m) {
  ClassObj* cls = vm.new_class("coroutine", {}, Kind::Other, kClassBuiltin | kClassAwaitsItself, "builtins");
  cls->slots.am_send = sleep_send;
  cls->slots.repr = sleep_repr;
  vm.def_method(cls, "throw", sleep_throw);
  vm.def_method(cls, "close", sleep_close);
  vm.def_method(cls, "__await__", [](VM&, CallArgs& a) { return a[0]; });
  // __await__() returns the coroutine itself, so it must iterate like CPython's
  // coroutine_wrapper: `return (yield from asyncio.sleep(d).__await__())` in a custom awaitable.
  cls->slots.iter = [](VM&, Value self) { return self; };
  cls->slots.next = [](VM& vm2, Value self) {
    Value out;
    SendResult r = sleep_send(vm2, self, Value::none(), &out);
    if (r == SendResult::Yield) return out;
    if (r == SendResult::Error) return Value::error();
    return raise_stop_iteration(vm2, out);
  };
  vm.def_method(cls, "send", [](VM& vm2, CallArgs& a) {
    Value out;
    SendResult r = sleep_send(vm2, a[0], a.nargs > 1 ? a[1] : Value::none(), &out);
    if (r == SendResult::Yield) return out;
    if (r == SendResult::Error) return Value::error();
    return raise_stop_iteration(vm2, out);
  });
  asyncio_runtime(vm)->sleep_class = cls;
  vm.def_function(m->dict, "sleep", fn_sleep);
}

}  // namespace looplab
