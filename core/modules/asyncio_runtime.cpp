// The VM side of the event loop: driving coroutines and callbacks, describing values, and the
// protocol by which loop.run_until_complete hands the loop to the host.
#include "modules/asyncio_parts.h"
#include "modules/asyncio_runtime.h"

#include <algorithm>
#include <cstring>

#include "lang/call.h"
#include "lang/exec_support.h"
#include "lang/generator.h"
#include "lang/interpreter.h"
#include "runtime/exceptions_support.h"
#include "runtime/ops.h"

namespace looplab {

AsyncioRuntime* asyncio_runtime(VM& vm) { return static_cast<AsyncioRuntime*>(vm.host_context); }

AsyncioRuntime::AsyncioRuntime(VM& v, EventLog* l) : vm(v), log(l), clock(&v.instructions), host(v) {}

void AsyncioRuntime::trace(Tracer& t) {
  t.mark(classes.loop);
  t.mark(classes.handle);
  t.mark(classes.timer_handle);
  t.mark(classes.future);
  t.mark(classes.task);
  t.mark(cancelled_error);
  t.mark(invalid_state_error);
  t.mark(future_iter);
  t.mark(sleep_class);
  t.mark(running_loop);
  t.mark(event_loop);
  t.mark(run_until_complete_cb);
  t.mark(context_factory);
  t.mark(sync_state);
}

FutureObj* as_future(VM& vm, Value v) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (!rt || !v.is_obj() || v.o->kind != Kind::Other || !rt->classes.future) return nullptr;
  return v.o->cls->is_subclass_of(rt->classes.future) ? static_cast<FutureObj*>(v.o) : nullptr;
}

TaskObj* as_task(VM& vm, Value v) {
  FutureObj* f = as_future(vm, v);
  return f && f->is_task ? static_cast<TaskObj*>(f) : nullptr;
}

EventLoop* get_running_loop_or_raise(VM& vm) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (!rt || !rt->running_loop) {
    vm.raise(vm.t.RuntimeError, "no running event loop");
    return nullptr;
  }
  return rt->running_loop;
}

// ---- driving Python code --------------------------------------------------------------------

StepResult VmLoopHost::from_exec(const ExecResult& r) {
  switch (r.status) {
    case ExecStatus::Yielded: return {Outcome::Yielded, r.value};
    case ExecStatus::Returned: return {Outcome::Returned, r.value};
    case ExecStatus::Raised: return {Outcome::Raised, vm_.take_exception()};
    case ExecStatus::Preempted: return {Outcome::Preempted, Value(), r.parked};
    case ExecStatus::HostCall:
      // Host calls are refused while a loop runs; a parked chain here would be a bug.
      vm_.discard_parked(r.parked);
      return {Outcome::Raised, loop_error(LoopError::Runtime, "Cannot run the event loop while another loop is running")};
  }
  return {Outcome::Raised, Value::none()};
}

StepResult VmLoopHost::coro_send(Value coro, Value value, bool is_throw, uint64_t budget) {
  if (coro.is_obj() && coro.o->kind == Kind::Generator) {
    return from_exec(vm_.resume(static_cast<GenObj*>(coro.o), value, is_throw, budget));
  }
  // A native awaitable used as a task's coroutine (e.g. create_task(asyncio.sleep(1))).
  Value out;
  if (is_throw) {
    Value thrower = op_getattr_opt(vm_, coro, vm_.n.throw_);
    if (thrower.is_undef()) return {Outcome::Raised, value};
    Value r = thrower.is_error() ? thrower : vm_.call(thrower, {value});
    if (!r.is_error()) return {Outcome::Yielded, r};
    if (vm_.pending_is(vm_.t.StopIteration)) {
      Value e = vm_.take_exception();
      TupleObj* args = static_cast<ExceptionObj*>(e.o)->args;
      return {Outcome::Returned, args->size ? (*args)[0] : Value::none()};
    }
    return {Outcome::Raised, vm_.take_exception()};
  }
  SendResult r = send_native(vm_, coro, value, &out);
  if (r == SendResult::Yield) return {Outcome::Yielded, out};
  if (r == SendResult::Return) return {Outcome::Returned, out};
  return {Outcome::Raised, vm_.take_exception()};
}

