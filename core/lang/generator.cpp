// The generator, coroutine and async_generator types: send/throw/close, and the awaitables
// of async generators (asend/athrow/aclose), which drive the async generator's frame.
#include "lang/generator.h"

#include <cstdio>

#include "lang/exec_support.h"
#include "lang/vm.h"
#include "runtime/builtin_types.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

GenObj::~GenObj() {
  if (frame) free_frame(frame);
}

void GenObj::trace(Tracer& t) {
  t.mark(name);
  t.mark(qualname);
  t.mark(code);
  if (frame) frame->trace(t);
}

Value raise_stop_iteration(VM& vm, Value value) {
  TupleObj* args = value.is_none() ? vm.new_tuple(0) : vm.tuple_of({value});
  ExceptionObj* e = vm.new_exception(vm.t.StopIteration, args);
  e->dict = vm.new_dict();
  e->dict->set_str(vm.n.value, value);
  return vm.set_pending(Value::object(e));
}

namespace {

GenObj* as_gen(Value v) { return static_cast<GenObj*>(v.o); }

// Resumes a generator from C++ and turns the outcome into Python's protocol.
Value gen_send_ex(VM& vm, GenObj* g, Value value, bool is_throw) {
  ExecResult r = vm.resume(g, value, is_throw);
  switch (r.status) {
    case ExecStatus::Yielded: return r.value;
    case ExecStatus::Returned: return raise_stop_iteration(vm, r.value);
    default: return Value::error();
  }
}

bool check_gen(VM& vm, const CallArgs& a, const char* method) {
  if (a.nargs < 1 || !a[0].is_obj() || a[0].o->kind != Kind::Generator) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' requires a generator", method);
    return false;
  }
  return true;
}

Value gen_next_slot(VM& vm, Value self) {
  ExecResult r = vm.resume(as_gen(self), Value::none(), false);
  switch (r.status) {
    case ExecStatus::Yielded: return r.value;
    case ExecStatus::Returned: return Value();  // exhausted (the return value goes with send)
    default: return Value::error();
  }
}

Value gen_iter_slot(VM&, Value self) { return self; }

Value gen_send(VM& vm, CallArgs& a) {
  if (!check_gen(vm, a, "send") || !check_nargs(vm, a, "send", 2, 2)) return Value::error();
  return gen_send_ex(vm, as_gen(a[0]), a[1], false);
}

}  // namespace

// throw(exc) / throw(type[, value[, tb]]): normalise to an exception instance.
Value make_thrown(VM& vm, CallArgs& a) {
  Value typ = a[1];
  Value val = a.nargs > 2 ? a[2] : Value::none();
  if (typ.is_obj() && typ.o->kind == Kind::Class) {
    ClassObj* cls = static_cast<ClassObj*>(typ.o);
    if (!cls->is_subclass_of(vm.t.BaseException))
      return vm.raise(vm.t.TypeError, "exceptions must be classes or instances deriving from BaseException, not type");
    if (vm.isinstance(val, cls)) return val;
    if (val.is_none()) return vm.call(typ, {});
    return vm.call(typ, {val});
  }
  if (!vm.isinstance(typ, vm.t.BaseException))
    return vm.raisef(vm.t.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                     type_name(vm, typ).c_str());
  if (!val.is_none()) return vm.raise(vm.t.TypeError, "instance exception may not have a separate value");
  return typ;
}

