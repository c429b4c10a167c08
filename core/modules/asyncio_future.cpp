// The Python face of asyncio.Future and asyncio.Task (CPython's _asyncio C module):
// result/exception/callbacks/cancel, `await future`, task names and cancellation counts.
#include <charconv>
#include <cstdio>

#include "lang/generator.h"
#include "modules/asyncio_parts.h"
#include "modules/asyncio_runtime.h"
#include "runtime/containers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

FutureObj* self_future(VM& vm, CallArgs& a, const char* method) {
  FutureObj* f = a.nargs ? as_future(vm, a[0]) : nullptr;
  if (!f) vm.raisef(vm.t.TypeError, "descriptor '%s' requires a 'Future' object", method);
  return f;
}

TaskObj* self_task(VM& vm, CallArgs& a, const char* method) {
  TaskObj* t = a.nargs ? as_task(vm, a[0]) : nullptr;
  if (!t) vm.raisef(vm.t.TypeError, "descriptor '%s' requires a 'Task' object", method);
  return t;
}

const char* state_name(FutureState s) {
  return s == FutureState::Pending ? "PENDING" : s == FutureState::Cancelled ? "CANCELLED" : "FINISHED";
}

Value invalid_state(VM& vm, const std::string& msg) {
  return vm.raise(asyncio_runtime(vm)->invalid_state_error, msg);
}

// get_name(): the automatic "Task-N" is made on first request (most names are never asked for).
Value task_name_value(VM& vm, TaskObj* t) {
  if (!t->name) t->name = vm.str("Task-" + std::to_string(t->name_number)).o;
  return Value::object(t->name);
}

// ---- Future ---------------------------------------------------------------------------------

Value fut_result(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "result");
  if (!f || !check_method_nargs(vm, a, "Future.result", 0, 0)) return Value::error();
  Value out;
  bool not_ready;
  if (f->loop->future_result(f, &out, &not_ready)) return out;
  if (not_ready) return invalid_state(vm, "Result is not set.");  // _asynciomodule.c's text
  return vm.set_pending(out);
}

Value fut_exception(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "exception");
  if (!f || !check_method_nargs(vm, a, "Future.exception", 0, 0)) return Value::error();
  if (f->state == FutureState::Cancelled) return vm.set_pending(f->loop->make_cancelled_error(f));
  if (f->state == FutureState::Pending) return invalid_state(vm, "Exception is not set.");
  f->log_traceback = false;
  return f->has_exception ? f->exception() : Value::none();
}

Value fut_set_result(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "set_result");
  if (!f || !check_method_nargs(vm, a, "Future.set_result", 1, 1)) return Value::error();
  // The C Future (the one CPython uses) says "invalid state"; futures.py's would say
  // "FINISHED: <Future ...>".
  if (!f->loop->future_set_result(f, a[1])) return invalid_state(vm, "invalid state");
  return Value::none();
}

Value fut_set_exception(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "set_exception");
  if (!f || !check_method_nargs(vm, a, "Future.set_exception", 1, 1)) return Value::error();
  if (f->state != FutureState::Pending) return invalid_state(vm, "invalid state");
  Value exc = a[1];
  if (exc.is_obj() && exc.o->kind == Kind::Class) {
    exc = vm.call(exc, {});
    if (exc.is_error()) return exc;
  }
  if (!vm.isinstance(exc, vm.t.BaseException)) return vm.raise(vm.t.TypeError, "invalid exception object");
  if (vm.isinstance(exc, vm.t.StopIteration))
    return vm.raise(vm.t.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  f->loop->future_set_exception(f, exc);
  return Value::none();
}

Value cancel_msg(VM& vm, CallArgs& a, const char* fn, Value* msg) {
  Value v[1];
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames};
  if (!bind_args(vm, rest, fn, {"msg="}, v)) return Value::error();
  *msg = v[0].is_undef() ? Value::none() : v[0];
  return Value::none();
}

Value fut_cancel(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "cancel");
  if (!f) return Value::error();
  Value msg;
  if (cancel_msg(vm, a, "cancel", &msg).is_error()) return Value::error();
  if (f->is_task) return Value::boolean(f->loop->task_cancel(static_cast<TaskObj*>(f), msg));
  return Value::boolean(f->loop->future_cancel(f, msg));
}

