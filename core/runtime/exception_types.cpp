// BaseException and its family: construction, args, str/repr, chaining attributes, and the
// special cases (KeyError's str, StopIteration.value, SyntaxError, exception groups).
#include "lang/vm.h"
#include "runtime/builtin_types.h"
#include "runtime/exceptions_support.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

void ExceptionObj::trace(Tracer& t) {
  t.mark(args);
  t.mark(dict);
  t.mark(traceback);
  t.mark(cause);
  t.mark(context);
}

void TracebackObj::trace(Tracer& t) {
  t.mark(next);
  t.mark(code);
}

namespace {

ExceptionObj* as_exc(Value v) { return static_cast<ExceptionObj*>(v.o); }

TupleObj* args_tuple(VM& vm, const CallArgs& a) {
  TupleObj* t = vm.new_tuple(a.nargs);
  for (uint32_t i = 0; i < a.nargs; i++) (*t)[i] = a.args[i];
  return t;
}

Value exc_new(VM& vm, ClassObj* cls, CallArgs& a) {
  ExceptionObj* e = vm.new_exception(cls, args_tuple(vm, a));
  return Value::object(e);
}

// Attributes some exception types derive from their arguments.
void set_derived_attrs(VM& vm, ExceptionObj* e) {
  ClassObj* cls = e->cls;
  auto set = [&](const char* name, Value v) {
    if (!e->dict) e->dict = vm.new_dict();
    e->dict->set_str(vm.intern(name), v);
  };
  if (cls->is_subclass_of(vm.t.StopIteration)) set("value", e->args->size > 0 ? (*e->args)[0] : Value::none());
  if (cls->is_subclass_of(vm.t.SystemExit))
    set("code", e->args->size == 0 ? Value::none() : e->args->size == 1 ? (*e->args)[0] : Value::object(e->args));
}

Value exc_init(VM& vm, Value self, CallArgs& a) {
  ExceptionObj* e = as_exc(self);
  ClassObj* cls = e->cls;
  if (a.nkw() > 0 && !cls->is_subclass_of(vm.t.ImportError))
    return vm.raisef(vm.t.TypeError, "%s() takes no keyword arguments", cls->name->str().c_str());
  e->args = args_tuple(vm, a);
  set_derived_attrs(vm, e);
  if (cls->is_subclass_of(vm.t.ImportError)) {
    Value v[2];
    CallArgs kw{a.args + a.nargs, 0, a.kwnames};
    if (!bind_args(vm, kw, cls->name->str(), {"*", "name=", "path="}, v)) return Value::error();
    if (!e->dict) e->dict = vm.new_dict();
    e->dict->set_str(vm.n.name, v[0].is_undef() ? Value::none() : v[0]);
    e->dict->set_str(vm.intern("path"), v[1].is_undef() ? Value::none() : v[1]);
    e->dict->set_str(vm.n.msg, e->args->size > 0 ? (*e->args)[0] : Value::none());
  }
  return Value::none();
}

Value exc_str(VM& vm, Value self) {
  TupleObj* args = as_exc(self)->args;
  if (args->size == 0) return Value::object(vm.n.empty);
  if (args->size == 1) return op_str(vm, (*args)[0]);
  return op_str(vm, Value::object(args));
}

Value exc_repr(VM& vm, Value self) {
  ExceptionObj* e = as_exc(self);
  std::string out = e->cls->name->str();
  std::string inner;
  if (e->args->size == 1) {
    if (!repr_text(vm, (*e->args)[0], inner)) return Value::error();
    out += "(" + inner + ")";
  } else {
    if (!repr_text(vm, Value::object(e->args), inner)) return Value::error();
    out += inner;
  }
  return vm.str(out);
}

Value keyerror_str(VM& vm, Value self) {
  TupleObj* args = as_exc(self)->args;
  if (args->size == 1) return op_repr(vm, (*args)[0]);
  return exc_str(vm, self);
}

Value syntaxerror_str(VM& vm, Value self) {
  ExceptionObj* e = as_exc(self);
  Value msg = e->dict ? e->dict->get_str(vm.n.msg) : Value();
  if (msg.is_undef()) return exc_str(vm, self);
  std::string text;
  if (!str_text(vm, msg, text)) return Value::error();
  Value fn = e->dict->get_str(vm.intern("filename"));
  Value ln = e->dict->get_str(vm.intern("lineno"));
  if (fn.is_obj() && fn.o->kind == Kind::Str && ln.is_int()) {
    std::string f = static_cast<StrObj*>(fn.o)->str();
    size_t slash = f.find_last_of('/');
    if (slash != std::string::npos) f = f.substr(slash + 1);
    text += " (" + f + ", line " + std::to_string(ln.i) + ")";
  }
  return vm.str(text);
}

Value exc_getattr(VM& vm, Value self, StrObj* name) {
  ExceptionObj* e = as_exc(self);
  if (name == vm.n.args) return Value::object(e->args);
  if (name == vm.n.__traceback__) return e->traceback ? Value::object(e->traceback) : Value::none();
  if (name == vm.n.__cause__) return e->cause.is_undef() ? Value::none() : e->cause;
  if (name == vm.n.__context__) return e->context.is_undef() ? Value::none() : e->context;
  if (name == vm.n.__suppress_context__) return Value::boolean(e->suppress_context);
  return generic_getattr(vm, self, name);
}

bool exc_setattr(VM& vm, Value self, StrObj* name, Value v) {
  ExceptionObj* e = as_exc(self);
  if (name == vm.n.args) {
    Value t = vm.call(Value::object(vm.t.tuple), {v});
    if (t.is_error()) return false;
    e->args = static_cast<TupleObj*>(t.o);
    return true;
  }
  if (name == vm.n.__traceback__) {
    e->traceback = v.is_obj() && v.o->kind == Kind::Traceback ? static_cast<TracebackObj*>(v.o) : nullptr;
    return true;
  }
  if (name == vm.n.__cause__) {
    e->cause = v.is_none() ? Value() : v;
    e->suppress_context = true;
    return true;
  }
  if (name == vm.n.__context__) {
    e->context = v.is_none() ? Value() : v;
    return true;
  }
  if (name == vm.n.__suppress_context__) {
    e->suppress_context = op_truth(vm, v) > 0;
    return true;
  }
  return generic_setattr(vm, self, name, v);
}

Value exc_with_traceback(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "with_traceback", 2, 2)) return Value::error();
  if (!exc_setattr(vm, a[0], vm.n.__traceback__, a[1])) return Value::error();
  return a[0];
}