namespace {

Value gen_throw(VM& vm, CallArgs& a) {
  if (!check_gen(vm, a, "throw") || !check_nargs(vm, a, "throw", 2, 4)) return Value::error();
  Value exc = make_thrown(vm, a);
  if (exc.is_error()) return exc;
  return gen_send_ex(vm, as_gen(a[0]), exc, true);
}

// mirrors gen_close: throw GeneratorExit in; yielding again is an error.
Value gen_close_impl(VM& vm, GenObj* g) {
  if (g->state == GenState::Created) {
    if (g->frame) free_frame(g->frame);
    g->frame = nullptr;
    g->state = GenState::Closed;
    return Value::none();
  }
  if (g->state == GenState::Closed) return Value::none();
  Value exc = vm.call(Value::object(vm.t.GeneratorExit), {});
  if (exc.is_error()) return exc;
  ExecResult r = vm.resume(g, exc, true);
  if (r.status == ExecStatus::Yielded) {
    const char* what = g->cls == vm.t.coroutine ? "coroutine" : "generator";
    return vm.raisef(vm.t.RuntimeError, "%s ignored GeneratorExit", what);
  }
  if (r.status == ExecStatus::Raised) {
    if (vm.pending_is(vm.t.GeneratorExit) || vm.pending_is(vm.t.StopIteration)) {
      vm.clear_exception();
      return Value::none();
    }
    return Value::error();
  }
  return Value::none();
}

Value gen_close(VM& vm, CallArgs& a) {
  if (!check_gen(vm, a, "close") || !check_nargs(vm, a, "close", 1, 1)) return Value::error();
  return gen_close_impl(vm, as_gen(a[0]));
}

Value gen_repr(VM& vm, Value self) {
  GenObj* g = as_gen(self);
  char buf[40];
  std::snprintf(buf, sizeof buf, "0x%012llx", (unsigned long long)(uintptr_t)g);
  return vm.str("<" + g->cls->name->str() + " object " + g->qualname->str() + " at " + buf + ">");
}

Value gen_getattr(VM& vm, Value self, StrObj* name) {
  GenObj* g = as_gen(self);
  if (name == vm.n.__name__) return Value::object(g->name);
  if (name == vm.n.__qualname__) return Value::object(g->qualname);
  std::string_view n = name->view();
  if (n == "gi_running" || n == "cr_running" || n == "ag_running")
    return Value::boolean(g->state == GenState::Running);
  if (n == "gi_frame" || n == "cr_frame" || n == "ag_frame") return g->frame ? Value::boolean(true) : Value::none();
  if (n == "cr_await" || n == "gi_yieldfrom") {
    Value d = g->frame && g->state == GenState::Suspended ? delegate_of(g->frame) : Value();
    return d.is_undef() ? Value::none() : d;
  }
  return generic_getattr(vm, self, name);
}

// ---- coroutine.__await__() -------------------------------------------------------------------

struct CoroWrapperObj final : Obj {
  GenObj* coro;
  CoroWrapperObj(ClassObj* cls, GenObj* c) : Obj(cls, Kind::Other), coro(c) {}
  void trace(Tracer& t) override { t.mark(coro); }
};

ClassObj* g_coro_wrapper_class = nullptr;  // per process; set in init (classes are VM-owned)

SendResult coro_wrapper_send(VM& vm, Value self, Value arg, Value* out) {
  ExecResult r = vm.resume(static_cast<CoroWrapperObj*>(self.o)->coro, arg, false);
  if (r.status == ExecStatus::Yielded) {
    *out = r.value;
    return SendResult::Yield;
  }
  if (r.status == ExecStatus::Returned) {
    *out = r.value;
    return SendResult::Return;
  }
  return SendResult::Error;
}

Value coro_wrapper_next(VM& vm, Value self) {
  Value out;
  SendResult r = coro_wrapper_send(vm, self, Value::none(), &out);
  if (r == SendResult::Yield) return out;
  if (r == SendResult::Return) return out.is_none() ? Value() : raise_stop_iteration(vm, out);
  return Value::error();
}

Value coro_wrapper_throw(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "throw", 2, 4)) return Value::error();
  Value exc = make_thrown(vm, a);
  if (exc.is_error()) return exc;
  return gen_send_ex(vm, static_cast<CoroWrapperObj*>(a[0].o)->coro, exc, true);
}

Value coro_wrapper_close(VM& vm, CallArgs& a) { return gen_close_impl(vm, static_cast<CoroWrapperObj*>(a[0].o)->coro); }

