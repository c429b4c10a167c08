// The event loop object as Python sees it (base_events.BaseEventLoop's public methods), the
// module-level functions of asyncio.events and asyncio.tasks that need the engine, and the
// `_asyncio` module that the Python part of asyncio (modules/py/asyncio.py) builds on.
#include "lang/generator.h"
#include "modules/asyncio_parts.h"
#include "modules/module_inits.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

EventLoop* self_loop(VM& vm, CallArgs& a, const char* method) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (a.nargs < 1 || !a[0].is_obj() || a[0].o->cls != rt->classes.loop) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' requires an event loop", method);
    return nullptr;
  }
  return static_cast<EventLoop*>(a[0].o);
}

bool check_closed(VM& vm, EventLoop* loop) {
  if (loop->closed) {
    vm.raise(vm.t.RuntimeError, "Event loop is closed");
    return false;
  }
  return true;
}

TupleObj* rest_args(VM& vm, CallArgs& a, uint32_t from) {
  TupleObj* t = vm.new_tuple(a.nargs > from ? a.nargs - from : 0);
  for (uint32_t i = from; i < a.nargs; i++) (*t)[i - from] = a[i];
  return t;
}

// Binds the call_* methods' (self, <named>, *args, context=None) as their def does: only
// `context=` is accepted as a keyword (contexts are not modelled), and the named ones are required.
bool call_method_args(VM& vm, CallArgs& a, const char* qualname, std::initializer_list<const char*> named) {
  for (size_t i = 0; i < a.nkw(); i++) {
    if (a.kwname(i)->view() != "context") {
      vm.raisef(vm.t.TypeError, "%s() got an unexpected keyword argument '%s'", qualname, a.kwname(i)->data());
      return false;
    }
  }
  if (a.nargs >= named.size() + 1) return true;
  std::vector<const char*> missing(named.begin() + (a.nargs ? a.nargs - 1 : 0), named.end());
  std::string names;
  for (size_t i = 0; i < missing.size(); i++)
    names += (i ? " and '" : "'") + std::string(missing[i]) + "'";
  vm.raisef(vm.t.TypeError, "%s() missing %zu required positional argument%s: %s", qualname, missing.size(),
            missing.size() == 1 ? "" : "s", names.c_str());
  return false;
}

// The loop's methods are natives standing in for BaseEventLoop's Python methods: a wrong call
// gets a def's message ("BaseEventLoop.time() takes 1 positional argument but 2 were given").
bool only_self(VM& vm, CallArgs& a, const char* qualname) {
  Value self;
  return bind_args(vm, a, qualname, {"self"}, &self, ArgStyle::Python);
}

Value loop_time(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "time");
  if (!loop || !only_self(vm, a, "BaseEventLoop.time")) return Value::error();
  return Value::real(loop->time());
}

Value loop_call_soon(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "call_soon");
  if (!loop || !call_method_args(vm, a, "BaseEventLoop.call_soon", {"callback"}) || !check_closed(vm, loop))
    return Value::error();
  return Value::object(loop->call_soon(a[1], rest_args(vm, a, 2)));
}

Value loop_call_later(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "call_later");
  if (!loop || !call_method_args(vm, a, "BaseEventLoop.call_later", {"delay", "callback"}) || !check_closed(vm, loop))
    return Value::error();
  double delay;
  if (!as_double(vm, a[1], &delay)) return Value::error();
  return Value::object(loop->call_later(delay, a[2], rest_args(vm, a, 3)));
}

Value loop_call_at(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "call_at");
  if (!loop || !call_method_args(vm, a, "BaseEventLoop.call_at", {"when", "callback"}) || !check_closed(vm, loop))
    return Value::error();
  double when;
  if (!as_double(vm, a[1], &when)) return Value::error();
  return Value::object(loop->call_at(when, a[2], rest_args(vm, a, 3)));
}

Value loop_create_future(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "create_future");
  if (!loop || !only_self(vm, a, "BaseEventLoop.create_future")) return Value::error();
  return Value::object(loop->create_future(maker_label(vm)));
}

Value loop_create_task(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "create_task");
  if (!loop) return Value::error();
  Value v[4];
  if (!bind_args(vm, a, "BaseEventLoop.create_task", {"self", "coro", "*", "name=", "context="}, v, ArgStyle::Python))
    return Value::error();
  return create_task_on(vm, loop, v[1], v[2].is_undef() ? Value::none() : v[2], false, v[3]);
}

