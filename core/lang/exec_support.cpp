#include "lang/exec_support.h"

#include "lang/call.h"
#include "lang/generator.h"
#include "runtime/exceptions_support.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

// ---- calls ----------------------------------------------------------------------------------

namespace {

// `first` followed by n arguments, on the stack for the usual few (calls of bound methods and
// classes pass self in front); the callee copies them into its frame.
class PrependedArgs {
 public:
  PrependedArgs(Value first, const Value* rest, size_t n) {
    if (n + 1 > std::size(small_)) {
      large_.resize(n + 1);
      data_ = large_.data();
    }
    data_[0] = first;
    for (size_t i = 0; i < n; i++) data_[i + 1] = rest[i];
  }
  Value* data() { return data_; }

 private:
  Value small_[8];
  std::vector<Value> large_;
  Value* data_ = small_;
};

}  // namespace

CallOutcome call_value(VM& vm, Value callable, Value* args, uint32_t nargs, TupleObj* kwnames, Frame** new_frame,
                       Value* result) {
  if (callable.is_obj()) {
    switch (callable.o->kind) {
      case Kind::Function: {
        FunctionObj* fn = static_cast<FunctionObj*>(callable.o);
        Frame* f = make_call_frame(vm, fn, args, nargs, kwnames);
        if (!f) return CallOutcome::Error;
        if (fn->code->is_generator_like()) {
          *result = Value::object(make_generator(vm, fn, f));
          return CallOutcome::Result;
        }
        f->mode = ReturnMode::Call;
        *new_frame = f;
        return CallOutcome::NewFrame;
      }
      case Kind::Native: {
        NativeFunctionObj* nf = static_cast<NativeFunctionObj*>(callable.o);
        CallArgs a{args, nargs, kwnames};
        vm.calling_native = nf;
        vm.native_enter();
        Value r = nf->fn(vm, a);
        vm.native_leave();
        if (r.is_error()) return CallOutcome::Error;
        *result = r;
        return CallOutcome::Result;
      }
      case Kind::BoundMethod: {
        BoundMethodObj* m = static_cast<BoundMethodObj*>(callable.o);
        size_t total = nargs + (kwnames ? kwnames->size : 0);
        PrependedArgs argv(m->self, args, total);
        return call_value(vm, m->func, argv.data(), nargs + 1, kwnames, new_frame, result);
      }
      case Kind::Class: {
        ClassObj* cls = static_cast<ClassObj*>(callable.o);
        // A user class with a Python __init__: make the instance, then run __init__ as a frame
        // of this loop (mode Init) instead of a nested call.
        if (cls->slots.init == slot_init && cls->cls == vm.t.type && cls != vm.t.type) {
          Value init = cls->lookup(vm.n.__init__);
          if (init.is_obj() && init.o->kind == Kind::Function) {
            CallArgs a{args, nargs, kwnames};
            vm.native_enter();
            Value obj = cls->slots.new_(vm, cls, a);
            vm.native_leave();
            if (obj.is_error()) return CallOutcome::Error;
            if (!vm.isinstance(obj, cls)) {
              *result = obj;
              return CallOutcome::Result;
            }
            size_t total = nargs + (kwnames ? kwnames->size : 0);
            PrependedArgs argv(obj, args, total);
            FunctionObj* fn = static_cast<FunctionObj*>(init.o);
            Frame* f = make_call_frame(vm, fn, argv.data(), nargs + 1, kwnames);
            if (!f) return CallOutcome::Error;
            if (fn->code->is_generator_like()) {
              free_frame(f);
              vm.raise(vm.t.TypeError, "__init__() should return None, not 'generator'");
              return CallOutcome::Error;
            }
            f->mode = ReturnMode::Init;
            f->init_self = obj;
            *new_frame = f;
            return CallOutcome::NewFrame;
          }
        }
        break;
      }
      default: break;
    }
  }
  ClassObj* cls = vm.type_of(callable);
  if (!cls->slots.call) {
    vm.raisef(vm.t.TypeError, "'%s' object is not callable", cls->name->str().c_str());
    return CallOutcome::Error;
  }
  CallArgs a{args, nargs, kwnames};
  vm.native_enter();
  Value r = cls->slots.call(vm, callable, a);
  vm.native_leave();
  if (r.is_error()) return CallOutcome::Error;
  *result = r;
  return CallOutcome::Result;
}

