// The asyncio module's per-run state and its binding of the event loop to the VM: the virtual
// clock, the event log, the loop classes, which loop is running, and the LoopHost the loop uses
// to drive coroutines and run callbacks.
#pragma once

#include <memory>

#include "lang/vm.h"
#include "loop/clock.h"
#include "loop/event_log.h"
#include "loop/event_loop.h"

namespace looplab {

class VmLoopHost final : public LoopHost {
 public:
  explicit VmLoopHost(VM& vm) : vm_(vm) {}
  StepResult coro_send(Value coro, Value value, bool is_throw, uint64_t budget) override;
  StepResult call(Value callable, TupleObj* args, Value arg, uint64_t budget) override;
  StepResult resume_parked(void* parked, uint64_t budget) override;
  void trace_parked(void* parked, Tracer& t) override;
  Value cancelled_error(Value message) override;
  Value loop_error(LoopError kind, std::string_view message) override;
  bool is_cancelled_error(Value exc) override;
  bool is_exit_exception(Value exc) override;
  bool callbacks_equal(Value a, Value b) override;
  bool cancel_future(Value future, Value msg) override;
  void report_exception(std::string_view message, Value exc, Value subject) override;
  // call_exception_handler({'message', 'exception', key: subject}): the loop's handler when one
  // is set (the subject's loop, else the running one), else report_default.
  void report(std::string_view message, Value exc, const char* key, Value subject);
  // default_exception_handler: "message\n<key>: repr\ntraceback" on stderr.
  void report_default(std::string_view message, Value exc, Value subject, const char* key = nullptr);
  // handler(loop, context); an error in it is reported as CPython's logger does.
  void call_handler(EventLoop* loop, Value context);
  bool after_handle(bool collect) override;
  std::string_view describe_view(Value v) override;
  uintptr_t label_key(Value v) override;
  std::string format_callback_source(Value callable, TupleObj* args) override;
  int coro_line(Value coro) override;
  std::string_view await_chain(Value coro) override;

 private:
  StepResult from_exec(const ExecResult& r);
  // The name describe_view's common cases show, and the suffix after it ("()" for a coroutine).
  StrObj* label_name(Value v, bool* call_suffix);
  std::string describe_other(Value v);
  VM& vm_;
  std::string chain_;  // await_chain's buffer (the text is a prefix of it)
  std::string label_;  // describe_view's
};

// Executor threads, simulated: a pool of workers with their own virtual timelines.
struct ExecutorPool {
  std::vector<double> worker_free_at;  // when each worker is free again
  explicit ExecutorPool(size_t workers) : worker_free_at(workers, 0.0) {}
};

struct AsyncioRuntime {
  explicit AsyncioRuntime(VM& vm, EventLog* log);

  VM& vm;
  EventLog* log;
  VirtualClock clock;
  LoopCounters counters;
  VmLoopHost host;
  LoopClasses classes;
  ClassObj* cancelled_error = nullptr;     // asyncio.exceptions.CancelledError
  ClassObj* invalid_state_error = nullptr; // asyncio.exceptions.InvalidStateError
  ClassObj* future_iter = nullptr;
  ClassObj* sleep_class = nullptr;
  EventLoop* running_loop = nullptr;   // events._get_running_loop()
  EventLoop* event_loop = nullptr;     // set_event_loop / get_event_loop's loop
  ExecutorPool executor{6};            // ThreadPoolExecutor's default: min(32, cpu_count + 4) with 2 CPUs
  Value run_until_complete_cb;         // the native that stops the loop when the future is done
  // contextvars.copy_context, once a ContextVar exists: a task made without context= gets a
  // copy of the creator's context (tasks.py Task.__init__); Undef while contexts are unused.
  Value context_factory;
  Value sync_state;  // the natives of locks and queues (asyncio_sync.h SyncStateObj)
  bool module_ready = false;
  // The program's source (the engine's main module): task lines are reported in it.
  const void* program_source = nullptr;

  void trace(Tracer& t);
};

// CPython's Future.__del__ / Task.__del__ messages. The collector keeps an unreachable future
// whose exception nobody retrieved (finalizer_wanted) so that report_finalized can say so, as
// CPython does when it frees one; at the end of the program, report_at_exit says it for the
// ones still alive, and for tasks still pending ("Task was destroyed but it is pending!").
bool finalizer_wanted(AsyncioRuntime& rt, Obj* o);
bool report_finalizable(AsyncioRuntime& rt);  // true if it reported any
void report_at_exit(AsyncioRuntime& rt);

// The runtime of this VM's run (created by the engine; nullptr if none).
AsyncioRuntime* asyncio_runtime(VM& vm);

// What loop.run_until_complete / run_forever ask of the host: run `loop` until it stops; then
// finish_loop_run computes the call's result (future.result(), or Error with an exception).
struct LoopRun {
  EventLoop* loop = nullptr;
  FutureObj* future = nullptr;  // run_until_complete's future, or nullptr for run_forever
  bool new_task = false;
};
bool decode_loop_run(VM& vm, Value payload, LoopRun* out);
void start_loop_run(VM& vm, const LoopRun& run);
// `status` is how the loop's last slice ended (Stopped or Raised).
Value finish_loop_run(VM& vm, const LoopRun& run, RunStatus status);

bool init_asyncio_native_module(VM& vm, ModuleObj* m);  // the `_asyncio` module
bool init_time_module(VM& vm, ModuleObj* m);

// Helpers shared by the asyncio natives.
FutureObj* as_future(VM& vm, Value v);  // nullptr if not a Future/Task of ours
TaskObj* as_task(VM& vm, Value v);
EventLoop* get_running_loop_or_raise(VM& vm);  // RuntimeError('no running event loop')

}  // namespace looplab
