// The loop's objects: Handle/TimerHandle, Future and Task. They are heap objects (their Python
// classes come from the asyncio module) whose state machines mirror CPython's
// asyncio.events.Handle, futures.Future and tasks.Task exactly.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "loop/event_kinds.h"
#include "runtime/object.h"

namespace looplab {

struct EventLoop;
struct TaskObj;
struct FutureObj;
struct TupleObj;
struct DictObj;

struct HandleObj final : Obj {
  uint32_t id;
  uint32_t label = 0;         // log string: what runs ("Task-1 step", "callback f")
  double when = 0;            // TimerHandle deadline
  // What the handle runs, by kind (use the accessors):
  //   Callback: value = the callable, target = its arguments (a tuple, or nullptr) or, when
  //             arg_is_future, the future a done callback is called with
  //   TaskStep: target = the task, value = the exception to throw in (Undef: none)
  //   TaskWakeup: target = the task, value = the awaited future
  //   SetResult / ThreadDone / IoDone: target = the future to set, value = result or exception
  Value value;
  Obj* target = nullptr;
  HandleKind hkind;
  bool cancelled = false;
  bool scheduled = false;     // a TimerHandle that is in the heap
  bool is_timer = false;
  bool is_exception = false;  // SetResult / ThreadDone: `value` is an exception
  bool in_use = false;        // TaskStep / TaskWakeup: queued or running (else free for reuse)
  bool arg_is_future = false; // Callback: `target` is the future to pass

  HandleObj(ClassObj* cls, HandleKind k, uint32_t i) : Obj(cls, Kind::Other), id(i), hkind(k) {}
  void trace(Tracer& t) override;

  bool is_task_handle() const { return hkind == HandleKind::TaskStep || hkind == HandleKind::TaskWakeup; }
  TaskObj* task() const;      // TaskStep / TaskWakeup: the task (else nullptr)
  Value callback() const { return hkind == HandleKind::Callback ? value : Value(); }
  TupleObj* args() const;     // Callback: its arguments (else nullptr)
  FutureObj* future() const;  // the future it sets, wakes for, or passes (else nullptr)
  void set_future(FutureObj* f);  // (after hkind is set)
};

struct FutureCallbackEntry {
  Value fn;                   // a callable (Undef for a task wakeup)
  TaskObj* wakeup = nullptr;  // Task.__wakeup of this task
};

// The parts of a future that few futures use, allocated on first use (FutureObj::extra()).
struct FutureExtra {
  Value cancel_message;       // Undef: None
  Value context;              // Task: the contextvars context of its steps (Undef: none)
  DictObj* attrs = nullptr;   // attributes of instances of Python subclasses (_GatheringFuture)
  std::vector<uintptr_t> callbacks;  // all the done callbacks once there is an extra
};

struct FutureObj : Obj {
  EventLoop* loop;
  // Finished: the result, or the exception when has_exception. A task's CancelledError to
  // re-raise (set just before it is cancelled; Undef: none). Else Undef.
  Value outcome;
  uint32_t id;
  uint32_t label = 0;         // log string: who made it ("sleep(1)", "Lock.acquire", ...)
  FutureState state = FutureState::Pending;
  bool has_exception = false; // `outcome` is an exception (set_exception)
  bool blocking = false;      // _asyncio_future_blocking
  bool log_traceback = false; // an exception nobody retrieved yet
  bool is_task = false;
  // Task's, kept here where they fill the future's padding.
  bool must_cancel = false;
  bool log_destroy_pending = true;

  FutureObj(ClassObj* cls, EventLoop* l, uint32_t i) : Obj(cls, Kind::Other), loop(l), id(i) {}
  ~FutureObj() override { delete extra_ptr(); }
  void trace(Tracer& t) override;
  size_t extra_bytes() const override {
    FutureExtra* x = extra_ptr();
    return x ? sizeof(FutureExtra) + x->callbacks.capacity() * sizeof(uintptr_t) : 0;
  }
  // Only instances of Python subclasses have attributes (they get an extra for them).
  DictObj** attr_dict_slot() override;
  bool done() const { return state != FutureState::Pending; }

