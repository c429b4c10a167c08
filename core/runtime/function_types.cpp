// Callables and descriptors: function, builtin_function_or_method, method, staticmethod,
// classmethod, property, super, cell, code.
#include <cstdio>

#include "lang/code.h"
#include "lang/frame.h"
#include "lang/vm.h"
#include "runtime/builtin_types.h"
#include "runtime/call_args.h"
#include "runtime/instance.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

void FunctionObj::trace(Tracer& t) {
  t.mark(code);
  t.mark(globals);
  t.mark(defaults);
  t.mark(kwdefaults);
  t.mark(closure);
  t.mark(name);
  t.mark(qualname);
  t.mark(module);
  t.mark(doc);
  t.mark(dict);
}

void NativeFunctionObj::trace(Tracer& t) {
  t.mark(name);
  t.mark(owner);
  t.mark(data);
}

void WrapperObj::trace(Tracer& t) {
  t.mark(func);
  t.mark(dict);
}

void CodeObj::trace(Tracer& t) {
  t.mark(consts);
  for (StrObj* s : names) t.mark(s);
  for (StrObj* s : varnames) t.mark(s);
  for (StrObj* s : cellvars) t.mark(s);
  for (StrObj* s : freevars) t.mark(s);
  t.mark(name);
  t.mark(qualname);
  t.mark(docstring);
}

static std::string addr_of(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", (unsigned long long)(uintptr_t)p);
  return buf;
}

// ---- function -------------------------------------------------------------------------------

static Value function_repr(VM& vm, Value self) {
  auto* f = static_cast<FunctionObj*>(self.o);
  return vm.str("<function " + f->qualname->str() + " at " + addr_of(f) + ">");
}

static Value function_descr_get(VM& vm, Value descr, Value instance, Value) {
  if (instance.is_undef() || instance.is_none()) return descr;
  return Value::object(vm.new_bound_method(descr, instance));
}

static Value callable_call(VM& vm, Value self, CallArgs& a) { return vm.call(self, a.args, a.nargs, a.kwnames); }

static Value function_getattr(VM& vm, Value self, StrObj* name) {
  auto* f = static_cast<FunctionObj*>(self.o);
  if (f->dict) {
    Value v = f->dict->get_str(name);
    if (!v.is_undef()) return v;
  }
  if (name == vm.n.__name__) return Value::object(f->name);
  if (name == vm.n.__qualname__) return Value::object(f->qualname);
  if (name == vm.n.__module__) return f->module.is_undef() ? Value::none() : f->module;
  if (name == vm.n.__doc__) return f->doc.is_undef() ? Value::none() : f->doc;
  if (name == vm.n.__dict__) {
    if (!f->dict) f->dict = vm.new_dict();
    return Value::object(f->dict);
  }
  std::string_view n = name->view();
  if (n == "__defaults__") return f->defaults ? Value::object(f->defaults) : Value::none();
  if (n == "__kwdefaults__") return f->kwdefaults ? Value::object(f->kwdefaults) : Value::none();
  if (n == "__code__") return Value::object(f->code);
  if (n == "__globals__") return Value::object(f->globals);
  if (n == "__closure__") return f->closure ? Value::object(f->closure) : Value::none();
  if (n == "__annotations__") {
    if (!f->dict) f->dict = vm.new_dict();
    DictObj* ann = vm.new_dict();
    f->dict->set_str(name, Value::object(ann));
    return Value::object(ann);
  }
  return generic_getattr(vm, self, name);
}

static bool function_setattr(VM& vm, Value self, StrObj* name, Value v) {
  auto* f = static_cast<FunctionObj*>(self.o);
  bool is_str = v.is_obj() && v.o->kind == Kind::Str;
  if (name == vm.n.__name__ && is_str) f->name = static_cast<StrObj*>(v.o);
  else if (name == vm.n.__qualname__ && is_str) f->qualname = static_cast<StrObj*>(v.o);
  else if (name == vm.n.__doc__) f->doc = v;
  else if (name == vm.n.__module__) f->module = v;
  else if (name->view() == "__defaults__") f->defaults = v.is_obj() && v.o->kind == Kind::Tuple ? static_cast<TupleObj*>(v.o) : nullptr;
  else return generic_setattr(vm, self, name, v);
  return true;
}

// ---- builtin functions and bound methods ----------------------------------------------------

static Value native_repr(VM& vm, Value self) {
  auto* f = static_cast<NativeFunctionObj*>(self.o);
  if (f->owner)
    return vm.str("<method '" + f->name->str() + "' of '" + f->owner->name->str() + "' objects>");
  return vm.str("<built-in function " + f->name->str() + ">");
}