Value loop_stop(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "stop");
  if (!loop || !only_self(vm, a, "BaseEventLoop.stop")) return Value::error();
  loop->stop();
  return Value::none();
}

Value loop_is_running(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "is_running");
  if (!loop || !only_self(vm, a, "BaseEventLoop.is_running")) return Value::error();
  return Value::boolean(loop->running);
}

Value loop_is_closed(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "is_closed");
  if (!loop || !only_self(vm, a, "BaseEventLoop.is_closed")) return Value::error();
  return Value::boolean(loop->closed);
}

// mirrors base_events.py close: refuse while running; drop pending handles.
Value loop_close(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "close");
  if (!loop || !only_self(vm, a, "BaseEventLoop.close")) return Value::error();
  if (loop->running) return vm.raise(vm.t.RuntimeError, "Cannot close a running event loop");
  if (loop->closed) return Value::none();
  loop->closed = true;
  loop->ready.clear();
  loop->scheduled.clear();
  return Value::none();
}

// mirrors base_events.py _run_until_complete_cb.
Value run_until_complete_cb(VM& vm, CallArgs& a) {
  FutureObj* f = a.nargs ? as_future(vm, a[0]) : nullptr;
  if (!f) return Value::none();
  if (f->state != FutureState::Cancelled) {
    Value exc = f->exception();
    if (!exc.is_undef() && (vm.isinstance(exc, vm.t.SystemExit) || vm.isinstance(exc, vm.t.KeyboardInterrupt)))
      return Value::none();
  }
  f->loop->stop();
  return Value::none();
}

bool check_can_run(VM& vm, EventLoop* loop) {
  if (!check_closed(vm, loop)) return false;
  if (loop->running) {
    vm.raise(vm.t.RuntimeError, "This event loop is already running");
    return false;
  }
  if (asyncio_runtime(vm)->running_loop) {
    vm.raise(vm.t.RuntimeError, "Cannot run the event loop while another loop is running");
    return false;
  }
  return true;
}

// Runs the loop here (not through the host) when a host call is impossible.
Value run_loop_inline(VM& vm, const LoopRun& run) {
  start_loop_run(vm, run);
  for (;;) {
    RunStatus s = run.loop->run_slice(1'000'000);
    if (s == RunStatus::Running) continue;
    if (s == RunStatus::Deadlock) {
      asyncio_runtime(vm)->running_loop = nullptr;
      run.loop->running = false;
      return vm.raise(vm.t.RuntimeError, run.loop->deadlock_report);
    }
    return finish_loop_run(vm, run, s == RunStatus::WaitingIO ? RunStatus::Stopped : s);
  }
}

// mirrors base_events.py run_until_complete: the running itself is handed to the host.
Value loop_run_until_complete(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "run_until_complete");
  Value bound[2];
  if (!loop || !bind_args(vm, a, "BaseEventLoop.run_until_complete", {"self", "future"}, bound, ArgStyle::Python))
    return Value::error();
  if (!check_can_run(vm, loop)) return Value::error();
  Value future = a[1];
  bool new_task = !as_future(vm, future);
  if (new_task) {
    if (!is_coroutine_object(vm, future)) {
      // ensure_future on an awaitable: wrap it in a coroutine by the Python helper.
      Value ensure = vm.import_module(vm.intern("asyncio"));
      if (ensure.is_error()) return ensure;
      Value fn = op_getattr(vm, ensure, vm.intern("ensure_future"));
      if (fn.is_error()) return fn;
      future = vm.call(fn, {future});
      if (future.is_error()) return future;
    } else {
      future = create_task_on(vm, loop, future, Value::none(), false);
      if (future.is_error()) return future;
      as_task(vm, future)->log_destroy_pending = false;
    }
  }
  FutureObj* f = as_future(vm, future);
  if (!f) return vm.raise(vm.t.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
  if (f->loop != loop) return vm.raise(vm.t.ValueError, "The future belongs to a different loop than the one specified as the loop argument");
  loop->add_done_callback(f, asyncio_runtime(vm)->run_until_complete_cb);
  Value payload = Value::object(vm.tuple_of({a[0], future, Value::boolean(new_task)}));
  if (vm.can_suspend_to_host()) return vm.host_call(payload);
  LoopRun run;
  decode_loop_run(vm, payload, &run);
  return run_loop_inline(vm, run);
}