StepResult VmLoopHost::call(Value callable, TupleObj* args, Value arg, uint64_t budget) {
  std::vector<Value> argv;
  if (callable.is_obj() && callable.o->kind == Kind::BoundMethod) {
    BoundMethodObj* m = static_cast<BoundMethodObj*>(callable.o);
    argv.push_back(m->self);
    callable = m->func;
  }
  if (args) argv.insert(argv.end(), args->items(), args->items() + args->size);
  if (!arg.is_undef()) argv.push_back(arg);
  if (callable.is_obj() && callable.o->kind == Kind::Function &&
      !static_cast<FunctionObj*>(callable.o)->code->is_generator_like()) {
    // A Python callback runs in slices like a task step.
    Frame* f = make_call_frame(vm_, static_cast<FunctionObj*>(callable.o), argv.data(), uint32_t(argv.size()), nullptr);
    if (!f) return {Outcome::Raised, vm_.take_exception()};
    return from_exec(Interpreter::run(vm_, f, budget));
  }
  Value r = vm_.call(callable, argv.data(), argv.size());
  if (r.is_error()) return {Outcome::Raised, vm_.take_exception()};
  return {Outcome::Returned, r};
}

StepResult VmLoopHost::resume_parked(void* parked, uint64_t budget) {
  return from_exec(vm_.resume_parked(static_cast<Frame*>(parked), budget));
}

void VmLoopHost::trace_parked(void* parked, Tracer& t) { VM::trace_parked(static_cast<Frame*>(parked), t); }

// ---- exceptions -----------------------------------------------------------------------------

Value VmLoopHost::cancelled_error(Value message) {
  AsyncioRuntime* rt = asyncio_runtime(vm_);
  ClassObj* cls = rt->cancelled_error;
  bool no_message = message.is_undef() || message.is_none();
  // Made directly while the class has BaseException's __new__ and __init__ (a program may
  // assign its own): every cancelled task keeps one, and calling the class would build its
  // args twice. Argument-less ones share the VM's one empty tuple.
  if (!cls->dict || (cls->dict->get_str(vm_.n.__init__).is_undef() && cls->dict->get_str(vm_.n.__new__).is_undef()))
    return Value::object(vm_.new_exception(cls, no_message ? vm_.new_tuple(0) : vm_.tuple_of({message})));
  Value e = no_message ? vm_.call(Value::object(cls), {}) : vm_.call(Value::object(cls), {message});
  if (e.is_error()) return vm_.take_exception();
  return e;
}

Value VmLoopHost::loop_error(LoopError kind, std::string_view message) {
  AsyncioRuntime* rt = asyncio_runtime(vm_);
  ClassObj* cls = kind == LoopError::InvalidState ? rt->invalid_state_error
                  : kind == LoopError::Type ? vm_.t.TypeError : vm_.t.RuntimeError;
  Value e = vm_.call(Value::object(cls), {vm_.str(message)});
  if (e.is_error()) return vm_.take_exception();
  return e;
}

bool VmLoopHost::is_cancelled_error(Value exc) { return vm_.isinstance(exc, asyncio_runtime(vm_)->cancelled_error); }

bool VmLoopHost::is_exit_exception(Value exc) {
  return vm_.isinstance(exc, vm_.t.SystemExit) || vm_.isinstance(exc, vm_.t.KeyboardInterrupt);
}

bool VmLoopHost::callbacks_equal(Value a, Value b) {
  int eq = op_eq(vm_, a, b);
  if (eq < 0) {
    vm_.clear_exception();
    return false;
  }
  return eq == 1;
}