Value fut_cancelled(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "cancelled");
  if (!f || !check_method_nargs(vm, a, "Future.cancelled", 0, 0)) return Value::error();
  return Value::boolean(f->state == FutureState::Cancelled);
}

Value fut_done(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "done");
  if (!f || !check_method_nargs(vm, a, "Future.done", 0, 0)) return Value::error();
  return Value::boolean(f->done());
}

Value fut_add_done_callback(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "add_done_callback");
  if (!f) return Value::error();
  Value v[2];
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames};
  if (!bind_args(vm, rest, "add_done_callback", {"fn", "/", "*", "context="}, v)) return Value::error();
  f->loop->add_done_callback(f, v[0]);
  return Value::none();
}

Value fut_remove_done_callback(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "remove_done_callback");
  if (!f || !check_method_nargs(vm, a, "Future.remove_done_callback", 1, 1)) return Value::error();
  return Value::integer(f->loop->remove_done_callback(f, a[1]));
}

Value fut_get_loop(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "get_loop");
  if (!f || !check_method_nargs(vm, a, "Future.get_loop", 0, 0)) return Value::error();
  return Value::object(f->loop);
}

Value fut_await(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "__await__");
  if (!f) return Value::error();
  return make_future_iter(vm, f);
}

// The private attributes asyncio's Python reads (CPython's C Future exposes them as getsets).
// They are properties on the class rather than a getattr slot, so that `fut.done()` takes the
// interpreter's method-call path and allocates no bound method.
Value callbacks_list(VM& vm, FutureObj* f) {
  ListObj* l = vm.new_list();
  for (size_t i = 0; i < f->callbacks_size(); i++) {
    Value fn = f->callback_at(i).fn;
    l->items.push_back(fn.is_undef() ? Value::none() : fn);
  }
  return Value::object(l);
}

// Each getter checks its argument: a property's fget can be called on anything.
#define FUT_PROP(fn, expr)                            \
  Value fn(VM& vm, CallArgs& a) {                     \
    FutureObj* f = self_future(vm, a, "__get__");     \
    if (!f) return Value::error();                    \
    return expr;                                      \
  }
#define TASK_PROP(fn, expr)                           \
  Value fn(VM& vm, CallArgs& a) {                     \
    TaskObj* t = self_task(vm, a, "__get__");         \
    if (!t) return Value::error();                    \
    return expr;                                      \
  }
FUT_PROP(fut_prop_blocking, Value::boolean(f->blocking))
FUT_PROP(fut_prop_state, vm.str(state_name(f->state)))
FUT_PROP(fut_prop_loop, Value::object(f->loop))
FUT_PROP(fut_prop_result, f->result().is_undef() ? Value::none() : f->result())
FUT_PROP(fut_prop_exception, f->has_exception ? f->exception() : Value::none())
FUT_PROP(fut_prop_log_traceback, Value::boolean(f->log_traceback))
FUT_PROP(fut_prop_cancel_message, f->cancel_message().is_undef() ? Value::none() : f->cancel_message())
FUT_PROP(fut_prop_callbacks, callbacks_list(vm, f))
TASK_PROP(task_prop_coro, t->coro())
TASK_PROP(task_prop_fut_waiter, t->fut_waiter ? Value::object(t->fut_waiter) : Value::none())
TASK_PROP(task_prop_must_cancel, Value::boolean(t->must_cancel))
TASK_PROP(task_prop_log_destroy_pending, Value::boolean(t->log_destroy_pending))
#undef FUT_PROP
#undef TASK_PROP

void def_properties(VM& vm, ClassObj* cls, std::initializer_list<std::pair<const char*, NativeFn>> props) {
  for (auto& [name, getter] : props) cls->dict->set_str(vm.intern(name), Value::object(native_property(vm, name, getter)));
}

bool future_setattr(VM& vm, Value self, StrObj* name, Value v) {
  FutureObj* f = static_cast<FutureObj*>(self.o);
  std::string_view n = name->view();
  if (n == "_asyncio_future_blocking") {
    int t = op_truth(vm, v);
    if (t < 0) return false;
    f->blocking = t;
    return true;
  }
  if (n == "_log_traceback") {
    f->log_traceback = op_truth(vm, v) > 0;
    return true;
  }
  if (n == "_cancel_message") {
    f->set_cancel_message(v.is_none() ? Value() : v);
    return true;
  }
  if (f->is_task && n == "_log_destroy_pending") {
    static_cast<TaskObj*>(f)->log_destroy_pending = op_truth(vm, v) > 0;
    return true;
  }
  return generic_setattr(vm, self, name, v);
}

