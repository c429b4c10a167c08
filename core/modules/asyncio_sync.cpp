// What the natives of asyncio's locks and queues share (see asyncio_sync.h): their per-VM state,
// the override checks, instance attributes, the event log records, waiter futures and queues,
// and the coroutine objects that `await lock.acquire()` and `await queue.get()` run.
#include "modules/asyncio_sync.h"

#include <cstdio>

#include "lang/code.h"
#include "lang/generator.h"
#include "lang/opcodes.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/instance.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace looplab {

uint32_t SyncFamilyInfo::mask(VM& vm, ClassObj* cls) {
  for (const Entry& e : cache)
    if (e.cls == cls && e.epoch == g_type_epoch) return e.mask;
  uint32_t m = 0;
  if (base && cls->is_subclass_of(base) && cls->instance_kind == Kind::Instance) {
    bool plain = true;
    for (size_t i = 0; i < attrs.size() && plain; i++) plain = cls->lookup(attrs[i]).same(attr_defaults[i]);
    if (plain) {
      m = kPlainAttrs;
      for (size_t i = 0; i < deps.size(); i++)
        if (cls->lookup(deps[i]).same(dep_values[i])) m |= 1u << i;
    }
  }
  (void)vm;
  cache[next_entry] = {cls, g_type_epoch, m};
  next_entry = (next_entry + 1) % cache.size();
  return m;
}

// ---- instance attributes, the log, waiter futures -------------------------------------------

namespace {

}  // namespace

// Finds the attribute by name and remembers where it is.
Value sync_get_slow(VM& vm, Value self, SyncAttr& a) {
  DictObj* d = static_cast<InstanceObj*>(self.o)->dict;
  Value v = d->get_str(a.name);
  if (!v.is_undef()) {
    for (size_t i = 0; i < d->entries.size(); i++) {
      if (d->entries[i].key.is_obj() && d->entries[i].key.o == a.name) {
        a.guess = i;
        break;
      }
    }
    return v;
  }
  v = self.o->cls->lookup(a.name);  // a class-level default (`_loop = None`), plain by `pure`
  if (!v.is_undef()) return v;
  return attribute_error(vm, self, a.name);
}

void sync_set_slow(Value self, SyncAttr& a, Value v) { static_cast<InstanceObj*>(self.o)->dict->set_str(a.name, v); }

uint32_t SyncStateObj::intern_label(EventLog* log, StrObj* text) {
  for (const LabelCache& c : labels)
    if (c.text == text) return c.id;
  uint32_t id = log->intern(text->view());
  labels[next_label] = {text, id};
  next_label = (next_label + 1) % labels.size();
  return id;
}

void SyncStateObj::trace(Tracer& t) {
  for (SyncFamilyInfo& f : families) {
    t.mark(f.base);
    t.mark(f.dep_values);
    t.mark(f.attr_defaults);
  }
  for (const LabelCache& c : labels) t.mark(c.text);
  t.mark(coro_class);
  t.mark(queue_empty);
  t.mark(queue_full);
  t.mark(gathering_future);
  t.mark(gather_state_class);
  t.mark(lock_acquire);
  t.mark(lock_release);
  t.mark(sem_acquire);
  t.mark(event_clear);
}

// mirrors mixins._SyncLogged._looplab_register and _asyncio._sync_op.
bool sync_log(VM& vm, Value self, SyncKind kind, SyncOpKind op, Value value) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  EventLoop* loop = rt->running_loop;
  SyncStateObj* st = sync_state(vm);
  SyncStateObj::Names& n = st->n;
  SyncAttr& sid_name = n.sid;
  Value sid = sync_get(vm, self, sid_name);
  if (sid.is_error()) return false;
  int has = sid.is_int() ? sid.i != 0 : op_truth(vm, sid);
  if (has < 0) return false;
  if (!has) {
    if (!loop) return true;  // nothing is recorded while no loop runs
    SyncAttr& label_name = n.label;
    Value label = sync_get(vm, self, label_name);
    if (label.is_error()) return false;
    int t = op_truth(vm, label);
    if (t < 0) return false;
    if (!t) {
      label = Value::object(vm.type_of(self)->name);
      sync_set(self, label_name, label);
    }
    std::string text;
    if (!str_text(vm, label, text)) return false;
    sid = Value::integer(loop->new_sync_id(kind, text));
    sync_set(self, sid_name, sid);
  }
  if (!loop || !sid.is_int()) return true;
  double d = 0;
  if (!value.is_undef() && !as_double(vm, value, &d)) vm.clear_exception();
  uint32_t id = uint32_t(sid.i);
  loop->sync_op(id, op, loop->current_task, d);
  if (op == SyncOpKind::Acquire) loop->set_sync_owner(id, loop->current_task);
  if (op == SyncOpKind::Release) loop->set_sync_owner(id, nullptr);
  return true;
}

