// Lock, Event and Semaphore (CPython 3.11's asyncio/locks.py) as natives over the Python
// classes: each function mirrors the Python method of the same name, `_sync_op` records
// included (see asyncio_sync.h). Condition and Barrier stay Python; they use these.
#include "modules/asyncio_sync.h"
#include "runtime/function.h"
#include "runtime/instance.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

// The methods each family's natives inline (bit i of SyncFamilyInfo::mask: deps[i]).
enum LockDep : uint32_t { kLockWakeUpFirst = 1 << 0, kLockGetLoop = 1 << 1 };
enum EventDep : uint32_t { kEventGetLoop = 1 << 0, kEventClear = 1 << 1 };
enum SemDep : uint32_t { kSemLocked = 1 << 0, kSemWakeUpNext = 1 << 1, kSemGetLoop = 1 << 2 };
constexpr uint32_t kLockAcquireNeeds = kLockWakeUpFirst | kLockGetLoop;
constexpr uint32_t kSemAcquireNeeds = kSemLocked | kSemWakeUpNext | kSemGetLoop;

SyncFamilyInfo& fam(VM& vm, SyncFamily f) { return sync_state(vm)->family(f); }
SyncStateObj::Names& names(VM& vm) { return sync_state(vm)->n; }

// The first item of a waiter queue (`next(iter(waiters))`), Undef when empty.
Value first_waiter(VM& vm, Value waiters) {
  if (DequeObj* d = exact_deque(vm, waiters)) return d->count ? d->at(0) : Value();
  Value it = op_iter(vm, waiters);
  if (it.is_error()) return it;
  return op_next(vm, it);
}

// Calls f(waiter) for each waiter in order until it returns 0 (stop) or -1 (error).
template <class F>
int each_waiter(VM& vm, Value waiters, F&& f) {
  if (DequeObj* d = exact_deque(vm, waiters)) {
    for (size_t i = 0; i < d->count; i++) {
      int r = f(d->at(i));
      if (r <= 0) return r;
    }
    return 1;
  }
  int result = 1;
  bool ok = op_for_each(vm, waiters, [&](Value w) {
    int r = f(w);
    if (r <= 0) result = r;
    return r;
  });
  return ok ? result : -1;
}

// ---- Lock -----------------------------------------------------------------------------------

// mirrors Lock._wake_up_first.
bool lock_wake_up_first(VM& vm, Value self) {
  Value waiters = sync_get(vm, self, names(vm).waiters);
  if (waiters.is_error()) return false;
  int any = op_truth(vm, waiters);
  if (any <= 0) return any == 0;
  Value fut = first_waiter(vm, waiters);
  if (fut.is_error()) return false;
  if (fut.is_undef()) return true;  // StopIteration
  int done = waiter_done(vm, fut);
  if (done < 0) return false;
  if (!done) {
    if (!waiter_set_result(vm, fut, Value::boolean(true))) return false;
    return sync_log(vm, self, SyncKind::Lock, SyncOpKind::Wake);
  }
  return true;
}

Value lock_acquire(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Lock, kLockAcquireNeeds)) return call_replaced(vm, vm.calling_native, a);
  return new_sync_coro(vm, SyncCoroOp::LockAcquire, a[0]);
}

Value lock_release(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Lock, kLockWakeUpFirst)) return call_replaced(vm, vm.calling_native, a);
  Value self = a[0];
  SyncStateObj::Names& n = names(vm);
  Value locked = sync_get(vm, self, n.locked);
  if (locked.is_error()) return locked;
  int t = op_truth(vm, locked);
  if (t < 0) return Value::error();
  if (!t) return vm.raise(vm.t.RuntimeError, "Lock is not acquired.");
  sync_set(self, n.locked, Value::boolean(false));
  if (!sync_log(vm, self, SyncKind::Lock, SyncOpKind::Release) || !lock_wake_up_first(vm, self)) return Value::error();
  return Value::none();
}

Value lock_wake_up_first_method(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Lock, 0)) return call_replaced(vm, vm.calling_native, a);
  return lock_wake_up_first(vm, a[0]) ? Value::none() : Value::error();
}

SendResult acquired(VM& vm, SyncCoroObj* c, Value* out) {
  *out = c->aenter ? Value::none() : Value::boolean(true);
  (void)vm;
  return SendResult::Return;
}