Value coro_await(VM& vm, CallArgs& a) {
  if (!check_gen(vm, a, "__await__")) return Value::error();
  ClassObj* cls = vm.builtins->get_str(vm.intern("__coroutine_wrapper")).is_undef()
                      ? nullptr
                      : static_cast<ClassObj*>(vm.builtins->get_str(vm.intern("__coroutine_wrapper")).o);
  return Value::object(vm.heap.make<CoroWrapperObj>(cls, as_gen(a[0])));
}

// ---- async generators ------------------------------------------------------------------------

// The value an async generator's own `yield` produces, told apart from values its awaits
// pass up to the event loop.
struct WrappedValueObj final : Obj {
  Value value;
  WrappedValueObj(ClassObj* cls, Value v) : Obj(cls, Kind::Other), value(v) {}
  void trace(Tracer& t) override { t.mark(value); }
};

// The awaitable returned by asend(), __anext__(), athrow() and aclose().
struct AGenAwaitableObj final : Obj {
  enum Mode : uint8_t { Send, Throw, Close } mode;
  enum State : uint8_t { Init, Iter, Done } state = Init;
  GenObj* agen;
  Value arg;  // the value to send, or the exception to throw
  AGenAwaitableObj(ClassObj* cls, Mode m, GenObj* g, Value v) : Obj(cls, Kind::Other), mode(m), agen(g), arg(v) {}
  void trace(Tracer& t) override {
    t.mark(agen);
    t.mark(arg);
  }
};

ClassObj* class_named(VM& vm, const char* name) {
  return static_cast<ClassObj*>(vm.builtins->get_str(vm.intern(name)).o);
}

bool is_wrapped(VM& vm, Value v) {
  return v.is_obj() && v.o->kind == Kind::Other && v.o->cls == class_named(vm, "__async_generator_wrapped_value");
}

// Turns the outcome of resuming the async generator into the awaitable's outcome.
SendResult agen_outcome(VM& vm, AGenAwaitableObj* aw, ExecResult r, Value* out) {
  GenObj* g = aw->agen;
  if (r.status == ExecStatus::Yielded) {
    if (is_wrapped(vm, r.value)) {
      g->running_async = false;
      aw->state = AGenAwaitableObj::Done;
      if (aw->mode == AGenAwaitableObj::Close) {
        vm.raise(vm.t.RuntimeError, "async generator ignored GeneratorExit");
        return SendResult::Error;
      }
      *out = static_cast<WrappedValueObj*>(r.value.o)->value;
      return SendResult::Return;
    }
    *out = r.value;  // an await inside the generator: pass its future up to the loop
    return SendResult::Yield;
  }
  g->running_async = false;
  aw->state = AGenAwaitableObj::Done;
  if (r.status == ExecStatus::Returned) {
    if (aw->mode == AGenAwaitableObj::Close) {
      *out = Value::none();
      return SendResult::Return;
    }
    vm.raise_value(Value::object(vm.t.StopAsyncIteration));
    return SendResult::Error;
  }
  if (aw->mode == AGenAwaitableObj::Close &&
      (vm.pending_is(vm.t.GeneratorExit) || vm.pending_is(vm.t.StopAsyncIteration))) {
    vm.clear_exception();
    *out = Value::none();
    return SendResult::Return;
  }
  return SendResult::Error;
}

