// The event log's record kinds, as a spec: one line per kind with the meaning of its operands.
// Every record also has `t` (virtual time, seconds) and its index in the log. Ids: tasks,
// futures and handles are numbered from 1 in creation order (0 means none); strings are ids
// into the log's string table (0 is the empty string). Operands not named are 0.
//
// Names, the JSON export and the visualizer's fold are generated from this list (X-macro).
#pragma once

#include <cstdint>

namespace looplab {

#define LOOPLAB_EVENT_KINDS(X)                                                                    \
  /* name, JSON name, operands: "field:slot" (slot a|b|c|f; ":s" = a string id) */                \
  X(LoopStart, "loop_start", "loop:a")                                                             \
  X(LoopStop, "loop_stop", "loop:a")                                                               \
  X(IterationStart, "iteration", "n:a ready:b timers:c")                                           \
  X(Phase, "phase", "phase:a") /* LoopPhase: which part of _run_once runs */                      \
  /* handle_kind: HandleKind; target: task id, or a string */                                   \
  X(HandleQueued, "handle_queued", "handle:a handle_kind:b target:c")                              \
  X(HandleRun, "handle_run", "handle:a handle_kind:b target:c")                                    \
  X(HandleDone, "handle_done", "handle:a")                                                         \
  X(HandleCancelled, "handle_cancelled", "handle:a")                                               \
  X(TimerScheduled, "timer_scheduled", "handle:a label:b:s task:c deadline:f")                     \
  X(TimerDue, "timer_due", "handle:a") /* moved from the timer heap to the ready queue */          \
  X(TimerDropped, "timer_dropped", "handle:a") /* a cancelled timer left the heap */              \
  X(TaskCreated, "task_created", "task:a future:b coro:c:s")                                       \
  X(TaskRenamed, "task_renamed", "task:a name:b:s")                                                \
  X(TaskStepBegin, "step_begin", "task:a line:b thrown:c") /* thrown: an exception is thrown in */\
  X(TaskStepEnd, "step_end", "task:a why:b future:c line:f") /* why: StepEnd; future awaited */   \
  X(TaskDone, "task_done", "task:a state:b exception:c:s")                                         \
  X(TaskAwaitChain, "await_chain", "task:a chain:b:s") /* "main > gather > sleep" */             \
  X(FutureCreated, "future_created", "future:a label:b:s task:c")                                  \
  X(FutureDone, "future_done", "future:a state:b")                                                 \
  X(FutureCallback, "future_callback", "future:a task:b callback:c:s") /* task woken, or a fn */  \
  X(SyncCreated, "sync_created", "sync:a sync_kind:b label:c:s")                                   \
  X(SyncOp, "sync", "sync:a op:b task:c value:f")                                                  \
  X(ExecutorSubmit, "executor_submit", "job:a worker:b label:c:s done_at:f")                       \
  X(ExecutorDone, "executor_done", "job:a worker:b")                                               \
  X(Blocked, "blocked", "task:a line:b reason:c seconds:f") /* the loop stood still */            \
  X(ClockJump, "clock_jump", "to:f") /* idle: the clock jumped to the next deadline */            \
  X(Output, "output", "stream:a text:b:s") /* stream 1 stdout, 2 stderr */                        \
  X(Warning, "warning", "warning_kind:a message:b:s task:c seconds:f")                             \
  X(IoStart, "io_start", "request:a label:b:s task:c")                                             \
  X(IoDone, "io_done", "request:a status:b bytes:c")                                               \
  X(Notice, "notice", "message:b:s")                                                             \
  X(Line, "line", "task:a line:b") /* line tracing: task (0: module code) starts a new line */

enum class EventKind : uint8_t {
#define LOOPLAB_EVENT_ENUM(name, json, operands) name,
  LOOPLAB_EVENT_KINDS(LOOPLAB_EVENT_ENUM)
#undef LOOPLAB_EVENT_ENUM
      kCount
};

const char* event_kind_name(EventKind k);
// The operand spec of a kind, e.g. "task:a future:b coro:c:s".
const char* event_kind_operands(EventKind k);

// Operand enums.
enum class LoopPhase : uint8_t { RunReady = 0, Select = 1, Timers = 2 };
enum class HandleKind : uint8_t { Callback = 0, TaskStep = 1, TaskWakeup = 2, SetResult = 3, ThreadDone = 4, IoDone = 5 };
enum class FutureState : uint8_t { Pending = 0, Cancelled = 1, Finished = 2 };
// How a task step ended.
enum class StepEnd : uint8_t { AwaitFuture = 0, Yield = 1, Returned = 2, Raised = 3, Cancelled = 4, Preempted = 5 };
enum class SyncKind : uint8_t { Lock = 0, Event = 1, Condition = 2, Semaphore = 3, Queue = 4 };
enum class SyncOpKind : uint8_t {
  Acquire = 0, Release = 1, Wait = 2, Wake = 3, Set = 4, Clear = 5, Put = 6, Get = 7, Notify = 8, TaskDone = 9
};
enum class BlockReason : uint8_t { TimeSleep = 0, LongStep = 1 };
enum class WarningKind : uint8_t {
  NeverAwaited = 0, TaskDestroyedPending = 1, ExceptionNeverRetrieved = 2, SlowCallback = 3, Deadlock = 4,
  PendingAtShutdown = 5, CallbackError = 6,
};

}  // namespace looplab