Value loop_run_forever(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "run_forever");
  if (!loop || !only_self(vm, a, "BaseEventLoop.run_forever")) return Value::error();
  if (!check_can_run(vm, loop)) return Value::error();
  Value payload = Value::object(vm.tuple_of({a[0], Value::none(), Value::boolean(false)}));
  if (vm.can_suspend_to_host()) return vm.host_call(payload);
  LoopRun run;
  decode_loop_run(vm, payload, &run);
  return run_loop_inline(vm, run);
}

Value loop_get_debug(VM&, CallArgs&) { return Value::boolean(false); }
Value loop_set_debug(VM&, CallArgs&) { return Value::none(); }

Value loop_repr(VM& vm, Value self) {
  EventLoop* loop = static_cast<EventLoop*>(self.o);
  return vm.str(std::string("<_UnixSelectorEventLoop running=") + (loop->running ? "True" : "False") +
                " closed=" + (loop->closed ? "True" : "False") + " debug=False>");
}

// An already-finished coroutine, for loop methods that are coroutines with nothing to do
// (shutdown_asyncgens, shutdown_default_executor): passing them to run_until_complete makes a
// task, as in CPython, so task numbering stays the same.
struct DoneCoroObj final : Obj {
  StrObj* name;
  bool done = false;
  DoneCoroObj(ClassObj* cls, StrObj* n) : Obj(cls, Kind::Other), name(n) {}
  void trace(Tracer& t) override { t.mark(name); }
};

SendResult done_coro_send(VM& vm, Value self, Value, Value* out) {
  DoneCoroObj* c = static_cast<DoneCoroObj*>(self.o);
  if (c->done) {
    vm.raise(vm.t.RuntimeError, "cannot reuse already awaited coroutine");
    return SendResult::Error;
  }
  c->done = true;
  *out = Value::none();
  return SendResult::Return;
}

Value make_done_coro(VM& vm, const char* name) {
  Value cls = vm.builtins->get_str(vm.intern("__done_coroutine"));
  return Value::object(vm.heap.make<DoneCoroObj>(static_cast<ClassObj*>(cls.o), vm.intern(name)));
}

}  // namespace

StrObj* done_coro_qualname(VM& vm, Value v) {
  if (!v.is_obj() || v.o->kind != Kind::Other) return nullptr;
  Value cls = vm.builtins->get_str(vm.intern("__done_coroutine"));
  return cls.is_obj() && v.o->cls == cls.o ? static_cast<DoneCoroObj*>(v.o)->name : nullptr;
}

namespace {

Value loop_shutdown_asyncgens(VM& vm, CallArgs&) { return make_done_coro(vm, "BaseEventLoop.shutdown_asyncgens"); }
Value loop_shutdown_default_executor(VM& vm, CallArgs&) {
  return make_done_coro(vm, "BaseEventLoop.shutdown_default_executor");
}

// mirrors base_events.py default_exception_handler (for the context keys Looplab produces).
Value loop_default_exception_handler(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "default_exception_handler");
  Value bound[2];
  if (!loop || !bind_args(vm, a, "BaseEventLoop.default_exception_handler", {"self", "context"}, bound, ArgStyle::Python))
    return Value::error();
  if (!vm.isinstance(a[1], vm.t.dict)) return vm.raise(vm.t.TypeError, "context must be a dict");
  DictObj* ctx = static_cast<DictObj*>(a[1].o);
  Value msg = ctx->get_str(vm.intern("message"));
  std::string text = "Unhandled exception in event loop";
  if (!msg.is_undef()) {
    if (!str_text(vm, msg, text)) return Value::error();
  }
  Value exc = ctx->get_str(vm.intern("exception"));
  Value subject = ctx->get_str(vm.intern("task"));
  if (subject.is_undef()) subject = ctx->get_str(vm.intern("future"));
  if (subject.is_undef()) subject = ctx->get_str(vm.intern("handle"));
  asyncio_runtime(vm)->host.report_default(text, exc, subject);
  return Value::none();
}