SendResult agen_await_send(VM& vm, Value self, Value arg, Value* out) {
  AGenAwaitableObj* aw = static_cast<AGenAwaitableObj*>(self.o);
  GenObj* g = aw->agen;
  if (aw->state == AGenAwaitableObj::Done) {
    vm.raise(vm.t.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return SendResult::Error;
  }
  if (aw->state == AGenAwaitableObj::Init) {
    if (g->running_async) {
      vm.raise(vm.t.RuntimeError, aw->mode == AGenAwaitableObj::Send
                                      ? "anext(): asynchronous generator is already running"
                                      : "athrow(): asynchronous generator is already running");
      return SendResult::Error;
    }
    if (g->state == GenState::Closed) {
      aw->state = AGenAwaitableObj::Done;
      if (aw->mode == AGenAwaitableObj::Close) {
        *out = Value::none();
        return SendResult::Return;
      }
      vm.raise_value(Value::object(vm.t.StopAsyncIteration));
      return SendResult::Error;
    }
    aw->state = AGenAwaitableObj::Iter;
    g->running_async = true;
    if (aw->mode == AGenAwaitableObj::Send) {
      ExecResult r = vm.resume(g, arg.is_none() ? aw->arg : arg, false);
      return agen_outcome(vm, aw, r, out);
    }
    if (aw->mode == AGenAwaitableObj::Close && g->state == GenState::Created) {
      gen_close_impl(vm, g);
      g->running_async = false;
      aw->state = AGenAwaitableObj::Done;
      *out = Value::none();
      return SendResult::Return;
    }
    Value exc = aw->arg;
    if (aw->mode == AGenAwaitableObj::Close) {
      exc = vm.call(Value::object(vm.t.GeneratorExit), {});
      if (exc.is_error()) return SendResult::Error;
    }
    ExecResult r = vm.resume(g, exc, true);
    return agen_outcome(vm, aw, r, out);
  }
  ExecResult r = vm.resume(g, arg, false);
  return agen_outcome(vm, aw, r, out);
}

Value agen_await_next(VM& vm, Value self) {
  Value out;
  SendResult r = agen_await_send(vm, self, Value::none(), &out);
  if (r == SendResult::Yield) return out;
  if (r == SendResult::Return) return raise_stop_iteration(vm, out);
  return Value::error();
}

Value agen_await_send_method(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "send", 2, 2)) return Value::error();
  Value out;
  SendResult r = agen_await_send(vm, a[0], a[1], &out);
  if (r == SendResult::Yield) return out;
  if (r == SendResult::Return) return raise_stop_iteration(vm, out);
  return Value::error();
}

Value agen_await_throw(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "throw", 2, 4)) return Value::error();
  AGenAwaitableObj* aw = static_cast<AGenAwaitableObj*>(a[0].o);
  Value exc = make_thrown(vm, a);
  if (exc.is_error()) return exc;
  if (aw->state == AGenAwaitableObj::Done) return vm.set_pending(exc);
  if (aw->state == AGenAwaitableObj::Init) {
    aw->state = AGenAwaitableObj::Iter;
    aw->agen->running_async = true;
  }
  ExecResult r = vm.resume(aw->agen, exc, true);
  Value out;
  SendResult sr = agen_outcome(vm, aw, r, &out);
  if (sr == SendResult::Yield) return out;
  if (sr == SendResult::Return) return raise_stop_iteration(vm, out);
  return Value::error();
}

Value agen_await_close(VM& vm, CallArgs& a) {
  static_cast<AGenAwaitableObj*>(a[0].o)->state = AGenAwaitableObj::Done;
  return Value::none();
}

Value make_agen_awaitable(VM& vm, AGenAwaitableObj::Mode mode, GenObj* g, Value arg) {
  ClassObj* cls = class_named(vm, mode == AGenAwaitableObj::Send ? "__async_generator_asend" : "__async_generator_athrow");
  return Value::object(vm.heap.make<AGenAwaitableObj>(cls, mode, g, arg));
}

bool check_agen(VM& vm, const CallArgs& a, const char* method) {
  if (a.nargs < 1 || !a[0].is_obj() || a[0].o->cls != vm.t.async_generator) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' requires an async_generator", method);
    return false;
  }
  return true;
}

