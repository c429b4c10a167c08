// The scheduler: handles, the timer heap and _run_once as a resumable state machine.
#include "loop/event_loop.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "loop/heapq.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/tuple.h"

namespace looplab {

namespace {
// base_events.py: when more than half of over 100 timers are cancelled, rebuild the heap.
constexpr size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;
// time.get_clock_info('monotonic').resolution on Linux.
constexpr double kClockResolution = 1e-09;
// A step longer than this blocks the loop noticeably (asyncio's slow_callback_duration).
constexpr double kSlowCallbackDuration = 0.1;

// TimerHandle.__lt__: by deadline only; equal deadlines keep heapq's order.
constexpr auto timer_less = [](const EventLoop::TimerEntry& a, const EventLoop::TimerEntry& b) { return a.when < b.when; };
}  // namespace

TupleObj* HandleObj::args() const {
  return hkind == HandleKind::Callback && !arg_is_future ? static_cast<TupleObj*>(target) : nullptr;
}

void HandleObj::trace(Tracer& t) {
  t.mark(value);
  t.mark(target);
}

EventLoop::EventLoop(ClassObj* cls, Heap* hp, LoopHost* h, EventLog* l, VirtualClock* c, const LoopClasses& cl,
                     LoopCounters* counters_)
    : Obj(cls, Kind::Other), heap(hp), host(h), log(l), clock(c), classes(cl), counters(counters_) {
  id = ++counters->loops;
}

void EventLoop::trace(Tracer& t) {
  for (HandleObj* h : ready) t.mark(h);
  for (const TimerEntry& e : scheduled) t.mark(e.handle);
  for (HandleObj* h : spare_handles_) t.mark(h);
  compact_live_tasks();  // done tasks are dropped here, so the collector can free them
  for (TaskObj* task : live_tasks) t.mark(task);
  t.mark(current_task);
  t.mark(running_);
  t.mark(in_flight_);
  t.mark(in_flight_task_);
  t.mark(escaped);
  t.mark(exception_handler);
  if (parked_) host->trace_parked(parked_, t);
  for (ThreadCompletion& c : completions_) {
    t.mark(c.future);
    t.mark(c.value);
  }
  for (const SyncSlot& sync : syncs_) t.mark(sync.owner);
  if (io) io->trace(t);
}

// ---- handles --------------------------------------------------------------------------------

HandleObj* EventLoop::new_handle(HandleKind kind, bool timer) {
  if (!timer && !spare_handles_.empty()) {
    HandleObj* h = spare_handles_.back();
    spare_handles_.pop_back();
    // (released handles are plain Handles with their run fields cleared)
    h->hkind = kind;
    h->id = ++counters->handles;
    h->label = 0;
    h->is_exception = false;
    h->arg_is_future = false;
    return h;
  }
  HandleObj* h = heap->make<HandleObj>(timer ? classes.timer_handle : classes.handle, kind, ++counters->handles);
  h->is_timer = timer;
  return h;
}

// A handle for a task's step or wakeup. Python never sees these handles, so once one has run
// nothing refers to it but its task, and the task's next step reuses it (a task has one step
// queued at a time, nearly always) instead of leaving garbage for the collector.
HandleObj* EventLoop::task_handle(TaskObj* t, HandleKind kind) {
  HandleObj* h = t->step_handle;
  if (h && !h->in_use) {
    h->hkind = kind;
    h->id = ++counters->handles;
  } else {
    h = t->step_handle = new_handle(kind, false);
  }
  h->in_use = true;
  h->target = t;
  return h;
}

// After a handle ran: a task's step/wakeup handle is free for the task's next step, or, when
// the task no longer holds it (it is done), for any new handle (the callbacks its end
// scheduled: a finished gather child's _done_callback takes the handle of the child's step).
void EventLoop::release_handle(HandleObj* h) {
  if (!h->is_task_handle()) return;
  TaskObj* t = h->task();
  h->in_use = false;
  h->cancelled = false;
  h->target = nullptr;
  h->value = Value();
  h->arg_is_future = false;
  if ((!t || t->step_handle != h) && spare_handles_.size() < kMaxSpareHandles) spare_handles_.push_back(h);
}

// The label the log shows for a handle: what it will run.
static uint32_t target_of(const HandleObj* h) {
  return h->task() ? h->task()->task_id : 0;
}

void EventLoop::push_ready(HandleObj* h) {
  ready.push_back(h);
  log->add(EventKind::HandleQueued, time(), h->id, uint32_t(h->hkind), h->task() ? target_of(h) : h->label);
}

void EventLoop::push_timer(HandleObj* h) {
  h->scheduled = true;
  heapq::heappush(scheduled, TimerEntry{h->when, h}, timer_less);
  log->add_f(EventKind::TimerScheduled, time(), h->when, h->id, h->label, current_task ? current_task->task_id : 0);
}

// The log's string for what v is; none once the log is full, as its records are dropped then
// (describing runs for every callback and task, and may run a __repr__).
uint32_t EventLoop::log_text(Value v) {
  if (log->full()) return 0;
  uintptr_t key = host->label_key(v);
  if (!key) return log->intern(host->describe_view(v));
  return log->intern_keyed(KeySpace::Name, key, [&] { return host->describe_view(v); });
}

// mirrors base_events.py call_soon.
HandleObj* EventLoop::call_soon(Value callback, TupleObj* args) {
  HandleObj* h = new_handle(HandleKind::Callback, false);
  h->value = callback;
  h->target = args;
  h->label = log_text(callback);
  push_ready(h);
  return h;
}

// mirrors base_events.py call_at.
HandleObj* EventLoop::call_at(double when, Value callback, TupleObj* args) {
  HandleObj* h = new_handle(HandleKind::Callback, true);
  h->when = when;
  h->value = callback;
  h->target = args;
  h->label = log_text(callback);
  push_timer(h);
  return h;
}

HandleObj* EventLoop::schedule_step(TaskObj* t, Value exc) {
  HandleObj* h = task_handle(t, HandleKind::TaskStep);
  h->value = exc;
  push_ready(h);
  return h;
}

HandleObj* EventLoop::schedule_wakeup(TaskObj* t, FutureObj* f) {
  HandleObj* h = task_handle(t, HandleKind::TaskWakeup);
  h->set_future(f);
  push_ready(h);
  return h;
}

HandleObj* EventLoop::call_at_set_result(double when, FutureObj* f, Value result) {
  HandleObj* h = new_handle(HandleKind::SetResult, true);
  h->when = when;
  h->set_future(f);
  h->value = result;
  h->label = f->label;
  push_timer(h);
  return h;
}

// mirrors events.py TimerHandle.cancel / Handle.cancel.
void EventLoop::cancel_handle(HandleObj* h) {
  if (h->cancelled) return;
  h->cancelled = true;
  if (h->is_timer && h->scheduled) timer_cancelled_count++;
  log->add(EventKind::HandleCancelled, time(), h->id);
}

// ---- futures --------------------------------------------------------------------------------

FutureCallbackEntry FutureObj::unpack(uintptr_t w) {
  Obj* o = reinterpret_cast<Obj*>(w & ~kTags);
  if (w & kWakeup) return {Value(), static_cast<TaskObj*>(o)};
  if (w & kBoxed) return {(*static_cast<TupleObj*>(o))[0], nullptr};
  return {Value::object(o), nullptr};
}

FutureExtra& FutureObj::extra() {
  if (FutureExtra* x = extra_ptr()) return *x;
  FutureExtra* x = new FutureExtra;
  static_assert(alignof(FutureExtra) >= 4, "two tag bits in the extra's pointer");
  if (cb_) x->callbacks.push_back(cb_);  // the one callback moves into the extra
  cb_ = reinterpret_cast<uintptr_t>(x) | kExtra;
  return *x;
}

FutureCallbackEntry FutureObj::callback_at(size_t i) const {
  FutureExtra* x = extra_ptr();
  return unpack(x ? x->callbacks[i] : cb_);
}

void FutureObj::push_callback_word(uintptr_t w) {
  if (cb_ == 0) cb_ = w;
  else extra().callbacks.push_back(w);
}

void FutureObj::add_callback(const FutureCallbackEntry& e, TupleObj* box) {
  static_assert(alignof(Obj) >= 4, "two tag bits in an object pointer");
  if (e.wakeup) push_callback_word(reinterpret_cast<uintptr_t>(static_cast<Obj*>(e.wakeup)) | kWakeup);
  else if (box) push_callback_word(reinterpret_cast<uintptr_t>(static_cast<Obj*>(box)) | kBoxed);
  else push_callback_word(reinterpret_cast<uintptr_t>(e.fn.o.get()));
}

std::vector<FutureCallbackEntry> FutureObj::take_callbacks() {
  std::vector<FutureCallbackEntry> all;
  if (FutureExtra* x = extra_ptr()) {
    for (uintptr_t w : x->callbacks) all.push_back(unpack(w));
    std::vector<uintptr_t>().swap(x->callbacks);
  } else if (cb_) {
    all.push_back(unpack(cb_));
    cb_ = 0;
  }
  return all;
}

void FutureObj::erase_callbacks(const std::vector<bool>& drop) {
  std::vector<uintptr_t> kept;
  FutureExtra* x = extra_ptr();
  for (size_t i = 0; i < callbacks_size(); i++)
    if (i >= drop.size() || !drop[i]) kept.push_back(x ? x->callbacks[i] : cb_);
  if (x) x->callbacks = std::move(kept);
  else cb_ = kept.empty() ? 0 : kept[0];
}

void FutureObj::trace(Tracer& t) {
  t.mark(loop);
  t.mark(outcome);
  if (FutureExtra* x = extra_ptr()) {
    for (uintptr_t w : x->callbacks) t.mark(reinterpret_cast<Obj*>(w & ~kTags));
    t.mark(x->cancel_message);
    t.mark(x->context);
    t.mark(x->attrs);
  } else if (cb_) {
    t.mark(reinterpret_cast<Obj*>(cb_ & ~kTags));
  }
}

DictObj** FutureObj::attr_dict_slot() { return cls->has(kClassBuiltin) ? nullptr : &extra().attrs; }

void TaskObj::trace(Tracer& t) {
  FutureObj::trace(t);
  t.mark(coro_);
  t.mark(name);
  t.mark(fut_waiter);
  t.mark(step_handle);
}

FutureObj* EventLoop::create_future(uint32_t label) {
  FutureObj* f = heap->make<FutureObj>(classes.future, this, ++counters->futures);
  f->label = label;
  log->add(EventKind::FutureCreated, time(), f->id, label, current_task ? current_task->task_id : 0);
  return f;
}

// mirrors futures.py Future.__schedule_callbacks.
void EventLoop::schedule_callbacks(FutureObj* f) {
  FutureCallbackEntry only;
  if (f->take_inline_callback(&only)) {
    schedule_callback(f, only);
    return;
  }
  if (f->callbacks_empty()) return;
  for (FutureCallbackEntry& e : f->take_callbacks()) schedule_callback(f, e);
}

void EventLoop::schedule_callback(FutureObj* f, const FutureCallbackEntry& e) {
  if (e.wakeup) {
    schedule_wakeup(e.wakeup, f);
    return;
  }
  HandleObj* h = new_handle(HandleKind::Callback, false);
  h->value = e.fn;
  h->set_future(f);  // the callback's single argument (see run_handle)
  h->label = log_text(e.fn);
  push_ready(h);
}

void EventLoop::compact_live_tasks() {
  std::erase_if(live_tasks, [](TaskObj* t) { return t->done(); });
  done_in_live_ = 0;
}

std::string EventLoop::task_name(const TaskObj* t) {
  return t->name ? host->describe(Value::object(t->name)) : "Task-" + std::to_string(t->name_number);
}

const std::vector<TaskObj*>& EventLoop::pending_tasks() {
  compact_live_tasks();
  return live_tasks;
}

void EventLoop::task_finished(TaskObj* t) {
  counters->tasks_pending--;
  t->step_handle = nullptr;  // a done task steps no more: its handle goes with the garbage
  // Removed lazily (erasing from the middle made many finishing tasks quadratic).
  if (++done_in_live_ > live_tasks.size() / 2 + 16) compact_live_tasks();
  std::string exc_type;
  if (t->has_exception) exc_type = host->describe(t->exception());
  log->add(EventKind::TaskDone, time(), t->task_id, uint32_t(t->state), exc_type.empty() ? 0 : log->intern(exc_type));
}

// mirrors futures.py Future.set_result.
bool EventLoop::future_set_result(FutureObj* f, Value result) {
  if (f->state != FutureState::Pending) return false;
  f->outcome = result;
  f->state = FutureState::Finished;
  log->add(EventKind::FutureDone, time(), f->id, uint32_t(f->state));
  if (f->is_task) task_finished(static_cast<TaskObj*>(f));
  schedule_callbacks(f);
  return true;
}

// mirrors futures.py Future.set_exception (the caller has validated `exc`).
bool EventLoop::future_set_exception(FutureObj* f, Value exc) {
  if (f->state != FutureState::Pending) return false;
  f->outcome = exc;
  f->has_exception = true;
  f->state = FutureState::Finished;
  f->log_traceback = true;
  heap->finalizers_possible = true;  // (an unretrieved exception is reported when f is collected)
  unretrieved_seen_ = true;
  counters->exceptions_set++;
  log->add(EventKind::FutureDone, time(), f->id, uint32_t(f->state));
  if (f->is_task) task_finished(static_cast<TaskObj*>(f));
  schedule_callbacks(f);
  return true;
}

// mirrors futures.py Future.cancel (for a Task this is super().cancel()).
bool EventLoop::future_cancel(FutureObj* f, Value msg) {
  f->log_traceback = false;
  if (f->state != FutureState::Pending) return false;
  f->state = FutureState::Cancelled;
  f->set_cancel_message(msg);
  log->add(EventKind::FutureDone, time(), f->id, uint32_t(f->state));
  if (f->is_task) task_finished(static_cast<TaskObj*>(f));
  schedule_callbacks(f);
  return true;
}

// mirrors futures.py Future.add_done_callback.
void EventLoop::add_done_callback(FutureObj* f, Value fn) {
  if (f->state != FutureState::Pending) {
    HandleObj* h = new_handle(HandleKind::Callback, false);
    h->value = fn;
    h->set_future(f);
    h->label = log_text(fn);
    push_ready(h);
  } else {
    TupleObj* box = nullptr;
    if (!fn.is_obj()) {
      box = heap->make_var<TupleObj>(sizeof(Value), classes.tuple, 1);
      (*box)[0] = fn;
    }
    f->add_callback({fn, nullptr}, box);
    log->add(EventKind::FutureCallback, time(), f->id, 0, log_text(fn));
  }
}

void EventLoop::add_wakeup(FutureObj* f, TaskObj* waiter) {
  if (f->state != FutureState::Pending) {
    schedule_wakeup(waiter, f);
  } else {
    f->add_callback({Value(), waiter});
    log->add(EventKind::FutureCallback, time(), f->id, waiter->task_id, 0);
  }
}

// mirrors futures.py Future.remove_done_callback.
int EventLoop::remove_done_callback(FutureObj* f, Value fn) {
  // The callbacks stay in place (traced) while __eq__ may run.
  std::vector<bool> drop(f->callbacks_size());
  int removed = 0;
  for (size_t i = 0; i < drop.size() && i < f->callbacks_size(); i++) {
    FutureCallbackEntry e = f->callback_at(i);
    if (!e.wakeup && host->callbacks_equal(e.fn, fn)) {
      drop[i] = true;
      removed++;
    }
  }
  if (removed) f->erase_callbacks(drop);
  return removed;
}

// mirrors futures.py Future._make_cancelled_error.
Value EventLoop::make_cancelled_error(FutureObj* f) {
  if (!f->cancelled_exc().is_undef()) {
    Value exc = f->cancelled_exc();
    f->set_cancelled_exc(Value());
    return exc;
  }
  return host->cancelled_error(f->cancel_message());
}

bool EventLoop::future_result(FutureObj* f, Value* out, bool* not_ready) {
  *not_ready = false;
  if (f->state == FutureState::Cancelled) {
    *out = make_cancelled_error(f);
    return false;
  }
  if (f->state == FutureState::Pending) {
    *not_ready = true;
    return false;
  }
  f->log_traceback = false;
  if (f->has_exception) {
    *out = f->outcome;
    return false;
  }
  *out = f->outcome;
  return true;
}

// ---- tasks ----------------------------------------------------------------------------------

// mirrors tasks.py Task.__init__: the first step is scheduled with call_soon.
TaskObj* EventLoop::create_task(Obj* coro, Obj* name, uint32_t name_number) {
  TaskObj* t = heap->make<TaskObj>(classes.task, this, ++counters->futures, ++counters->tasks, coro);
  t->name = name;
  t->name_number = name_number;
  live_tasks.push_back(t);
  counters->tasks_pending++;
  log->add(EventKind::TaskCreated, time(), t->task_id, t->id, log_text(t->coro()));
  schedule_step(t, Value());
  return t;
}

// mirrors tasks.py Task.cancel.
bool EventLoop::task_cancel(TaskObj* t, Value msg) {
  t->log_traceback = false;
  if (t->done()) return false;
  t->num_cancels_requested++;
  if (t->fut_waiter) {
    if (cancel_any(t->fut_waiter, msg)) return true;
  }
  t->must_cancel = true;
  t->set_cancel_message(msg);
  return true;
}

// fut.cancel(msg=msg) as Task does it: a Python subclass's override (gather's future) runs.
bool EventLoop::cancel_any(FutureObj* f, Value msg) {
  if (f->cls != classes.future && f->cls != classes.task) return host->cancel_future(Value::object(f), msg);
  return f->is_task ? task_cancel(static_cast<TaskObj*>(f), msg) : future_cancel(f, msg);
}

int EventLoop::task_uncancel(TaskObj* t) {
  if (t->num_cancels_requested > 0) t->num_cancels_requested--;
  return t->num_cancels_requested;
}

// mirrors tasks.py Task.__step, up to sending into the coroutine.
void EventLoop::step(TaskObj* t, Value exc, HandleObj* h, uint64_t budget) {
  if (t->done()) {
    // "_step(): already done": reported like an exception in a callback.
    host->report_exception("Exception in callback Task.task_wakeup()", host->loop_error(LoopError::InvalidState, "_step(): already done"), Value::object(t));
    return;
  }
  if (t->must_cancel) {
    if (exc.is_undef() || !host->is_cancelled_error(exc)) exc = make_cancelled_error(t);
    t->must_cancel = false;
  }
  t->fut_waiter = nullptr;
  current_task = t;
  step_started_ = time();
  // A suspended coroutine is still where its last step left it (t->line); only a first step
  // (or one whose line was unknown) walks the await chain.
  int line = t->line > 0 ? t->line : host->coro_line(t->coro());
  log->add(EventKind::TaskStepBegin, step_started_, t->task_id, uint32_t(line), exc.is_undef() ? 0 : 1);
  StepResult r = host->coro_send(t->coro(), exc.is_undef() ? Value::none() : exc, !exc.is_undef(), budget);
  if (r.kind == Outcome::Preempted) {
    in_flight_ = h;
    in_flight_task_ = t;
    parked_ = r.parked;
    return;
  }
  step_finish(t, r);
}

// mirrors the rest of tasks.py Task.__step: what the coroutine's answer means.
void EventLoop::step_finish(TaskObj* t, const StepResult& r) {
  current_task = nullptr;
  // A task that ends frees its frame, and with it maybe a future (or itself, failed) whose
  // exception nobody retrieved: CPython would report it right after this handle, so collect
  // there -- only once some exception was ever set, and less often while collections find none.
  bool ends = r.kind == Outcome::Returned || r.kind == Outcome::Raised;
  if (ends && (unretrieved_seen_ || r.kind == Outcome::Raised)) {
    if (ends_to_skip_ > 0) ends_to_skip_--;
    else collect_soon_ = true;
  }
  double now = time();
  int line = host->coro_line(t->coro());
  t->line = line;
  if (now - step_started_ > kSlowCallbackDuration)
    log->add_f(EventKind::Warning, now, now - step_started_, uint32_t(WarningKind::SlowCallback),
               log->intern("step of " + task_name(t) + " blocked the loop"), t->task_id);
  switch (r.kind) {
    case Outcome::Returned:
      log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Returned));
      if (t->must_cancel) {
        t->must_cancel = false;
        future_cancel(t, t->cancel_message());
      } else {
        future_set_result(t, r.value);
      }
      return;
    case Outcome::Raised:
      if (host->is_cancelled_error(r.value)) {
        log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Cancelled));
        t->set_cancelled_exc(r.value);
        future_cancel(t, Value());
      } else {
        log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Raised));
        future_set_exception(t, r.value);
        if (host->is_exit_exception(r.value)) escaped = r.value;
      }
      return;
    case Outcome::Yielded: {
      Value result = r.value;
      if (result.is_obj() && result.o->kind == Kind::Other &&
          (result.o->cls->is_subclass_of(classes.future))) {
        FutureObj* fut = static_cast<FutureObj*>(result.o);
        if (fut->loop != this) {
          log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Yield));
          schedule_step(t, host->loop_error(LoopError::Runtime, "Task got Future attached to a different loop"));
        } else if (fut->blocking) {
          if (fut == t) {
            log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Yield));
            schedule_step(t, host->loop_error(LoopError::Runtime, "Task cannot await on itself: " + host->describe(Value::object(t))));
          } else {
            fut->blocking = false;
            log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::AwaitFuture), fut->id);
            std::string_view chain = log->full() ? std::string_view() : host->await_chain(t->coro());
            if (!chain.empty()) {
              // A task mostly waits where it waited last time: compare before hashing.
              if (!t->chain_text || log->view(t->chain_text - 1) != chain) t->chain_text = log->intern(chain) + 1;
              log->add(EventKind::TaskAwaitChain, now, t->task_id, t->chain_text - 1);
            }
            add_wakeup(fut, t);
            t->fut_waiter = fut;
            if (t->must_cancel) {
              if (cancel_any(fut, t->cancel_message())) t->must_cancel = false;
            }
          }
        } else {
          log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Yield));
          schedule_step(t, host->loop_error(LoopError::Runtime, "yield was used instead of yield from in task " +
                                                                    host->describe(Value::object(t)) + " with " +
                                                                    host->describe(result)));
        }
      } else if (result.is_none()) {
        // A bare yield (asyncio.sleep(0)): run again in the next iteration.
        log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Yield));
        schedule_step(t, Value());
      } else {
        log->add_f(EventKind::TaskStepEnd, now, line, t->task_id, uint32_t(StepEnd::Yield));
        schedule_step(t, host->loop_error(LoopError::Runtime, "Task got bad yield: " + host->describe(result)));
      }
      return;
    }
    case Outcome::Preempted: return;
  }
}