// base_events.py call_exception_handler: the loop's handler if one is set, else the default.
Value loop_call_exception_handler(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "call_exception_handler");
  Value bound[2];
  if (!loop || !bind_args(vm, a, "BaseEventLoop.call_exception_handler", {"self", "context"}, bound, ArgStyle::Python))
    return Value::error();
  if (loop->exception_handler.is_undef()) return loop_default_exception_handler(vm, a);
  asyncio_runtime(vm)->host.call_handler(loop, a[1]);
  return Value::none();
}

Value loop_set_exception_handler(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "set_exception_handler");
  Value bound[2];
  if (!loop || !bind_args(vm, a, "BaseEventLoop.set_exception_handler", {"self", "handler"}, bound, ArgStyle::Python))
    return Value::error();
  Value h = a[1];
  if (!h.is_none() && !op_callable(vm, h)) {
    Value r = op_repr(vm, h);
    if (r.is_error()) return r;
    return vm.raisef(vm.t.TypeError, "A callable object or None is expected, got %s",
                     static_cast<StrObj*>(r.o)->data());
  }
  loop->exception_handler = h.is_none() ? Value() : h;
  return Value::none();
}

Value loop_get_exception_handler(VM& vm, CallArgs& a) {
  EventLoop* loop = self_loop(vm, a, "get_exception_handler");
  if (!loop || !only_self(vm, a, "BaseEventLoop.get_exception_handler")) return Value::error();
  return loop->exception_handler.is_undef() ? Value::none() : loop->exception_handler;
}

Value loop_not_supported(VM& vm, CallArgs&) {
  return vm.raisef(vm.t.NotImplementedError, "%s is not available in Looplab's sandbox (no sockets, signals or subprocesses); use asyncio.sleep, queues and the simulated network",
                   vm.calling_native->name->data());
}

// ---- Handle / TimerHandle -------------------------------------------------------------------

HandleObj* self_handle(VM& vm, CallArgs& a) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (a.nargs < 1 || !a[0].is_obj() || (a[0].o->cls != rt->classes.handle && a[0].o->cls != rt->classes.timer_handle)) {
    vm.raise(vm.t.TypeError, "a Handle is required");
    return nullptr;
  }
  return static_cast<HandleObj*>(a[0].o);
}

Value handle_cancel(VM& vm, CallArgs& a) {
  HandleObj* h = self_handle(vm, a);
  if (!h) return Value::error();
  EventLoop* loop = asyncio_runtime(vm)->running_loop ? asyncio_runtime(vm)->running_loop : asyncio_runtime(vm)->event_loop;
  if (loop) loop->cancel_handle(h);
  else h->cancelled = true;
  return Value::none();
}

Value handle_cancelled(VM& vm, CallArgs& a) {
  HandleObj* h = self_handle(vm, a);
  if (!h) return Value::error();
  return Value::boolean(h->cancelled);
}

Value handle_when(VM& vm, CallArgs& a) {
  HandleObj* h = self_handle(vm, a);
  if (!h) return Value::error();
  return Value::real(h->when);
}

Value handle_repr(VM& vm, Value self) {
  HandleObj* h = static_cast<HandleObj*>(self.o);
  // mirrors events.py Handle._repr_info; TimerHandle inserts when= as the third item.
  std::vector<std::string> info{h->is_timer ? "TimerHandle" : "Handle"};
  if (h->cancelled) info.push_back("cancelled");
  if (h->hkind == HandleKind::Callback && !h->callback().is_undef())
    info.push_back(asyncio_runtime(vm)->host.format_callback_source(h->callback(), h->args()));
  if (h->is_timer) {
    std::string when;
    if (!repr_text(vm, Value::real(h->when), when)) return Value::error();
    info.insert(info.begin() + std::min<size_t>(2, info.size()), "when=" + when);
  }
  std::string text = "<";
  for (size_t i = 0; i < info.size(); i++) text += (i ? " " : "") + info[i];
  return vm.str(text + ">");
}

}  // namespace

// ---- module functions -----------------------------------------------------------------------

EventLoop* new_event_loop(VM& vm) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  return vm.heap.make<EventLoop>(rt->classes.loop, &vm.heap, &rt->host, rt->log, &rt->clock, rt->classes, &rt->counters);
}

