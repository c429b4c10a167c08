// The loop's objects: Handle/TimerHandle, Future and Task. They are heap objects (their Python
// classes come from the asyncio module) whose state machines mirror CPython's
// asyncio.events.Handle, futures.Future and tasks.Task exactly.
#pragma once

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
  HandleKind hkind;
  bool cancelled = false;
  bool scheduled = false;     // a TimerHandle that is in the heap
  bool is_timer = false;
  double when = 0;            // TimerHandle deadline
  uint32_t id;
  uint32_t label = 0;         // log string: what runs ("Task-1 step", "callback f")
  Value callback;             // Callback: the callable
  TupleObj* args = nullptr;   // Callback: its arguments
  TaskObj* task = nullptr;    // TaskStep / TaskWakeup
  FutureObj* future = nullptr;  // TaskWakeup: the awaited future; SetResult: the future to set
  Value value;                // TaskStep: exception to throw in (Undef: none); SetResult: result
  bool is_exception = false;  // SetResult / ThreadDone: `value` is an exception

  HandleObj(ClassObj* cls, HandleKind k, uint32_t i) : Obj(cls, Kind::Other), hkind(k), id(i) {}
  void trace(Tracer& t) override;
};

struct FutureCallbackEntry {
  Value fn;                   // a callable (Undef for a task wakeup)
  TaskObj* wakeup = nullptr;  // Task.__wakeup of this task
};

struct FutureObj : Obj {
  EventLoop* loop;
  FutureState state = FutureState::Pending;
  Value result;
  Value exception;
  Value cancel_message;       // Undef: None
  Value cancelled_exc;        // CancelledError to re-raise (Undef: none)
  std::vector<FutureCallbackEntry> callbacks;
  bool blocking = false;      // _asyncio_future_blocking
  bool log_traceback = false; // an exception nobody retrieved yet
  bool is_task = false;
  uint32_t id;
  uint32_t label = 0;         // log string: who made it ("sleep(1)", "Lock.acquire", ...)
  DictObj* attrs = nullptr;   // attributes of instances of Python subclasses (_GatheringFuture)

  FutureObj(ClassObj* cls, EventLoop* l, uint32_t i) : Obj(cls, Kind::Other), loop(l), id(i) {}
  void trace(Tracer& t) override;
  size_t extra_bytes() const override { return callbacks.capacity() * sizeof(FutureCallbackEntry); }
  DictObj** attr_dict_slot() override { return &attrs; }
  bool done() const { return state != FutureState::Pending; }
};

struct TaskObj final : FutureObj {
  Value coro;
  Value name;                 // a str
  FutureObj* fut_waiter = nullptr;  // the future this task waits on (Undef when none)
  Value context;
  bool must_cancel = false;
  int num_cancels_requested = 0;
  bool log_destroy_pending = true;
  uint32_t task_id;           // log id of the task (tasks have their own numbering)
  int line = 0;               // line the coroutine is suspended at, for the visualizer

  TaskObj(ClassObj* cls, EventLoop* l, uint32_t fut_id, uint32_t tid)
      : FutureObj(cls, l, fut_id), task_id(tid) {
    is_task = true;
  }
  void trace(Tracer& t) override;
};

}  // namespace looplab