// mirrors base_futures._future_repr_info.
bool future_repr_info(VM& vm, FutureObj* f, std::vector<std::string>& info) {
  std::string state = state_name(f->state);
  for (char& c : state) c = char(std::tolower(c));
  info.push_back(state);
  if (f->state == FutureState::Finished) {
    std::string r;
    if (f->has_exception) {
      if (!repr_text(vm, f->outcome, r)) return false;
      info.push_back("exception=" + r);
    } else {
      if (!repr_text(vm, f->outcome, r)) return false;
      if (utf8::count_code_points(r) > 30) r = r.substr(0, utf8::offset_of(r, 13)) + "..." + r.substr(utf8::offset_of(r, utf8::count_code_points(r) - 14));
      info.push_back("result=" + r);
    }
  }
  if (!f->callbacks_empty()) {
    auto fmt = [&](const FutureCallbackEntry& e) {
      if (e.wakeup) return std::string("Task.task_wakeup()");
      return asyncio_runtime(vm)->host.describe(e.fn) + "()";
    };
    size_t n = f->callbacks_size();
    std::string cb;
    if (n == 1) cb = fmt(f->callback_at(0));
    else if (n == 2) cb = fmt(f->callback_at(0)) + ", " + fmt(f->callback_at(1));
    else cb = fmt(f->callback_at(0)) + ", <" + std::to_string(n - 2) + " more>, " + fmt(f->callback_at(n - 1));
    info.push_back("cb=[" + cb + "]");
  }
  return true;
}

std::string coro_text(VM& vm, Value coro) {
  if (coro.is_obj() && coro.o->kind == Kind::Generator) {
    // mirrors coroutines._format_coroutine.
    GenObj* g = static_cast<GenObj*>(coro.o);
    std::string name = g->qualname->str() + "()";
    CodeObj* co = g->code;
    std::string file = co->source ? co->source->filename : "?";
    if (g->frame) {
      int line = g->state == GenState::Created ? co->firstlineno : asyncio_runtime(vm)->host.coro_line(coro);
      return name + " running at " + file + ":" + std::to_string(line);
    }
    return name + " done, defined at " + file + ":" + std::to_string(co->firstlineno);
  }
  return asyncio_runtime(vm)->host.describe(coro);
}

Value future_repr(VM& vm, Value self) {
  FutureObj* f = static_cast<FutureObj*>(self.o);
  std::vector<std::string> info;
  if (!future_repr_info(vm, f, info)) return Value::error();
  if (f->is_task) {
    // mirrors base_tasks._task_repr_info.
    TaskObj* t = static_cast<TaskObj*>(f);
    if (t->num_cancels_requested > 0 && !t->done()) info[0] = "cancelling";
    std::string name;
    if (!repr_text(vm, task_name_value(vm, t), name)) return Value::error();
    info.insert(info.begin() + 1, "name=" + name);
    info.insert(info.begin() + 2, "coro=<" + coro_text(vm, t->coro()) + ">");
    if (t->fut_waiter) {
      std::string w;
      if (!repr_text(vm, Value::object(t->fut_waiter), w)) return Value::error();
      info.insert(info.begin() + 3, "wait_for=" + w);
    }
  }
  std::string out = "<" + vm.type_of(self)->name->str();
  for (const std::string& s : info) out += " " + s;
  return vm.str(out + ">");
}

// Future.__new__ takes any arguments (subclasses add their own); __init__(*, loop=None) binds
// the loop, as in CPython.
Value future_new(VM& vm, ClassObj* cls, CallArgs& a) {
  EventLoop* loop = nullptr;
  for (size_t i = 0; i < a.nkw(); i++) {
    Value v = a.kwvalue(i);
    if (a.kwname(i)->view() == "loop" && v.is_obj() && v.o->cls == asyncio_runtime(vm)->classes.loop)
      loop = static_cast<EventLoop*>(v.o);
  }
  if (!loop) loop = get_event_loop(vm);
  if (!loop) return Value::error();
  FutureObj* f = loop->create_future(maker_label(vm));  // gather's _GatheringFuture: "gather"
  f->cls = cls;
  return Value::object(f);
}