// mirrors mixins._LoopBoundMixin._get_loop, loop.create_future() and _SyncLogged._looplab_waiter.
FutureObj* sync_new_waiter(VM& vm, Value self, SyncMaker maker) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  EventLoop* loop = rt->running_loop;
  Value running = loop ? Value::object(loop) : Value::none();
  SyncStateObj* st = sync_state(vm);
  SyncStateObj::Names& n = st->n;
  SyncAttr& loop_name = n.loop;
  Value bound = sync_get(vm, self, loop_name);
  if (bound.is_error()) return nullptr;
  if (bound.is_none()) {
    sync_set(self, loop_name, running);
    bound = running;
  }
  if (!bound.same(running)) {
    std::string r;
    if (repr_text(vm, self, r)) vm.raise(vm.t.RuntimeError, r + " is bound to a different event loop");
    return nullptr;
  }
  if (!loop) {
    vm.raise(vm.t.AttributeError, "'NoneType' object has no attribute 'create_future'");
    return nullptr;
  }
  // Interned first where loop.create_future's maker_label would intern it (the log's string
  // ids come out as with the Python code).
  uint32_t& maker_id = st->maker_ids[size_t(maker)];
  if (!maker_id) {
    static const char* const kMakers[] = {"Lock.acquire", "Semaphore.acquire", "Event.wait", "Queue.get", "Queue.put"};
    maker_id = rt->log->intern(kMakers[size_t(maker)]);
  }
  FutureObj* f = loop->create_future(maker_id);
  Value label = sync_get(vm, self, n.label);
  if (label.is_error()) return nullptr;
  if (vm.isinstance(label, vm.t.str)) f->label = st->intern_label(rt->log, static_cast<StrObj*>(label.o));
  return f;
}

// ---- waiter futures and queues --------------------------------------------------------------

namespace {

FutureObj* exact_future(VM& vm, Value w) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  return w.is_obj() && w.o->cls == rt->classes.future ? static_cast<FutureObj*>(w.o) : nullptr;
}

int truth_of_call(VM& vm, Value w, const char* method) {
  Value r = vm.call_method(w, vm.intern(method), {});
  if (r.is_error()) return -1;
  return op_truth(vm, r);
}

}  // namespace

int waiter_done(VM& vm, Value w) {
  if (FutureObj* f = exact_future(vm, w)) return f->done();
  return truth_of_call(vm, w, "done");
}

int waiter_cancelled(VM& vm, Value w) {
  if (FutureObj* f = exact_future(vm, w)) return f->state == FutureState::Cancelled;
  return truth_of_call(vm, w, "cancelled");
}

bool waiter_set_result(VM& vm, Value w, Value result) {
  if (FutureObj* f = exact_future(vm, w)) {
    if (f->loop->future_set_result(f, result)) return true;
    vm.raise(asyncio_runtime(vm)->invalid_state_error, "invalid state");
    return false;
  }
  return !vm.call_method(w, vm.intern("set_result"), {result}).is_error();
}

bool waiter_cancel(VM& vm, Value w) {
  if (FutureObj* f = exact_future(vm, w)) {
    f->loop->future_cancel(f, Value::none());
    return true;
  }
  return !vm.call_method(w, vm.intern("cancel"), {}).is_error();
}

DequeObj* exact_deque(VM& vm, Value v) {
  return v.is_obj() && v.o->cls == ctypes(vm).deque ? static_cast<DequeObj*>(v.o) : nullptr;
}

Value new_deque_value(VM& vm) { return Value::object(vm.heap.make<DequeObj>(ctypes(vm).deque)); }

// mirrors deque_append_internal.
bool deque_append(VM& vm, Value q, Value v) {
  DequeObj* d = exact_deque(vm, q);
  if (!d) return !vm.call_method(q, vm.intern("append"), {v}).is_error();
  if (d->maxlen == 0) return true;
  if (size_t grew = d->push_back(v)) vm.heap.note_external(std::ptrdiff_t(grew));
  if (d->maxlen >= 0 && int64_t(d->count) > d->maxlen) d->pop_front();
  d->state++;
  return true;
}