Value exc_add_note(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "add_note", 2, 2)) return Value::error();
  if (!vm.isinstance(a[1], vm.t.str))
    return vm.raisef(vm.t.TypeError, "note must be a str, not '%s'", type_name(vm, a[1]).c_str());
  DictObj* d = instance_dict(vm, a[0], true);
  Value notes = d->get_str(vm.n.__notes__);
  if (notes.is_undef()) {
    notes = Value::object(vm.new_list());
    d->set_str(vm.n.__notes__, notes);
  }
  static_cast<ListObj*>(notes.o)->items.push_back(a[1]);
  return Value::none();
}

// ---- exception groups -----------------------------------------------------------------------

Value eg_field(VM& vm, Value eg, const char* name) {
  DictObj* d = as_exc(eg)->dict;
  return d ? d->get_str(vm.intern(name)) : Value();
}

TupleObj* eg_exceptions(VM& vm, Value eg) {
  Value v = eg_field(vm, eg, "exceptions");
  return v.is_obj() && v.o->kind == Kind::Tuple ? static_cast<TupleObj*>(v.o) : vm.new_tuple(0);
}

Value eg_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!check_nargs(vm, a, cls->name->str(), 2, 2)) return Value::error();
  Value msg = a[0];
  if (!vm.isinstance(msg, vm.t.str)) return vm.raise(vm.t.TypeError, "argument 1 must be str");
  std::vector<Value> excs;
  if (!vm.type_of(a[1])->slots.iter || vm.isinstance(a[1], vm.t.str) || vm.isinstance(a[1], vm.t.set) ||
      vm.isinstance(a[1], vm.t.dict))
    return vm.raise(vm.t.TypeError, "second argument (exceptions) must be a sequence");
  if (!op_for_each(vm, a[1], [&](Value v) {
        excs.push_back(v);
        return 1;
      }))
    return Value::error();
  if (excs.empty()) return vm.raise(vm.t.ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (size_t i = 0; i < excs.size(); i++) {
    if (!vm.isinstance(excs[i], vm.t.BaseException))
      return vm.raisef(vm.t.ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
    if (!vm.isinstance(excs[i], vm.t.Exception)) all_exceptions = false;
  }
  if (cls == vm.t.BaseExceptionGroup) {
    if (all_exceptions) cls = vm.t.ExceptionGroup;
  } else if (cls->is_subclass_of(vm.t.Exception) && !all_exceptions) {
    return vm.raise(vm.t.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  }
  ExceptionObj* e = vm.new_exception(cls, vm.tuple_of({msg, a[1]}));
  e->dict = vm.new_dict();
  e->dict->set_str(vm.intern("message"), msg);
  TupleObj* t = vm.new_tuple(excs.size());
  for (size_t i = 0; i < excs.size(); i++) (*t)[i] = excs[i];
  e->dict->set_str(vm.intern("exceptions"), Value::object(t));
  return Value::object(e);
}

Value eg_init(VM&, Value, CallArgs&) { return Value::none(); }

Value eg_str(VM& vm, Value self) {
  std::string msg;
  if (!str_text(vm, eg_field(vm, self, "message"), msg)) return Value::error();
  size_t n = eg_exceptions(vm, self)->size;
  return vm.str(msg + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
}

// A split condition: a type, a tuple of types, or a predicate.
bool condition_matches(VM& vm, Value cond, Value exc, bool* out) {
  if ((cond.is_obj() && cond.o->kind == Kind::Class) || (cond.is_obj() && cond.o->kind == Kind::Tuple))
    return op_isinstance(vm, exc, cond, out);
  Value r = vm.call(cond, {exc});
  if (r.is_error()) return false;
  int t = op_truth(vm, r);
  if (t < 0) return false;
  *out = t;
  return true;
}

Value eg_derive(VM& vm, Value eg, std::vector<Value> excs) {
  TupleObj* t = vm.new_tuple(excs.size());
  for (size_t i = 0; i < excs.size(); i++) (*t)[i] = excs[i];
  Value derived = vm.call_method(eg, vm.intern("derive"), {Value::object(t)});
  if (derived.is_error()) return derived;
  // The derived group keeps the original's traceback, cause, context and notes.
  ExceptionObj* d = as_exc(derived);
  ExceptionObj* o = as_exc(eg);
  d->traceback = o->traceback;
  d->cause = o->cause;
  d->context = o->context;
  d->suppress_context = o->suppress_context;
  Value notes = eg_field(vm, eg, "__notes__");
  if (!notes.is_undef()) d->dict->set_str(vm.n.__notes__, notes);
  return derived;
}

// mirrors exceptiongroup_split_recursive: (match, rest) for a condition.
bool eg_split_recursive(VM& vm, Value exc, Value cond, bool want_rest, Value* match, Value* rest) {
  *match = Value::none();
  *rest = Value::none();
  bool m;
  if (!condition_matches(vm, cond, exc, &m)) return false;
  if (m) {
    *match = exc;
    return true;
  }
  if (!vm.isinstance(exc, vm.t.BaseExceptionGroup)) {
    if (want_rest) *rest = exc;
    return true;
  }
  std::vector<Value> matches, rests;
  TupleObj* excs = eg_exceptions(vm, exc);
  for (size_t i = 0; i < excs->size; i++) {
    Value sm, sr;
    if (!eg_split_recursive(vm, (*excs)[i], cond, want_rest, &sm, &sr)) return false;
    if (!sm.is_none()) matches.push_back(sm);
    if (want_rest && !sr.is_none()) rests.push_back(sr);
  }
  if (!matches.empty()) {
    *match = eg_derive(vm, exc, matches);
    if (match->is_error()) return false;
  }
  if (want_rest && !rests.empty()) {
    *rest = eg_derive(vm, exc, rests);
    if (rest->is_error()) return false;
  }
  return true;
}

Value eg_split(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "split", 2, 2)) return Value::error();
  Value m, r;
  if (!eg_split_recursive(vm, a[0], a[1], true, &m, &r)) return Value::error();
  return Value::object(vm.tuple_of({m, r}));
}

Value eg_subgroup(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "subgroup", 2, 2)) return Value::error();
  Value m, r;
  if (!eg_split_recursive(vm, a[0], a[1], false, &m, &r)) return Value::error();
  return m;
}