Value future_init(VM& vm, Value self, CallArgs& a) {
  if (vm.type_of(self) != asyncio_runtime(vm)->classes.future && !vm.type_of(self)->is_subclass_of(asyncio_runtime(vm)->classes.future))
    return Value::none();
  Value v[1];
  if (!bind_args(vm, a, "Future", {"*", "loop="}, v)) return Value::error();
  if (!v[0].is_undef() && !v[0].is_none()) {
    if (!v[0].is_obj() || v[0].o->cls != asyncio_runtime(vm)->classes.loop)
      return vm.raise(vm.t.TypeError, "loop must be an event loop");
    static_cast<FutureObj*>(self.o)->loop = static_cast<EventLoop*>(v[0].o);
  }
  return Value::none();
}

Value fut_make_cancelled_error(VM& vm, CallArgs& a) {
  FutureObj* f = self_future(vm, a, "_make_cancelled_error");
  if (!f) return Value::error();
  return f->loop->make_cancelled_error(f);
}

// ---- await future: the iterator that yields the future until it is done ---------------------

// One per `await future`, alive while the awaiting coroutine is suspended on it: the future's
// pointer carries the "yielded" bit, which keeps the object at 40 bytes.
class FutureIterObj final : public Obj {
 public:
  FutureIterObj(ClassObj* cls, FutureObj* f) : Obj(cls, Kind::Other), bits_(reinterpret_cast<uintptr_t>(f)) {}
  void trace(Tracer& t) override { t.mark(future()); }
  FutureObj* future() const { return reinterpret_cast<FutureObj*>(bits_ & ~uintptr_t(1)); }
  bool yielded() const { return bits_ & 1; }
  void set_yielded() { bits_ |= 1; }

 private:
  uintptr_t bits_;
};

// mirrors futures.py Future.__await__.
SendResult future_iter_send(VM& vm, Value self, Value, Value* out) {
  FutureIterObj* it = static_cast<FutureIterObj*>(self.o);
  FutureObj* f = it->future();
  if (!f->done() && !it->yielded()) {
    f->blocking = true;
    it->set_yielded();
    *out = Value::object(f);
    return SendResult::Yield;
  }
  if (!f->done()) {
    vm.raise(vm.t.RuntimeError, "await wasn't used with future");
    return SendResult::Error;
  }
  bool not_ready;
  if (f->loop->future_result(f, out, &not_ready)) return SendResult::Return;
  vm.set_pending(*out);
  return SendResult::Error;
}

Value future_iter_next(VM& vm, Value self) {
  Value out;
  SendResult r = future_iter_send(vm, self, Value::none(), &out);
  if (r == SendResult::Yield) return out;
  if (r == SendResult::Error) return Value::error();
  return raise_stop_iteration(vm, out);
}

Value future_iter_send_method(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "send", 2, 2)) return Value::error();
  Value out;
  SendResult r = future_iter_send(vm, a[0], a[1], &out);
  if (r == SendResult::Yield) return out;
  if (r == SendResult::Error) return Value::error();
  return raise_stop_iteration(vm, out);
}

Value future_iter_throw(VM& vm, CallArgs& a) {
  if (a.nargs < 2) return vm.raise(vm.t.TypeError, "throw expected at least 1 argument");
  Value exc = a[1];
  if (exc.is_obj() && exc.o->kind == Kind::Class) {
    exc = vm.call(exc, {});
    if (exc.is_error()) return exc;
  }
  return vm.set_pending(exc);
}

// ---- Task -----------------------------------------------------------------------------------

// mirrors tasks.py Task.set_result / set_exception: a task's outcome is its coroutine's.
Value task_set_result(VM& vm, CallArgs& a) {
  if (!self_task(vm, a, "set_result")) return Value::error();
  return vm.raise(vm.t.RuntimeError, "Task does not support set_result operation");
}

Value task_set_exception(VM& vm, CallArgs& a) {
  if (!self_task(vm, a, "set_exception")) return Value::error();
  return vm.raise(vm.t.RuntimeError, "Task does not support set_exception operation");
}

Value task_get_coro(VM& vm, CallArgs& a) {
  TaskObj* t = self_task(vm, a, "get_coro");
  if (!t) return Value::error();
  return t->coro();
}

