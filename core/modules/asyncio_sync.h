// asyncio's locks and queues in C++. Lock, Event, Semaphore (locks.py) and Queue (queues.py)
// stay Python classes with CPython's code, but their hot methods are replaced by natives when
// the modules load (_asyncio._sync_install). A native does what CPython's code does, with the
// same `_sync_op` log records, on the instance's own attributes (`_locked`, `_waiters`, ...),
// and awaiting one (`await lock.acquire()`) runs no Python frame: its coroutine is a small
// native object that yields the waiter future directly.
//
// The Python code stays the reference, and the fallback: a native that finds a method it would
// inline overridden in the instance's class (a subclass redefining `_wake_up_first`, `empty`,
// `__getattribute__` ...) calls the Python function it replaced, so any subclass behaves as in
// CPython. Queue's documented hooks `_get`/`_put` are called as methods when overridden.
#pragma once

#include <array>

#include "modules/asyncio_parts.h"
#include "modules/collections_deque.h"
#include "runtime/dict.h"
#include "runtime/instance.h"

namespace looplab {

// The classes whose methods the natives replace, each with the methods the natives inline.
enum class SyncFamily : uint8_t { Mixin, Lock, Event, Semaphore, Queue, kCount };

// An instance attribute the natives read and write, with the position in the instance dict
// where it was last found: instances of a class get their attributes in the same order, so
// the guess mostly hits and the dict is not hashed (a miss looks the name up).
struct SyncAttr {
  StrObj* name = nullptr;
  size_t guess = 0;
};

// One family: its base class, the methods the natives inline (bit i of a class's mask: deps[i]
// still resolves to the base's), and the instance attributes they read from the dict.
struct SyncFamilyInfo {
  static constexpr uint32_t kPlainAttrs = 1u << 31;  // attributes live in the instance dict
  ClassObj* base = nullptr;
  std::vector<StrObj*> deps;
  std::vector<Value> dep_values;     // base->lookup(deps[i]) once installed
  std::vector<StrObj*> attrs;        // read and written through the instance dict
  std::vector<Value> attr_defaults;  // base->lookup(attrs[i]): class-level defaults (_loop)
  struct Entry {
    ClassObj* cls = nullptr;
    uint64_t epoch = 0;
    uint32_t mask = 0;
  };
  std::array<Entry, 4> cache{};  // weak: read only while the type epoch matches
  size_t next_entry = 0;

  // The mask of `cls`: kPlainAttrs and the deps it has not overridden (0 if not a subclass).
  uint32_t mask(VM& vm, ClassObj* cls);
  // True if `self`'s class keeps the base's attributes and every dep in `need`.
  bool pure(VM& vm, Value self, uint32_t need) {
    if (!self.is_obj() || self.o->kind != Kind::Instance) return false;
    uint32_t m = mask(vm, self.o->cls);
    return (m & (need | kPlainAttrs)) == (need | kPlainAttrs);
  }
};

// Per-VM state of the natives (rooted through AsyncioRuntime::sync_state).
struct SyncStateObj final : Obj {
  explicit SyncStateObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  void trace(Tracer& t) override;