uint32_t maker_label(VM& vm) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  Frame* f = vm.current_frame();
  if (!rt || !f || f->code->source.get() == rt->program_source || !f->code->qualname) return 0;
  return rt->log->intern(f->code->qualname->view());
}

EventLoop* get_event_loop(VM& vm) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (rt->running_loop) return rt->running_loop;
  if (!rt->event_loop) rt->event_loop = new_event_loop(vm);
  return rt->event_loop;
}

bool is_coroutine_object(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  if (v.o->kind == Kind::Generator) return v.o->cls == vm.t.coroutine;
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (v.o->kind == Kind::Other && rt &&
      (v.o->cls == rt->sleep_class || v.o->cls->name->view() == "coroutine")) return true;
  return false;
}

namespace {

Value fn_get_running_loop(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_asyncio.get_running_loop", 0, 0)) return Value::error();
  EventLoop* loop = get_running_loop_or_raise(vm);
  return loop ? Value::object(loop) : Value::error();
}

Value fn_private_get_running_loop(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_asyncio._get_running_loop", 0, 0)) return Value::error();
  AsyncioRuntime* rt = asyncio_runtime(vm);
  return rt->running_loop ? Value::object(rt->running_loop) : Value::none();
}

Value fn_get_event_loop(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_asyncio.get_event_loop", 0, 0)) return Value::error();
  return Value::object(get_event_loop(vm));
}

Value fn_set_event_loop(VM& vm, CallArgs& a) {
  Value loop;
  if (!bind_args(vm, a, "set_event_loop", {"loop"}, &loop, ArgStyle::Python)) return Value::error();
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (a[0].is_none()) rt->event_loop = nullptr;
  else if (a[0].is_obj() && a[0].o->cls == rt->classes.loop) rt->event_loop = static_cast<EventLoop*>(a[0].o);
  else return vm.raise(vm.t.TypeError, "loop must be an instance of AbstractEventLoop or None");
  return Value::none();
}

Value fn_new_event_loop(VM& vm, CallArgs& a) {
  if (!bind_args(vm, a, "new_event_loop", {}, nullptr, ArgStyle::Python)) return Value::error();
  return Value::object(new_event_loop(vm));
}

EventLoop* loop_arg(VM& vm, CallArgs& a, const char* fn, bool* ok) {
  Value v[1];
  *ok = bind_args(vm, a, fn, {"loop="}, v, ArgStyle::Python);
  if (!*ok) return nullptr;
  if (v[0].is_undef() || v[0].is_none()) {
    EventLoop* loop = get_running_loop_or_raise(vm);
    *ok = loop != nullptr;
    return loop;
  }
  return static_cast<EventLoop*>(v[0].o);
}

Value fn_current_task(VM& vm, CallArgs& a) {
  bool ok;
  EventLoop* loop = loop_arg(vm, a, "current_task", &ok);
  if (!ok) return Value::error();
  return loop->current_task ? Value::object(loop->current_task) : Value::none();
}

Value fn_all_tasks(VM& vm, CallArgs& a) {
  bool ok;
  EventLoop* loop = loop_arg(vm, a, "all_tasks", &ok);
  if (!ok) return Value::error();
  SetObj* s = vm.new_set();
  for (TaskObj* t : loop->pending_tasks())
    if (!t->done() && !s->add(vm, Value::object(t))) return Value::error();
  return Value::object(s);
}

// mirrors tasks.py create_task (3.11): an automatic name first, then set_name(name).
Value fn_create_task(VM& vm, CallArgs& a) {
  Value v[3];
  if (!bind_args(vm, a, "create_task", {"coro", "*", "name=", "context="}, v, ArgStyle::Python)) return Value::error();
  EventLoop* loop = get_running_loop_or_raise(vm);
  if (!loop) {
    if (v[0].is_obj() && v[0].o->kind == Kind::Generator) static_cast<GenObj*>(v[0].o)->awaited = true;
    return Value::error();
  }
  return create_task_on(vm, loop, v[0], v[1].is_undef() ? Value::none() : v[1], true, v[2]);
}

Value fn_iscoroutine(VM& vm, CallArgs& a) {
  Value obj;
  if (!bind_args(vm, a, "iscoroutine", {"obj"}, &obj, ArgStyle::Python)) return Value::error();
  return Value::boolean(is_coroutine_object(vm, a[0]));
}

Value fn_isfuture(VM& vm, CallArgs& a) {
  Value obj;
  if (!bind_args(vm, a, "isfuture", {"obj"}, &obj, ArgStyle::Python)) return Value::error();
  if (as_future(vm, a[0])) return Value::boolean(true);
  Value b = op_getattr_opt(vm, Value::object(vm.type_of(a[0])), vm.intern("_asyncio_future_blocking"));
  if (b.is_error()) return b;
  return Value::boolean(!b.is_undef() && !b.is_none());
}

// Internal hooks the Python part of asyncio uses to describe itself in the event log.
Value fn_set_future_label(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_set_future_label", 2, 2)) return Value::error();
  FutureObj* f = as_future(vm, a[0]);
  if (f && vm.isinstance(a[1], vm.t.str)) f->label = asyncio_runtime(vm)->log->intern(static_cast<StrObj*>(a[1].o)->view());
  return Value::none();
}

// contextvars registers copy_context here when the first ContextVar is made.
Value fn_set_context_factory(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_set_context_factory", 1, 1)) return Value::error();
  asyncio_runtime(vm)->context_factory = a[0].is_none() ? Value() : a[0];
  return Value::none();
}

Value fn_sync_new(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_sync_new", 2, 2)) return Value::error();
  AsyncioRuntime* rt = asyncio_runtime(vm);
  EventLoop* loop = rt->running_loop ? rt->running_loop : get_event_loop(vm);
  std::string label;
  if (!str_text(vm, a[1], label)) return Value::error();
  return Value::integer(loop->new_sync_id(SyncKind(a[0].is_int() ? a[0].i : 0), label));
}

Value fn_sync_op(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "_sync_op", 2, 3)) return Value::error();
  AsyncioRuntime* rt = asyncio_runtime(vm);
  EventLoop* loop = rt->running_loop;
  if (!loop || !a[0].is_int() || !a[1].is_int()) return Value::none();
  double value = 0;
  if (a.nargs == 3 && !as_double(vm, a[2], &value)) vm.clear_exception();
  loop->sync_op(uint32_t(a[0].i), SyncOpKind(a[1].i), loop->current_task, value);
  SyncOpKind op = SyncOpKind(a[1].i);
  if (op == SyncOpKind::Acquire) loop->set_sync_owner(uint32_t(a[0].i), loop->current_task);
  if (op == SyncOpKind::Release) loop->set_sync_owner(uint32_t(a[0].i), nullptr);
  return Value::none();
}

}  // namespace