bool VmLoopHost::cancel_future(Value future, Value msg) {
  Value cancel = op_getattr(vm_, future, vm_.intern("cancel"));
  Value r = cancel;
  if (!cancel.is_error()) {
    Value m = msg.is_undef() ? Value::none() : msg;
    r = vm_.call(cancel, &m, 0, vm_.tuple_of({Value::object(vm_.intern("msg"))}));
  }
  if (r.is_error()) {
    Value exc = vm_.take_exception();
    report_exception("Exception in cancelling a future", exc, future);
    return false;
  }
  int t = op_truth(vm_, r);
  if (t < 0) vm_.clear_exception();
  return t > 0;
}

// mirrors base_events.py default_exception_handler: the message, the context, the traceback.
void VmLoopHost::report_exception(std::string_view message, Value exc, Value subject) {
  const char* key = "handle";
  if (as_task(vm_, subject)) key = "task";
  else if (as_future(vm_, subject)) key = "future";
  report(message, exc, key, subject);
}

void VmLoopHost::report(std::string_view message, Value exc, const char* key, Value subject) {
  AsyncioRuntime* rt = asyncio_runtime(vm_);
  FutureObj* fut = as_future(vm_, subject);
  EventLoop* loop = fut ? fut->loop : rt ? rt->running_loop : nullptr;
  if (!loop || loop->exception_handler.is_undef()) return report_default(message, exc, subject, key);
  DictObj* ctx = vm_.new_dict();
  Value keep = Value::object(ctx);
  ctx->set_str(vm_.intern("message"), vm_.str(message));
  if (!exc.is_undef() && !exc.is_none()) ctx->set_str(vm_.intern("exception"), exc);
  if (!subject.is_undef()) ctx->set_str(vm_.intern(key), subject);
  call_handler(loop, keep);
}

void VmLoopHost::call_handler(EventLoop* loop, Value context) {
  Value r = vm_.call(loop->exception_handler, {Value::object(loop), context});
  if (!r.is_error()) return;
  // base_events.py: logger.error('Unhandled error in exception handler', exc_info=True).
  Value err = vm_.take_exception();
  // base_events.py passes it on to the default handler as {'message', 'exception', 'context'}.
  std::string text = "Unhandled error in exception handler";
  std::string ctx;
  if (repr_text(vm_, context, ctx)) text += "\ncontext: " + ctx;
  vm_.clear_exception();
  text += "\n";
  format_exception(vm_, err, text);
  vm_.clear_exception();
  vm_.write(OutStream::Stderr, text);
}

void VmLoopHost::report_default(std::string_view message, Value exc, Value subject, const char* key) {
  if (!key) {
    key = "handle";
    if (as_task(vm_, subject)) key = "task";
    else if (as_future(vm_, subject)) key = "future";
  }
  std::string text(message);
  if (!subject.is_undef()) {
    std::string r;
    if (repr_text(vm_, subject, r)) {
      text += std::string("\n") + key + ": " + r;
    } else {
      vm_.clear_exception();
    }
  }
  text += "\n";
  if (!exc.is_undef() && !exc.is_none()) format_exception(vm_, exc, text);
  vm_.write(OutStream::Stderr, text);
}

// ---- describing values for the log ----------------------------------------------------------

StrObj* VmLoopHost::label_name(Value v, bool* call_suffix) {
  *call_suffix = false;
  while (v.is_obj() && v.o->kind == Kind::BoundMethod) v = static_cast<BoundMethodObj*>(v.o)->func;
  if (!v.is_obj()) return nullptr;
  switch (v.o->kind) {
    case Kind::Str: return static_cast<StrObj*>(v.o);
    case Kind::Function: return static_cast<FunctionObj*>(v.o)->qualname;
    case Kind::Native: return static_cast<NativeFunctionObj*>(v.o)->name;
    case Kind::Generator: *call_suffix = true; return static_cast<GenObj*>(v.o)->qualname;
    case Kind::Exception: return vm_.type_of(v)->name;
    case Kind::Class: return static_cast<ClassObj*>(v.o)->name;
    default: return nullptr;
  }
}

std::string_view VmLoopHost::describe_view(Value v) {
  // The common cases are a name (and "()" for a coroutine), copied into label_, which keeps its
  // capacity.
  bool call_suffix;
  if (StrObj* name = label_name(v, &call_suffix)) {
    label_.assign(name->view());
    if (call_suffix) label_.append("()");
  } else {
    label_ = describe_other(v);
  }
  return label_;
}