bool deque_remove(VM& vm, Value q, Value v, bool missing_ok, bool* removed) {
  if (removed) *removed = false;
  if (DequeObj* d = exact_deque(vm, q)) {
    // Waiters are futures, equal only to themselves: the first identical item is the one
    // deque.remove would find. Anything else goes through deque.remove itself.
    for (size_t i = 0; i < d->count; i++) {
      if (d->at(i).same(v)) {
        d->erase(i);
        d->state++;
        if (removed) *removed = true;
        return true;
      }
    }
  }
  Value r = vm.call_method(q, vm.intern("remove"), {v});
  if (!r.is_error()) {
    if (removed) *removed = true;
    return true;
  }
  if (missing_ok && vm.pending_is(vm.t.ValueError)) {
    vm.clear_exception();
    return true;
  }
  return false;
}

int64_t container_len(VM& vm, Value v) {
  if (DequeObj* d = exact_deque(vm, v)) return int64_t(d->count);
  return op_len(vm, v);
}

Value value_add(VM& vm, Value v, int64_t delta) {
  if (v.is_int() && v.i > INT64_MIN + 2 && v.i < INT64_MAX - 2) return Value::integer(v.i + delta);
  return op_binary(vm, v, Value::integer(delta), BinOp::Add);
}

int value_compare(VM& vm, Value a, int64_t b, CompareOp op) {
  if (a.is_int()) {
    switch (op) {
      case CompareOp::Eq: return a.i == b;
      case CompareOp::Le: return a.i <= b;
      case CompareOp::Gt: return a.i > b;
      case CompareOp::Ge: return a.i >= b;
      default: break;
    }
  }
  Value r = op_compare(vm, a, Value::integer(b), op);
  if (r.is_error()) return -1;
  return op_truth(vm, r);
}

// ---- installing the natives -----------------------------------------------------------------

Value install_native(VM& vm, ClassObj* cls, const char* name, NativeFn fn) {
  StrObj* key = vm.intern(name);
  Value ref = cls->dict->get_str(key);
  if (ref.is_undef()) return vm.raisef(vm.t.AttributeError, "%s has no method %s to replace", cls->name->data(), name);
  NativeFunctionObj* nf = vm.new_native(name, fn, cls);
  nf->data = ref;
  if (!op_setattr(vm, Value::object(cls), key, Value::object(nf))) return Value::error();
  return Value::object(nf);
}

Value call_replaced(VM& vm, NativeFunctionObj* me, CallArgs& a) { return vm.call(me->data, a.args, a.nargs, a.kwnames); }

void finish_family(VM& vm, SyncFamilyInfo& fam, ClassObj* base, std::initializer_list<const char*> deps,
                   std::initializer_list<const char*> attrs) {
  fam.base = base;
  for (const char* d : deps) {
    fam.deps.push_back(vm.intern(d));
    fam.dep_values.push_back(base->lookup(fam.deps.back()));
  }
  // Attributes the natives read from the instance dict, and the hooks that would make
  // attribute access run Python code.
  for (const char* name : attrs) fam.attrs.push_back(vm.intern(name));
  for (const char* name : {"__getattribute__", "__getattr__", "__setattr__", "__delattr__"})
    fam.attrs.push_back(vm.intern(name));
  for (StrObj* name : fam.attrs) fam.attr_defaults.push_back(base->lookup(name));
}

SendResult sync_yield(SyncCoroObj* c, FutureObj* fut, Value* out) {
  c->fut = fut;
  c->state = SyncCoroObj::Waiting;
  fut->blocking = true;
  *out = Value::object(fut);
  return SendResult::Yield;
}

SendResult sync_raise(VM& vm, Value exc) {
  vm.set_pending(exc);
  return SendResult::Error;
}

SyncStateObj::Lines coroutine_lines(Value fn) {
  SyncStateObj::Lines l;
  if (!fn.is_obj() || fn.o->kind != Kind::Function) return l;
  CodeObj* co = static_cast<FunctionObj*>(fn.o)->code;
  l.def = co->firstlineno;
  for (size_t pc = 0; pc < co->code.size(); pc++) {
    if (decode_op(co->code[pc]) == Op::YIELD_VALUE) {
      l.await = co->line_at(pc);
      break;
    }
  }
  return l;
}