void init_loop_class(VM& vm, ModuleObj* m) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  ClassObj* loop = vm.new_class("_UnixSelectorEventLoop", {}, Kind::Other, kClassBuiltin, "asyncio.unix_events");
  loop->slots.repr = loop_repr;
  loop->slots.new_ = [](VM& vm2, ClassObj*, CallArgs&) { return Value::object(new_event_loop(vm2)); };
  loop->slots.init = [](VM&, Value, CallArgs&) { return Value::none(); };
  struct M {
    const char* name;
    NativeFn fn;
  };
  for (const M& mm : {M{"time", loop_time}, M{"call_soon", loop_call_soon}, M{"call_soon_threadsafe", loop_call_soon},
                      M{"call_later", loop_call_later}, M{"call_at", loop_call_at},
                      M{"create_future", loop_create_future}, M{"create_task", loop_create_task},
                      M{"run_until_complete", loop_run_until_complete}, M{"run_forever", loop_run_forever},
                      M{"stop", loop_stop}, M{"close", loop_close}, M{"is_running", loop_is_running},
                      M{"is_closed", loop_is_closed}, M{"get_debug", loop_get_debug}, M{"set_debug", loop_set_debug},
                      M{"shutdown_asyncgens", loop_shutdown_asyncgens},
                      M{"shutdown_default_executor", loop_shutdown_default_executor},
                      M{"call_exception_handler", loop_call_exception_handler},
                      M{"default_exception_handler", loop_default_exception_handler},
                      M{"set_exception_handler", loop_set_exception_handler},
                      M{"get_exception_handler", loop_get_exception_handler},
                      M{"add_signal_handler", loop_not_supported}, M{"remove_signal_handler", loop_not_supported},
                      M{"create_connection", loop_not_supported}, M{"create_server", loop_not_supported},
                      M{"subprocess_exec", loop_not_supported}, M{"subprocess_shell", loop_not_supported},
                      M{"sock_connect", loop_not_supported}, M{"getaddrinfo", loop_not_supported}})
    vm.def_method(loop, mm.name, mm.fn);
  rt->classes.loop = loop;

  ClassObj* handle = vm.new_class("Handle", {}, Kind::Other, kClassBuiltin, "asyncio.events");
  handle->slots.repr = handle_repr;
  handle->slots.new_ = slot_new_disabled;
  vm.def_method(handle, "cancel", handle_cancel);
  vm.def_method(handle, "cancelled", handle_cancelled);
  ClassObj* timer = vm.new_class("TimerHandle", {handle}, Kind::Other, kClassBuiltin, "asyncio.events");
  timer->slots = handle->slots;
  vm.def_method(timer, "when", handle_when);
  rt->classes.handle = handle;
  rt->classes.timer_handle = timer;
  rt->classes.tuple = vm.t.tuple;

  ClassObj* done = vm.new_class("coroutine", {}, Kind::Other, kClassBuiltin, "builtins");
  done->slots.am_send = done_coro_send;
  done->slots.repr = [](VM& vm2, Value self) {
    return vm2.str("<coroutine object " + static_cast<DoneCoroObj*>(self.o)->name->str() + ">");
  };
  vm.def_method(done, "close", [](VM&, CallArgs&) { return Value::none(); });
  vm.def_method(done, "__await__", [](VM&, CallArgs& a) { return a[0]; });
  vm.builtins->set_str(vm.intern("__done_coroutine"), Value::object(done));

  rt->run_until_complete_cb = Value::object(vm.new_native("_run_until_complete_cb", run_until_complete_cb));

  DictObj* d = m->dict;
  d->set_str(vm.intern("AbstractEventLoop"), Value::object(loop));
  d->set_str(vm.intern("BaseEventLoop"), Value::object(loop));
  d->set_str(vm.intern("SelectorEventLoop"), Value::object(loop));
  d->set_str(vm.intern("Handle"), Value::object(handle));
  d->set_str(vm.intern("TimerHandle"), Value::object(timer));
  struct F {
    const char* name;
    NativeFn fn;
  };
  for (const F& f : {F{"get_running_loop", fn_get_running_loop}, F{"_get_running_loop", fn_private_get_running_loop},
                     F{"get_event_loop", fn_get_event_loop}, F{"set_event_loop", fn_set_event_loop},
                     F{"new_event_loop", fn_new_event_loop}, F{"current_task", fn_current_task},
                     F{"all_tasks", fn_all_tasks}, F{"create_task", fn_create_task},
                     F{"iscoroutine", fn_iscoroutine}, F{"isfuture", fn_isfuture},
                     F{"_set_future_label", fn_set_future_label}, F{"_sync_new", fn_sync_new},
                     F{"_sync_op", fn_sync_op}, F{"_set_context_factory", fn_set_context_factory}})
    vm.def_function(d, f.name, f.fn);
}