Value eg_derive_method(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "derive", 2, 2)) return Value::error();
  Value cls = Value::object(vm.t.BaseExceptionGroup);
  return vm.call(cls, {eg_field(vm, a[0], "message"), a[1]});
}

Value eg_getattr(VM& vm, Value self, StrObj* name) { return exc_getattr(vm, self, name); }

void collect_leaf_ids(VM& vm, Value exc, std::vector<Obj*>& out) {
  if (vm.isinstance(exc, vm.t.BaseExceptionGroup)) {
    TupleObj* t = eg_exceptions(vm, exc);
    for (size_t i = 0; i < t->size; i++) collect_leaf_ids(vm, (*t)[i], out);
  } else if (exc.is_obj()) {
    out.push_back(exc.o);
  }
}

bool same_metadata(Value a, Value b) {
  ExceptionObj* x = as_exc(a);
  ExceptionObj* y = as_exc(b);
  return x->traceback == y->traceback && x->cause.same(y->cause) && x->context.same(y->context);
}

}  // namespace

Value make_exception_group(VM& vm, Value msg, std::vector<Value> excs) {
  ListObj* l = vm.new_list();
  l->items = std::move(excs);
  return vm.call(Value::object(vm.t.BaseExceptionGroup), {msg, Value::object(l)});
}