static Value native_descr_get(VM& vm, Value descr, Value instance, Value) {
  auto* f = static_cast<NativeFunctionObj*>(descr.o);
  if (!f->is_method || instance.is_undef()) return descr;
  return Value::object(vm.new_bound_method(descr, instance));
}

static Value native_getattr(VM& vm, Value self, StrObj* name) {
  auto* f = static_cast<NativeFunctionObj*>(self.o);
  if (name == vm.n.__name__ || name == vm.n.__qualname__) return Value::object(f->name);
  if (name == vm.n.__doc__) return Value::none();
  if (name == vm.n.__module__) return Value::none();
  return generic_getattr(vm, self, name);
}

static Value method_repr(VM& vm, Value self) {
  auto* m = static_cast<BoundMethodObj*>(self.o);
  std::string fname = "?";
  if (m->func.is_obj() && m->func.o->kind == Kind::Function) fname = static_cast<FunctionObj*>(m->func.o)->qualname->str();
  else if (m->func.is_obj() && m->func.o->kind == Kind::Native) {
    auto* nf = static_cast<NativeFunctionObj*>(m->func.o);
    fname = (nf->owner ? nf->owner->name->str() + "." : "") + nf->name->str();
    std::string self_repr;
    if (!repr_text(vm, m->self, self_repr)) return Value::error();
    return vm.str("<built-in method " + nf->name->str() + " of " + type_name(vm, m->self) + " object at " +
                  addr_of(m->self.is_obj() ? m->self.o.get() : nullptr) + ">");
  }
  std::string self_repr;
  if (!repr_text(vm, m->self, self_repr)) return Value::error();
  return vm.str("<bound method " + fname + " of " + self_repr + ">");
}

static Value method_getattr(VM& vm, Value self, StrObj* name) {
  auto* m = static_cast<BoundMethodObj*>(self.o);
  if (name == vm.n.__self__) return m->self;
  if (name == vm.n.__func_) return m->func;
  Value v = generic_getattr(vm, self, name);
  if (!v.is_undef()) return v;
  return op_getattr_opt(vm, m->func, name);
}

static Value method_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !b.is_obj() || b.o->kind != Kind::BoundMethod)
    return vm.not_implemented;
  auto* x = static_cast<BoundMethodObj*>(a.o);
  auto* y = static_cast<BoundMethodObj*>(b.o);
  bool eq = x->func.same(y->func) && x->self.same(y->self);
  return Value::boolean(op == CompareOp::Eq ? eq : !eq);
}

static bool method_hash(VM& vm, Value self, int64_t* out) {
  auto* m = static_cast<BoundMethodObj*>(self.o);
  int64_t a, b;
  if (!op_hash(vm, m->self, &a)) return false;
  if (!op_hash(vm, m->func, &b)) return false;
  *out = a ^ b;
  return true;
}

Value method_new(VM& vm, ClassObj*, CallArgs& a) {
  if (!check_nargs(vm, a, "method", 2, 2)) return Value::error();
  if (!op_callable(vm, a[0])) return vm.raise(vm.t.TypeError, "first argument must be callable");
  if (a[1].is_none()) return vm.raise(vm.t.TypeError, "instance must not be None");
  return Value::object(vm.new_bound_method(a[0], a[1]));
}

// ---- staticmethod, classmethod, property ----------------------------------------------------

static Value wrapper_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!check_nargs(vm, a, cls->name->str(), 1, 1)) return Value::error();
  Kind k = cls->is_subclass_of(vm.t.staticmethod) ? Kind::StaticMethod : Kind::ClassMethod;
  return Value::object(vm.heap.make<WrapperObj>(cls, k, a[0]));
}

static Value staticmethod_get(VM&, Value descr, Value, Value) { return static_cast<WrapperObj*>(descr.o)->func; }

static Value classmethod_get(VM& vm, Value descr, Value instance, Value owner) {
  Value cls = owner.is_undef() || owner.is_none() ? Value::object(vm.type_of(instance)) : owner;
  return Value::object(vm.new_bound_method(static_cast<WrapperObj*>(descr.o)->func, cls));
}

static Value wrapper_getattr(VM& vm, Value self, StrObj* name) {
  auto* w = static_cast<WrapperObj*>(self.o);
  if (name == vm.n.__func_ || name == vm.n.__wrapped__) return w->func;
  Value v = generic_getattr(vm, self, name);
  if (!v.is_undef()) return v;
  return op_getattr_opt(vm, w->func, name);
}