bool init_asyncio_native_module(VM& vm, ModuleObj* m) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (!rt) {
    vm.raise(vm.t.ImportError, "asyncio needs the Looplab engine's event loop (no runtime in this VM)");
    return false;
  }
  // asyncio.exceptions
  rt->cancelled_error = vm.new_class("CancelledError", {vm.t.BaseException}, Kind::Exception,
                                     kClassBaseType | kClassException | kClassHasDict, "asyncio.exceptions");
  rt->invalid_state_error = vm.new_class("InvalidStateError", {vm.t.Exception}, Kind::Exception,
                                         kClassBaseType | kClassException | kClassHasDict, "asyncio.exceptions");
  m->dict->set_str(vm.intern("CancelledError"), Value::object(rt->cancelled_error));
  m->dict->set_str(vm.intern("InvalidStateError"), Value::object(rt->invalid_state_error));
  init_future_classes(vm, m);
  init_loop_class(vm, m);
  init_sleep(vm, m);
  init_executor(vm, m);
  init_sync(vm, m);
  // `asyncio.sleep(1)` or `lock.acquire()` dropped without await warns as a dropped Python
  // coroutine does.
  vm.take_unawaited_native = take_unawaited_native_coro;
  rt->module_ready = true;
  return true;
}

}  // namespace looplab