static std::string callable_name(VM& vm, Value callable) {
  if (callable.is_obj()) {
    switch (callable.o->kind) {
      case Kind::Function: return static_cast<FunctionObj*>(callable.o)->qualname->str() + "()";
      case Kind::Native: return static_cast<NativeFunctionObj*>(callable.o)->name->str() + "()";
      case Kind::Class: return static_cast<ClassObj*>(callable.o)->name->str() + "()";
      case Kind::BoundMethod: return callable_name(vm, static_cast<BoundMethodObj*>(callable.o)->func);
      default: break;
    }
  }
  return type_name(vm, callable) + " object";
}

bool flatten_call_args(VM& vm, Value callable, Value posargs, Value kwargs, std::vector<Value>& argv,
                       TupleObj** kwnames, uint32_t* nargs) {
  if (posargs.is_obj() && posargs.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(posargs.o);
    argv.insert(argv.end(), t->items(), t->items() + t->size);
  } else if (posargs.is_obj() && posargs.o->kind == Kind::List) {
    auto& items = static_cast<ListObj*>(posargs.o)->items;
    argv.insert(argv.end(), items.begin(), items.end());
  } else {
    if (!vm.type_of(posargs)->slots.iter) {
      vm.raisef(vm.t.TypeError, "%s argument after * must be an iterable, not %s", callable_name(vm, callable).c_str(),
                type_name(vm, posargs).c_str());
      return false;
    }
    if (!op_for_each(vm, posargs, [&](Value v) {
          argv.push_back(v);
          return 1;
        }))
      return false;
  }
  *nargs = uint32_t(argv.size());
  *kwnames = nullptr;
  if (kwargs.is_undef()) return true;
  DictObj* d;
  if (kwargs.is_obj() && kwargs.o->kind == Kind::Dict) {
    d = static_cast<DictObj*>(kwargs.o);
  } else {
    d = vm.new_dict();
    if (!dict_update_from(vm, d, kwargs, true, callable)) return false;
  }
  if (d->size() == 0) return true;
  TupleObj* names = vm.new_tuple(d->size());
  size_t i = 0;
  bool ok = true;
  d->for_each([&](Value k, Value v) {
    if (!ok) return;
    if (!k.is_obj() || k.o->kind != Kind::Str) {
      vm.raise(vm.t.TypeError, "keywords must be strings");
      ok = false;
      return;
    }
    (*names)[i++] = Value::object(vm.intern(static_cast<StrObj*>(k.o)->view()));
    argv.push_back(v);
  });
  if (!ok) return false;
  *kwnames = names;
  return true;
}

// ---- names ----------------------------------------------------------------------------------

StrObj* deref_name(CodeObj* co, uint32_t i) {
  return i < co->cellvars.size() ? co->cellvars[i] : co->freevars[i - co->cellvars.size()];
}

void raise_unbound_deref(VM& vm, CodeObj* co, uint32_t i) {
  if (i < co->cellvars.size())
    vm.raisef(vm.t.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
              deref_name(co, i)->data());
  else
    vm.raisef(vm.t.NameError,
              "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
              deref_name(co, i)->data());
}

void raise_name_error(VM& vm, StrObj* name) {
  ExceptionObj* e = vm.new_exception(vm.t.NameError,
                                     vm.tuple_of({vm.str(strprintf("name '%s' is not defined", name->data()))}));
  e->dict = vm.new_dict();
  e->dict->set_str(vm.n.name, Value::object(name));
  vm.set_pending(Value::object(e));
}

// ---- containers -----------------------------------------------------------------------------

bool list_extend(VM& vm, ListObj* l, Value it) {
  if (it.is_obj() && it.o->kind == Kind::List) {
    auto& src = static_cast<ListObj*>(it.o)->items;
    l->items.insert(l->items.end(), src.begin(), src.end());
    return true;
  }
  if (it.is_obj() && it.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(it.o);
    l->items.insert(l->items.end(), t->items(), t->items() + t->size);
    return true;
  }
  if (!vm.type_of(it)->slots.iter) {
    vm.raisef(vm.t.TypeError, "Value after * must be an iterable, not %s", type_name(vm, it).c_str());
    return false;
  }
  return op_for_each(vm, it, [&](Value v) {
    l->items.push_back(v);
    return 1;
  });
}