// `finally: self._waiters.remove(fut)` after the await.
bool remove_waiter(VM& vm, SyncCoroObj* c) {
  Value waiters = sync_get(vm, c->self, names(vm).waiters);
  return !waiters.is_error() && deque_remove(vm, waiters, Value::object(c->fut), false);
}

}  // namespace

// mirrors Lock.acquire up to `await fut`.
SendResult lock_acquire_start(VM& vm, SyncCoroObj* c, Value* out) {
  Value self = c->self;
  SyncStateObj* st = sync_state(vm);
  SyncStateObj::Names& n = st->n;
  Value locked = sync_get(vm, self, n.locked);
  if (locked.is_error()) return SendResult::Error;
  int is_locked = op_truth(vm, locked);
  if (is_locked < 0) return SendResult::Error;
  Value waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error()) return SendResult::Error;
  if (!is_locked) {
    int free = 1;
    if (!waiters.is_none()) free = each_waiter(vm, waiters, [&](Value w) { return waiter_cancelled(vm, w); });
    if (free < 0) return SendResult::Error;
    if (free) {
      sync_set(self, n.locked, Value::boolean(true));
      if (!sync_log(vm, self, SyncKind::Lock, SyncOpKind::Acquire)) return SendResult::Error;
      return acquired(vm, c, out);
    }
  }
  if (waiters.is_none()) {
    waiters = new_deque_value(vm);
    sync_set(self, n.waiters, waiters);
  }
  FutureObj* fut = sync_new_waiter(vm, self, SyncMaker::LockAcquire);
  if (!fut) return SendResult::Error;
  waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error() || !deque_append(vm, waiters, Value::object(fut))) return SendResult::Error;
  if (!sync_log(vm, self, SyncKind::Lock, SyncOpKind::Wait)) return SendResult::Error;
  return sync_yield(c, fut, out);
}

// The rest of Lock.acquire once `await fut` returned.
SendResult lock_acquire_resume(VM& vm, SyncCoroObj* c, Value, Value* out) {
  if (!remove_waiter(vm, c)) return SendResult::Error;
  sync_set(c->self, names(vm).locked, Value::boolean(true));
  if (!sync_log(vm, c->self, SyncKind::Lock, SyncOpKind::Acquire)) return SendResult::Error;
  return acquired(vm, c, out);
}

// Lock.acquire's `finally` and `except CancelledError` when `await fut` raised `exc`.
SendResult lock_acquire_fail(VM& vm, SyncCoroObj* c, Value exc) {
  if (!remove_waiter(vm, c)) return SendResult::Error;
  if (vm.isinstance(exc, asyncio_runtime(vm)->cancelled_error)) {
    Value locked = sync_get(vm, c->self, names(vm).locked);
    if (locked.is_error()) return SendResult::Error;
    int t = op_truth(vm, locked);
    if (t < 0) return SendResult::Error;
    if (!t && !lock_wake_up_first(vm, c->self)) return SendResult::Error;
  }
  return sync_raise(vm, exc);
}

// ---- Event ----------------------------------------------------------------------------------

namespace {

Value event_wait(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Event, kEventGetLoop)) return call_replaced(vm, vm.calling_native, a);
  return new_sync_coro(vm, SyncCoroOp::EventWait, a[0]);
}

// mirrors Event.set.
Value event_set(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Event, 0)) return call_replaced(vm, vm.calling_native, a);
  Value self = a[0];
  SyncStateObj::Names& n = names(vm);
  Value value = sync_get(vm, self, n.value);
  if (value.is_error()) return value;
  int t = op_truth(vm, value);
  if (t < 0) return Value::error();
  if (t) return Value::none();
  sync_set(self, n.value, Value::boolean(true));
  Value waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error()) return waiters;
  int64_t count = container_len(vm, waiters);
  if (count < 0) return Value::error();
  if (!sync_log(vm, self, SyncKind::Event, SyncOpKind::Set, Value::integer(count))) return Value::error();
  int r = each_waiter(vm, waiters, [&](Value fut) {
    int done = waiter_done(vm, fut);
    if (done < 0) return -1;
    if (!done && (!waiter_set_result(vm, fut, Value::boolean(true)) ||
                  !sync_log(vm, self, SyncKind::Event, SyncOpKind::Wake)))
      return -1;
    return 1;
  });
  return r < 0 ? Value::error() : Value::none();
}

}  // namespace