// mirrors tasks.py Task.__wakeup: step with the future's exception, or without.
void EventLoop::wakeup(TaskObj* t, FutureObj* f, HandleObj* h, uint64_t budget) {
  Value out;
  bool not_ready;
  if (future_result(f, &out, &not_ready)) step(t, Value(), h, budget);
  else if (not_ready) step(t, host->loop_error(LoopError::InvalidState, "Result is not ready."), h, budget);
  else step(t, out, h, budget);
}

// ---- sync primitives, executor --------------------------------------------------------------

EventLoop::SyncSlot& EventLoop::sync_slot(uint32_t sid) {
  if (sid >= syncs_.size()) syncs_.resize(size_t(sid) + 1);
  return syncs_[sid];
}

uint32_t EventLoop::new_sync_id(SyncKind kind, std::string_view label) {
  uint32_t sid = ++counters->sync;
  uint32_t text = log->intern(label);
  sync_slot(sid).label = text;
  log->add(EventKind::SyncCreated, time(), sid, uint32_t(kind), text);
  return sid;
}

void EventLoop::sync_op(uint32_t sid, SyncOpKind op, TaskObj* task, double value) {
  log->add_f(EventKind::SyncOp, time(), value, sid, uint32_t(op), task ? task->task_id : 0);
}