// ---- the coroutine objects ------------------------------------------------------------------

namespace {

struct OpNames {
  const char* qualname;
  const char* name;
  const char* chain;
};

OpNames op_names(const SyncCoroObj* c) {
  if (c->aenter) return {"_ContextManagerMixin.__aenter__", "__aenter__", "__aenter__ > acquire"};
  switch (c->op) {
    case SyncCoroOp::LockAcquire: return {"Lock.acquire", "acquire", "acquire"};
    case SyncCoroOp::SemAcquire: return {"Semaphore.acquire", "acquire", "acquire"};
    case SyncCoroOp::EventWait: return {"Event.wait", "wait", "wait"};
    case SyncCoroOp::QueueGet: return {"Queue.get", "get", "get"};
    case SyncCoroOp::QueuePut: return {"Queue.put", "put", "put"};
    case SyncCoroOp::Aexit: return {"_ContextManagerMixin.__aexit__", "__aexit__", "__aexit__"};
  }
  return {"?", "?", "?"};
}

const SyncStateObj::Lines& op_lines(const SyncStateObj* st, const SyncCoroObj* c) {
  switch (c->op) {
    case SyncCoroOp::LockAcquire: return st->lines_lock_acquire;
    case SyncCoroOp::SemAcquire: return st->lines_sem_acquire;
    case SyncCoroOp::EventWait: return st->lines_event_wait;
    case SyncCoroOp::QueueGet: return st->lines_queue_get;
    case SyncCoroOp::QueuePut: return st->lines_queue_put;
    case SyncCoroOp::Aexit: return st->lines_aexit;
  }
  return st->lines_aexit;
}

SendResult op_start(VM& vm, SyncCoroObj* c, Value* out) {
  switch (c->op) {
    case SyncCoroOp::LockAcquire: return lock_acquire_start(vm, c, out);
    case SyncCoroOp::SemAcquire: return sem_acquire_start(vm, c, out);
    case SyncCoroOp::EventWait: return event_wait_start(vm, c, out);
    case SyncCoroOp::QueueGet: return queue_get_start(vm, c, out);
    case SyncCoroOp::QueuePut: return queue_put_start(vm, c, out);
    case SyncCoroOp::Aexit: return aexit_start(vm, c, out);
  }
  return SendResult::Error;
}

SendResult op_resume(VM& vm, SyncCoroObj* c, Value result, Value* out) {
  switch (c->op) {
    case SyncCoroOp::LockAcquire: return lock_acquire_resume(vm, c, result, out);
    case SyncCoroOp::SemAcquire: return sem_acquire_resume(vm, c, result, out);
    case SyncCoroOp::EventWait: return event_wait_resume(vm, c, result, out);
    // The queues loop: `while self.empty(): ... await getter` checks again.
    case SyncCoroOp::QueueGet: return queue_get_start(vm, c, out);
    case SyncCoroOp::QueuePut: return queue_put_start(vm, c, out);
    case SyncCoroOp::Aexit: break;
  }
  return SendResult::Error;
}

SendResult op_fail(VM& vm, SyncCoroObj* c, Value exc) {
  switch (c->op) {
    case SyncCoroOp::LockAcquire: return lock_acquire_fail(vm, c, exc);
    case SyncCoroOp::SemAcquire: return sem_acquire_fail(vm, c, exc);
    case SyncCoroOp::EventWait: return event_wait_fail(vm, c, exc);
    case SyncCoroOp::QueueGet: return queue_get_fail(vm, c, exc);
    case SyncCoroOp::QueuePut: return queue_put_fail(vm, c, exc);
    case SyncCoroOp::Aexit: break;
  }
  vm.set_pending(exc);
  return SendResult::Error;
}

// After a step: Return and Error end the coroutine; Yield leaves it waiting on c->fut.
SendResult finish(SyncCoroObj* c, SendResult r) {
  if (r != SendResult::Yield) {
    c->state = SyncCoroObj::Done;
    c->fut = nullptr;
  }
  return r;
}

SendResult fail(VM& vm, SyncCoroObj* c, Value exc) {
  SendResult r = op_fail(vm, c, exc);
  c->state = SyncCoroObj::Done;
  c->fut = nullptr;
  return r;
}

// The first send, throw or close (or the warning that none came): no longer a coroutine that was
// never awaited.
void mark_awaited(VM& vm, SyncCoroObj* c) {
  if (c->awaited) return;
  c->awaited = true;
  asyncio_runtime(vm)->counters.sync_coros_never_awaited--;
}

// mirrors a coroutine's send: the first send starts it; a later one resumes `await fut`
// (futures.py Future.__await__: the future must be done; its result is the await's value).
SendResult sync_coro_send(VM& vm, Value self, Value arg, Value* out) {
  SyncCoroObj* c = static_cast<SyncCoroObj*>(self.o);
  mark_awaited(vm, c);
  switch (c->state) {
    case SyncCoroObj::Created:
      if (!arg.is_none()) {
        vm.raise(vm.t.TypeError, "can't send non-None value to a just-started coroutine");
        return SendResult::Error;
      }
      return finish(c, op_start(vm, c, out));
    case SyncCoroObj::Waiting: {
      FutureObj* f = c->fut;
      if (!f->done()) {
        vm.raise(vm.t.RuntimeError, "await wasn't used with future");
        return fail(vm, c, vm.take_exception());
      }
      Value result;
      bool not_ready;
      if (!f->loop->future_result(f, &result, &not_ready)) return fail(vm, c, result);
      return finish(c, op_resume(vm, c, result, out));
    }
    case SyncCoroObj::Done: break;
  }
  vm.raise(vm.t.RuntimeError, "cannot reuse already awaited coroutine");
  return SendResult::Error;
}

SyncCoroObj* self_coro(VM& vm, CallArgs& a, const char* method) {
  SyncStateObj* st = sync_state(vm);
  if (a.nargs > 0 && a[0].is_obj() && a[0].o->cls == st->coro_class) return static_cast<SyncCoroObj*>(a[0].o);
  vm.raisef(vm.t.TypeError, "descriptor '%s' requires a 'coroutine' object", method);
  return nullptr;
}

// An exception thrown in at the coroutine's await: the Python code's handlers run, then it
// propagates (none of them swallows it).
Value sync_coro_throw(VM& vm, CallArgs& a) {
  SyncCoroObj* c = self_coro(vm, a, "throw");
  if (!c || !check_nargs(vm, a, "throw", 2, 4)) return Value::error();
  Value exc = make_thrown(vm, a);
  if (exc.is_error()) return exc;
  mark_awaited(vm, c);
  if (c->state == SyncCoroObj::Waiting) {
    fail(vm, c, exc);
    return Value::error();
  }
  c->state = SyncCoroObj::Done;  // a coroutine not started yet ends with the exception
  return vm.set_pending(exc);
}

// mirrors gen_close: GeneratorExit at the await; the handlers re-raise it, which is a clean close.
Value sync_coro_close(VM& vm, CallArgs& a) {
  SyncCoroObj* c = self_coro(vm, a, "close");
  if (!c || !check_nargs(vm, a, "close", 1, 1)) return Value::error();
  mark_awaited(vm, c);
  if (c->state != SyncCoroObj::Waiting) {
    c->state = SyncCoroObj::Done;
    return Value::none();
  }
  Value exit = vm.call(Value::object(vm.t.GeneratorExit), {});
  if (exit.is_error()) return exit;
  fail(vm, c, exit);
  if (vm.pending_is(vm.t.GeneratorExit)) {
    vm.clear_exception();
    return Value::none();
  }
  return Value::error();
}

Value result_as_python(VM& vm, SendResult r, Value out) {
  if (r == SendResult::Yield) return out;
  if (r == SendResult::Error) return Value::error();
  return raise_stop_iteration(vm, out);
}

Value sync_coro_send_method(VM& vm, CallArgs& a) {
  if (!self_coro(vm, a, "send") || !check_nargs(vm, a, "send", 2, 2)) return Value::error();
  Value out;
  SendResult r = sync_coro_send(vm, a[0], a[1], &out);
  return result_as_python(vm, r, out);
}

Value sync_coro_next(VM& vm, Value self) {
  Value out;
  SendResult r = sync_coro_send(vm, self, Value::none(), &out);
  return result_as_python(vm, r, out);
}

Value sync_coro_repr(VM& vm, Value self) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "0x%012llx", (unsigned long long)(uintptr_t)self.o.get());
  return vm.str(std::string("<coroutine object ") + op_names(static_cast<SyncCoroObj*>(self.o)).qualname + " at " +
                buf + ">");
}