// mirrors Event.clear.
bool event_clear(VM& vm, Value self) {
  SyncStateObj::Names& n = names(vm);
  Value value = sync_get(vm, self, n.value);
  if (value.is_error()) return false;
  int t = op_truth(vm, value);
  if (t < 0) return false;
  if (t && !sync_log(vm, self, SyncKind::Event, SyncOpKind::Clear)) return false;
  sync_set(self, n.value, Value::boolean(false));
  return true;
}

bool event_clear_inlinable(VM& vm, Value event) {
  return fam(vm, SyncFamily::Event).pure(vm, event, kEventClear);
}

namespace {

Value event_clear_method(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Event, 0)) return call_replaced(vm, vm.calling_native, a);
  return event_clear(vm, a[0]) ? Value::none() : Value::error();
}

}  // namespace

// mirrors Event.wait up to `await fut`.
SendResult event_wait_start(VM& vm, SyncCoroObj* c, Value* out) {
  Value self = c->self;
  SyncStateObj* st = sync_state(vm);
  Value value = sync_get(vm, self, st->n.value);
  if (value.is_error()) return SendResult::Error;
  int t = op_truth(vm, value);
  if (t < 0) return SendResult::Error;
  if (t) {
    *out = Value::boolean(true);
    return SendResult::Return;
  }
  FutureObj* fut = sync_new_waiter(vm, self, SyncMaker::EventWait);
  if (!fut) return SendResult::Error;
  Value waiters = sync_get(vm, self, st->n.waiters);
  if (waiters.is_error() || !deque_append(vm, waiters, Value::object(fut))) return SendResult::Error;
  if (!sync_log(vm, self, SyncKind::Event, SyncOpKind::Wait)) return SendResult::Error;
  return sync_yield(c, fut, out);
}

SendResult event_wait_resume(VM& vm, SyncCoroObj* c, Value, Value* out) {
  if (!remove_waiter(vm, c)) return SendResult::Error;
  *out = Value::boolean(true);
  return SendResult::Return;
}

SendResult event_wait_fail(VM& vm, SyncCoroObj* c, Value exc) {
  if (!remove_waiter(vm, c)) return SendResult::Error;
  return sync_raise(vm, exc);
}

// ---- Semaphore ------------------------------------------------------------------------------

namespace {

// mirrors Semaphore.locked: 1/0, -1 error.
int sem_locked(VM& vm, Value self) {
  SyncStateObj::Names& n = names(vm);
  Value value = sync_get(vm, self, n.value);
  if (value.is_error()) return -1;
  int zero = value_compare(vm, value, 0, CompareOp::Eq);
  if (zero != 0) return zero;
  Value waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error()) return -1;
  int any = op_truth(vm, waiters);  // `self._waiters or ()`
  if (any <= 0) return any;
  int r = each_waiter(vm, waiters, [&](Value w) {
    int cancelled = waiter_cancelled(vm, w);
    return cancelled < 0 ? -1 : cancelled;  // stop (0) at the first one not cancelled
  });
  if (r < 0) return -1;
  return r == 0;
}

// mirrors Semaphore._wake_up_next.
bool sem_wake_up_next(VM& vm, Value self) {
  SyncStateObj::Names& n = names(vm);
  Value waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error()) return false;
  int any = op_truth(vm, waiters);
  if (any <= 0) return any == 0;
  int r = each_waiter(vm, waiters, [&](Value fut) {
    int done = waiter_done(vm, fut);
    if (done < 0) return -1;
    if (done) return 1;
    Value value = sync_get(vm, self, n.value);
    if (value.is_error()) return -1;
    value = value_add(vm, value, -1);
    if (value.is_error()) return -1;
    sync_set(self, n.value, value);
    if (!waiter_set_result(vm, fut, Value::boolean(true)) ||
        !sync_log(vm, self, SyncKind::Semaphore, SyncOpKind::Wake, value))
      return -1;
    return 0;
  });
  return r >= 0;
}

Value sem_acquire(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Semaphore, kSemAcquireNeeds)) return call_replaced(vm, vm.calling_native, a);
  return new_sync_coro(vm, SyncCoroOp::SemAcquire, a[0]);
}

// mirrors Semaphore.release.
Value sem_release(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Semaphore, kSemWakeUpNext)) return call_replaced(vm, vm.calling_native, a);
  Value self = a[0];
  SyncAttr& vname = names(vm).value;
  Value value = sync_get(vm, self, vname);
  if (value.is_error()) return value;
  value = value_add(vm, value, 1);
  if (value.is_error()) return value;
  sync_set(self, vname, value);
  if (!sync_log(vm, self, SyncKind::Semaphore, SyncOpKind::Release, value) || !sem_wake_up_next(vm, self))
    return Value::error();
  return Value::none();
}

