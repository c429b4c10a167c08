// The object protocols (CPython's Objects/abstract.c and object.c), dispatching through slots.
#include "runtime/ops.h"

#include "lang/vm.h"
#include "runtime/numbers.h"
#include "runtime/slots.h"

namespace looplab {

std::string type_name(VM& vm, Value v) { return vm.type_of(v)->name->str(); }

// ---- text -----------------------------------------------------------------------------------

Value op_repr(VM& vm, Value v) {
  ClassObj* cls = vm.type_of(v);
  if (!cls->slots.repr) return vm.raise(vm.t.TypeError, "object has no __repr__");
  return cls->slots.repr(vm, v);
}

Value op_str(VM& vm, Value v) {
  if (v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str) return v;
  ClassObj* cls = vm.type_of(v);
  if (cls->slots.str) return cls->slots.str(vm, v);
  return op_repr(vm, v);
}

bool repr_text(VM& vm, Value v, std::string& out) {
  Value r = op_repr(vm, v);
  if (r.is_error()) return false;
  out = static_cast<StrObj*>(r.o)->str();
  return true;
}

bool str_text(VM& vm, Value v, std::string& out) {
  Value r = op_str(vm, v);
  if (r.is_error()) return false;
  out = static_cast<StrObj*>(r.o)->str();
  return true;
}

Value op_ascii(VM& vm, Value v) {
  Value r = op_repr(vm, v);
  if (r.is_error()) return r;
  StrObj* s = static_cast<StrObj*>(r.o);
  if (s->ascii) return r;
  std::string out;
  std::string_view text = s->view();
  size_t pos = 0;
  while (pos < text.size()) {
    uint32_t cp = utf8::decode(text, pos);
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x100) out += strprintf("\\x%02x", cp);
    else if (cp < 0x10000) out += strprintf("\\u%04x", cp);
    else out += strprintf("\\U%08x", cp);
  }
  return vm.str(out);
}

Value op_format(VM& vm, Value v, Value spec) {
  // PyObject_Format's shortcut for an empty spec: exact str as is, exact int (and float, whose
  // __format__('') is str()) straight to str(), without calling __format__.
  if (spec.is_obj() && spec.o->kind == Kind::Str && static_cast<StrObj*>(spec.o)->size == 0) {
    if (v.is_int() || v.is_float() || (v.is_obj() && v.o->cls == vm.t.int_)) return op_str(vm, v);
    if (v.is_obj() && v.o->cls == vm.t.str) return v;
  }
  Value fmt = vm.type_of(v)->lookup(vm.n.__format__);
  if (fmt.is_undef()) return vm.raise(vm.t.TypeError, "object has no __format__");
  Value args[2] = {v, spec};
  Value r = vm.call(fmt, args, 2);
  if (r.is_error()) return r;
  if (!vm.isinstance(r, vm.t.str))
    return vm.raisef(vm.t.TypeError, "__format__ must return a str, not %s", type_name(vm, r).c_str());
  return r;
}

// ---- truth, hashing, comparison -------------------------------------------------------------

