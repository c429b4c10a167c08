// EventLoop: a port of asyncio's BaseEventLoop scheduling (base_events.py _run_once), Future
// (futures.py) and Task (tasks.py __step / __wakeup), on a virtual clock, writing every
// scheduling fact to the event log. _run_once is a resumable state machine so a host can run
// the loop in slices (the browser gives it a budget of instructions per frame).
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "loop/clock.h"
#include "loop/event_log.h"
#include "loop/io_port.h"
#include "loop/loop_host.h"
#include "loop/loop_objects.h"
#include "runtime/heap.h"

namespace looplab {

struct LoopClasses {
  ClassObj* loop = nullptr;
  ClassObj* handle = nullptr;
  ClassObj* timer_handle = nullptr;
  ClassObj* future = nullptr;
  ClassObj* task = nullptr;
  ClassObj* tuple = nullptr;
};

// Ids shared by every loop of a run (asyncio's Task-N counter is global too).
struct LoopCounters {
  uint32_t futures = 0, tasks = 0, handles = 0, loops = 0, task_names = 0, sync = 0, jobs = 0;
  // For the report at exit: whether there can be anything to report (skips a heap walk).
  uint64_t exceptions_set = 0;
  int64_t tasks_pending = 0;
  int64_t sync_coros_never_awaited = 0;  // lock/queue coroutines not (yet) started
  int64_t sleeps_never_awaited = 0;  // asyncio.sleep coroutines not (yet) started
};

enum class RunStatus : uint8_t {
  Running,    // the slice's budget ran out; call run_slice again
  Stopped,    // run_forever returned (stop() was called)
  Raised,     // SystemExit/KeyboardInterrupt escaped a callback: `escaped` holds it
  Deadlock,   // nothing can ever run again but the loop was not stopped: `deadlock_report`
  WaitingIO,  // idle until real I/O completes: call again later
};

struct EventLoop final : Obj {
  EventLoop(ClassObj* cls, Heap* heap, LoopHost* host, EventLog* log, VirtualClock* clock,
            const LoopClasses& classes, LoopCounters* counters);
  void trace(Tracer& t) override;

  // ---- handles (events.py Handle/TimerHandle, base_events.py call_soon/call_later/call_at) ---
  HandleObj* call_soon(Value callback, TupleObj* args);
  HandleObj* call_at(double when, Value callback, TupleObj* args);
  HandleObj* call_later(double delay, Value callback, TupleObj* args) { return call_at(time() + delay, callback, args); }
  // Internal handles: a task step, a task wakeup, setting a future's result (sleep's timer).
  HandleObj* schedule_step(TaskObj* t, Value exc);
  HandleObj* schedule_wakeup(TaskObj* t, FutureObj* f);
  HandleObj* call_at_set_result(double when, FutureObj* f, Value result);
  void cancel_handle(HandleObj* h);
  double time() const { return clock->now(); }

  // ---- futures (futures.py Future) ----------------------------------------------------------
  FutureObj* create_future(uint32_t label = 0);
  // False when the future is not pending (the caller raises InvalidStateError).
  bool future_set_result(FutureObj* f, Value result);
  bool future_set_exception(FutureObj* f, Value exc);
  bool future_cancel(FutureObj* f, Value msg);  // Future.cancel (Task.cancel for tasks)
  void add_done_callback(FutureObj* f, Value fn);
  void add_wakeup(FutureObj* f, TaskObj* waiter);
  int remove_done_callback(FutureObj* f, Value fn);
  Value make_cancelled_error(FutureObj* f);
  // What result() returns: *out is the value, or the exception to raise (returns false).
  // not_ready: the future is still pending.
  bool future_result(FutureObj* f, Value* out, bool* not_ready);

  // ---- tasks (tasks.py Task) -----------------------------------------------------------------
  // `coro` is a coroutine (or native awaitable) object; `name` a str, or nullptr for the
  // automatic "Task-<name_number>".
  TaskObj* create_task(Obj* coro, Obj* name, uint32_t name_number);
  std::string task_name(const TaskObj* t);  // get_name() as text
  bool task_cancel(TaskObj* t, Value msg);
  bool cancel_any(FutureObj* f, Value msg);
  int task_uncancel(TaskObj* t);
  TaskObj* current_task = nullptr;
  // Tasks not done, in creation order (all_tasks).
  const std::vector<TaskObj*>& pending_tasks();

  // ---- sync primitives and executor bookkeeping for the log and deadlock reports -----------
  uint32_t new_sync_id(SyncKind kind, std::string_view label);
  void sync_op(uint32_t id, SyncOpKind op, TaskObj* task, double value = 0);
  void set_sync_owner(uint32_t id, TaskObj* owner);
  // Work run beside the loop: its result reaches `f` at virtual time `done_at`.
  void executor_done_at(double done_at, FutureObj* f, Value value, bool is_exception, uint32_t job, uint32_t worker);