// Every task and callback is described for the log, and most are named by an interned string
// (a def's qualname), which lives as long as the VM.
uintptr_t VmLoopHost::label_key(Value v) {
  bool call_suffix;
  StrObj* name = label_name(v, &call_suffix);
  if (!name || !name->interned) return 0;
  return reinterpret_cast<uintptr_t>(name) | uintptr_t(call_suffix);  // objects are 8-aligned
}

// describe's rarer cases: inline values, tasks, native coroutines, anything else by its repr.
std::string VmLoopHost::describe_other(Value v) {
  std::string s;
  if (!v.is_obj()) {
    if (repr_text(vm_, v, s)) return s;
    vm_.clear_exception();
    return "?";
  }
  if (TaskObj* t = as_task(vm_, v)) return t->loop->task_name(t);
  NativeCoroInfo info;
  if (native_coro_info(vm_, v, &info)) return std::string(info.qualname) + "()";
  if (StrObj* name = done_coro_qualname(vm_, v)) return name->str() + "()";
  if (repr_text(vm_, v, s)) return s;
  vm_.clear_exception();
  return type_name(vm_, v);
}

// mirrors format_helpers._format_callback_source (args by repr; functools.partial unwrapped).
std::string VmLoopHost::format_callback_source(Value callable, TupleObj* args) {
  std::string suffix;
  auto format_args = [&](const Value* items, size_t n) {
    std::string s = "(";
    for (size_t i = 0; i < n; i++) {
      std::string r;
      if (!repr_text(vm_, items[i], r)) {
        vm_.clear_exception();
        r = "?";
      }
      s += (i ? ", " : "") + r;
    }
    return s + ")";
  };
  std::string args_text = args ? format_args(args->items(), args->size) : "()";
  // functools.partial(f, a)(b) reads "f(a)(b)".
  for (int depth = 0; depth < 8 && callable.is_obj() && type_name(vm_, callable) == "partial"; depth++) {
    Value fn = op_getattr_opt(vm_, callable, vm_.intern("func"));
    Value pargs = op_getattr_opt(vm_, callable, vm_.intern("args"));
    if (fn.is_undef() || !pargs.is_obj() || pargs.o->kind != Kind::Tuple) break;
    suffix = args_text + suffix;
    TupleObj* t = static_cast<TupleObj*>(pargs.o);
    args_text = format_args(t->items(), t->size);
    callable = fn;
  }
  vm_.clear_exception();
  std::string text = describe(callable) + args_text + suffix;
  Value fn = callable;
  if (fn.is_obj() && fn.o->kind == Kind::BoundMethod) fn = static_cast<BoundMethodObj*>(fn.o)->func;
  if (fn.is_obj() && fn.o->kind == Kind::Function) {
    CodeObj* co = static_cast<FunctionObj*>(fn.o)->code;
    if (co->source) text += " at " + co->source->filename + ":" + std::to_string(co->firstlineno);
  }
  return text;
}

// The innermost generator frame of a coroutine's await chain; visit(g) sees each generator of
// the chain, outermost first. (No vector: this runs at every task step.)
template <class Visit>
static Frame* walk_chain(Value coro, Visit&& visit) {
  Frame* f = nullptr;
  Value cur = coro;
  for (int depth = 0; depth < 200; depth++) {
    if (!cur.is_obj() || cur.o->kind != Kind::Generator) break;
    GenObj* g = static_cast<GenObj*>(cur.o);
    if (!g->frame) break;
    visit(g);
    f = g->frame;
    if (g->state != GenState::Suspended) break;
    cur = delegate_of(f);
  }
  return f;
}