Value task_get_name(VM& vm, CallArgs& a) {
  TaskObj* t = self_task(vm, a, "get_name");
  if (!t) return Value::error();
  return task_name_value(vm, t);
}

Value task_set_name(VM& vm, CallArgs& a) {
  TaskObj* t = self_task(vm, a, "set_name");
  if (!t || !check_method_nargs(vm, a, "Task.set_name", 1, 1)) return Value::error();
  Value s = op_str(vm, a[1]);
  if (s.is_error()) return s;
  t->name = s.o;
  EventLog* log = asyncio_runtime(vm)->log;
  log->add(EventKind::TaskRenamed, t->loop->time(), t->task_id, log->intern(static_cast<StrObj*>(s.o)->view()));
  return Value::none();
}

Value task_cancelling(VM& vm, CallArgs& a) {
  TaskObj* t = self_task(vm, a, "cancelling");
  if (!t) return Value::error();
  return Value::integer(t->num_cancels_requested);
}

Value task_uncancel(VM& vm, CallArgs& a) {
  TaskObj* t = self_task(vm, a, "uncancel");
  if (!t) return Value::error();
  return Value::integer(t->loop->task_uncancel(t));
}

Value task_get_context(VM& vm, CallArgs& a) {
  TaskObj* t = self_task(vm, a, "get_context");
  if (!t) return Value::error();
  return t->context().is_undef() ? Value::none() : t->context();
}

Value task_get_stack(VM& vm, CallArgs& a) {
  if (!self_task(vm, a, "get_stack")) return Value::error();
  return Value::object(vm.new_list());
}

Value task_new(VM& vm, ClassObj*, CallArgs& a) {
  Value v[4];
  if (!bind_args(vm, a, "Task", {"coro", "*", "loop=", "name=", "context="}, v)) return Value::error();
  EventLoop* loop;
  if (!v[1].is_undef() && !v[1].is_none()) loop = static_cast<EventLoop*>(v[1].o);
  else {
    loop = get_event_loop(vm);
    if (!loop) return Value::error();
  }
  return create_task_on(vm, loop, v[0], v[2].is_undef() ? Value::none() : v[2], false, v[3]);
}

}  // namespace

Value make_future_iter(VM& vm, FutureObj* f) {
  return Value::object(vm.heap.make<FutureIterObj>(asyncio_runtime(vm)->future_iter, f));
}

// Task(coro, name=...): `consume_number` mirrors asyncio.create_task(name=...) in 3.11, which
// takes a Task-N number even when a name is given.
Value create_task_on(VM& vm, EventLoop* loop, Value coro, Value name, bool consume_number, Value context) {
  if (!is_coroutine_object(vm, coro)) {
    std::string r;
    if (!repr_text(vm, coro, r)) return Value::error();
    return vm.raisef(vm.t.TypeError, "a coroutine was expected, got %s", r.c_str());
  }
  if (loop->closed) return vm.raise(vm.t.RuntimeError, "Event loop is closed");
  LoopCounters& c = *loop->counters;
  uint32_t name_number = 0;
  if (name.is_none() || name.is_undef() || consume_number) name_number = ++c.task_names;
  Value task_name;  // Undef: the automatic "Task-<name_number>", made when asked for
  if (!name.is_none() && !name.is_undef()) {
    task_name = op_str(vm, name);
    if (task_name.is_error()) return task_name;
  }
  // tasks.py Task.__init__: self._context = context or contextvars.copy_context().
  if (context.is_none()) context = Value();
  Value factory = asyncio_runtime(vm)->context_factory;
  if (context.is_undef() && !factory.is_undef()) {
    context = vm.call(factory, {});
    if (context.is_error()) return context;
  }
  TaskObj* t = loop->create_task(coro.o, task_name.is_undef() ? nullptr : task_name.o.get(), name_number);
  if (!context.is_undef()) t->extra().context = context;
  EventLog* log = asyncio_runtime(vm)->log;
  if (!log->full()) {
    uint32_t text;
    if (t->name) {
      text = log->intern(loop->task_name(t));
    } else {
      // "Task-<n>" never repeats: stored without the dedup table (which would grow by an entry
      // per task) and written without a std::string.
      char buf[32] = "Task-";
      char* end = std::to_chars(buf + 5, buf + sizeof buf, t->name_number).ptr;
      text = log->add_text(std::string_view(buf, size_t(end - buf)));
    }
    log->add(EventKind::TaskRenamed, loop->time(), t->task_id, text);
  }
  if (coro.is_obj() && coro.o->kind == Kind::Generator) static_cast<GenObj*>(coro.o)->awaited = true;
  return Value::object(t);
}