void EventLoop::set_sync_owner(uint32_t sid, TaskObj* owner) { sync_slot(sid).owner = owner; }

void EventLoop::executor_done_at(double done_at, FutureObj* f, Value value, bool is_exception, uint32_t job,
                                 uint32_t worker) {
  completions_.push_back({done_at, f, value, is_exception, job, worker});
  // Keep completions in time order (stable for equal times: submission order).
  std::stable_sort(completions_.begin(), completions_.end(),
                   [](const ThreadCompletion& a, const ThreadCompletion& b) { return a.when < b.when; });
}

// ---- running --------------------------------------------------------------------------------

void EventLoop::begin_run_forever() {
  running = true;
  stopping = false;
  stage_ = Stage::BeginIteration;
  log->add(EventKind::LoopStart, time(), id);
}

double EventLoop::next_event_time() const {
  double t = INFINITY;
  if (!scheduled.empty()) t = scheduled[0].when;
  if (!completions_.empty()) t = std::min(t, completions_[0].when);
  if (io) t = std::min(t, io->next_due());
  return t;
}

// mirrors base_events.py _run_once up to the loop over ready handles.
bool EventLoop::begin_iteration() {
  iteration++;
  size_t sched_count = scheduled.size();
  if (sched_count > kMinScheduledTimerHandles &&
      double(timer_cancelled_count) / double(sched_count) > kMinCancelledTimerHandlesFraction) {
    std::vector<TimerEntry> kept;
    for (const TimerEntry& e : scheduled) {
      if (e.handle->cancelled) {
        e.handle->scheduled = false;
        log->add(EventKind::TimerDropped, time(), e.handle->id);
      } else {
        kept.push_back(e);
      }
    }
    heapq::heapify(kept, timer_less);
    scheduled.swap(kept);
    timer_cancelled_count = 0;
  } else {
    while (!scheduled.empty() && scheduled[0].handle->cancelled) {
      timer_cancelled_count--;
      HandleObj* h = heapq::heappop(scheduled, timer_less).handle;
      h->scheduled = false;
      log->add(EventKind::TimerDropped, time(), h->id);
    }
  }
  log->add(EventKind::IterationStart, time(), uint32_t(iteration), uint32_t(ready.size()), uint32_t(scheduled.size()));

  // select(timeout): with nothing ready, wait (jump the virtual clock) for the next event.
  log->add(EventKind::Phase, time(), uint32_t(LoopPhase::Select));
  if (ready.empty() && !stopping) {
    double next = next_event_time();
    if (io && io->waiting_real()) {
      // Real I/O in flight: wait in wall-clock time (the host advances the clock) unless a
      // timer or a simulated answer is due already.
      if (next > time()) {
        iteration--;
        waiting_io_ = true;
        return false;
      }
    } else if (std::isinf(next)) {
      build_deadlock_report();
      return false;
    } else if (next > time()) {
      // selectors' epoll select() rounds its timeout up to whole milliseconds, so timers due
      // within that millisecond fire in the same iteration, as in CPython.
      double wait = std::ceil((next - time()) * 1e3 - 1e-6) * 1e-3;
      clock->advance_to(time() + (wait > 0 ? wait : next - time()));
      log->add_f(EventKind::ClockJump, time(), time());
    }
  }
  // I/O answers that arrived by now.
  if (io) {
    io_done_.clear();
    io->poll(time(), io_done_);
    for (IoCompletion& c : io_done_) {
      HandleObj* h = new_handle(HandleKind::IoDone, false);
      h->set_future(c.future);
      h->value = c.value;
      h->is_exception = c.is_exception;
      h->label = log->intern("I/O answer");
      log->add(EventKind::IoDone, time(), c.request, c.status, c.bytes);
      push_ready(h);
    }
    io_done_.clear();
  }
  // _process_events: executor results that arrived by now (call_soon_threadsafe).
  while (!completions_.empty() && completions_[0].when <= time()) {
    ThreadCompletion c = completions_[0];
    completions_.erase(completions_.begin());
    HandleObj* h = new_handle(HandleKind::ThreadDone, false);
    h->set_future(c.future);
    h->value = c.value;
    h->is_exception = c.is_exception;
    h->label = log->intern("executor result");
    log->add(EventKind::ExecutorDone, time(), c.job, c.worker);
    push_ready(h);
  }

  // Timers due within the clock resolution move to the ready queue.
  log->add(EventKind::Phase, time(), uint32_t(LoopPhase::Timers));
  double end_time = time() + kClockResolution;
  while (!scheduled.empty()) {
    if (scheduled[0].when >= end_time) break;
    HandleObj* h = heapq::heappop(scheduled, timer_less).handle;
    h->scheduled = false;
    log->add(EventKind::TimerDue, time(), h->id);
    ready.push_back(h);
  }
  log->add(EventKind::Phase, time(), uint32_t(LoopPhase::RunReady));
  ntodo_ = ready.size();
  return true;
}

