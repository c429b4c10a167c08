// The dispatch loop's rarely run code (see interpreter_slow_paths.h). Each instruction here runs
// in full, from the state before it, so the loop can hand one over whenever its fast path does
// not apply.
#include "lang/interpreter_slow_paths.h"

#include <vector>

#include "lang/call.h"
#include "lang/exec_support.h"
#include "lang/generator.h"
#include "lang/inline_cache.h"
#include "runtime/iterators.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str.h"

namespace looplab {

using Status = Interpreter::SlowPaths::Status;

// An instruction being run: its frame, operand and the operand stack as a local pointer, which
// the handler's wrapper writes back to the frame.
struct Interpreter::SlowPaths::Ins {
  VM& vm;
  Frame* f;
  uint32_t word;
  uint32_t arg;
  Value* sp;

  Op op() const { return Op(word & 0xff); }
  CodeObj* co() const { return f->code; }
  StrObj* name() const { return f->code->names[arg]; }
  InlineCache& cache() const { return f->code->caches[f->pc - 1]; }
  Value pop() { return *--sp; }
  void push(Value v) { *sp++ = v; }
  Value& top() { return sp[-1]; }
  // A call's result: pushed, or its frame entered (checking the recursion limit), or an error.
  Status call(CallOutcome outcome, Frame* nf, Value result) {
    if (outcome == CallOutcome::Error) return vm.host_call_.is_undef() ? Status::Error : Status::HostCall;
    if (outcome == CallOutcome::Result) {
      push(result);
      return Status::Next;
    }
    nf->back = f;
    if (++vm.depth_ > vm.recursion_limit) {
      vm.depth_--;
      free_frame(nf);
      vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
      return Status::Error;
    }
    vm.frame_ = nf;
    return Status::NewCallFrame;
  }
  // A with-statement's __enter__/__exit__ call: its frame, if any, runs without a depth check.
  Status call_unchecked(CallOutcome outcome, Frame* nf, Value result) {
    if (outcome == CallOutcome::Error) return Status::Error;
    if (outcome == CallOutcome::Result) {
      push(result);
      return Status::Next;
    }
    nf->back = f;
    vm.depth_++;
    vm.frame_ = nf;
    return Status::NewFrame;
  }
  // A value result as the new top of the stack, or an error.
  Status set_top(Value r) {
    if (r.is_error()) return Status::Error;
    top() = r;
    return Status::Next;
  }
  // Raises exc again as it is (Status::Reraise).
  Status reraise(Value exc) {
    vm.pending_ = exc;
    return Status::Reraise;
  }
  // Names: the namespace of *_NAME instructions in a class body that is no plain dict (a
  // metaclass's __prepare__), else nullptr.
  DictObj* custom_namespace() const {
    return f->locals_dict && f->locals_dict->cls != vm.t.dict ? f->locals_dict : nullptr;
  }
};

namespace {

using Ins = Interpreter::SlowPaths::Ins;

bool is_str(const VM& vm, Value v) { return v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str; }

// A coroutine that was never started, dropped by an expression statement or a `del`: CPython
// frees it right there (refcount 0) and warns "coroutine ... was never awaited" at this line.
// Without refcounts this assumes nothing else refers to it, which is the common case.
void warn_if_dropped_coroutine(VM& vm, Value v) {
  if (!v.is_obj() || !vm.on_unawaited_coroutine) return;
  if (v.o->kind != Kind::Generator) {
    std::string qualname;
    if (v.o->cls->has(kClassAwaitsItself) && vm.take_unawaited_native && vm.take_unawaited_native(vm, v, &qualname))
      vm.on_unawaited_coroutine(qualname);
    return;
  }
  if (v.o->cls != vm.t.coroutine) return;
  GenObj* g = static_cast<GenObj*>(v.o);
  if (g->state == GenState::Created && !g->awaited) {
    g->awaited = true;
    vm.on_unawaited_coroutine(g->qualname->view());
  }
}

// The loop's check before it calls out (cheap on POP_TOP): only coroutines need a look.
void warn_if_dropped(VM& vm, Value v) {
  if (v.is_obj() && (v.o->kind == Kind::Generator || v.o->cls->has(kClassAwaitsItself)))
    warn_if_dropped_coroutine(vm, v);
}

// ---- locals, cells, names --------------------------------------------------------------------

void raise_unbound_local(Ins& i) {
  i.vm.raisef(i.vm.t.UnboundLocalError,
              "cannot access local variable '%s' where it is not associated with a value",
              i.co()->varnames[i.arg]->data());
}

Status load_fast(Ins& i) {
  Value v = i.f->slots()[i.arg];
  if (v.is_undef()) {
    raise_unbound_local(i);
    return Status::Error;
  }
  if (v.tag == Tag::Obj && v.o->kind == Kind::Str) {
    // Count loads of strings that `s += x` may extend in place (see str_append_to_local).
    StrObj* s = static_cast<StrObj*>(v.o);
    if (s->appendable && s->loads != UINT32_MAX) s->loads++;
  }
  i.push(v);
  return Status::Next;
}

Status delete_fast(Ins& i) {
  Value* slot = &i.f->slots()[i.arg];
  if (slot->is_undef()) {
    raise_unbound_local(i);
    return Status::Error;
  }
  warn_if_dropped(i.vm, *slot);
  *slot = Value();
  return Status::Next;
}

Status load_deref(Ins& i) {
  if (i.op() == Op::LOAD_CLASSDEREF && i.f->locals_dict) {
    Value v = i.f->locals_dict->get_str(deref_name(i.co(), i.arg));
    if (!v.is_undef()) {
      i.push(v);
      return Status::Next;
    }
  }
  Value v = static_cast<CellObj*>(i.f->cells()[i.arg].o)->value;
  if (v.is_undef()) {
    raise_unbound_deref(i.vm, i.co(), i.arg);
    return Status::Error;
  }
  i.push(v);
  return Status::Next;
}

Status delete_deref(Ins& i) {
  CellObj* c = static_cast<CellObj*>(i.f->cells()[i.arg].o);
  if (c->value.is_undef()) {
    raise_unbound_deref(i.vm, i.co(), i.arg);
    return Status::Error;
  }
  c->value = Value();
  return Status::Next;
}

Status load_global(Ins& i) {
  InlineCache& c = i.cache();
  Value v = load_global_cached(c, i.f->globals, i.vm.builtins, i.name());
  if (v.is_undef()) v = load_global_slow(c, i.f->globals, i.vm.builtins, i.name());
  if (v.is_undef()) {
    raise_name_error(i.vm, i.name());
    return Status::Error;
  }
  i.push(v);
  return Status::Next;
}

Status delete_global(Ins& i) {
  warn_if_dropped(i.vm, i.f->globals->get_str(i.name()));
  if (!i.f->globals->del_str(i.name())) {
    raise_name_error(i.vm, i.name());
    return Status::Error;
  }
  return Status::Next;
}

Status load_name(Ins& i) {
  Frame* f = i.f;
  StrObj* name = i.name();
  Value v;
  if (DictObj* ns = i.custom_namespace()) {
    // A metaclass's __prepare__ namespace: its own __getitem__.
    v = op_getitem(i.vm, Value::object(ns), Value::object(name));
    if (v.is_error()) {
      if (!i.vm.pending_is(i.vm.t.KeyError)) return Status::Error;
      i.vm.clear_exception();
      v = Value();
    }
  } else if (f->locals_dict && f->locals_dict != f->globals) {
    v = f->locals_dict->get_str(name);
  } else {
    // Module level: the same lookup as LOAD_GLOBAL.
    InlineCache& c = i.cache();
    v = load_global_cached(c, f->globals, i.vm.builtins, name);
    if (v.is_undef()) v = load_global_slow(c, f->globals, i.vm.builtins, name);
  }
  if (v.is_undef()) v = f->globals->get_str(name);
  if (v.is_undef()) v = i.vm.builtins->get_str(name);
  if (v.is_undef()) {
    raise_name_error(i.vm, name);
    return Status::Error;
  }
  i.push(v);
  return Status::Next;
}

Status store_name(Ins& i) {
  Frame* f = i.f;
  Value v = i.pop();
  if (DictObj* ns = i.custom_namespace())
    return op_setitem(i.vm, Value::object(ns), Value::object(i.name()), v) ? Status::Next : Status::Error;
  if (f->locals_dict && f->locals_dict != f->globals) f->locals_dict->set_str(i.name(), v);
  else store_global_cached(i.cache(), f->globals, i.name(), v);
  return Status::Next;
}

Status delete_name(Ins& i) {
  DictObj* ns = i.f->locals_dict ? i.f->locals_dict : i.f->globals;
  warn_if_dropped(i.vm, ns->get_str(i.name()));
  if (!ns->del_str(i.name())) {
    raise_name_error(i.vm, i.name());
    return Status::Error;
  }
  return Status::Next;
}

// ---- attributes --------------------------------------------------------------------------------

Status load_attr(Ins& i) {
  InlineCache& c = i.cache();
  Value v;
  if (load_attr_cached(c, i.top(), i.name(), &v)) return i.set_top(v);
  v = op_getattr(i.vm, i.top(), i.name());
  if (v.is_error()) return Status::Error;
  fill_attr_cache(i.vm, c, i.top(), i.name(), false);
  return i.set_top(v);
}

Status store_attr(Ins& i) {
  InlineCache& c = i.cache();
  Value obj = i.pop();
  Value v = i.pop();
  if (store_attr_cached(c, obj, i.name(), v)) return Status::Next;
  if (!op_setattr(i.vm, obj, i.name(), v)) return Status::Error;
  fill_attr_cache(i.vm, c, obj, i.name(), true);
  return Status::Next;
}

Status delete_attr(Ins& i) {
  Value obj = i.pop();
  return op_delattr(i.vm, obj, i.name()) ? Status::Next : Status::Error;
}

Status load_method(Ins& i) {
  InlineCache& c = i.cache();
  Value obj = i.top();
  if (Obj* cached = method_cached(i.vm, c, obj, i.name())) {
    i.top() = Value::object(cached);
    i.push(obj);
    return Status::Next;
  }
  Value attr;
  if (load_attr_cached(c, obj, i.name(), &attr)) {  // a module's function, say
    i.top() = Value();
    i.push(attr);
    return Status::Next;
  }
  bool is_method;
  Value m = op_getmethod(i.vm, obj, i.name(), &is_method);
  if (m.is_error()) return Status::Error;
  if (is_method) fill_method_cache(i.vm, c, obj, m);
  else fill_attr_cache(i.vm, c, obj, i.name(), false);
  if (is_method) {
    i.top() = m;
    i.push(obj);
  } else {
    i.top() = Value();
    i.push(m);
  }
  return Status::Next;
}

// ---- calls -------------------------------------------------------------------------------------

Status call_function_ex(Ins& i) {
  Value kwargs = (i.arg & 1) ? i.pop() : Value();
  Value posargs = i.pop();
  Value callable = i.pop();
  Value self_or_null = i.pop();
  std::vector<Value> argv;
  TupleObj* kw = nullptr;
  if (!self_or_null.is_undef()) {
    // [method, self] layout: self is the first argument.
    argv.push_back(callable);
    callable = self_or_null;
  }
  uint32_t nargs;
  if (!flatten_call_args(i.vm, callable, posargs, kwargs, argv, &kw, &nargs)) return Status::Error;
  Frame* nf = nullptr;
  Value result;
  CallOutcome outcome = call_value(i.vm, callable, argv.data(), nargs, kw, &nf, &result);
  return i.call(outcome, nf, result);
}

// ---- operators ---------------------------------------------------------------------------------

Status binary_op(Ins& i) {
  Value b = i.pop();
  Value a = i.top();
  BinOp op = BinOp(i.arg);
  if (a.is_int() && b.is_int()) {
    int64_t r;
    bool overflow = true;
    switch (op) {
      case BinOp::Add: case BinOp::InplaceAdd: overflow = __builtin_add_overflow(a.i, b.i, &r); break;
      case BinOp::Subtract: case BinOp::InplaceSubtract: overflow = __builtin_sub_overflow(a.i, b.i, &r); break;
      case BinOp::Multiply: case BinOp::InplaceMultiply: overflow = __builtin_mul_overflow(a.i, b.i, &r); break;
      default: break;
    }
    if (!overflow) return i.set_top(Value::integer(r));
  } else if (a.is_float() && b.is_float()) {
    switch (op) {
      case BinOp::Add: case BinOp::InplaceAdd: return i.set_top(Value::real(a.f + b.f));
      case BinOp::Subtract: case BinOp::InplaceSubtract: return i.set_top(Value::real(a.f - b.f));
      case BinOp::Multiply: case BinOp::InplaceMultiply: return i.set_top(Value::real(a.f * b.f));
      default: break;
    }
  }
  const uint32_t* code = i.co()->code.data();
  uint32_t pc = i.f->pc;
  if ((op == BinOp::InplaceAdd || op == BinOp::Add) && is_str(i.vm, a) && is_str(i.vm, b) &&
      Op(code[pc] & 0xff) == Op::STORE_FAST && i.f->slots()[code[pc] >> 8].same(a)) {
    // s = s + x / s += x on a local: CPython 3.11 extends the string in place when nothing
    // else refers to it, which makes such loops linear.
    return i.set_top(str_append_to_local(i.vm, static_cast<StrObj*>(a.o), static_cast<StrObj*>(b.o)));
  }
  return i.set_top(op_binary(i.vm, a, b, op));
}

Status unary_op(Ins& i) {
  Value v = i.top();
  switch (i.op()) {
    case Op::UNARY_NEGATIVE:
      if (v.is_int() && v.i != INT64_MIN) return i.set_top(Value::integer(-v.i));
      if (v.is_float()) return i.set_top(Value::real(-v.f));
      return i.set_top(op_unary(i.vm, v, UnaryOp::Negative));
    case Op::UNARY_POSITIVE: return i.set_top(op_unary(i.vm, v, UnaryOp::Positive));
    default: return i.set_top(op_unary(i.vm, v, UnaryOp::Invert));
  }
}

Status delete_subscr(Ins& i) {
  Value key = i.pop();
  Value obj = i.pop();
  return op_delitem(i.vm, obj, key) ? Status::Next : Status::Error;
}

// ---- building ----------------------------------------------------------------------------------

Status build_slice(Ins& i) {
  Value step = i.arg == 3 ? i.pop() : Value::none();
  Value stop = i.pop();
  Value start = i.top();
  i.top() = Value::object(i.vm.heap.make<SliceObj>(i.vm.t.slice, start, stop, step));
  return Status::Next;
}

Status build_tuple(Ins& i) {
  TupleObj* t = i.vm.new_tuple(i.arg);
  i.sp -= i.arg;
  for (uint32_t k = 0; k < i.arg; k++) (*t)[k] = i.sp[k];
  i.push(Value::object(t));
  return Status::Next;
}

Status build_list(Ins& i) {
  ListObj* l = i.vm.new_list();
  i.sp -= i.arg;
  l->items.assign(i.sp, i.sp + i.arg);
  i.push(Value::object(l));
  return Status::Next;
}

Status build_set(Ins& i) {
  SetObj* s = i.vm.new_set();
  Value* items = i.sp - i.arg;
  for (uint32_t k = 0; k < i.arg; k++)
    if (!s->add(i.vm, items[k])) return Status::Error;
  i.sp = items;
  i.push(Value::object(s));
  return Status::Next;
}

Status build_map(Ins& i) {
  DictObj* d = i.vm.new_dict();
  Value* items = i.sp - 2 * i.arg;
  for (uint32_t k = 0; k < i.arg; k++)
    if (!d->set(i.vm, items[2 * k], items[2 * k + 1])) return Status::Error;
  i.sp = items;
  i.push(Value::object(d));
  return Status::Next;
}

Status build_const_key_map(Ins& i) {
  TupleObj* keys = static_cast<TupleObj*>(i.pop().o);
  DictObj* d = i.vm.new_dict();
  Value* items = i.sp - i.arg;
  for (uint32_t k = 0; k < i.arg; k++)
    if (!d->set(i.vm, (*keys)[k], items[k])) return Status::Error;
  i.sp = items;
  i.push(Value::object(d));
  return Status::Next;
}

Status build_string(Ins& i) {
  Value* items = i.sp - i.arg;
  Value s = str_concat(i.vm, items, i.arg);
  i.sp = items;
  if (s.is_error()) return Status::Error;
  i.push(s);
  return Status::Next;
}

Status format_value(Ins& i) {
  Value spec = (i.arg & 4) ? i.pop() : Value();
  Value v = i.top();
  switch (i.arg & 3) {
    case 1: v = op_str(i.vm, v); break;
    case 2: v = op_repr(i.vm, v); break;
    case 3: v = op_ascii(i.vm, v); break;
    default: break;
  }
  if (v.is_error()) return Status::Error;
  if (spec.is_undef() && is_str(i.vm, v)) return i.set_top(v);
  return i.set_top(op_format(i.vm, v, spec.is_undef() ? Value::object(i.vm.n.empty) : spec));
}

Status set_add(Ins& i) {
  Value v = i.pop();
  return static_cast<SetObj*>(i.sp[-int(i.arg)].o)->add(i.vm, v) ? Status::Next : Status::Error;
}

Status map_add(Ins& i) {
  Value v = i.pop();
  Value k = i.pop();
  return static_cast<DictObj*>(i.sp[-int(i.arg)].o)->set(i.vm, k, v) ? Status::Next : Status::Error;
}

Status list_extend_op(Ins& i) {
  Value it = i.pop();
  return list_extend(i.vm, static_cast<ListObj*>(i.sp[-int(i.arg)].o), it) ? Status::Next : Status::Error;
}

Status set_update_op(Ins& i) {
  Value it = i.pop();
  return set_update(i.vm, *static_cast<SetObj*>(i.sp[-int(i.arg)].o), it) ? Status::Next : Status::Error;
}

Status dict_update(Ins& i) {
  Value m = i.pop();
  bool merge = i.op() == Op::DICT_MERGE;
  Value* sp = i.sp;
  int arg = int(i.arg);
  bool ok = dict_update_from(i.vm, static_cast<DictObj*>(sp[-arg].o), m, merge, merge ? sp[-arg - 2] : Value());
  return ok ? Status::Next : Status::Error;
}

Status list_to_tuple(Ins& i) {
  ListObj* l = static_cast<ListObj*>(i.top().o);
  TupleObj* t = i.vm.new_tuple(l->items.size());
  for (size_t k = 0; k < l->items.size(); k++) (*t)[k] = l->items[k];
  i.top() = Value::object(t);
  return Status::Next;
}

Status unpack_ex(Ins& i) {
  Value seq = i.pop();
  uint32_t before = i.arg & 0xff, after = i.arg >> 8;
  if (!unpack_sequence(i.vm, seq, before, after, true, i.sp)) return Status::Error;
  i.sp += before + after + 1;
  return Status::Next;
}

Status make_function(Ins& i) {
  VM& vm = i.vm;
  CodeObj* fc = static_cast<CodeObj*>(i.pop().o);
  FunctionObj* fn = vm.heap.make<FunctionObj>(vm.t.function, fc, i.f->globals, fc->name, fc->qualname);
  if (i.arg & 8) fn->closure = static_cast<TupleObj*>(i.pop().o);
  if (i.arg & 2) fn->kwdefaults = static_cast<DictObj*>(i.pop().o);
  if (i.arg & 1) fn->defaults = static_cast<TupleObj*>(i.pop().o);
  fn->module = i.f->globals->get_str(vm.n.__name__);
  fn->doc = fc->docstring.is_undef() ? Value::none() : fc->docstring;
  i.push(Value::object(fn));
  return Status::Next;
}

Status load_build_class(Ins& i) {
  i.push(i.vm.builtins->get_str(i.vm.intern("__build_class__")));
  return Status::Next;
}

Status setup_annotations(Ins& i) {
  DictObj* ns = i.f->locals_dict ? i.f->locals_dict : i.f->globals;
  if (ns->get_str(i.vm.n.__annotations__).is_undef())
    ns->set_str(i.vm.n.__annotations__, Value::object(i.vm.new_dict()));
  return Status::Next;
}

// ---- iteration, generators, async --------------------------------------------------------------

Status get_aiter_op(Ins& i) { return i.set_top(get_aiter(i.vm, i.top())); }

Status get_anext_op(Ins& i) {
  Value r = get_anext(i.vm, i.top());
  if (r.is_error()) return Status::Error;
  i.push(r);
  return Status::Next;
}

Status end_async_for(Ins& i) {
  Value exc = i.pop();
  if (i.vm.isinstance(exc, i.vm.t.StopAsyncIteration)) {
    i.sp--;  // the async iterator
    return Status::Next;
  }
  return i.reraise(exc);
}

Status get_yield_from_iter(Ins& i) {
  Value v = i.top();
  if (v.is_obj() && v.o->kind == Kind::Generator) {
    if (v.o->cls == i.vm.t.coroutine && !(i.co()->flags & kCoCoroutine)) {
      i.vm.raise(i.vm.t.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
      return Status::Error;
    }
    return Status::Next;
  }
  return i.set_top(op_iter(i.vm, v));
}

Status async_gen_wrap(Ins& i) {
  i.top() = wrap_async_gen_value(i.vm, i.top());
  return Status::Next;
}

// ---- exceptions --------------------------------------------------------------------------------

Status check_eg_match(Ins& i) {
  Value type = i.pop();
  Value match, rest;
  if (!exception_group_match(i.vm, i.top(), type, &match, &rest)) return Status::Error;
  if (match.is_none()) {
    i.push(match);
  } else {
    i.top() = rest;
    i.push(match);
    i.f->handled_exc = match;
  }
  return Status::Next;
}

Status prep_reraise_star_op(Ins& i) {
  Value excs = i.pop();
  return i.set_top(prep_reraise_star(i.vm, i.top(), excs));
}

Status raise_varargs(Ins& i) {
  VM& vm = i.vm;
  if (i.arg == 0) {
    Value exc = vm.handled_exception();
    if (exc.is_none()) {
      vm.raise(vm.t.RuntimeError, "No active exception to reraise");
      return Status::Error;
    }
    return i.reraise(exc);
  }
  Value cause = i.arg == 2 ? i.pop() : Value();
  Value exc = i.pop();
  raise_with_cause(vm, exc, cause, i.arg == 2);
  return Status::Error;
}

Status load_assertion_error(Ins& i) {
  i.push(Value::object(i.vm.t.AssertionError));
  return Status::Next;
}

// ---- with --------------------------------------------------------------------------------------

Status before_with(Ins& i) {
  VM& vm = i.vm;
  Value cm = i.pop();
  Value enter, exit_fn, exit_self;
  bool takes_cm;
  if (!lookup_with_methods(vm, cm, i.op() == Op::BEFORE_ASYNC_WITH, &enter, &takes_cm, &exit_fn, &exit_self))
    return Status::Error;
  i.push(exit_fn);
  i.push(exit_self);
  Value argv[1] = {cm};
  Frame* nf = nullptr;
  Value result;
  i.f->sp = uint32_t(i.sp - i.f->stack());
  CallOutcome outcome = call_value(vm, enter, argv, takes_cm ? 1 : 0, nullptr, &nf, &result);
  return i.call_unchecked(outcome, nf, result);
}

Status with_except_start(Ins& i) {
  VM& vm = i.vm;
  Value* sp = i.sp;
  Value exc = sp[-1];
  Value m = sp[-4];
  Value s = sp[-3];
  Value argv[4];
  uint32_t n = 0;
  Value callable;
  if (m.is_undef()) {
    callable = s;
  } else {
    callable = m;
    argv[n++] = s;
  }
  argv[n++] = Value::object(vm.type_of(exc));
  argv[n++] = exc;
  TracebackObj* tb = exc.is_obj() && exc.o->kind == Kind::Exception ? static_cast<ExceptionObj*>(exc.o)->traceback : nullptr;
  argv[n++] = tb ? Value::object(tb) : Value::none();
  Frame* nf = nullptr;
  Value result;
  CallOutcome outcome = call_value(vm, callable, argv, n, nullptr, &nf, &result);
  return i.call_unchecked(outcome, nf, result);
}

// ---- imports -----------------------------------------------------------------------------------

Status import_name_op(Ins& i) {
  Value fromlist = i.pop();
  Value level = i.pop();
  Value m = import_name(i.vm, i.name(), fromlist, level);
  if (m.is_error()) return Status::Error;
  i.push(m);
  return Status::Next;
}

Status import_from_op(Ins& i) {
  Value v = import_from(i.vm, i.top(), i.name());
  if (v.is_error()) return Status::Error;
  i.push(v);
  return Status::Next;
}

Status import_star_op(Ins& i) {
  Value m = i.pop();
  return import_star(i.vm, m, i.f->locals_dict ? i.f->locals_dict : i.f->globals) ? Status::Next : Status::Error;
}

Status unknown_op(Ins& i) {
  i.vm.raisef(i.vm.t.SystemError, "unknown opcode %u", i.word & 0xff);
  return Status::Error;
}

}  // namespace

// Runs one handler on frame f's stack.
template <Status (*Handler)(Interpreter::SlowPaths::Ins&)>
static Status run(VM& vm, Frame* f, Value* base, uint32_t word) {
  Interpreter::SlowPaths::Ins ins{vm, f, word, word >> 8, base + f->sp};
  Status s = Handler(ins);
  f->sp = uint32_t(ins.sp - base);
  return s;
}

// ---- unwinding, tracing ------------------------------------------------------------------------

Frame* Interpreter::SlowPaths::unwind_impl(VM& vm, Frame* f, uint32_t pc, Raise how) {
  if (how == Raise::New) chain_exception_context(vm);
  if (how != Raise::Reraise) add_traceback(vm, f, pc);
  for (;;) {
    // A handler in this frame takes it; else leave the frame and re-raise in its caller.
    if (f->nblocks > 0) {
      Block b = f->blocks()[--f->nblocks];
      f->stack()[b.level] = vm.pending_;
      vm.pending_ = Value();
      f->sp = b.level + 1;
      f->pc = b.handler;
      return f;
    }
    GenObj* g = f->gen;
    ReturnMode mode = f->mode;
    Frame* back = f->back;
    if (g) {
      convert_stop_iteration(vm, g);
      close_generator_frame(g);
    } else {
      free_frame(f);
    }
    vm.depth_--;
    if (mode == ReturnMode::Entry) {
      vm.frame_ = back;
      return nullptr;
    }
    f = back;
    vm.frame_ = f;
    add_traceback(vm, f, f->pc);
  }
}

ExecResult Interpreter::SlowPaths::park_impl(VM& vm, Frame* f, ExecStatus why) {
  Value payload;
  if (why == ExecStatus::HostCall) {
    payload = vm.host_call_;
    vm.host_call_ = Value();
  }
  Frame* entry = f;
  while (entry->mode != ReturnMode::Entry) entry = entry->back;
  vm.frame_ = entry->back;
  entry->back = nullptr;
  return {why, payload, f};
}

void Interpreter::SlowPaths::trace_line_impl(VM& vm, Frame* f, uint32_t pc, uint32_t sp) {
  int line = f->code->positions[pc].line;
  if (line != f->last_line && line > 0) {
    f->last_line = line;
    f->pc = pc;
    f->sp = sp;
    vm.line_hook(f, line);
  }
}

namespace {

void raise_init_result(VM& vm, Value v) {
  vm.raisef(vm.t.TypeError, "__init__() should return None, not '%s'", type_name(vm, v).c_str());
}

InlineCache* make_caches(CodeObj* co) { return co->inline_caches(); }

constexpr Interpreter::SlowPaths make_slow_paths() {
  Interpreter::SlowPaths s{};
  for (auto& fn : s.op) fn = run<unknown_op>;
  auto set = [&s](Op op, Interpreter::SlowPaths::OpFn fn) { s.op[size_t(op)] = fn; };
  set(Op::LOAD_FAST, run<load_fast>);
  set(Op::DELETE_FAST, run<delete_fast>);
  set(Op::LOAD_DEREF, run<load_deref>);
  set(Op::LOAD_CLASSDEREF, run<load_deref>);
  set(Op::DELETE_DEREF, run<delete_deref>);
  set(Op::LOAD_GLOBAL, run<load_global>);
  set(Op::DELETE_GLOBAL, run<delete_global>);
  set(Op::LOAD_NAME, run<load_name>);
  set(Op::STORE_NAME, run<store_name>);
  set(Op::DELETE_NAME, run<delete_name>);
  set(Op::LOAD_ATTR, run<load_attr>);
  set(Op::STORE_ATTR, run<store_attr>);
  set(Op::DELETE_ATTR, run<delete_attr>);
  set(Op::LOAD_METHOD, run<load_method>);
  set(Op::CALL_FUNCTION_EX, run<call_function_ex>);
  set(Op::BINARY_OP, run<binary_op>);
  set(Op::UNARY_NEGATIVE, run<unary_op>);
  set(Op::UNARY_POSITIVE, run<unary_op>);
  set(Op::UNARY_INVERT, run<unary_op>);
  set(Op::DELETE_SUBSCR, run<delete_subscr>);
  set(Op::BUILD_SLICE, run<build_slice>);
  set(Op::BUILD_TUPLE, run<build_tuple>);
  set(Op::BUILD_LIST, run<build_list>);
  set(Op::BUILD_SET, run<build_set>);
  set(Op::BUILD_MAP, run<build_map>);
  set(Op::BUILD_CONST_KEY_MAP, run<build_const_key_map>);
  set(Op::BUILD_STRING, run<build_string>);
  set(Op::FORMAT_VALUE, run<format_value>);
  set(Op::SET_ADD, run<set_add>);
  set(Op::MAP_ADD, run<map_add>);
  set(Op::LIST_EXTEND, run<list_extend_op>);
  set(Op::SET_UPDATE, run<set_update_op>);
  set(Op::DICT_UPDATE, run<dict_update>);
  set(Op::DICT_MERGE, run<dict_update>);
  set(Op::LIST_TO_TUPLE, run<list_to_tuple>);
  set(Op::UNPACK_EX, run<unpack_ex>);
  set(Op::MAKE_FUNCTION, run<make_function>);
  set(Op::LOAD_BUILD_CLASS, run<load_build_class>);
  set(Op::SETUP_ANNOTATIONS, run<setup_annotations>);
  set(Op::GET_AITER, run<get_aiter_op>);
  set(Op::GET_ANEXT, run<get_anext_op>);
  set(Op::END_ASYNC_FOR, run<end_async_for>);
  set(Op::GET_YIELD_FROM_ITER, run<get_yield_from_iter>);
  set(Op::ASYNC_GEN_WRAP, run<async_gen_wrap>);
  set(Op::CHECK_EG_MATCH, run<check_eg_match>);
  set(Op::PREP_RERAISE_STAR, run<prep_reraise_star_op>);
  set(Op::RAISE_VARARGS, run<raise_varargs>);
  set(Op::LOAD_ASSERTION_ERROR, run<load_assertion_error>);
  set(Op::BEFORE_WITH, run<before_with>);
  set(Op::BEFORE_ASYNC_WITH, run<before_with>);
  set(Op::WITH_EXCEPT_START, run<with_except_start>);
  set(Op::IMPORT_NAME, run<import_name_op>);
  set(Op::IMPORT_FROM, run<import_from_op>);
  set(Op::IMPORT_STAR, run<import_star_op>);
  s.unwind = Interpreter::SlowPaths::unwind_impl;
  s.park = Interpreter::SlowPaths::park_impl;
  s.trace_line = Interpreter::SlowPaths::trace_line_impl;
  s.warn_dropped = warn_if_dropped_coroutine;
  s.raise_init_result = raise_init_result;
  s.make_caches = make_caches;
  return s;
}

}  // namespace

// (constinit: filled at compile time, so usable from any static initializer.)
constinit const Interpreter::SlowPaths kSlowPaths = make_slow_paths();

}  // namespace looplab