Value sem_locked_method(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Semaphore, 0)) return call_replaced(vm, vm.calling_native, a);
  int r = sem_locked(vm, a[0]);
  return r < 0 ? Value::error() : Value::boolean(r);
}

Value sem_wake_up_next_method(VM& vm, CallArgs& a) {
  if (!plain_self_call(vm, a, SyncFamily::Semaphore, 0)) return call_replaced(vm, vm.calling_native, a);
  return sem_wake_up_next(vm, a[0]) ? Value::none() : Value::error();
}

bool log_sem(VM& vm, Value self, SyncOpKind op) {
  Value value = sync_get(vm, self, names(vm).value);
  return !value.is_error() && sync_log(vm, self, SyncKind::Semaphore, op, value);
}

}  // namespace

// mirrors Semaphore.acquire up to `await fut`.
SendResult sem_acquire_start(VM& vm, SyncCoroObj* c, Value* out) {
  Value self = c->self;
  SyncStateObj* st = sync_state(vm);
  SyncStateObj::Names& n = st->n;
  int locked = sem_locked(vm, self);
  if (locked < 0) return SendResult::Error;
  if (!locked) {
    Value value = sync_get(vm, self, n.value);
    if (value.is_error()) return SendResult::Error;
    value = value_add(vm, value, -1);
    if (value.is_error()) return SendResult::Error;
    sync_set(self, n.value, value);
    if (!sync_log(vm, self, SyncKind::Semaphore, SyncOpKind::Acquire, value)) return SendResult::Error;
    return acquired(vm, c, out);
  }
  Value waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error()) return SendResult::Error;
  if (waiters.is_none()) sync_set(self, n.waiters, new_deque_value(vm));
  FutureObj* fut = sync_new_waiter(vm, self, SyncMaker::SemAcquire);
  if (!fut) return SendResult::Error;
  waiters = sync_get(vm, self, n.waiters);
  if (waiters.is_error() || !deque_append(vm, waiters, Value::object(fut))) return SendResult::Error;
  if (!log_sem(vm, self, SyncOpKind::Wait)) return SendResult::Error;
  return sync_yield(c, fut, out);
}

SendResult sem_acquire_resume(VM& vm, SyncCoroObj* c, Value, Value* out) {
  if (!remove_waiter(vm, c) || !log_sem(vm, c->self, SyncOpKind::Acquire)) return SendResult::Error;
  Value value = sync_get(vm, c->self, names(vm).value);
  if (value.is_error()) return SendResult::Error;
  int positive = value_compare(vm, value, 0, CompareOp::Gt);
  if (positive < 0 || (positive && !sem_wake_up_next(vm, c->self))) return SendResult::Error;
  return acquired(vm, c, out);
}

SendResult sem_acquire_fail(VM& vm, SyncCoroObj* c, Value exc) {
  if (!remove_waiter(vm, c)) return SendResult::Error;
  if (vm.isinstance(exc, asyncio_runtime(vm)->cancelled_error) && c->fut->state != FutureState::Cancelled) {
    SyncAttr& vname = names(vm).value;
    Value value = sync_get(vm, c->self, vname);
    if (value.is_error()) return SendResult::Error;
    value = value_add(vm, value, 1);
    if (value.is_error()) return SendResult::Error;
    sync_set(c->self, vname, value);
    if (!sem_wake_up_next(vm, c->self)) return SendResult::Error;
  }
  return sync_raise(vm, exc);
}

// ---- _ContextManagerMixin -------------------------------------------------------------------