// Runs one handle (events.py Handle._run). False when its code was preempted.
bool EventLoop::run_handle(HandleObj* h, uint64_t budget) {
  log->add(EventKind::HandleRun, time(), h->id, uint32_t(h->hkind), h->task() ? h->task()->task_id : h->label);
  switch (h->hkind) {
    case HandleKind::TaskStep: step(h->task(), h->value, h, budget); break;
    case HandleKind::TaskWakeup: wakeup(h->task(), h->future(), h, budget); break;
    case HandleKind::SetResult:
      // futures._set_result_unless_cancelled (asyncio.sleep's timer).
      if (h->future()->state != FutureState::Cancelled) future_set_result(h->future(), h->value);
      break;
    case HandleKind::ThreadDone:
    case HandleKind::IoDone:
      // futures._copy_future_state into the asyncio future.
      if (h->future()->state != FutureState::Cancelled) {
        if (h->is_exception) future_set_exception(h->future(), h->value);
        else future_set_result(h->future(), h->value);
      }
      break;
    case HandleKind::Callback:
      if (!run_callback(h, budget)) return false;
      break;
  }
  if (in_flight_ == h) return false;
  log->add(EventKind::HandleDone, time(), h->id);
  return true;
}

// A future's done callback is fn(future); call_soon's callbacks get their arguments.
bool EventLoop::run_callback(HandleObj* h, uint64_t budget) {
  TupleObj* args = h->args();
  Value arg = h->arg_is_future ? Value::object(h->target) : Value();
  step_started_ = time();
  StepResult r = host->call(h->callback(), args, arg, budget);
  if (r.kind == Outcome::Preempted) {
    in_flight_ = h;
    in_flight_task_ = nullptr;
    parked_ = r.parked;
    return false;
  }
  finish_handle(h, r);
  return true;
}

