// Queue (CPython 3.11's asyncio/queues.py) as natives over the Python class: each function
// mirrors the Python method of the same name, `_sync_op` records included (see asyncio_sync.h).
// PriorityQueue and LifoQueue (and programs' subclasses) override the hooks _init/_put/_get,
// which are called as methods then; join and task_done stay Python.
#include "modules/asyncio_sync.h"
#include "runtime/function.h"
#include "runtime/ops.h"

namespace looplab {

namespace {

// The methods the natives inline (bit i of SyncFamilyInfo::mask: deps[i]).
enum QueueDep : uint32_t {
  kEmpty = 1 << 0, kFull = 1 << 1, kQsize = 1 << 2, kGetLoop = 1 << 3, kWakeupNext = 1 << 4,
  kGetNowait = 1 << 5, kPutNowait = 1 << 6, kGetHook = 1 << 7, kPutHook = 1 << 8,
};
constexpr uint32_t kGetNowaitNeeds = kEmpty | kWakeupNext;
constexpr uint32_t kPutNowaitNeeds = kFull | kQsize | kWakeupNext;
constexpr uint32_t kGetNeeds = kGetNowaitNeeds | kGetLoop | kGetNowait;
constexpr uint32_t kPutNeeds = kPutNowaitNeeds | kGetLoop | kPutNowait;

SyncFamilyInfo& qfam(VM& vm) { return sync_state(vm)->family(SyncFamily::Queue); }
SyncStateObj::Names& names(VM& vm) { return sync_state(vm)->n; }

// mirrors Queue.empty: 1/0, -1 error.
int q_empty(VM& vm, Value self) {
  Value q = sync_get(vm, self, names(vm).queue);
  if (q.is_error()) return -1;
  int t = op_truth(vm, q);
  return t < 0 ? -1 : !t;
}

Value q_qsize(VM& vm, Value self) {
  Value q = sync_get(vm, self, names(vm).queue);
  if (q.is_error()) return q;
  int64_t n = container_len(vm, q);
  return n < 0 ? Value::error() : Value::integer(n);
}

// mirrors Queue.full (with Queue.qsize inlined): 1/0, -1 error.
int q_full(VM& vm, Value self) {
  Value maxsize = sync_get(vm, self, names(vm).maxsize);
  if (maxsize.is_error()) return -1;
  int unbounded = value_compare(vm, maxsize, 0, CompareOp::Le);
  if (unbounded != 0) return unbounded < 0 ? -1 : 0;
  Value size = q_qsize(vm, self);
  if (size.is_error()) return -1;
  Value r = op_compare(vm, size, maxsize, CompareOp::Ge);
  if (r.is_error()) return -1;
  return op_truth(vm, r);
}

// mirrors Queue._wakeup_next: wake the first waiter that is not done, dropping the done ones.
bool q_wakeup_next(VM& vm, Value waiters) {
  for (;;) {
    Value w;
    if (DequeObj* d = exact_deque(vm, waiters)) {
      if (!d->count) return true;
      w = d->pop_front();
      d->state++;
    } else {
      int t = op_truth(vm, waiters);
      if (t <= 0) return t == 0;
      w = vm.call_method(waiters, vm.intern("popleft"), {});
      if (w.is_error()) return false;
    }
    int done = waiter_done(vm, w);
    if (done < 0) return false;
    if (!done) return waiter_set_result(vm, w, Value::none());
  }
}

// _sync_op(..., op, len(self._queue)).
bool log_queue(VM& vm, Value self, SyncOpKind op) {
  Value q = sync_get(vm, self, names(vm).queue);
  if (q.is_error()) return false;
  int64_t n = container_len(vm, q);
  return n >= 0 && sync_log(vm, self, SyncKind::Queue, op, Value::integer(n));
}

Value raise_class(VM& vm, ClassObj* cls) {
  Value e = vm.call(Value::object(cls), {});
  return e.is_error() ? e : vm.set_pending(e);
}

// mirrors Queue.get_nowait (self pure for kGetNowaitNeeds).
Value q_get_nowait(VM& vm, Value self) {
  SyncStateObj* st = sync_state(vm);
  int empty = q_empty(vm, self);
  if (empty < 0) return Value::error();
  if (empty) return raise_class(vm, st->queue_empty);
  Value item;
  Value q = sync_get(vm, self, st->n.queue);
  if (q.is_error()) return q;
  DequeObj* d = exact_deque(vm, q);
  if (d && d->count && (qfam(vm).mask(vm, self.o->cls) & kGetHook)) {
    item = d->pop_front();  // Queue._get: self._queue.popleft()
    d->state++;
  } else {
    item = vm.call_method(self, st->n.get_, {});
    if (item.is_error()) return item;
  }
  if (!log_queue(vm, self, SyncOpKind::Get)) return Value::error();
  Value putters = sync_get(vm, self, st->n.putters);
  if (putters.is_error() || !q_wakeup_next(vm, putters)) return Value::error();
  return item;
}

// mirrors Queue.put_nowait (self pure for kPutNowaitNeeds).
Value q_put_nowait(VM& vm, Value self, Value item) {
  SyncStateObj* st = sync_state(vm);
  SyncStateObj::Names& n = st->n;
  int full = q_full(vm, self);
  if (full < 0) return Value::error();
  if (full) return raise_class(vm, st->queue_full);
  Value q = sync_get(vm, self, n.queue);
  if (q.is_error()) return q;
  if (exact_deque(vm, q) && (qfam(vm).mask(vm, self.o->cls) & kPutHook)) {
    if (!deque_append(vm, q, item)) return Value::error();  // Queue._put: self._queue.append(item)
  } else if (vm.call_method(self, n.put_, {item}).is_error()) {
    return Value::error();
  }
  Value unfinished = sync_get(vm, self, n.unfinished_tasks);
  if (unfinished.is_error()) return unfinished;
  unfinished = value_add(vm, unfinished, 1);
  if (unfinished.is_error()) return unfinished;
  sync_set(self, n.unfinished_tasks, unfinished);
  Value finished = sync_get(vm, self, n.finished);
  if (finished.is_error()) return finished;
  if (event_clear_inlinable(vm, finished)) {
    if (!event_clear(vm, finished)) return Value::error();
  } else if (vm.call_method(finished, n.clear, {}).is_error()) {
    return Value::error();
  }
  if (!log_queue(vm, self, SyncOpKind::Put)) return Value::error();
  Value getters = sync_get(vm, self, n.getters);
  if (getters.is_error() || !q_wakeup_next(vm, getters)) return Value::error();
  return Value::none();
}

// The `except:` clause of Queue.get / Queue.put after `await getter` raised `exc`.
SendResult waiter_failed(VM& vm, SyncCoroObj* c, Value exc, SyncAttr& waiters_name, int (*ready)(VM&, Value)) {
  Value w = Value::object(c->fut);
  if (!waiter_cancel(vm, w)) return SendResult::Error;
  Value waiters = sync_get(vm, c->self, waiters_name);
  if (waiters.is_error() || !deque_remove(vm, waiters, w, true)) return SendResult::Error;
  int r = ready(vm, c->self);
  if (r < 0) return SendResult::Error;
  if (!r && c->fut->state != FutureState::Cancelled) {
    waiters = sync_get(vm, c->self, waiters_name);
    if (waiters.is_error() || !q_wakeup_next(vm, waiters)) return SendResult::Error;
  }
  return sync_raise(vm, exc);
}

// ---- the methods ----------------------------------------------------------------------------

#define QUEUE_SELF(need)                                                                           \
  NativeFunctionObj* me = vm.calling_native;                                                       \
  if (a.nargs != 1 || a.kwnames || !qfam(vm).pure(vm, a[0], need)) return call_replaced(vm, me, a); \
  Value self = a[0]

Value queue_get(VM& vm, CallArgs& a) {
  QUEUE_SELF(kGetNeeds);
  return new_sync_coro(vm, SyncCoroOp::QueueGet, self);
}

Value queue_put(VM& vm, CallArgs& a) {
  NativeFunctionObj* me = vm.calling_native;
  if (a.nargs != 2 || a.kwnames || !qfam(vm).pure(vm, a[0], kPutNeeds)) return call_replaced(vm, me, a);
  return new_sync_coro(vm, SyncCoroOp::QueuePut, a[0], a[1]);
}

Value queue_get_nowait(VM& vm, CallArgs& a) {
  QUEUE_SELF(kGetNowaitNeeds);
  return q_get_nowait(vm, self);
}

Value queue_put_nowait(VM& vm, CallArgs& a) {
  NativeFunctionObj* me = vm.calling_native;
  if (a.nargs != 2 || a.kwnames || !qfam(vm).pure(vm, a[0], kPutNowaitNeeds)) return call_replaced(vm, me, a);
  return q_put_nowait(vm, a[0], a[1]);
}

Value queue_wakeup_next(VM& vm, CallArgs& a) {
  NativeFunctionObj* me = vm.calling_native;
  if (a.nargs != 2 || a.kwnames || !qfam(vm).pure(vm, a[0], 0)) return call_replaced(vm, me, a);
  return q_wakeup_next(vm, a[1]) ? Value::none() : Value::error();
}

Value queue_empty(VM& vm, CallArgs& a) {
  QUEUE_SELF(0);
  int r = q_empty(vm, self);
  return r < 0 ? Value::error() : Value::boolean(r);
}

Value queue_full(VM& vm, CallArgs& a) {
  QUEUE_SELF(kQsize);
  int r = q_full(vm, self);
  return r < 0 ? Value::error() : Value::boolean(r);
}

Value queue_qsize(VM& vm, CallArgs& a) {
  QUEUE_SELF(0);
  return q_qsize(vm, self);
}

#undef QUEUE_SELF

}  // namespace

// mirrors Queue.get: `while self.empty(): ... await getter`, then get_nowait(). Also the
// resumption after the await (the loop checks again).
SendResult queue_get_start(VM& vm, SyncCoroObj* c, Value* out) {
  SyncStateObj* st = sync_state(vm);
  int empty = q_empty(vm, c->self);
  if (empty < 0) return SendResult::Error;
  if (!empty) {
    *out = q_get_nowait(vm, c->self);
    return out->is_error() ? SendResult::Error : SendResult::Return;
  }
  FutureObj* getter = sync_new_waiter(vm, c->self, SyncMaker::QueueGet);
  if (!getter) return SendResult::Error;
  Value getters = sync_get(vm, c->self, st->n.getters);
  if (getters.is_error() || !deque_append(vm, getters, Value::object(getter))) return SendResult::Error;
  if (!sync_log(vm, c->self, SyncKind::Queue, SyncOpKind::Wait, Value::integer(0))) return SendResult::Error;
  return sync_yield(c, getter, out);
}

SendResult queue_get_fail(VM& vm, SyncCoroObj* c, Value exc) {
  return waiter_failed(vm, c, exc, names(vm).getters, q_empty);
}

// mirrors Queue.put: `while self.full(): ... await putter`, then put_nowait(item).
SendResult queue_put_start(VM& vm, SyncCoroObj* c, Value* out) {
  SyncStateObj* st = sync_state(vm);
  int full = q_full(vm, c->self);
  if (full < 0) return SendResult::Error;
  if (!full) {
    *out = q_put_nowait(vm, c->self, c->item);
    return out->is_error() ? SendResult::Error : SendResult::Return;
  }
  FutureObj* putter = sync_new_waiter(vm, c->self, SyncMaker::QueuePut);
  if (!putter) return SendResult::Error;
  Value putters = sync_get(vm, c->self, st->n.putters);
  if (putters.is_error() || !deque_append(vm, putters, Value::object(putter)) ||
      !log_queue(vm, c->self, SyncOpKind::Wait))
    return SendResult::Error;
  return sync_yield(c, putter, out);
}

SendResult queue_put_fail(VM& vm, SyncCoroObj* c, Value exc) {
  return waiter_failed(vm, c, exc, names(vm).putters, q_full);
}

// _sync_install_queues(Queue, QueueEmpty, QueueFull), at the end of queues.py.
Value fn_sync_install_queues(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_sync_install_queues", 3, 3)) return Value::error();
  for (size_t i = 0; i < 3; i++)
    if (!a[i].is_obj() || a[i].o->kind != Kind::Class) return vm.raise(vm.t.TypeError, "classes expected");
  ClassObj* queue = static_cast<ClassObj*>(a[0].o);
  SyncStateObj* st = sync_state(vm);
  st->queue_empty = static_cast<ClassObj*>(a[1].o);
  st->queue_full = static_cast<ClassObj*>(a[2].o);
  st->lines_queue_get = coroutine_lines(queue->dict->get_str(vm.intern("get")));
  st->lines_queue_put = coroutine_lines(queue->dict->get_str(vm.intern("put")));
  struct Install {
    const char* name;
    NativeFn fn;
  };
  for (const Install& in : {Install{"get", queue_get}, Install{"put", queue_put}, Install{"get_nowait", queue_get_nowait},
                            Install{"put_nowait", queue_put_nowait}, Install{"_wakeup_next", queue_wakeup_next},
                            Install{"empty", queue_empty}, Install{"full", queue_full}, Install{"qsize", queue_qsize}})
    if (install_native(vm, queue, in.name, in.fn).is_error()) return Value::error();
  finish_family(vm, st->family(SyncFamily::Queue), queue,
                {"empty", "full", "qsize", "_get_loop", "_wakeup_next", "get_nowait", "put_nowait", "_get", "_put"},
                {"_queue", "_getters", "_putters", "_unfinished_tasks", "_finished", "_maxsize", "_loop", "_looplab_sid",
                 "_looplab_label"});
  return Value::none();
}

}  // namespace looplab