static Value property_new(VM& vm, ClassObj* cls, CallArgs&) {
  return Value::object(vm.heap.make<PropertyObj>(cls));
}

static Value property_init(VM& vm, Value self, CallArgs& a) {
  Value args[4];
  if (!bind_args(vm, a, "property", {"fget=", "fset=", "fdel=", "doc="}, args)) return Value::error();
  auto* p = static_cast<PropertyObj*>(self.o);
  p->fget = args[0].is_undef() ? Value::none() : args[0];
  p->fset = args[1].is_undef() ? Value::none() : args[1];
  p->fdel = args[2].is_undef() ? Value::none() : args[2];
  p->doc = args[3];
  if (p->doc.is_undef() || p->doc.is_none()) {
    if (!p->fget.is_none()) p->doc = op_getattr_opt(vm, p->fget, vm.n.__doc__);
  }
  return Value::none();
}

static Value property_get(VM& vm, Value descr, Value instance, Value) {
  auto* p = static_cast<PropertyObj*>(descr.o);
  if (instance.is_undef()) return descr;
  if (p->fget.is_none() || p->fget.is_undef())
    return vm.raisef(vm.t.AttributeError, "property of '%s' object has no getter", type_name(vm, instance).c_str());
  return vm.call(p->fget, {instance});
}

static bool property_set(VM& vm, Value descr, Value instance, Value v) {
  auto* p = static_cast<PropertyObj*>(descr.o);
  Value fn = v.is_undef() ? p->fdel : p->fset;
  if (fn.is_none() || fn.is_undef()) {
    vm.raisef(vm.t.AttributeError, v.is_undef() ? "property of '%s' object has no deleter"
                                               : "property of '%s' object has no setter",
              type_name(vm, instance).c_str());
    return false;
  }
  Value r = v.is_undef() ? vm.call(fn, {instance}) : vm.call(fn, {instance, v});
  return !r.is_error();
}

static Value property_copy_with(VM& vm, CallArgs& a, int which) {
  if (!check_nargs(vm, a, which == 0 ? "getter" : which == 1 ? "setter" : "deleter", 2, 2)) return Value::error();
  auto* old = static_cast<PropertyObj*>(a[0].o);
  PropertyObj* p = vm.heap.make<PropertyObj>(old->cls);
  p->fget = which == 0 ? a[1] : old->fget;
  p->fset = which == 1 ? a[1] : old->fset;
  p->fdel = which == 2 ? a[1] : old->fdel;
  p->doc = old->doc;
  return Value::object(p);
}
static Value property_getter(VM& vm, CallArgs& a) { return property_copy_with(vm, a, 0); }
static Value property_setter(VM& vm, CallArgs& a) { return property_copy_with(vm, a, 1); }
static Value property_deleter(VM& vm, CallArgs& a) { return property_copy_with(vm, a, 2); }

static Value property_getattr(VM& vm, Value self, StrObj* name) {
  auto* p = static_cast<PropertyObj*>(self.o);
  std::string_view n = name->view();
  if (n == "fget") return p->fget;
  if (n == "fset") return p->fset;
  if (n == "fdel") return p->fdel;
  if (name == vm.n.__doc__) return p->doc.is_undef() ? Value::none() : p->doc;
  if (n == "__isabstractmethod__") {
    for (Value f : {p->fget, p->fset, p->fdel}) {
      if (f.is_undef() || f.is_none()) continue;
      Value v = op_getattr_opt(vm, f, name);
      if (v.is_error()) return v;
      if (!v.is_undef()) {
        int t = op_truth(vm, v);
        if (t < 0) return Value::error();
        if (t) return Value::boolean(true);
      }
    }
    return Value::boolean(false);
  }
  return generic_getattr(vm, self, name);
}

// ---- super ----------------------------------------------------------------------------------

struct SuperObj final : Obj {
  ClassObj* start;  // look up attributes after this class in the MRO of obj's type
  Value obj;        // the instance (or class, for classmethods)
  ClassObj* obj_type;
  SuperObj(ClassObj* cls, ClassObj* s, Value o, ClassObj* ot) : Obj(cls, Kind::Super), start(s), obj(o), obj_type(ot) {}
  void trace(Tracer& t) override {
    t.mark(start);
    t.mark(obj);
    t.mark(obj_type);
  }
};