  // ---- running (base_events.py run_forever / _run_once / stop / close) ---------------------
  void begin_run_forever();
  RunStatus run_slice(uint64_t budget);
  void stop() { stopping = true; }
  bool is_running() const { return running; }
  // The frame chain of a step cut off mid-way by the budget (null if none), handed over and
  // forgotten: a host tearing the engine down frees it while its VM still exists.
  void* take_parked() {
    void* p = parked_;
    parked_ = nullptr;
    return p;
  }
  // True when an exception handler call failed etc.; see RunStatus.
  Value escaped;
  Value exception_handler;  // loop.set_exception_handler's callable (Undef: the default)
  std::string deadlock_report;

  // ---- state ---------------------------------------------------------------------------------
  Heap* heap;
  LoopHost* host;
  EventLog* log;
  VirtualClock* clock;
  LoopClasses classes;
  LoopCounters* counters;
  IoPort* io = nullptr;       // requests leaving the engine (nullptr: none possible)
  uint32_t id;
  bool running = false;
  bool stopping = false;
  bool closed = false;
  uint64_t iteration = 0;
  std::deque<HandleObj*> ready;
  // The timer heap. Each entry carries its handle's deadline, so that ordering the heap reads
  // the heap alone instead of one handle per comparison (a timer storm's heap is thousands deep).
  struct TimerEntry {
    double when;
    HandleObj* handle;
  };
  std::vector<TimerEntry> scheduled;
  size_t timer_cancelled_count = 0;

 private:
  struct ThreadCompletion {
    double when;
    FutureObj* future;
    Value value;
    bool is_exception;
    uint32_t job, worker;
  };
  enum class Stage : uint8_t { BeginIteration, RunReady };

  bool begin_iteration();  // false: nothing can run (deadlock) or must wait for I/O
  bool resume_in_flight(RunStatus* status);  // false: run_slice returns *status
  bool run_handle(HandleObj* h, uint64_t budget);  // false: preempted
  bool run_callback(HandleObj* h, uint64_t budget);  // false: preempted
  void finish_handle(HandleObj* h, const StepResult& r);
  void step(TaskObj* t, Value exc, HandleObj* h, uint64_t budget);
  void step_finish(TaskObj* t, const StepResult& r);
  void wakeup(TaskObj* t, FutureObj* f, HandleObj* h, uint64_t budget);
  void schedule_callbacks(FutureObj* f);
  uint32_t log_text(Value v);
  void schedule_callback(FutureObj* f, const FutureCallbackEntry& e);
  void task_finished(TaskObj* t);
  HandleObj* new_handle(HandleKind kind, bool timer);
  HandleObj* task_handle(TaskObj* t, HandleKind kind);
  void release_handle(HandleObj* h);
  void push_ready(HandleObj* h);
  void push_timer(HandleObj* h);
  std::string describe_waiter(TaskObj* t);
  void build_deadlock_report();
  double next_event_time() const;

  Stage stage_ = Stage::BeginIteration;
  size_t ntodo_ = 0;
  HandleObj* running_ = nullptr;     // the handle running now (rooted while its code runs)
  HandleObj* in_flight_ = nullptr;   // the handle whose run was preempted
  TaskObj* in_flight_task_ = nullptr;
  void* parked_ = nullptr;
  // Task handles no task holds any more, reused by the next new handle (few: each is taken
  // again at once by the callbacks of the task that just ended).
  static constexpr size_t kMaxSpareHandles = 16;
  std::vector<HandleObj*> spare_handles_;
  std::vector<TaskObj*> live_tasks;  // pending tasks, and done ones not yet compacted away
  size_t done_in_live_ = 0;
  void compact_live_tasks();
  // Reporting unretrieved exceptions when CPython would (step_finish, after_handle).
  bool unretrieved_seen_ = false;  // some future got an exception
  bool collect_soon_ = false;      // a task ended: collect after its handle
  uint32_t ends_to_skip_ = 0;      // task ends to let pass before collecting again
  uint32_t fruitless_ = 0;         // collections in a row that reported nothing
  void after_handle();
  uint64_t stop_at_ = 0;  // run_slice's budget ends at this instruction count
  uint64_t budget_left() const;
  std::vector<ThreadCompletion> completions_;  // executor results not yet delivered
  // By sync id (ids are dense): the primitive's label and the task holding it (a lock's owner).
  struct SyncSlot {
    uint32_t label = 0;
    TaskObj* owner = nullptr;
  };
  std::vector<SyncSlot> syncs_;
  SyncSlot& sync_slot(uint32_t sid);
  double step_started_ = 0;
  bool waiting_io_ = false;              // begin_iteration stopped to wait for real I/O
  std::vector<IoCompletion> io_done_;
  int step_line_ = 0;
};

}  // namespace looplab