int op_truth(VM& vm, Value v) {
  switch (v.tag) {
    case Tag::None: return 0;
    case Tag::Bool: return v.b;
    case Tag::Int: return v.i != 0;
    case Tag::Float: return v.f != 0.0;
    default: break;
  }
  ClassObj* cls = vm.type_of(v);
  if (cls->slots.truth) return cls->slots.truth(vm, v);
  if (cls->slots.len) {
    int64_t n = cls->slots.len(vm, v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

bool op_hash(VM& vm, Value v, int64_t* out) {
  switch (v.tag) {
    case Tag::None: *out = 0x5f3759df; return true;
    case Tag::Bool: *out = v.b; return true;
    case Tag::Int: *out = hash_int(v.i); return true;
    case Tag::Float: *out = hash_double(v.f); return true;
    default: break;
  }
  if (v.o->kind == Kind::Str) {
    *out = static_cast<StrObj*>(v.o)->hash();
    return true;
  }
  ClassObj* cls = vm.type_of(v);
  if (!cls->slots.hash) {
    vm.raisef(vm.t.TypeError, "unhashable type: '%s'", cls->name->str().c_str());
    return false;
  }
  return cls->slots.hash(vm, v, out);
}

static CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

static const char* compare_symbol(CompareOp op) {
  static const char* const s[] = {"<", "<=", "==", "!=", ">", ">="};
  return s[int(op)];
}

// mirrors Objects/object.c do_richcompare.
Value op_compare(VM& vm, Value a, Value b, CompareOp op) {
  ClassObj* ta = vm.type_of(a);
  ClassObj* tb = vm.type_of(b);
  bool checked_reverse = false;
  if (ta != tb && tb->is_subclass_of(ta) && tb->slots.richcompare) {
    checked_reverse = true;
    Value r = tb->slots.richcompare(vm, b, a, swapped(op));
    if (!r.same(vm.not_implemented)) return r;
  }
  if (ta->slots.richcompare) {
    Value r = ta->slots.richcompare(vm, a, b, op);
    if (!r.same(vm.not_implemented)) return r;
  }
  if (!checked_reverse && tb->slots.richcompare) {
    Value r = tb->slots.richcompare(vm, b, a, swapped(op));
    if (!r.same(vm.not_implemented)) return r;
  }
  if (op == CompareOp::Eq) return Value::boolean(a.same(b));
  if (op == CompareOp::Ne) return Value::boolean(!a.same(b));
  return vm.raisef(vm.t.TypeError, "'%s' not supported between instances of '%s' and '%s'",
                   compare_symbol(op), ta->name->str().c_str(), tb->name->str().c_str());
}

int op_eq(VM& vm, Value a, Value b) {
  if (a.same(b) && !a.is_float()) return 1;
  if (a.is_int() && b.is_int()) return a.i == b.i;
  if (a.is_obj() && b.is_obj() && a.o->kind == Kind::Str && b.o->kind == Kind::Str &&
      a.o->cls == vm.t.str && b.o->cls == vm.t.str) {
    return static_cast<StrObj*>(a.o)->view() == static_cast<StrObj*>(b.o)->view();
  }
  Value r = op_compare(vm, a, b, CompareOp::Eq);
  if (r.is_error()) return -1;
  if (r.is_bool()) return r.b;
  return op_truth(vm, r);
}

int op_lt(VM& vm, Value a, Value b) {
  if (a.is_int() && b.is_int()) return a.i < b.i;
  Value r = op_compare(vm, a, b, CompareOp::Lt);
  if (r.is_error()) return -1;
  if (r.is_bool()) return r.b;
  return op_truth(vm, r);
}

// ---- arithmetic -----------------------------------------------------------------------------

const char* binop_symbol(BinOp op) {
  static const char* const s[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "** or pow()", ">>", "-", "/", "^",
                                  "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  return s[int(op)];
}

// mirrors Objects/abstract.c binary_op1.
static Value binary_op1(VM& vm, Value a, Value b, BinOp op) {
  ClassObj* ta = vm.type_of(a);
  ClassObj* tb = vm.type_of(b);
  auto slotv = ta->slots.binop;
  auto slotw = tb != ta ? tb->slots.binop : nullptr;
  if (slotw == slotv) slotw = nullptr;
  if (slotv) {
    if (slotw && tb->is_subclass_of(ta)) {
      Value r = slotw(vm, a, b, op);
      if (!r.same(vm.not_implemented)) return r;
      slotw = nullptr;
    }
    Value r = slotv(vm, a, b, op);
    if (!r.same(vm.not_implemented)) return r;
  }
  if (slotw) return slotw(vm, a, b, op);
  return vm.not_implemented;
}

Value op_binary(VM& vm, Value a, Value b, BinOp op) {
  if (int(op) >= 13) {
    // In-place: the left operand's own in-place method first, then the plain operator.
    auto slot = vm.type_of(a)->slots.binop;
    if (slot) {
      Value r = slot(vm, a, b, op);
      if (!r.same(vm.not_implemented)) return r;
    }
    Value r = binary_op1(vm, a, b, BinOp(int(op) - 13));
    if (!r.same(vm.not_implemented)) return r;
  } else {
    Value r = binary_op1(vm, a, b, op);
    if (!r.same(vm.not_implemented)) return r;
  }
  if (op == BinOp::Power || op == BinOp::InplacePower)
    return vm.raisef(vm.t.TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                     op == BinOp::Power ? "** or pow()" : "**=", type_name(vm, a).c_str(),
                     type_name(vm, b).c_str());
  if (op == BinOp::Add && vm.isinstance(a, vm.t.str))
    return vm.raisef(vm.t.TypeError, "can only concatenate str (not \"%s\") to str", type_name(vm, b).c_str());
  if (op == BinOp::Add && vm.isinstance(a, vm.t.list) && !vm.isinstance(b, vm.t.list))
    return vm.raisef(vm.t.TypeError, "can only concatenate list (not \"%s\") to list", type_name(vm, b).c_str());
  if (op == BinOp::Add && vm.isinstance(a, vm.t.tuple) && !vm.isinstance(b, vm.t.tuple))
    return vm.raisef(vm.t.TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_name(vm, b).c_str());
  return vm.raisef(vm.t.TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", binop_symbol(op),
                   type_name(vm, a).c_str(), type_name(vm, b).c_str());
}

Value op_unary(VM& vm, Value v, UnaryOp op) {
  ClassObj* cls = vm.type_of(v);
  if (cls->slots.unary) return cls->slots.unary(vm, v, op);
  const char* sym = op == UnaryOp::Negative ? "unary -" : op == UnaryOp::Positive ? "unary +"
                    : op == UnaryOp::Invert ? "unary ~" : "abs()";
  return vm.raisef(vm.t.TypeError, "bad operand type for %s: '%s'", sym, cls->name->str().c_str());
}

// ---- attributes -----------------------------------------------------------------------------

// The attribute dict of an object that has one (instances, modules, functions, classes...).
DictObj* instance_dict(VM& vm, Value obj, bool create) {
  if (!obj.is_obj()) return nullptr;
  switch (obj.o->kind) {
    case Kind::Instance: return static_cast<InstanceObj*>(obj.o)->dict;
    case Kind::Module: return static_cast<ModuleObj*>(obj.o)->dict;
    case Kind::Exception: {
      auto* e = static_cast<ExceptionObj*>(obj.o);
      if (!e->dict && create) e->dict = vm.new_dict();
      return e->dict;
    }
    case Kind::Function: {
      auto* f = static_cast<FunctionObj*>(obj.o);
      if (!f->dict && create) f->dict = vm.new_dict();
      return f->dict;
    }
    case Kind::Str: {
      // Only instances of str subclasses have attributes (str.h).
      auto* s = static_cast<StrObj*>(obj.o);
      if (!s->has_dict) return nullptr;
      if (!*s->dict_slot() && create) *s->dict_slot() = vm.new_dict();
      return *s->dict_slot();
    }
    case Kind::BigInt: {
      // Only instances of int subclasses have attributes (numbers.h).
      auto* b = static_cast<BigIntObj*>(obj.o);
      if (!b->dict && create && b->cls != vm.t.int_) b->dict = vm.new_dict();
      return b->dict;
    }
    case Kind::StaticMethod:
    case Kind::ClassMethod: {
      auto* w = static_cast<WrapperObj*>(obj.o);
      if (!w->dict && create) w->dict = vm.new_dict();
      return w->dict;
    }
    case Kind::Class: return static_cast<ClassObj*>(obj.o)->dict;
    case Kind::List:
    case Kind::Dict:
    case Kind::Set:
      // Only instances of Python subclasses of list/dict/set have attributes.
      if (obj.o->cls->has(kClassBuiltin)) return nullptr;
      [[fallthrough]];
    case Kind::Other: {
      DictObj** slot = obj.o->attr_dict_slot();
      if (!slot) return nullptr;
      if (!*slot && create) *slot = vm.new_dict();
      return *slot;
    }
    default: return nullptr;
  }
}

static bool is_data_descriptor(VM& vm, Value v) { return vm.type_of(v)->slots.descr_set != nullptr; }

// mirrors Objects/object.c _PyObject_GenericGetAttrWithDict.
Value generic_getattr(VM& vm, Value obj, StrObj* name) {
  ClassObj* cls = vm.type_of(obj);
  Value descr = cls->lookup(name);
  ClassObj* dcls = nullptr;
  if (!descr.is_undef()) {
    dcls = vm.type_of(descr);
    if (dcls->slots.descr_get && dcls->slots.descr_set)
      return dcls->slots.descr_get(vm, descr, obj, Value::object(cls));
  }
  if (DictObj* d = instance_dict(vm, obj, false)) {
    Value v = d->get_str(name);
    if (!v.is_undef()) return v;
  }
  if (!descr.is_undef()) {
    if (dcls->slots.descr_get) return dcls->slots.descr_get(vm, descr, obj, Value::object(cls));
    return descr;
  }
  return Value();
}

static bool is_slot_name(const ClassObj* cls, const StrObj* name) {
  for (size_t i = 0; i < cls->slot_names->size; i++)
    if (static_cast<const StrObj*>((*cls->slot_names)[i].o)->view() == name->view()) return true;
  return false;
}

bool generic_setattr(VM& vm, Value obj, StrObj* name, Value v) {
  ClassObj* cls = vm.type_of(obj);
  Value descr = cls->lookup(name);
  if (!descr.is_undef()) {
    ClassObj* dcls = vm.type_of(descr);
    if (dcls->slots.descr_set) return dcls->slots.descr_set(vm, descr, obj, v);
  }
  if (cls->has(kClassSlotsOnly) && obj.is_obj() && obj.o->kind == Kind::Instance &&
      !is_slot_name(cls, name)) {
    vm.raisef(vm.t.AttributeError, "'%s' object has no attribute '%s'", cls->name->str().c_str(),
              name->str().c_str());
    return false;
  }
  DictObj* d = instance_dict(vm, obj, true);
  if (!d) {
    if (descr.is_undef())
      vm.raisef(vm.t.AttributeError, "'%s' object has no attribute '%s'", cls->name->str().c_str(),
                name->str().c_str());
    else
      vm.raisef(vm.t.AttributeError, "'%s' object attribute '%s' is read-only", cls->name->str().c_str(),
                name->str().c_str());
    return false;
  }
  if (v.is_undef()) {
    if (!d->del_str(name)) {
      if (cls->has(kClassSlotsOnly)) {  // an unset slot: CPython's member descriptor says just the name
        vm.raise(vm.t.AttributeError, name->str());
        return false;
      }
      vm.raisef(vm.t.AttributeError, "'%s' object has no attribute '%s'", cls->name->str().c_str(),
                name->str().c_str());
      return false;
    }
    return true;
  }
  d->set_str(name, v);
  return true;
}

Value attribute_error(VM& vm, Value obj, StrObj* name) {
  if (obj.is_obj() && obj.o->kind == Kind::Module)
    return vm.raisef(vm.t.AttributeError, "module '%s' has no attribute '%s'",
                     static_cast<ModuleObj*>(obj.o)->name->str().c_str(), name->str().c_str());
  if (obj.is_obj() && obj.o->kind == Kind::Class)
    return vm.raisef(vm.t.AttributeError, "type object '%s' has no attribute '%s'",
                     static_cast<ClassObj*>(obj.o)->name->str().c_str(), name->str().c_str());
  ExceptionObj* e = vm.new_exception(
      vm.t.AttributeError,
      vm.tuple_of({vm.str(strprintf("'%s' object has no attribute '%s'", type_name(vm, obj).c_str(),
                                    name->str().c_str()))}));
  e->dict = vm.new_dict();
  e->dict->set_str(vm.n.name, Value::object(name));
  e->dict->set_str(vm.intern("obj"), obj);
  return vm.raise_value(Value::object(e));
}

Value op_getattr(VM& vm, Value obj, StrObj* name) {
  ClassObj* cls = vm.type_of(obj);
  Value v = cls->slots.getattr ? cls->slots.getattr(vm, obj, name) : generic_getattr(vm, obj, name);
  if (v.is_undef() && obj.is_obj() && obj.o->kind == Kind::Module) {
    // PEP 562: a module's own __getattr__ answers for the names it does not have.
    Value hook = static_cast<ModuleObj*>(obj.o)->dict->get_str(vm.n.__getattr__);
    if (!hook.is_undef()) return vm.call(hook, {Value::object(name)});
  }
  if (v.is_undef()) return attribute_error(vm, obj, name);
  return v;
}

Value op_getattr_opt(VM& vm, Value obj, StrObj* name) {
  Value v = op_getattr(vm, obj, name);
  if (v.is_error() && vm.pending_is(vm.t.AttributeError)) {
    vm.clear_exception();
    return Value();
  }
  return v;
}

bool op_setattr(VM& vm, Value obj, StrObj* name, Value v) {
  ClassObj* cls = vm.type_of(obj);
  if (cls->slots.setattr) return cls->slots.setattr(vm, obj, name, v);
  return generic_setattr(vm, obj, name, v);
}

bool op_delattr(VM& vm, Value obj, StrObj* name) { return op_setattr(vm, obj, name, Value()); }

Value op_getmethod(VM& vm, Value obj, StrObj* name, bool* is_method) {
  *is_method = false;
  ClassObj* cls = vm.type_of(obj);
  if (cls->slots.getattr == nullptr || cls->slots.getattr == vm.t.object->slots.getattr) {
    Value descr = cls->lookup(name);
    if (descr.is_obj()) {
      Kind k = descr.o->kind;
      bool plain = k == Kind::Function || (k == Kind::Native && static_cast<NativeFunctionObj*>(descr.o)->is_method);
      if (plain) {
        DictObj* d = instance_dict(vm, obj, false);
        Value shadow = d ? d->get_str(name) : Value();
        if (shadow.is_undef()) {
          *is_method = true;
          return descr;
        }
        return shadow;
      }
    }
  }
  return op_getattr(vm, obj, name);
}

// ---- containers -----------------------------------------------------------------------------

Value op_getitem(VM& vm, Value obj, Value key) {
  ClassObj* cls = vm.type_of(obj);
  if (cls->slots.getitem) return cls->slots.getitem(vm, obj, key);
  if (obj.is_obj() && obj.o->kind == Kind::Class) {
    // Generic aliases (list[int], dict[str, int]) in annotations: keep the class.
    ClassObj* c = static_cast<ClassObj*>(obj.o);
    Value cg = c->lookup(vm.n.__class_getitem__);
    if (!cg.is_undef()) {
      if (cg.o->kind == Kind::ClassMethod) cg = static_cast<WrapperObj*>(cg.o)->func;
      return vm.call(cg, {obj, key});
    }
    if (c->has(kClassBuiltin)) return obj;
    return vm.raisef(vm.t.TypeError, "type '%s' is not subscriptable", c->name->str().c_str());
  }
  return vm.raisef(vm.t.TypeError, "'%s' object is not subscriptable", cls->name->str().c_str());
}

bool op_setitem(VM& vm, Value obj, Value key, Value v) {
  ClassObj* cls = vm.type_of(obj);
  if (cls->slots.setitem) return cls->slots.setitem(vm, obj, key, v);
  vm.raisef(vm.t.TypeError, "'%s' object does not support item assignment", cls->name->str().c_str());
  return false;
}

bool op_delitem(VM& vm, Value obj, Value key) {
  ClassObj* cls = vm.type_of(obj);
  if (cls->slots.setitem) return cls->slots.setitem(vm, obj, key, Value());
  vm.raisef(vm.t.TypeError, "'%s' object doesn't support item deletion", cls->name->str().c_str());
  return false;
}

int op_contains(VM& vm, Value container, Value item) {
  ClassObj* cls = vm.type_of(container);
  if (cls->slots.contains) return cls->slots.contains(vm, container, item);
  if (!cls->slots.iter) {
    vm.raisef(vm.t.TypeError, "argument of type '%s' is not iterable", cls->name->str().c_str());
    return -1;
  }
  int found = 0;
  bool ok = op_for_each(vm, container, [&](Value v) {
    int eq = op_eq(vm, v, item);
    if (eq > 0) found = 1;
    return eq == 0 ? 1 : (eq > 0 ? 0 : -1);
  });
  return ok ? found : -1;
}

int64_t op_len(VM& vm, Value v) {
  ClassObj* cls = vm.type_of(v);
  if (cls->slots.len) return cls->slots.len(vm, v);
  vm.raisef(vm.t.TypeError, "object of type '%s' has no len()", cls->name->str().c_str());
  return -1;
}

Value op_iter(VM& vm, Value v) {
  ClassObj* cls = vm.type_of(v);
  if (cls->slots.iter) return cls->slots.iter(vm, v);
  return vm.raisef(vm.t.TypeError, "'%s' object is not iterable", cls->name->str().c_str());
}

Value op_next(VM& vm, Value it) {
  ClassObj* cls = vm.type_of(it);
  if (cls->slots.next) return cls->slots.next(vm, it);
  return vm.raisef(vm.t.TypeError, "'%s' object is not an iterator", cls->name->str().c_str());
}

// ---- calls and types ------------------------------------------------------------------------

Value op_call(VM& vm, Value callable, CallArgs& args) {
  return vm.call(callable, args.args, args.nargs, args.kwnames);
}

bool op_callable(VM& vm, Value v) { return vm.type_of(v)->slots.call != nullptr; }

// A metaclass's own __instancecheck__ / __subclasscheck__ (ABCMeta's), if it has one.
Value metaclass_hook(VM& vm, Value cls, StrObj* name) {
  ClassObj* meta = vm.type_of(cls);
  if (meta == vm.t.type) return Value();
  Value hook = meta->lookup(name);
  if (hook.is_obj() && hook.o->kind == Kind::Native && static_cast<NativeFunctionObj*>(hook.o)->owner == vm.t.type)
    return Value();
  return hook;
}

bool op_isinstance(VM& vm, Value v, Value cls_or_tuple, bool* out) {
  if (cls_or_tuple.is_obj() && cls_or_tuple.o->kind == Kind::Class) {
    ClassObj* cls = static_cast<ClassObj*>(cls_or_tuple.o);
    if (vm.type_of(v) == cls) {
      *out = true;
      return true;
    }
    Value hook = metaclass_hook(vm, cls_or_tuple, vm.intern("__instancecheck__"));
    if (!hook.is_undef()) {
      Value r = vm.call_dunder(cls_or_tuple, vm.intern("__instancecheck__"), {v});
      if (r.is_error()) return false;
      int t = op_truth(vm, r);
      if (t < 0) return false;
      *out = t;
      return true;
    }
    *out = vm.isinstance(v, cls);
    return true;
  }
  if (cls_or_tuple.is_obj() && cls_or_tuple.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(cls_or_tuple.o);
    for (size_t i = 0; i < t->size; i++) {
      if (!op_isinstance(vm, v, (*t)[i], out)) return false;
      if (*out) return true;
    }
    *out = false;
    return true;
  }
  vm.raise(vm.t.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return false;
}

bool index_value(VM& vm, Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.i;
    return true;
  }
  if (v.is_bool()) {
    *out = v.b;
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    if (int_fits_i64(v, out)) return true;  // an int-subclass instance may hold a small value
    vm.raisef(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  Value r = call_special(vm, v, vm.n.__index__, nullptr, 0);
  if (r.is_error()) return false;
  if (r.is_undef()) {
    vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, v).c_str());
    return false;
  }
  return index_value(vm, r, out);
}

bool as_double(VM& vm, Value v, double* out) {
  if (v.is_float()) {
    *out = v.f;
    return true;
  }
  if (v.is_int()) {
    *out = double(v.i);
    return true;
  }
  if (v.is_bool()) {
    *out = v.b;
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::BigInt) return int_to_double(vm, v, out);
  Value r = call_special(vm, v, vm.n.__float__, nullptr, 0);
  if (r.is_error()) return false;
  if (r.is_undef() || !r.is_float()) {
    vm.raisef(vm.t.TypeError, "must be real number, not %s", type_name(vm, v).c_str());
    return false;
  }
  *out = r.f;
  return true;
}

}  // namespace looplab