// mirrors _PyExc_PrepReraiseStar.
Value prepare_reraise_star(VM& vm, Value orig, Value raised_list) {
  std::vector<Value> excs = static_cast<ListObj*>(raised_list.o)->items;
  if (excs.empty()) return Value::none();
  if (!vm.isinstance(orig, vm.t.BaseExceptionGroup)) return excs[0];
  std::vector<Value> raised, reraised;
  for (Value e : excs) {
    if (e.is_none()) continue;
    (same_metadata(e, orig) ? reraised : raised).push_back(e);
  }
  // The part of the original group that handlers re-raised, keeping its structure.
  std::vector<Obj*> leaf_ids;
  for (Value e : reraised) collect_leaf_ids(vm, e, leaf_ids);
  Value reraised_eg = Value::none();
  if (!leaf_ids.empty()) {
    NativeFunctionObj* pred = vm.new_native("_leaf_in", [](VM& vm2, CallArgs& a) {
      ListObj* ids = static_cast<ListObj*>(vm2.calling_native->data.o);
      for (Value v : ids->items)
        if (v.o == a[0].o) return Value::boolean(true);
      return Value::boolean(false);
    });
    ListObj* ids = vm.new_list();
    for (Obj* o : leaf_ids) ids->items.push_back(Value::object(o));
    pred->data = Value::object(ids);
    Value m, r;
    if (!eg_split_recursive(vm, orig, Value::object(pred), false, &m, &r)) return Value::error();
    reraised_eg = m;
  }
  if (raised.empty()) return reraised_eg;
  if (!reraised_eg.is_none()) raised.push_back(reraised_eg);
  if (raised.size() == 1) return raised[0];
  return make_exception_group(vm, vm.str(""), raised);
}

void init_exception_types(VM& vm) {
  Types& t = vm.t;
  TypeSlots& s = t.BaseException->slots;
  s.new_ = exc_new;
  s.init = exc_init;
  s.str = exc_str;
  s.repr = exc_repr;
  s.getattr = exc_getattr;
  s.setattr = exc_setattr;
  vm.def_method(t.BaseException, "with_traceback", exc_with_traceback);
  vm.def_method(t.BaseException, "add_note", exc_add_note);
  t.KeyError->slots.str = keyerror_str;
  t.SyntaxError->slots.str = syntaxerror_str;

  for (ClassObj* c : {t.BaseExceptionGroup}) {
    c->slots.new_ = eg_new;
    c->slots.init = eg_init;
    c->slots.str = eg_str;
    c->slots.getattr = eg_getattr;
    vm.def_method(c, "split", eg_split);
    vm.def_method(c, "subgroup", eg_subgroup);
    vm.def_method(c, "derive", eg_derive_method);
  }
  // ExceptionGroup is also an Exception: its MRO puts BaseExceptionGroup first.
  ClassObj* eg = t.ExceptionGroup;
  eg->bases = vm.tuple_of({Value::object(t.BaseExceptionGroup), Value::object(t.Exception)});
  eg->mro = {eg, t.BaseExceptionGroup, t.Exception, t.BaseException, t.object};
  eg->slots = t.BaseExceptionGroup->slots;
}

}  // namespace looplab