namespace {

// mirrors _ContextManagerMixin.__aenter__: `await self.acquire()`, run by the acquire
// coroutine itself when self.acquire is a Lock's or a Semaphore's (a Condition's is its lock's).
Value mixin_aenter(VM& vm, CallArgs& a) {
  NativeFunctionObj* me = vm.calling_native;
  if (!plain_self_call(vm, a, SyncFamily::Mixin, 0)) return call_replaced(vm, me, a);
  SyncStateObj* st = sync_state(vm);
  Value self = a[0];
  Value fn = static_cast<InstanceObj*>(self.o)->dict->get_str(st->n.acquire);
  Value target = self;
  if (fn.is_undef()) {
    fn = self.o->cls->lookup(st->n.acquire);
  } else if (fn.is_obj() && fn.o->kind == Kind::BoundMethod) {
    target = static_cast<BoundMethodObj*>(fn.o)->self;
    fn = static_cast<BoundMethodObj*>(fn.o)->func;
  } else {
    fn = Value();
  }
  if (fn.same(st->lock_acquire) && st->family(SyncFamily::Lock).pure(vm, target, kLockAcquireNeeds))
    return new_sync_coro(vm, SyncCoroOp::LockAcquire, target, Value(), true);
  if (fn.same(st->sem_acquire) && st->family(SyncFamily::Semaphore).pure(vm, target, kSemAcquireNeeds))
    return new_sync_coro(vm, SyncCoroOp::SemAcquire, target, Value(), true);
  return call_replaced(vm, me, a);
}

Value mixin_aexit(VM& vm, CallArgs& a) {
  NativeFunctionObj* me = vm.calling_native;
  if (a.nargs != 4 || a.kwnames) return call_replaced(vm, me, a);
  return new_sync_coro(vm, SyncCoroOp::Aexit, a[0]);
}

}  // namespace

// mirrors _ContextManagerMixin.__aexit__: self.release().
SendResult aexit_start(VM& vm, SyncCoroObj* c, Value* out) {
  Value r = vm.call_method(c->self, sync_state(vm)->n.release, {});
  if (r.is_error()) return SendResult::Error;
  *out = Value::none();
  return SendResult::Return;
}

// _sync_install_locks(_ContextManagerMixin, Lock, Event, Semaphore), at the end of locks.py.
Value fn_sync_install_locks(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_sync_install_locks", 4, 4)) return Value::error();
  for (size_t i = 0; i < 4; i++)
    if (!a[i].is_obj() || a[i].o->kind != Kind::Class) return vm.raise(vm.t.TypeError, "classes expected");
  ClassObj* mixin = static_cast<ClassObj*>(a[0].o);
  ClassObj* lock = static_cast<ClassObj*>(a[1].o);
  ClassObj* event = static_cast<ClassObj*>(a[2].o);
  ClassObj* sem = static_cast<ClassObj*>(a[3].o);
  SyncStateObj* st = sync_state(vm);
  st->lines_aenter = coroutine_lines(mixin->dict->get_str(vm.n.__aenter__));
  st->lines_aexit = coroutine_lines(mixin->dict->get_str(vm.n.__aexit__));
  st->lines_lock_acquire = coroutine_lines(lock->dict->get_str(st->n.acquire));
  st->lines_sem_acquire = coroutine_lines(sem->dict->get_str(st->n.acquire));
  st->lines_event_wait = coroutine_lines(event->dict->get_str(vm.intern("wait")));
  struct Install {
    ClassObj* cls;
    const char* name;
    NativeFn fn;
    Value* keep;
  };
  Value ignored;
  for (const Install& in : {Install{mixin, "__aenter__", mixin_aenter, &ignored},
                            Install{mixin, "__aexit__", mixin_aexit, &ignored},
                            Install{lock, "acquire", lock_acquire, &st->lock_acquire},
                            Install{lock, "release", lock_release, &st->lock_release},
                            Install{lock, "_wake_up_first", lock_wake_up_first_method, &ignored},
                            Install{event, "wait", event_wait, &ignored},
                            Install{event, "set", event_set, &ignored},
                            Install{event, "clear", event_clear_method, &st->event_clear},
                            Install{sem, "acquire", sem_acquire, &st->sem_acquire},
                            Install{sem, "release", sem_release, &ignored},
                            Install{sem, "locked", sem_locked_method, &ignored},
                            Install{sem, "_wake_up_next", sem_wake_up_next_method, &ignored}}) {
    Value nf = install_native(vm, in.cls, in.name, in.fn);
    if (nf.is_error()) return nf;
    *in.keep = nf;
  }
  const char* common[] = {"_loop", "_looplab_sid", "_looplab_label"};
  finish_family(vm, st->family(SyncFamily::Mixin), mixin, {}, {});
  finish_family(vm, st->family(SyncFamily::Lock), lock, {"_wake_up_first", "_get_loop"},
                {"_locked", "_waiters", common[0], common[1], common[2]});
  finish_family(vm, st->family(SyncFamily::Event), event, {"_get_loop", "clear"},
                {"_value", "_waiters", common[0], common[1], common[2]});
  finish_family(vm, st->family(SyncFamily::Semaphore), sem, {"locked", "_wake_up_next", "_get_loop"},
                {"_value", "_waiters", common[0], common[1], common[2]});
  return Value::none();
}

}  // namespace looplab