int VmLoopHost::coro_line(Value coro) {
  // The line in the program's own code, not in asyncio's Python (locks.py, queues.py): the
  // innermost frame of the chain that runs the program's source.
  AsyncioRuntime* rt = asyncio_runtime(vm_);
  const void* program = rt ? rt->program_source : nullptr;
  Frame* in_program = nullptr;
  Frame* f = walk_chain(coro, [&](GenObj* g) {
    if (program && g->frame->code->source.get() == program) in_program = g->frame;
  });
  NativeCoroInfo info;
  if (!f) return native_coro_info(vm_, coro, &info) ? info.line : 0;
  if (in_program) return in_program->pc == 0 ? in_program->code->firstlineno : in_program->line();
  // No frame of the program's: the innermost one, which may be a native lock's or queue's.
  if (native_coro_info(vm_, delegate_of(f), &info)) return info.line;
  if (f->pc == 0) return f->code->firstlineno;
  return f->line();
}

std::string_view VmLoopHost::await_chain(Value coro) {
  // Written with memcpy into a buffer that only ever grows: under wasm each std::string append
  // is a call into the prebuilt libc++ (several per piece), which cost more than the walk.
  size_t n = 0;
  auto put = [&](std::string_view s) {
    if (n + s.size() > chain_.size()) chain_.resize(std::max(2 * chain_.size(), n + s.size() + 64));
    std::memcpy(chain_.data() + n, s.data(), s.size());
    n += s.size();
  };
  Frame* f = walk_chain(coro, [&](GenObj* g) {
    if (n) put(" > ");
    put(g->name->view());
  });
  NativeCoroInfo info;
  if (f) {
    Value leaf = delegate_of(f);
    if (leaf.is_obj() && leaf.o->kind != Kind::Generator) {
      AsyncioRuntime* rt = asyncio_runtime(vm_);
      if (rt && leaf.o->cls == rt->sleep_class) {
        put(" > sleep");
      } else if (native_coro_info(vm_, leaf, &info)) {
        put(" > ");
        put(info.chain);
      }
    }
  } else if (native_coro_info(vm_, coro, &info)) {
    put(info.chain);
  }
  return std::string_view(chain_.data(), n);
}

// ---- run_until_complete / run_forever through the host --------------------------------------

bool decode_loop_run(VM& vm, Value payload, LoopRun* out) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (!rt || !payload.is_obj() || payload.o->kind != Kind::Tuple) return false;
  TupleObj* t = static_cast<TupleObj*>(payload.o);
  if (t->size != 3 || !(*t)[0].is_obj() || (*t)[0].o->cls != rt->classes.loop) return false;
  out->loop = static_cast<EventLoop*>((*t)[0].o);
  out->future = as_future(vm, (*t)[1]);
  out->new_task = (*t)[2].is_bool() && (*t)[2].b;
  return true;
}

void start_loop_run(VM& vm, const LoopRun& run) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  rt->running_loop = run.loop;
  run.loop->escaped = Value();
  run.loop->begin_run_forever();
}

// mirrors the end of base_events.py run_until_complete.
Value finish_loop_run(VM& vm, const LoopRun& run, RunStatus status) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  rt->running_loop = nullptr;
  run.loop->running = false;
  run.loop->stopping = false;
  Value escaped = run.loop->escaped;
  run.loop->escaped = Value();
  FutureObj* fut = run.future;
  if (fut) run.loop->remove_done_callback(fut, rt->run_until_complete_cb);
  if (status == RunStatus::Raised) {
    if (fut && run.new_task && fut->done() && fut->state != FutureState::Cancelled) fut->log_traceback = false;
    return vm.set_pending(escaped);
  }
  if (!fut) return Value::none();
  if (!fut->done()) return vm.raise(vm.t.RuntimeError, "Event loop stopped before Future completed.");
  Value out;
  bool not_ready;
  if (run.loop->future_result(fut, &out, &not_ready)) return out;
  return vm.set_pending(out);
}

}  // namespace looplab

// ---- what CPython's __del__ methods report ---------------------------------------------------