bool dict_update_from(VM& vm, DictObj* d, Value m, bool merge, Value func) {
  auto dup = [&](Value k) {
    std::string ks;
    if (k.is_obj() && k.o->kind == Kind::Str) ks = static_cast<StrObj*>(k.o)->str();
    else repr_text(vm, k, ks);
    vm.raisef(vm.t.TypeError, "%s got multiple values for keyword argument '%s'", callable_name(vm, func).c_str(),
              ks.c_str());
    return false;
  };
  if (m.is_obj() && m.o->kind == Kind::Dict) {
    DictObj* src = static_cast<DictObj*>(m.o);
    std::vector<std::pair<Value, Value>> items;
    src->for_each([&](Value k, Value v) { items.emplace_back(k, v); });
    for (auto& [k, v] : items) {
      if (merge) {
        Value old = d->get(vm, k);
        if (old.is_error()) return false;
        if (!old.is_undef()) return dup(k);
      }
      if (!d->set(vm, k, v)) return false;
    }
    return true;
  }
  Value keys = op_getattr_opt(vm, m, vm.n.keys);
  if (keys.is_error()) return false;
  if (keys.is_undef()) {
    if (merge)
      vm.raisef(vm.t.TypeError, "%s argument after ** must be a mapping, not %s", callable_name(vm, func).c_str(),
                type_name(vm, m).c_str());
    else
      vm.raisef(vm.t.TypeError, "'%s' object is not a mapping", type_name(vm, m).c_str());
    return false;
  }
  Value ks = vm.call(keys, {});
  if (ks.is_error()) return false;
  return op_for_each(vm, ks, [&](Value k) {
    Value v = op_getitem(vm, m, k);
    if (v.is_error()) return -1;
    if (merge) {
      Value old = d->get(vm, k);
      if (old.is_error()) return -1;
      if (!old.is_undef()) return dup(k) ? 1 : -1;
    }
    return d->set(vm, k, v) ? 1 : -1;
  });
}

bool unpack_sequence(VM& vm, Value seq, uint32_t before, uint32_t after, bool star, Value* out) {
  std::vector<Value> items;
  if (seq.is_obj() && seq.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(seq.o);
    items.assign(t->items(), t->items() + t->size);
  } else if (seq.is_obj() && seq.o->kind == Kind::List) {
    items = static_cast<ListObj*>(seq.o)->items;
  } else {
    if (!vm.type_of(seq)->slots.iter) {
      vm.raisef(vm.t.TypeError, "cannot unpack non-iterable %s object", type_name(vm, seq).c_str());
      return false;
    }
    size_t limit = star ? SIZE_MAX : size_t(before) + 1;
    bool ok = op_for_each(vm, seq, [&](Value v) {
      items.push_back(v);
      return items.size() >= limit ? 0 : 1;
    });
    if (!ok) return false;
  }
  size_t n = items.size();
  if (!star) {
    if (n < before) {
      vm.raisef(vm.t.ValueError, "not enough values to unpack (expected %u, got %zu)", before, n);
      return false;
    }
    if (n > before) {
      vm.raisef(vm.t.ValueError, "too many values to unpack (expected %u)", before);
      return false;
    }
    for (size_t i = 0; i < n; i++) out[n - 1 - i] = items[i];
    return true;
  }
  if (n < size_t(before) + after) {
    vm.raisef(vm.t.ValueError, "not enough values to unpack (expected at least %u, got %zu)", before + after, n);
    return false;
  }
  // Stack order (top first): items[0..before), the starred list, then the `after` items.
  size_t total = size_t(before) + after + 1;
  std::vector<Value> seqv;
  for (size_t i = 0; i < before; i++) seqv.push_back(items[i]);
  ListObj* middle = vm.new_list();
  middle->items.assign(items.begin() + before, items.end() - after);
  seqv.push_back(Value::object(middle));
  for (size_t i = n - after; i < n; i++) seqv.push_back(items[i]);
  for (size_t i = 0; i < total; i++) out[total - 1 - i] = seqv[i];
  return true;
}

// ---- generators, await ----------------------------------------------------------------------