void EventLoop::finish_handle(HandleObj* h, const StepResult& r) {
  if (r.kind == Outcome::Raised) {
    if (host->is_exit_exception(r.value)) {
      escaped = r.value;
    } else {
      host->report_exception("Exception in callback " + host->format_callback_source(h->callback(), h->args()), r.value,
                             Value::object(h));
      log->add(EventKind::Warning, time(), uint32_t(WarningKind::CallbackError), log->intern(host->describe(r.value)));
    }
  }
}

void EventLoop::after_handle() {
  bool collect = std::exchange(collect_soon_, false);
  bool reported = host->after_handle(collect);
  if (!collect) return;
  // Back off exponentially after a few fruitless collections (a failed task kept referenced
  // would otherwise cost a collection per task end).
  if (reported) fruitless_ = 0;
  else if (++fruitless_ > 4) ends_to_skip_ = 1u << std::min(fruitless_ - 4, 20u);
}

// What is left of run_slice's budget (at least one instruction, so code always advances).
uint64_t EventLoop::budget_left() const {
  uint64_t now = clock->instruction_count();
  return now >= stop_at_ ? 1 : stop_at_ - now;
}

// Goes on with the handle whose code was preempted (its code parked in the host).
bool EventLoop::resume_in_flight(RunStatus* status) {
  HandleObj* h = in_flight_;
  TaskObj* t = in_flight_task_;
  void* parked = parked_;
  in_flight_ = nullptr;
  in_flight_task_ = nullptr;
  parked_ = nullptr;
  running_ = h;
  StepResult r = host->resume_parked(parked, budget_left());
  running_ = nullptr;
  if (r.kind == Outcome::Preempted) {
    in_flight_ = h;
    in_flight_task_ = t;
    parked_ = r.parked;
    *status = RunStatus::Running;
    return false;
  }
  if (t) step_finish(t, r);
  else finish_handle(h, r);
  log->add(EventKind::HandleDone, time(), h->id);
  release_handle(h);
  if (!escaped.is_undef()) {
    *status = RunStatus::Raised;
    return false;
  }
  after_handle();
  return true;
}