namespace looplab {

bool finalizer_wanted(AsyncioRuntime& rt, Obj* o) {
  FutureObj* f = as_future(rt.vm, Value::object(o));
  return f && f->log_traceback;
}

namespace {

// futures.py Future.__del__: "<Class> exception was never retrieved", context key 'future'.
void report_unretrieved(AsyncioRuntime& rt, FutureObj* f) {
  f->log_traceback = false;
  std::string message = f->cls->name->str() + " exception was never retrieved";
  rt.host.report(message, f->exception(), "future", Value::object(f));
  uint32_t task = f->is_task ? static_cast<TaskObj*>(f)->task_id : 0;
  rt.log->add(EventKind::Warning, rt.clock.now(), uint32_t(WarningKind::ExceptionNeverRetrieved),
              rt.log->intern(message), task);
}

}  // namespace

bool report_finalizable(AsyncioRuntime& rt) {
  bool any = false;
  for (Obj* o : rt.vm.heap.take_finalizable()) {
    FutureObj* f = as_future(rt.vm, Value::object(o));
    if (f && f->log_traceback) {
      report_unretrieved(rt, f);
      any = true;
    }
  }
  return any;
}

bool take_unawaited_native_coro(VM& vm, Value v, std::string* qualname) {
  if (v.o->cls == asyncio_runtime(vm)->sleep_class) {
    *qualname = "sleep";
    return take_unawaited_sleep(vm, v);
  }
  return take_unawaited_sync_coro(vm, v, qualname);
}

// What CPython's shutdown says of native coroutines that never started, as for Python ones.
void report_unawaited_natives(AsyncioRuntime& rt) {
  // Nothing to find (skips the heap walk): no lock/queue coroutine or sleep left unstarted.
  if (rt.counters.sync_coros_never_awaited <= 0 && rt.counters.sleeps_never_awaited <= 0) return;
  std::vector<std::string> names;
  rt.vm.heap.for_each_object([&](Obj* o) {
    std::string name;
    if (o->cls->has(kClassAwaitsItself) && take_unawaited_native_coro(rt.vm, Value::object(o), &name))
      names.push_back(std::move(name));
  });
  for (const std::string& name : names) {
    std::string msg = "coroutine '" + name + "' was never awaited";
    rt.vm.write(OutStream::Stderr, "sys:1: RuntimeWarning: " + msg + "\n");
    rt.log->add(EventKind::Warning, rt.clock.now(), uint32_t(WarningKind::NeverAwaited), rt.log->intern(msg), 0);
  }
}

void report_at_exit(AsyncioRuntime& rt) {
  report_unawaited_natives(rt);
  report_finalizable(rt);
  if (rt.counters.exceptions_set == 0 && rt.counters.tasks_pending <= 0) return;  // nothing to find
  // Only futures that are reported or could still become so (a report may run an exception
  // handler that sets a pending one's exception): a done one without log_traceback never is.
  std::vector<FutureObj*> futures;
  rt.vm.heap.for_each_object([&](Obj* o) {
    FutureObj* f = as_future(rt.vm, Value::object(o));
    if (f && (f->log_traceback || f->state == FutureState::Pending)) futures.push_back(f);
  });
  for (FutureObj* f : futures) {
    if (f->log_traceback) {
      report_unretrieved(rt, f);
    } else if (f->is_task && f->state == FutureState::Pending) {
      // tasks.py Task.__del__.
      TaskObj* t = static_cast<TaskObj*>(f);
      if (!t->log_destroy_pending) continue;
      t->log_destroy_pending = false;
      rt.host.report("Task was destroyed but it is pending!", Value(), "task", Value::object(t));
      rt.log->add(EventKind::Warning, rt.clock.now(), uint32_t(WarningKind::TaskDestroyedPending),
                  rt.log->intern("Task was destroyed but it is pending!"), t->task_id);
    }
  }
}

bool VmLoopHost::after_handle(bool collect) {
  // Collecting is safe here only at the host level: no C++ frame between here and the loop
  // holds values the collector cannot see.
  if (collect && vm_.can_collect()) vm_.heap.collect();
  if (!vm_.heap.has_finalizable()) return false;  // after almost every handle
  AsyncioRuntime* rt = asyncio_runtime(vm_);
  return rt && report_finalizable(*rt);
}

}  // namespace looplab