void init_future_classes(VM& vm, ModuleObj* m) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  ClassObj* fut = vm.new_class("Future", {}, Kind::Other, kClassBuiltin | kClassBaseType, "_asyncio");
  fut->slots.repr = future_repr;
  fut->slots.setattr = future_setattr;
  fut->slots.new_ = future_new;
  fut->slots.init = future_init;
  fut->slots.hash = vm.t.object->slots.hash;
  // Future.__iter__ = __await__: `yield from future` (custom __await__ methods) iterates it.
  fut->slots.iter = [](VM& vm2, Value self) { return make_future_iter(vm2, static_cast<FutureObj*>(self.o)); };
  struct M {
    const char* name;
    NativeFn fn;
  };
  for (const M& mm : {M{"result", fut_result}, M{"exception", fut_exception}, M{"set_result", fut_set_result},
                      M{"set_exception", fut_set_exception}, M{"cancel", fut_cancel}, M{"cancelled", fut_cancelled},
                      M{"done", fut_done}, M{"add_done_callback", fut_add_done_callback},
                      M{"remove_done_callback", fut_remove_done_callback}, M{"get_loop", fut_get_loop},
                      M{"__await__", fut_await}, M{"__iter__", fut_await},
                      M{"_make_cancelled_error", fut_make_cancelled_error}})
    vm.def_method(fut, mm.name, mm.fn);
  def_properties(vm, fut, {{"_asyncio_future_blocking", fut_prop_blocking}, {"_state", fut_prop_state},
                           {"_loop", fut_prop_loop}, {"_result", fut_prop_result},
                           {"_exception", fut_prop_exception}, {"_log_traceback", fut_prop_log_traceback},
                           {"_cancel_message", fut_prop_cancel_message}, {"_callbacks", fut_prop_callbacks}});

  ClassObj* task = vm.new_class("Task", {fut}, Kind::Other, kClassBuiltin | kClassBaseType, "_asyncio");
  task->slots = fut->slots;
  task->slots.new_ = task_new;
  // Task.__new__ took the arguments (coro, loop=, name=, context=); Future's __init__ would refuse them.
  task->slots.init = [](VM&, Value, CallArgs&) { return Value::none(); };
  for (const M& mm : {M{"set_result", task_set_result}, M{"set_exception", task_set_exception},
                      M{"get_coro", task_get_coro}, M{"get_name", task_get_name}, M{"set_name", task_set_name},
                      M{"cancelling", task_cancelling}, M{"uncancel", task_uncancel},
                      M{"get_context", task_get_context}, M{"get_stack", task_get_stack}})
    vm.def_method(task, mm.name, mm.fn);
  // As CPython's C Task: no _name or _num_cancels_requested (get_name(), cancelling()).
  def_properties(vm, task, {{"_coro", task_prop_coro}, {"_fut_waiter", task_prop_fut_waiter},
                            {"_must_cancel", task_prop_must_cancel},
                            {"_log_destroy_pending", task_prop_log_destroy_pending}});

  // __new__/__init__/__repr__/... wrappers in the class dicts, so that Python subclasses
  // (gather's _GatheringFuture) find the native slots along their MRO.
  add_slot_wrappers(vm, fut);
  add_slot_wrappers(vm, task);

  ClassObj* it = vm.new_class("FutureIter", {}, Kind::Other, kClassBuiltin, "_asyncio");
  it->slots.am_send = future_iter_send;
  it->slots.next = future_iter_next;
  it->slots.iter = [](VM&, Value self) { return self; };
  vm.def_method(it, "send", future_iter_send_method);
  vm.def_method(it, "throw", future_iter_throw);

  rt->classes.future = fut;
  rt->classes.task = task;
  rt->future_iter = it;
  m->dict->set_str(vm.intern("Future"), Value::object(fut));
  m->dict->set_str(vm.intern("Task"), Value::object(task));
}

}  // namespace looplab