Value agen_aiter(VM& vm, CallArgs& a) {
  if (!check_agen(vm, a, "__aiter__")) return Value::error();
  return a[0];
}
Value agen_anext(VM& vm, CallArgs& a) {
  if (!check_agen(vm, a, "__anext__")) return Value::error();
  return make_agen_awaitable(vm, AGenAwaitableObj::Send, as_gen(a[0]), Value::none());
}
Value agen_asend(VM& vm, CallArgs& a) {
  if (!check_agen(vm, a, "asend") || !check_nargs(vm, a, "asend", 2, 2)) return Value::error();
  return make_agen_awaitable(vm, AGenAwaitableObj::Send, as_gen(a[0]), a[1]);
}
Value agen_athrow(VM& vm, CallArgs& a) {
  if (!check_agen(vm, a, "athrow") || !check_nargs(vm, a, "athrow", 2, 4)) return Value::error();
  Value exc = make_thrown(vm, a);
  if (exc.is_error()) return exc;
  return make_agen_awaitable(vm, AGenAwaitableObj::Throw, as_gen(a[0]), exc);
}
Value agen_aclose(VM& vm, CallArgs& a) {
  if (!check_agen(vm, a, "aclose")) return Value::error();
  return make_agen_awaitable(vm, AGenAwaitableObj::Close, as_gen(a[0]), Value::none());
}

Value self_iter(VM&, Value self) { return self; }

}  // namespace

Value wrap_async_gen_value(VM& vm, Value v) {
  return Value::object(vm.heap.make<WrappedValueObj>(class_named(vm, "__async_generator_wrapped_value"), v));
}

void init_generator_types(VM& vm) {
  Types& t = vm.t;
  for (ClassObj* c : {t.generator, t.coroutine, t.async_generator}) {
    c->slots.repr = gen_repr;
    c->slots.getattr = gen_getattr;
    c->slots.new_ = slot_new_disabled;
  }
  t.generator->slots.iter = gen_iter_slot;
  t.generator->slots.next = gen_next_slot;
  for (ClassObj* c : {t.generator, t.coroutine}) {
    vm.def_method(c, "send", gen_send);
    vm.def_method(c, "throw", gen_throw);
    vm.def_method(c, "close", gen_close);
  }
  vm.def_method(t.coroutine, "__await__", coro_await);
  vm.def_method(t.async_generator, "__aiter__", agen_aiter);
  vm.def_method(t.async_generator, "__anext__", agen_anext);
  vm.def_method(t.async_generator, "asend", agen_asend);
  vm.def_method(t.async_generator, "athrow", agen_athrow);
  vm.def_method(t.async_generator, "aclose", agen_aclose);

  // Hidden helper classes, reachable through builtins under names no program uses.
  ClassObj* wrapper = vm.new_class("coroutine_wrapper", {}, Kind::Other, kClassBuiltin);
  wrapper->slots.am_send = coro_wrapper_send;
  wrapper->slots.next = coro_wrapper_next;
  wrapper->slots.iter = self_iter;
  vm.def_method(wrapper, "throw", coro_wrapper_throw);
  vm.def_method(wrapper, "close", coro_wrapper_close);
  vm.builtins->set_str(vm.intern("__coroutine_wrapper"), Value::object(wrapper));

  ClassObj* wrapped = vm.new_class("async_generator_wrapped_value", {}, Kind::Other, kClassBuiltin);
  vm.builtins->set_str(vm.intern("__async_generator_wrapped_value"), Value::object(wrapped));

  for (const char* name : {"async_generator_asend", "async_generator_athrow"}) {
    ClassObj* c = vm.new_class(name, {}, Kind::Other, kClassBuiltin);
    c->slots.am_send = agen_await_send;
    c->slots.next = agen_await_next;
    c->slots.iter = self_iter;
    vm.def_method(c, "send", agen_await_send_method);
    vm.def_method(c, "throw", agen_await_throw);
    vm.def_method(c, "close", agen_await_close);
    vm.def_method(c, "__await__", [](VM&, CallArgs& a) { return a[0]; });
    vm.builtins->set_str(vm.intern(std::string("__") + name), Value::object(c));
  }
}

}  // namespace looplab