RunStatus EventLoop::run_slice(uint64_t budget) {
  stop_at_ = clock->instruction_count() + (budget ? budget : 1);
  for (;;) {
    RunStatus status;
    if (in_flight_ && !resume_in_flight(&status)) return status;
    if (stage_ == Stage::BeginIteration) {
      if (!begin_iteration()) {
        if (waiting_io_) {
          waiting_io_ = false;
          return RunStatus::WaitingIO;
        }
        return RunStatus::Deadlock;
      }
      stage_ = Stage::RunReady;
    }
    while (ntodo_ > 0) {
      if (clock->instruction_count() >= stop_at_) return RunStatus::Running;
      HandleObj* h = ready.front();
      ready.pop_front();
      ntodo_--;
      if (h->cancelled) {
        log->add(EventKind::HandleDone, time(), h->id);
        release_handle(h);
        continue;
      }
      running_ = h;
      bool finished = run_handle(h, budget_left());
      running_ = nullptr;
      if (!finished) return RunStatus::Running;
      release_handle(h);
      if (!escaped.is_undef()) return RunStatus::Raised;
      after_handle();
    }
    stage_ = Stage::BeginIteration;
    if (stopping) {
      stopping = false;
      running = false;
      log->add(EventKind::LoopStop, time(), id);
      return RunStatus::Stopped;
    }
    if (clock->instruction_count() >= stop_at_) return RunStatus::Running;
  }
}