  Value result() const { return state == FutureState::Finished && !has_exception ? outcome : Value(); }
  Value exception() const { return state == FutureState::Finished && has_exception ? outcome : Value(); }
  FutureExtra* extra_ptr() const {
    return (cb_ & kTags) == kExtra ? reinterpret_cast<FutureExtra*>(cb_ & ~kTags) : nullptr;
  }
  FutureExtra& extra();
  Value cancel_message() const { return extra_ptr() ? extra_ptr()->cancel_message : Value(); }
  Value cancelled_exc() const { return state != FutureState::Finished ? outcome : Value(); }
  // Store without allocating the extra for the common "none" (a None message is stored as
  // Undef: both read as None).
  void set_cancel_message(Value v) {
    if (v.is_none()) v = Value();
    if (extra_ptr() || !v.is_undef()) extra().cancel_message = v;
  }
  void set_cancelled_exc(Value v) {
    if (state != FutureState::Finished) outcome = v;
  }

  // Done callbacks.
  bool callbacks_empty() const { return callbacks_size() == 0; }
  size_t callbacks_size() const {
    FutureExtra* x = extra_ptr();
    return x ? x->callbacks.size() : cb_ ? 1 : 0;
  }
  FutureCallbackEntry callback_at(size_t i) const;
  // `box`: e.fn is not an object and `box` is a 1-tuple holding it.
  void add_callback(const FutureCallbackEntry& e, TupleObj* box = nullptr);
  // Empties the list and returns what it held, in order.
  std::vector<FutureCallbackEntry> take_callbacks();
  // The common case without a vector: true (and the list emptied) when it held one callback,
  // stored inline.
  bool take_inline_callback(FutureCallbackEntry* out) {
    if (!cb_ || extra_ptr()) return false;
    *out = unpack(cb_);
    cb_ = 0;
    return true;
  }
  void erase_callbacks(const std::vector<bool>& drop);  // drops the i-th where drop[i]

 private:
  // Done callbacks, in the order they were added, and the extra, in one word: 0 (neither), one
  // callback (nearly every future has at most one: the task awaiting it), or the extra (tag
  // kExtra), which then holds all the callbacks. A callback is an object's pointer whose low
  // bits say a task to wake (kWakeup) or a callable that is not an object, boxed in a 1-tuple
  // (kBoxed: add_done_callback(5) is legal, and fails only when called).
  static constexpr uintptr_t kWakeup = 1, kBoxed = 2, kExtra = 3, kTags = 3;
  uintptr_t cb_ = 0;
  static FutureCallbackEntry unpack(uintptr_t w);
  void push_callback_word(uintptr_t w);
};

struct TaskObj final : FutureObj {
  Obj* coro_;                 // the coroutine (or a native awaitable) the task steps
  Obj* name = nullptr;        // a str from name= or set_name; nullptr: "Task-<name_number>"
  FutureObj* fut_waiter = nullptr;  // the future this task waits on (nullptr when none)
  HandleObj* step_handle = nullptr;  // its last step/wakeup handle, reused (EventLoop::task_handle)
  uint32_t task_id;           // log id of the task (tasks have their own numbering)
  uint32_t name_number = 0;   // N of the automatic name "Task-N"
  int line = 0;               // line the coroutine is suspended at, for the visualizer
  int num_cancels_requested = 0;
  uint32_t chain_text = 0;    // log string of the await chain it last waited in, + 1 (0: none)
  // (must_cancel and log_destroy_pending are FutureObj's)

  TaskObj(ClassObj* cls, EventLoop* l, uint32_t fut_id, uint32_t tid, Obj* coro)
      : FutureObj(cls, l, fut_id), coro_(coro), task_id(tid) {
    is_task = true;
  }
  void trace(Tracer& t) override;
  Value coro() const { return Value::object(coro_); }
  Value context() const { return extra_ptr() ? extra_ptr()->context : Value(); }
};

inline TaskObj* HandleObj::task() const { return is_task_handle() ? static_cast<TaskObj*>(target) : nullptr; }

inline FutureObj* HandleObj::future() const {
  switch (hkind) {
    case HandleKind::TaskStep: return nullptr;
    case HandleKind::TaskWakeup: return value.is_obj() ? static_cast<FutureObj*>(value.o) : nullptr;
    case HandleKind::Callback: return arg_is_future ? static_cast<FutureObj*>(target) : nullptr;
    default: return static_cast<FutureObj*>(target);
  }
}

inline void HandleObj::set_future(FutureObj* f) {
  switch (hkind) {
    case HandleKind::TaskStep: break;
    case HandleKind::TaskWakeup: value = Value::object(f); break;
    case HandleKind::Callback:
      target = f;
      arg_is_future = true;
      break;
    default: target = f; break;
  }
}

}  // namespace looplab
