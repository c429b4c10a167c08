// The event log's record kinds, as a spec: one line per kind with the meaning of its operands.
// Every record also has `t` (virtual time, seconds) and its index in the log. Ids: tasks,
// futures and handles are numbered from 1 in creation order (0 means none); strings are ids
// into the log's string table (0 is the empty string).
//
// Names, the JSON export and the visualizer's fold are generated from this list (X-macro).
#pragma once

#include <cstdint>

namespace looplab {

#define LOOPLAB_EVENT_KINDS(X)                                                                    \
  X(LoopStart, "loop_start")             /* a=loop id */                                       \
  X(LoopStop, "loop_stop")               /* a=loop id: run_forever returned */                 \
  X(IterationStart, "iteration")         /* a=iteration number, b=ready count, c=timer count */\
  X(Phase, "phase")                      /* a=LoopPhase: which part of _run_once is running */ \
  X(HandleQueued, "handle_queued")       /* a=handle, b=HandleKind, c=task id or label string */\
  X(HandleRun, "handle_run")             /* a=handle, b=HandleKind, c=task id or label string */\
  X(HandleDone, "handle_done")           /* a=handle */                                        \
  X(HandleCancelled, "handle_cancelled") /* a=handle */                                        \
  X(TimerScheduled, "timer_scheduled")   /* a=handle, b=label string, c=task id; f=deadline */ \
  X(TimerDue, "timer_due")               /* a=handle: moved from the timer heap to ready */    \
  X(TimerDropped, "timer_dropped")       /* a=handle: a cancelled timer left the heap */       \
  X(TaskCreated, "task_created")         /* a=task, b=name string, c=coroutine name string */  \
  X(TaskStepBegin, "step_begin")         /* a=task, b=line, c=1 if an exception is thrown in */\
  X(TaskStepEnd, "step_end")             /* a=task, b=StepEnd, c=future awaited (AwaitFuture), */\
                                         /* f=line where it stopped */                         \
  X(TaskDone, "task_done")               /* a=task, b=FutureState, c=exception type string */  \
  X(TaskRenamed, "task_renamed")         /* a=task, b=name string */                           \
  X(TaskAwaitChain, "await_chain")       /* a=task, b=string "main > gather > sleep" */        \
  X(FutureCreated, "future_created")     /* a=future, b=label string, c=task that made it */   \
  X(FutureDone, "future_done")           /* a=future, b=FutureState */                         \
  X(FutureCallback, "future_callback")   /* a=future, b=task woken (0: callback), c=label */   \
  X(SyncOp, "sync")                      /* a=primitive id, b=SyncOpKind, c=task, f=value */   \
  X(SyncCreated, "sync_created")         /* a=primitive id, b=SyncKind, c=label string */      \
  X(ExecutorSubmit, "executor_submit")   /* a=job, b=worker, c=label string; f=finish time */  \
  X(ExecutorDone, "executor_done")       /* a=job, b=worker */                                 \
  X(Blocked, "blocked")                  /* a=task (0: none), b=line, c=BlockReason, f=seconds */\
  X(ClockJump, "clock_jump")             /* f=new time: the loop was idle until a deadline */  \
  X(Output, "output")                    /* a=stream (1 stdout, 2 stderr), b=text string */    \
  X(Warning, "warning")                  /* a=WarningKind, b=message string, c=task */         \
  X(IoStart, "io_start")                 /* a=request id, b=label string, c=task */            \
  X(IoDone, "io_done")                   /* a=request id, b=status, c=bytes */                 \
  X(Notice, "notice")                    /* b=message string: limits reached etc. */

enum class EventKind : uint8_t {
#define LOOPLAB_EVENT_ENUM(name, json) name,
  LOOPLAB_EVENT_KINDS(LOOPLAB_EVENT_ENUM)
#undef LOOPLAB_EVENT_ENUM
      kCount
};

const char* event_kind_name(EventKind k);

// Operand enums.
enum class LoopPhase : uint8_t { RunReady = 0, Select = 1, Timers = 2 };
enum class HandleKind : uint8_t { Callback = 0, TaskStep = 1, TaskWakeup = 2, SetResult = 3, ThreadDone = 4 };
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