Value sync_coro_getattr(VM& vm, Value self, StrObj* name) {
  SyncCoroObj* c = static_cast<SyncCoroObj*>(self.o);
  std::string_view n = name->view();
  if (n == "__name__") return vm.str(op_names(c).name);
  if (n == "__qualname__") return vm.str(op_names(c).qualname);
  if (n == "cr_running") return Value::boolean(false);
  if (n == "cr_await") return c->state == SyncCoroObj::Waiting ? Value::object(c->fut) : Value::none();
  if (n == "cr_frame") return Value::none();
  return generic_getattr(vm, self, name);
}

}  // namespace

Value new_sync_coro(VM& vm, SyncCoroOp op, Value self, Value item, bool aenter) {
  SyncCoroObj* c = vm.heap.make<SyncCoroObj>(sync_state(vm)->coro_class, op, self, item);
  c->aenter = aenter;
  asyncio_runtime(vm)->counters.sync_coros_never_awaited++;
  return Value::object(c);
}

void init_sync_coro_class(VM& vm, SyncStateObj* st) {
  ClassObj* cls = vm.new_class("coroutine", {}, Kind::Other, kClassBuiltin | kClassAwaitsItself, "builtins");
  cls->slots.am_send = sync_coro_send;
  cls->slots.repr = sync_coro_repr;
  cls->slots.getattr = sync_coro_getattr;
  vm.def_method(cls, "send", sync_coro_send_method);
  vm.def_method(cls, "throw", sync_coro_throw);
  vm.def_method(cls, "close", sync_coro_close);
  vm.def_method(cls, "__await__", [](VM&, CallArgs& a) { return a[0]; });
  // __await__() returns the coroutine itself, which iterates like CPython's coroutine_wrapper
  // (`yield from lock.acquire().__await__()` in a custom awaitable).
  cls->slots.iter = [](VM&, Value self) { return self; };
  cls->slots.next = sync_coro_next;
  st->coro_class = cls;
}