  std::array<SyncFamilyInfo, size_t(SyncFamily::kCount)> families;
  // Instance attributes the natives use, and method names (interned, so never collected).
  struct Names {
    SyncAttr locked, waiters, value, loop, sid, label, queue, getters, putters, unfinished_tasks, finished, maxsize;
    StrObj *acquire, *release, *clear, *get_, *put_;
  } n{};
  // log->intern of future labels, cached by the label's string object.
  struct LabelCache {
    StrObj* text = nullptr;
    uint32_t id = 0;
  };
  std::array<LabelCache, 8> labels{};
  size_t next_label = 0;
  uint32_t intern_label(EventLog* log, StrObj* text);
  // log->intern of the makers of waiter futures ("Lock.acquire" ...), on first use.
  uint32_t maker_ids[5] = {};
  SyncFamilyInfo& family(SyncFamily f) { return families[size_t(f)]; }
  ClassObj* coro_class = nullptr;  // the natives' coroutine objects ("coroutine")
  ClassObj* queue_empty = nullptr;  // queues.QueueEmpty
  ClassObj* queue_full = nullptr;   // queues.QueueFull
  ClassObj* gathering_future = nullptr;    // tasks._GatheringFuture (asyncio_gather.cpp)
  ClassObj* gather_state_class = nullptr;  // what gather's _done_callback closes over
  StrObj *s_children = nullptr, *s_cancel_requested = nullptr, *s_done_callback = nullptr;
  uint32_t gather_label = 0;  // log->intern("gather"), on first use
  // The natives installed (the keys of __aenter__'s look-up of `acquire`).
  Value lock_acquire, lock_release, sem_acquire, event_clear;
  // Lines of the replaced Python coroutines, for the log's task lines: where each is defined
  // and where it awaits its waiter (see native_coro_info).
  struct Lines {
    int def = 0, await = 0;
  };
  Lines lines_lock_acquire, lines_sem_acquire, lines_event_wait, lines_queue_get, lines_queue_put, lines_aenter,
      lines_aexit;
};

// The natives' state: they run only once init_sync made it.
inline SyncStateObj* sync_state(VM& vm) {
  return static_cast<SyncStateObj*>(static_cast<AsyncioRuntime*>(vm.host_context)->sync_state.o);
}

// ---- what the natives share (asyncio_sync.cpp) ---------------------------------------------

// An instance attribute of a pure instance (SyncFamilyInfo::pure): the dict's, else the class
// default; AttributeError when neither exists.
Value sync_get_slow(VM& vm, Value self, SyncAttr& a);
void sync_set_slow(Value self, SyncAttr& a, Value v);
inline Value sync_get(VM& vm, Value self, SyncAttr& a) {
  DictObj* d = static_cast<InstanceObj*>(self.o)->dict;
  if (a.guess < d->entries.size()) {
    const DictEntry& e = d->entries[a.guess];
    if (e.key.is_obj() && e.key.o == a.name) return e.value;
  }
  return sync_get_slow(vm, self, a);
}
inline void sync_set(Value self, SyncAttr& a, Value v) {
  DictObj* d = static_cast<InstanceObj*>(self.o)->dict;
  if (a.guess < d->entries.size()) {
    DictEntry& e = d->entries[a.guess];
    if (e.key.is_obj() && e.key.o == a.name) {
      e.value = v;
      return;
    }
  }
  sync_set_slow(self, a, v);
}
// _sync_op(self._looplab_sid or self._looplab_register(kind), op[, value]).
bool sync_log(VM& vm, Value self, SyncKind kind, SyncOpKind op, Value value = Value());
// self._get_loop().create_future() labelled `maker` in its future_created record, then
// self._looplab_waiter(fut). Null with an exception pending.
enum class SyncMaker : uint8_t { LockAcquire, SemAcquire, EventWait, QueueGet, QueuePut };
FutureObj* sync_new_waiter(VM& vm, Value self, SyncMaker maker);
// A coroutine's step that waits: `await fut` yields the future to the task.
SendResult sync_yield(struct SyncCoroObj* c, FutureObj* fut, Value* out);
// Raises `exc` (an exception instance) and returns Error, for the steps' `raise`.
SendResult sync_raise(VM& vm, Value exc);

// Futures in waiter queues: ours directly, anything else through its methods (-1: error).
int waiter_done(VM& vm, Value w);
int waiter_cancelled(VM& vm, Value w);
bool waiter_set_result(VM& vm, Value w, Value result);
bool waiter_cancel(VM& vm, Value w);

// Waiter queues (deques; anything else through its methods).
DequeObj* exact_deque(VM& vm, Value v);  // v if a plain deque, else nullptr
Value new_deque_value(VM& vm);
bool deque_append(VM& vm, Value q, Value v);
// q.remove(v): ValueError when missing (`missing_ok`: returns false instead, no exception).
bool deque_remove(VM& vm, Value q, Value v, bool missing_ok, bool* removed = nullptr);
int64_t container_len(VM& vm, Value v);  // len(v), -1 error

// Integer arithmetic on attributes that are ints in practice, generic otherwise.
Value value_add(VM& vm, Value v, int64_t delta);
int value_compare(VM& vm, Value a, int64_t b, CompareOp op);  // 0/1, -1 error

// ---- the coroutine objects of the natives (asyncio_sync.cpp) -------------------------------

enum class SyncCoroOp : uint8_t { LockAcquire, SemAcquire, EventWait, QueueGet, QueuePut, Aexit };

struct SyncCoroObj final : Obj {
  enum State : uint8_t { Created, Waiting, Done };
  SyncCoroOp op;
  State state = Created;
  bool aenter = false;   // made by __aenter__: returns None; "__aenter__ > acquire" in chains
  bool awaited = false;  // sent to, thrown into or closed at least once
  Value self;            // the primitive
  Value item;            // Queue.put's item
  FutureObj* fut = nullptr;  // the waiter future while Waiting
  SyncCoroObj(ClassObj* cls, SyncCoroOp o, Value s, Value i) : Obj(cls, Kind::Other), op(o), self(s), item(i) {}
  void trace(Tracer& t) override {
    t.mark(self);
    t.mark(item);
    t.mark(fut);
  }
};

Value new_sync_coro(VM& vm, SyncCoroOp op, Value self, Value item = Value(), bool aenter = false);
void init_sync_coro_class(VM& vm, SyncStateObj* st);

// The steps of each coroutine (asyncio_locks.cpp, asyncio_queues.cpp). `start` runs on the
// first send; `resume` when the waiter is done and the coroutine is sent to; `fail` when an
// exception arrives while waiting (thrown in, or raised by the waiter's result): it runs the
// Python code's except/finally clauses and returns Error with the exception to propagate.
SendResult lock_acquire_start(VM& vm, SyncCoroObj* c, Value* out);
SendResult lock_acquire_resume(VM& vm, SyncCoroObj* c, Value result, Value* out);
SendResult lock_acquire_fail(VM& vm, SyncCoroObj* c, Value exc);
SendResult sem_acquire_start(VM& vm, SyncCoroObj* c, Value* out);
SendResult sem_acquire_resume(VM& vm, SyncCoroObj* c, Value result, Value* out);
SendResult sem_acquire_fail(VM& vm, SyncCoroObj* c, Value exc);
SendResult event_wait_start(VM& vm, SyncCoroObj* c, Value* out);
SendResult event_wait_resume(VM& vm, SyncCoroObj* c, Value result, Value* out);
SendResult event_wait_fail(VM& vm, SyncCoroObj* c, Value exc);
SendResult aexit_start(VM& vm, SyncCoroObj* c, Value* out);
SendResult queue_get_start(VM& vm, SyncCoroObj* c, Value* out);
SendResult queue_put_start(VM& vm, SyncCoroObj* c, Value* out);
SendResult queue_get_fail(VM& vm, SyncCoroObj* c, Value exc);
SendResult queue_put_fail(VM& vm, SyncCoroObj* c, Value exc);

// Event.clear for Queue.put_nowait's `self._finished.clear()` (asyncio_locks.cpp);
// inlinable when the event's class keeps Event's clear and attributes.
bool event_clear(VM& vm, Value self);
bool event_clear_inlinable(VM& vm, Value event);

// Installers, called by the Python modules once their classes exist.
Value fn_sync_install_locks(VM& vm, CallArgs& a);   // (_ContextManagerMixin, Lock, Event, Semaphore)
Value fn_sync_install_queues(VM& vm, CallArgs& a);  // (Queue, QueueEmpty, QueueFull)
Value fn_sync_install_gather(VM& vm, CallArgs& a);  // (gather, _GatheringFuture) -> native gather

// Replaces cls.<name> with a native method whose `data` is the Python function it replaces.
// Returns the native (Undef with an exception pending).
Value install_native(VM& vm, ClassObj* cls, const char* name, NativeFn fn);
// The Python function the native `me` replaced (its `data`), called with the native's args:
// the fallback when the instance's class overrides what the native inlines. A native reads
// `me` (vm.calling_native) first thing, before any nested call changes it.
Value call_replaced(VM& vm, NativeFunctionObj* me, CallArgs& a);
// The fast path applies to obj.method(): no other arguments, and obj's class keeps what the
// native relies on (`need`). Otherwise the native calls the Python it replaced.
inline bool plain_self_call(VM& vm, const CallArgs& a, SyncFamily family, uint32_t need) {
  return a.nargs == 1 && !a.kwnames && sync_state(vm)->family(family).pure(vm, a[0], need);
}
// Fills a family's dep_values and attr_defaults from its base, once its natives are installed.
void finish_family(VM& vm, SyncFamilyInfo& fam, ClassObj* base, std::initializer_list<const char*> deps,
                   std::initializer_list<const char*> attrs);
// Lines of a replaced Python coroutine: its def line and the line of its first await.
SyncStateObj::Lines coroutine_lines(Value fn);

}  // namespace looplab