// ---- deadlock -------------------------------------------------------------------------------

std::string EventLoop::describe_waiter(TaskObj* t) {
  std::string s = task_name(t);
  if (t->line) s += " (line " + std::to_string(t->line) + ")";
  FutureObj* w = t->fut_waiter;
  if (!w) return s + " is not waiting on anything";
  if (w->is_task) return s + " waits for " + task_name(static_cast<TaskObj*>(w));
  std::string label = w->label ? log->str(w->label) : "a future";
  return s + " waits on " + label;
}

void EventLoop::build_deadlock_report() {
  std::string r = "Deadlock: nothing is ready, no timer is pending, and no I/O is in flight, yet the loop was not "
                  "stopped; CPython would wait here forever.\n";
  for (TaskObj* t : pending_tasks()) r += "  " + describe_waiter(t) + "\n";
  // Follow "waits on" links to name a cycle when there is one.
  for (TaskObj* start : live_tasks) {
    std::vector<TaskObj*> path{start};
    TaskObj* cur = start;
    for (size_t steps = 0; steps < live_tasks.size() + 1; steps++) {
      FutureObj* w = cur->fut_waiter;
      TaskObj* next = nullptr;
      if (w && w->is_task) next = static_cast<TaskObj*>(w);
      else if (w) {
        for (const SyncSlot& sync : syncs_)
          if (sync.owner && w->label && w->label == sync.label) next = sync.owner;
      }
      if (!next) break;
      if (next == start) {
        r += "  cycle: ";
        for (TaskObj* p : path) r += task_name(p) + " -> ";
        r += task_name(start) + "\n";
        deadlock_report = r;
        log->add(EventKind::Warning, time(), uint32_t(WarningKind::Deadlock), log->intern(r));
        return;
      }
      path.push_back(next);
      cur = next;
    }
  }
  deadlock_report = r;
  log->add(EventKind::Warning, time(), uint32_t(WarningKind::Deadlock), log->intern(r));
}

}  // namespace looplab