void close_generator_frame(GenObj* g) {
  if (g->frame) free_frame(g->frame);
  g->frame = nullptr;
  g->state = GenState::Closed;
}

void convert_stop_iteration(VM& vm, GenObj* g) {
  Value exc = vm.pending_exception();
  bool is_async = g->cls == vm.t.async_generator;
  const char* what = g->cls == vm.t.coroutine ? "coroutine" : is_async ? "async generator" : "generator";
  const char* raised = nullptr;
  if (vm.isinstance(exc, vm.t.StopIteration)) raised = "StopIteration";
  else if (is_async && vm.isinstance(exc, vm.t.StopAsyncIteration)) raised = "StopAsyncIteration";
  if (!raised) return;
  ExceptionObj* e = vm.new_exception(vm.t.RuntimeError, vm.tuple_of({vm.str(strprintf("%s raised %s", what, raised))}));
  e->cause = exc;
  e->context = exc;
  e->suppress_context = true;
  vm.set_pending(Value::object(e));
}

Value get_awaitable(VM& vm, Value v, uint32_t where) {
  if (v.is_obj() && v.o->kind == Kind::Generator && v.o->cls == vm.t.coroutine) {
    GenObj* g = static_cast<GenObj*>(v.o);
    if (g->state == GenState::Suspended && !delegate_of(g->frame).is_undef())
      return vm.raise(vm.t.RuntimeError, "coroutine is being awaited already");
    return v;
  }
  // A native coroutine (asyncio.sleep's, lock.acquire()'s) is awaited as itself, as CPython
  // awaits a coroutine without calling its __await__.
  if (v.is_obj() && v.o->cls->has(kClassAwaitsItself)) return v;
  Value await = vm.type_of(v)->lookup(vm.n.__await__);
  if (await.is_undef() || await.is_none()) {
    std::string tn = type_name(vm, v);
    if (where == 1)
      return vm.raisef(vm.t.TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s", tn.c_str());
    if (where == 2)
      return vm.raisef(vm.t.TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s", tn.c_str());
    return vm.raisef(vm.t.TypeError, "object %s can't be used in 'await' expression", tn.c_str());
  }
  Value it = vm.call_dunder(v, vm.n.__await__, {});
  if (it.is_error()) return it;
  if (it.is_obj() && it.o->kind == Kind::Generator && it.o->cls == vm.t.coroutine)
    return vm.raise(vm.t.TypeError, "__await__() returned a coroutine");
  ClassObj* ic = vm.type_of(it);
  if (!ic->slots.next && !ic->slots.am_send && !(it.is_obj() && it.o->kind == Kind::Generator))
    return vm.raisef(vm.t.TypeError, "__await__() returned non-iterator of type '%s'", ic->name->str().c_str());
  return it;
}

Value get_aiter(VM& vm, Value v) {
  Value m = vm.type_of(v)->lookup(vm.n.__aiter__);
  if (m.is_undef())
    return vm.raisef(vm.t.TypeError, "'async for' requires an object with __aiter__ method, got %s",
                     type_name(vm, v).c_str());
  Value it = vm.call_dunder(v, vm.n.__aiter__, {});
  if (it.is_error()) return it;
  if (vm.type_of(it)->lookup(vm.n.__anext__).is_undef())
    return vm.raisef(vm.t.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     type_name(vm, it).c_str());
  return it;
}

Value get_anext(VM& vm, Value aiter) {
  Value m = vm.type_of(aiter)->lookup(vm.n.__anext__);
  if (m.is_undef())
    return vm.raisef(vm.t.TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                     type_name(vm, aiter).c_str());
  Value r = vm.call_dunder(aiter, vm.n.__anext__, {});
  if (r.is_error()) return r;
  if (r.is_obj() && r.o->kind == Kind::Generator && r.o->cls == vm.t.coroutine) return r;
  ClassObj* rc = vm.type_of(r);
  if (rc->slots.am_send) return r;
  if (rc->lookup(vm.n.__await__).is_undef())
    return vm.raisef(vm.t.TypeError, "'async for' received an invalid object from __anext__: %s",
                     type_name(vm, r).c_str());
  return get_awaitable(vm, r, 0);
}

static Value stop_iteration_value(VM& vm, Value exc) {
  if (exc.is_obj() && exc.o->kind == Kind::Exception) {
    TupleObj* args = static_cast<ExceptionObj*>(exc.o)->args;
    if (args->size > 0) return (*args)[0];
  }
  (void)vm;
  return Value::none();
}

SendResult send_native(VM& vm, Value recv, Value v, Value* out) {
  ClassObj* c = vm.type_of(recv);
  if (c->slots.am_send) {
    vm.native_enter();
    SendResult r = c->slots.am_send(vm, recv, v, out);
    vm.native_leave();
    return r;
  }
  Value r;
  if (v.is_none() && c->slots.next) {
    vm.native_enter();
    r = c->slots.next(vm, recv);
    vm.native_leave();
    if (r.is_undef()) {
      *out = Value::none();
      return SendResult::Return;
    }
  } else {
    r = vm.call_method(recv, vm.n.send, {v});
  }
  if (r.is_error()) {
    if (vm.pending_is(vm.t.StopIteration)) {
      *out = stop_iteration_value(vm, vm.take_exception());
      return SendResult::Return;
    }
    return SendResult::Error;
  }
  *out = r;
  return SendResult::Yield;
}

Value delegate_of(Frame* f) {
  if (!f || f->pc == 0 || f->sp == 0) return Value();
  uint32_t word = f->code->code[f->pc - 1];
  if (decode_op(word) != Op::YIELD_VALUE || decode_arg(word) != 1) return Value();
  return f->stack()[f->sp - 1];
}

bool pending_is_generator_exit(VM& vm, Value exc) { return vm.isinstance(exc, vm.t.GeneratorExit); }

ThrowResult throw_into_native(VM& vm, Value recv, Value exc, Value* out) {
  if (vm.isinstance(exc, vm.t.GeneratorExit)) {
    Value r;
    if (recv.is_obj() && recv.o->kind == Kind::Generator) r = vm.call_method(recv, vm.n.close, {});
    else {
      Value close = op_getattr_opt(vm, recv, vm.n.close);
      if (close.is_error()) return ThrowResult::Raised;
      if (!close.is_undef()) r = vm.call(close, {});
    }
    if (r.is_error()) return ThrowResult::Raised;
    return ThrowResult::NotHandled;
  }
  Value thrower = op_getattr_opt(vm, recv, vm.n.throw_);
  if (thrower.is_error()) return ThrowResult::Raised;
  if (thrower.is_undef()) return ThrowResult::NotHandled;
  Value r = vm.call(thrower, {exc});
  if (r.is_error()) {
    if (vm.pending_is(vm.t.StopIteration)) {
      *out = stop_iteration_value(vm, vm.take_exception());
      return ThrowResult::Returned;
    }
    return ThrowResult::Raised;
  }
  *out = r;
  return ThrowResult::Yielded;
}

// ---- exceptions -----------------------------------------------------------------------------

bool exception_matches(VM& vm, Value exc, Value type, bool* match) {
  if (type.is_obj() && type.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(type.o);
    *match = false;
    for (size_t i = 0; i < t->size; i++) {
      bool m;
      if (!exception_matches(vm, exc, (*t)[i], &m)) return false;
      if (m) *match = true;
    }
    return true;
  }
  if (!type.is_obj() || type.o->kind != Kind::Class ||
      !static_cast<ClassObj*>(type.o)->is_subclass_of(vm.t.BaseException)) {
    vm.raise(vm.t.TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  *match = vm.isinstance(exc, static_cast<ClassObj*>(type.o));
  return true;
}

bool exception_group_match(VM& vm, Value exc, Value type, Value* match, Value* rest) {
  if (type.is_obj() && type.o->kind == Kind::Class &&
      static_cast<ClassObj*>(type.o)->is_subclass_of(vm.t.BaseExceptionGroup)) {
    vm.raise(vm.t.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  if (exc.is_none()) {
    *match = *rest = Value::none();
    return true;
  }
  bool full;
  if (!exception_matches(vm, exc, type, &full)) return false;
  if (full) {
    if (vm.isinstance(exc, vm.t.BaseExceptionGroup)) {
      *match = exc;
    } else {
      Value eg = make_exception_group(vm, vm.str(""), {exc});
      if (eg.is_error()) return false;
      static_cast<ExceptionObj*>(eg.o)->traceback = static_cast<ExceptionObj*>(exc.o)->traceback;
      *match = eg;
    }
    *rest = Value::none();
    return true;
  }
  if (vm.isinstance(exc, vm.t.BaseExceptionGroup)) {
    Value pair = vm.call_method(exc, vm.intern("split"), {type});
    if (pair.is_error()) return false;
    TupleObj* t = static_cast<TupleObj*>(pair.o);
    *match = (*t)[0];
    *rest = (*t)[1];
    return true;
  }
  *match = *rest = Value::none();
  return true;
}

Value prep_reraise_star(VM& vm, Value orig, Value raised_list) {
  return prepare_reraise_star(vm, orig, raised_list);
}

void raise_with_cause(VM& vm, Value exc, Value cause, bool has_cause) {
  if (exc.is_obj() && exc.o->kind == Kind::Class) {
    if (!static_cast<ClassObj*>(exc.o)->is_subclass_of(vm.t.BaseException)) {
      vm.raise(vm.t.TypeError, "exceptions must derive from BaseException");
      return;
    }
    exc = vm.call(exc, {});
    if (exc.is_error()) return;
  }
  if (!vm.isinstance(exc, vm.t.BaseException)) {
    vm.raise(vm.t.TypeError, "exceptions must derive from BaseException");
    return;
  }
  ExceptionObj* e = static_cast<ExceptionObj*>(exc.o);
  if (has_cause) {
    if (cause.is_obj() && cause.o->kind == Kind::Class) {
      if (!static_cast<ClassObj*>(cause.o)->is_subclass_of(vm.t.BaseException)) {
        vm.raise(vm.t.TypeError, "exception causes must derive from BaseException");
        return;
      }
      cause = vm.call(cause, {});
      if (cause.is_error()) return;
    } else if (!cause.is_none() && !vm.isinstance(cause, vm.t.BaseException)) {
      vm.raise(vm.t.TypeError, "exception causes must derive from BaseException");
      return;
    }
    e->cause = cause.is_none() ? Value() : cause;
    e->suppress_context = true;
  }
  vm.set_pending(exc);
}

// mirrors _PyErr_SetObject's implicit chaining (breaking cycles in the context chain).
void chain_exception_context(VM& vm) {
  Value exc = vm.pending_exception();
  Value handled = vm.handled_exception();
  if (handled.is_none() || handled.same(exc) || !exc.is_obj() || exc.o->kind != Kind::Exception) return;
  Value o = handled;
  while (o.is_obj() && o.o->kind == Kind::Exception) {
    ExceptionObj* oe = static_cast<ExceptionObj*>(o.o);
    if (oe->context.is_undef()) break;
    if (oe->context.same(exc)) {
      oe->context = Value();
      break;
    }
    o = oe->context;
  }
  static_cast<ExceptionObj*>(exc.o)->context = handled;
}

void add_traceback(VM& vm, Frame* f, uint32_t pc) {
  Value exc = vm.pending_exception();
  if (!exc.is_obj() || exc.o->kind != Kind::Exception) return;
  ExceptionObj* e = static_cast<ExceptionObj*>(exc.o);
  TracebackObj* tb = vm.heap.make<TracebackObj>(vm.t.traceback, f->code, f->code->line_at(pc > 0 ? pc - 1 : 0));
  tb->lasti = pc > 0 ? pc - 1 : 0;
  tb->next = e->traceback;
  e->traceback = tb;
}

bool collect_garbage(VM& vm) {
  size_t live = vm.heap.collect();
  if (live > vm.heap.limit) {
    vm.raise(vm.t.MemoryError, "");
    return false;
  }
  return true;
}

// ---- with -----------------------------------------------------------------------------------

bool lookup_with_methods(VM& vm, Value cm, bool is_async, Value* enter, bool* enter_takes_cm, Value* exit_fn,
                         Value* exit_self) {
  ClassObj* cls = vm.type_of(cm);
  Value e = cls->lookup(is_async ? vm.n.__aenter__ : vm.n.__enter__);
  if (e.is_undef()) {
    vm.raisef(vm.t.TypeError, is_async ? "'%s' object does not support the asynchronous context manager protocol"
                                       : "'%s' object does not support the context manager protocol",
              cls->name->str().c_str());
    return false;
  }
  Value x = cls->lookup(is_async ? vm.n.__aexit__ : vm.n.__exit__);
  if (x.is_undef()) {
    vm.raisef(vm.t.TypeError,
              is_async ? "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                       : "'%s' object does not support the context manager protocol (missed __exit__ method)",
              cls->name->str().c_str());
    return false;
  }
  auto plain = [](Value f) {
    return f.is_obj() && (f.o->kind == Kind::Function ||
                          (f.o->kind == Kind::Native && static_cast<NativeFunctionObj*>(f.o)->is_method));
  };
  auto bind = [&](Value f) -> Value {
    ClassObj* fc = vm.type_of(f);
    if (fc->slots.descr_get) return fc->slots.descr_get(vm, f, cm, Value::object(cls));
    return f;
  };
  if (plain(e)) {
    *enter = e;
    *enter_takes_cm = true;
  } else {
    *enter = bind(e);
    if (enter->is_error()) return false;
    *enter_takes_cm = false;
  }
  if (plain(x)) {
    *exit_fn = x;
    *exit_self = cm;
  } else {
    Value b = bind(x);
    if (b.is_error()) return false;
    *exit_fn = Value();
    *exit_self = b;
  }
  return true;
}

// ---- imports --------------------------------------------------------------------------------

Value import_name(VM& vm, StrObj* name, Value fromlist, Value level) {
  if (level.is_int() && level.i > 0)
    return vm.raise(vm.t.ImportError, "attempted relative import with no known parent package");
  std::string_view full = name->view();
  Value top, cur;
  size_t pos = 0;
  for (;;) {
    size_t dot = full.find('.', pos);
    std::string_view prefix = full.substr(0, dot);
    Value m = vm.import_module(vm.intern(prefix));
    if (m.is_error()) return m;
    // A submodule is an attribute of its package (import a.b; a.b.f()).
    if (!cur.is_undef() && cur.is_obj() && cur.o->kind == Kind::Module) {
      StrObj* leaf = vm.intern(prefix.substr(prefix.rfind('.') + 1));
      static_cast<ModuleObj*>(cur.o)->dict->set_str(leaf, m);
    }
    if (top.is_undef()) top = m;
    cur = m;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  bool has_fromlist = !(fromlist.is_none() || fromlist.is_undef() ||
                        (fromlist.is_obj() && fromlist.o->kind == Kind::Tuple && static_cast<TupleObj*>(fromlist.o)->size == 0));
  return has_fromlist ? cur : top;
}

Value import_from(VM& vm, Value module, StrObj* name) {
  Value v = op_getattr_opt(vm, module, name);
  if (v.is_error()) return v;
  if (!v.is_undef()) return v;
  std::string modname = module.is_obj() && module.o->kind == Kind::Module ? static_cast<ModuleObj*>(module.o)->name->str() : "?";
  Value sub = vm.import_module(vm.intern(modname + "." + name->str()));
  if (!sub.is_error()) return sub;
  vm.clear_exception();
  return vm.raisef(vm.t.ImportError, "cannot import name '%s' from '%s' (unknown location)", name->data(), modname.c_str());
}

bool import_star(VM& vm, Value module, DictObj* into) {
  if (!module.is_obj() || module.o->kind != Kind::Module) {
    vm.raise(vm.t.TypeError, "import * requires a module");
    return false;
  }
  DictObj* d = static_cast<ModuleObj*>(module.o)->dict;
  Value all = d->get_str(vm.n.__all__);
  if (!all.is_undef()) {
    return op_for_each(vm, all, [&](Value n) {
      if (!n.is_obj() || n.o->kind != Kind::Str) return 1;
      StrObj* s = vm.intern(static_cast<StrObj*>(n.o)->view());
      Value v = d->get_str(s);
      if (v.is_undef()) {
        attribute_error(vm, module, s);
        return -1;
      }
      into->set_str(s, v);
      return 1;
    });
  }
  d->for_each([&](Value k, Value v) {
    StrObj* s = static_cast<StrObj*>(k.o);
    if (s->size > 0 && s->data()[0] != '_') into->set_str(s, v);
  });
  return true;
}

}  // namespace looplab