bool take_unawaited_sync_coro(VM& vm, Value v, std::string* qualname) {
  if (v.o->cls != sync_state(vm)->coro_class) return false;
  SyncCoroObj* c = static_cast<SyncCoroObj*>(v.o);
  if (c->state != SyncCoroObj::Created || c->awaited) return false;
  mark_awaited(vm, c);
  *qualname = op_names(c).qualname;
  return true;
}

// What the log says of these coroutines where it would describe a Python coroutine's frames.
bool native_coro_info(VM& vm, Value v, NativeCoroInfo* out) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  if (!v.is_obj() || !rt || !rt->sync_state.is_obj()) return false;
  SyncStateObj* st = static_cast<SyncStateObj*>(rt->sync_state.o);
  if (v.o->cls != st->coro_class) return false;
  SyncCoroObj* c = static_cast<SyncCoroObj*>(v.o);
  OpNames n = op_names(c);
  out->qualname = n.qualname;
  out->chain = n.chain;
  switch (c->state) {
    case SyncCoroObj::Created: out->line = c->aenter ? st->lines_aenter.def : op_lines(st, c).def; break;
    case SyncCoroObj::Waiting: out->line = op_lines(st, c).await; break;
    case SyncCoroObj::Done: out->line = 0; break;
  }
  return true;
}

void init_sync(VM& vm, ModuleObj* m) {
  AsyncioRuntime* rt = asyncio_runtime(vm);
  ClassObj* cls = vm.new_class("_SyncState", {}, Kind::Other, kClassBuiltin, "_asyncio");
  SyncStateObj* st = vm.heap.make<SyncStateObj>(cls);
  rt->sync_state = Value::object(st);
  SyncStateObj::Names& n = st->n;
  auto in = [&](const char* s) { return vm.intern(s); };
  auto at = [&](const char* s) { return SyncAttr{vm.intern(s), 0}; };
  n = {at("_locked"), at("_waiters"),          at("_value"),    at("_loop"),   at("_looplab_sid"),
       at("_looplab_label"), at("_queue"),     at("_getters"),  at("_putters"), at("_unfinished_tasks"),
       at("_finished"), at("_maxsize"),        in("acquire"),   in("release"), in("clear"),
       in("_get"),      in("_put")};
  init_sync_coro_class(vm, st);
  vm.def_function(m->dict, "_sync_install_locks", fn_sync_install_locks);
  vm.def_function(m->dict, "_sync_install_queues", fn_sync_install_queues);
  vm.def_function(m->dict, "_sync_install_gather", fn_sync_install_gather);
}

}  // namespace looplab