// super() with no arguments: the enclosing class from the __class__ cell and the first argument
// of the calling frame, as CPython's super_init_without_args.
static Value super_new(VM& vm, ClassObj* cls, CallArgs& a) {
  Value type_arg, obj_arg;
  if (a.nargs == 0) {
    Frame* f = vm.current_frame();
    if (!f || !f->func || f->code->argcount == 0) return vm.raise(vm.t.RuntimeError, "super(): no arguments");
    CodeObj* code = f->code;
    obj_arg = f->slots()[0];
    // The first argument may have been moved into a cell.
    for (size_t i = 0; i < code->cellvars.size(); i++)
      if (code->cell2arg.size() > i && code->cell2arg[i] == 0) obj_arg = static_cast<CellObj*>(f->cells()[i].o)->value;
    for (size_t i = 0; i < code->freevars.size(); i++) {
      if (code->freevars[i] == vm.n.__class__) {
        Value cell = f->cells()[code->cellvars.size() + i];
        if (cell.is_obj() && cell.o->kind == Kind::Cell) type_arg = static_cast<CellObj*>(cell.o)->value;
      }
    }
    if (type_arg.is_undef()) return vm.raise(vm.t.RuntimeError, "super(): __class__ cell not found");
    if (obj_arg.is_undef()) return vm.raise(vm.t.RuntimeError, "super(): arg[0] deleted");
  } else if (a.nargs == 2) {
    type_arg = a[0];
    obj_arg = a[1];
  } else {
    return vm.raise(vm.t.TypeError, "super() takes 0 or 2 arguments");
  }
  if (!type_arg.is_obj() || type_arg.o->kind != Kind::Class)
    return vm.raise(vm.t.TypeError, "super() argument 1 must be a type");
  ClassObj* start = static_cast<ClassObj*>(type_arg.o);
  ClassObj* obj_type;
  if (obj_arg.is_obj() && obj_arg.o->kind == Kind::Class && static_cast<ClassObj*>(obj_arg.o)->is_subclass_of(start))
    obj_type = static_cast<ClassObj*>(obj_arg.o);
  else if (vm.isinstance(obj_arg, start))
    obj_type = vm.type_of(obj_arg);
  else
    return vm.raise(vm.t.TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return Value::object(vm.heap.make<SuperObj>(cls, start, obj_arg, obj_type));
}

static Value super_init(VM&, Value, CallArgs&) { return Value::none(); }

// types.ModuleType(name, doc=None): a module made at run time, as CPython's module_init fills it.
static Value module_new(VM& vm, ClassObj* cls, CallArgs&) {
  return Value::object(vm.heap.make<ModuleObj>(cls, vm.n.empty, vm.new_dict()));
}

// CPython's module repr: <module 'x' from 'FILE'> with a __file__, (built-in) for the modules
// compiled into CPython itself, otherwise just the name. Library modules here have no file, so
// json or asyncio read <module 'json'> where CPython names their path.
static Value module_repr(VM& vm, Value self) {
  auto* m = static_cast<ModuleObj*>(self.o);
  Value name = m->dict->get_str(vm.n.__name__);
  if (!name.is_obj() || !vm.isinstance(name, vm.t.str)) name = vm.str("?");
  Value name_repr = op_repr(vm, name);
  if (name_repr.is_error()) return name_repr;
  std::string text = "<module " + static_cast<StrObj*>(name_repr.o)->str();
  Value file = m->dict->get_str(vm.intern("__file__"));
  if (file.is_obj() && vm.isinstance(file, vm.t.str)) {
    Value file_repr = op_repr(vm, file);
    if (file_repr.is_error()) return file_repr;
    return vm.str(text + " from " + static_cast<StrObj*>(file_repr.o)->str() + ">");
  }
  static constexpr std::string_view kBuiltIn[] = {"builtins", "sys", "time", "gc", "itertools", "errno",
                                                  "marshal", "atexit", "_io", "_thread", "_weakref"};
  for (std::string_view b : kBuiltIn)
    if (static_cast<StrObj*>(name.o)->view() == b) return vm.str(text + " (built-in)>");
  return vm.str(text + ">");
}

static Value module_init(VM& vm, Value self, CallArgs& a) {
  Value v[2];
  if (!bind_args(vm, a, "module", {"name", "doc="}, v)) return Value::error();
  if (!vm.isinstance(v[0], vm.t.str))
    return vm.raisef(vm.t.TypeError, "module() argument 'name' must be str, not %s", type_name(vm, v[0]).c_str());
  auto* m = static_cast<ModuleObj*>(self.o);
  m->name = static_cast<StrObj*>(v[0].o);
  m->dict->set_str(vm.n.__name__, v[0]);
  m->dict->set_str(vm.n.__doc__, v[1].is_undef() ? Value::none() : v[1]);
  for (const char* attr : {"__package__", "__loader__", "__spec__"}) m->dict->set_str(vm.intern(attr), Value::none());
  return Value::none();
}

static Value super_getattr(VM& vm, Value self, StrObj* name) {
  auto* s = static_cast<SuperObj*>(self.o);
  if (name == vm.n.__class__) return generic_getattr(vm, self, name);
  const std::vector<ClassObj*>& mro = s->obj_type->mro;
  size_t i = 0;
  while (i < mro.size() && mro[i] != s->start) i++;
  for (i++; i < mro.size(); i++) {
    Value v = mro[i]->dict->get_str(name);
    if (v.is_undef()) continue;
    ClassObj* vcls = vm.type_of(v);
    if (vcls->slots.descr_get) {
      Value inst = s->obj.same(Value::object(s->obj_type)) ? Value() : s->obj;
      return vcls->slots.descr_get(vm, v, inst, Value::object(s->obj_type));
    }
    return v;
  }
  return generic_getattr(vm, self, name);
}

static Value super_repr(VM& vm, Value self) {
  auto* s = static_cast<SuperObj*>(self.o);
  return vm.str("<super: <class '" + s->start->name->str() + "'>, <" + s->obj_type->name->str() + " object>>");
}

// ---- cell, code -----------------------------------------------------------------------------

static Value cell_repr(VM& vm, Value self) { return vm.str("<cell at " + addr_of(self.o) + ">"); }

static Value code_repr(VM& vm, Value self) {
  auto* c = static_cast<CodeObj*>(self.o);
  return vm.str("<code object " + c->name->str() + " at " + addr_of(c) + ", file \"" +
                (c->source ? c->source->filename : "?") + "\", line " + std::to_string(c->firstlineno) + ">");
}

static Value code_getattr(VM& vm, Value self, StrObj* name) {
  auto* c = static_cast<CodeObj*>(self.o);
  std::string_view n = name->view();
  if (n == "co_name") return Value::object(c->name);
  if (n == "co_qualname") return Value::object(c->qualname);
  if (n == "co_filename") return vm.str(c->source ? c->source->filename : "?");
  if (n == "co_firstlineno") return Value::integer(c->firstlineno);
  if (n == "co_argcount") return Value::integer(c->argcount);
  if (n == "co_flags") return Value::integer(c->flags);
  if (n == "co_varnames") {
    TupleObj* t = vm.new_tuple(c->varnames.size());
    for (size_t i = 0; i < c->varnames.size(); i++) (*t)[i] = Value::object(c->varnames[i]);
    return Value::object(t);
  }
  return generic_getattr(vm, self, name);
}

void init_function_types(VM& vm) {
  Types& t = vm.t;
  TypeSlots& f = t.function->slots;
  f.repr = function_repr;
  f.descr_get = function_descr_get;
  f.call = callable_call;
  f.getattr = function_getattr;
  f.setattr = function_setattr;
  f.new_ = slot_new_disabled;

  TypeSlots& n = t.builtin_function->slots;
  n.repr = native_repr;
  n.descr_get = native_descr_get;
  n.call = callable_call;
  n.getattr = native_getattr;
  n.new_ = slot_new_disabled;

  TypeSlots& m = t.method->slots;
  m.repr = method_repr;
  m.call = callable_call;
  m.getattr = method_getattr;
  m.richcompare = method_richcompare;
  m.hash = method_hash;
  m.new_ = method_new;

  for (ClassObj* c : {t.staticmethod, t.classmethod}) {
    c->slots.new_ = wrapper_new;
    c->slots.init = slot_init_noop;
    c->slots.getattr = wrapper_getattr;
  }
  t.staticmethod->slots.descr_get = staticmethod_get;
  t.classmethod->slots.descr_get = classmethod_get;

  TypeSlots& p = t.property->slots;
  p.new_ = property_new;
  p.init = property_init;
  p.descr_get = property_get;
  p.descr_set = property_set;
  p.getattr = property_getattr;
  vm.def_method(t.property, "getter", property_getter);
  vm.def_method(t.property, "setter", property_setter);
  vm.def_method(t.property, "deleter", property_deleter);

  TypeSlots& s = t.super_->slots;
  s.new_ = super_new;
  s.init = super_init;
  s.getattr = super_getattr;
  s.repr = super_repr;

  t.module->slots.new_ = module_new;
  t.module->slots.init = module_init;
  t.module->slots.repr = module_repr;
  t.cell->slots.repr = cell_repr;
  t.cell->slots.new_ = slot_new_disabled;
  t.code->slots.repr = code_repr;
  t.code->slots.getattr = code_getattr;
  t.code->slots.new_ = slot_new_disabled;
}

}  // namespace looplab
