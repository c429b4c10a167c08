// Slot inheritance among builtin types, and the dunder methods that expose builtin slots
// (CPython's slot wrappers, e.g. `object.__init__`, `dict.__getitem__`, `Exception.__str__`).
#include "lang/vm.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

Value slot_new_disabled(VM& vm, ClassObj* cls, CallArgs&) {
  return vm.raisef(vm.t.TypeError, "cannot create '%s' instances", cls->name->str().c_str());
}

bool slot_hash_unhashable(VM& vm, Value self, int64_t*) {
  vm.raisef(vm.t.TypeError, "unhashable type: '%s'", type_name(vm, self).c_str());
  return false;
}

Value slot_init_noop(VM&, Value, CallArgs&) { return Value::none(); }

void inherit_builtin_slots(VM&, ClassObj* cls) {
  if (cls->mro.size() < 2) return;
  const TypeSlots& b = cls->mro[1]->slots;
  TypeSlots& s = cls->slots;
#define INHERIT(f) \
  if (!s.f) s.f = b.f;
  INHERIT(repr) INHERIT(str) INHERIT(hash) INHERIT(richcompare) INHERIT(truth) INHERIT(len)
  INHERIT(iter) INHERIT(next) INHERIT(getitem) INHERIT(setitem) INHERIT(contains) INHERIT(call)
  INHERIT(getattr) INHERIT(setattr) INHERIT(binop) INHERIT(unary) INHERIT(descr_get)
  INHERIT(descr_set) INHERIT(new_) INHERIT(init) INHERIT(am_send)
#undef INHERIT
}

namespace {

ClassObj* owner(VM& vm) { return vm.calling_native->owner; }

bool need_self(VM& vm, CallArgs& a, const char* name, uint32_t n) {
  ClassObj* cls = owner(vm);
  if (a.nargs < 1) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' of '%s' object needs an argument", name, cls->name->str().c_str());
    return false;
  }
  if (!vm.isinstance(a[0], cls)) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name,
              cls->name->str().c_str(), type_name(vm, a[0]).c_str());
    return false;
  }
  if (n != UINT32_MAX && a.nargs != n) {
    vm.raisef(vm.t.TypeError, "expected %u argument%s, got %u", n - 1, n == 2 ? "" : "s", a.nargs - 1);
    return false;
  }
  return true;
}

Value w_repr(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__repr__", 1)) return Value::error();
  return c->slots.repr(vm, a[0]);
}
Value w_str(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__str__", 1)) return Value::error();
  return c->slots.str(vm, a[0]);
}
Value w_hash(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__hash__", 1)) return Value::error();
  int64_t h;
  if (!c->slots.hash(vm, a[0], &h)) return Value::error();
  return Value::integer(h);
}
template <CompareOp op>
Value w_compare(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "comparison", 2)) return Value::error();
  return c->slots.richcompare(vm, a[0], a[1], op);
}
Value w_len(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__len__", 1)) return Value::error();
  int64_t n = c->slots.len(vm, a[0]);
  return n < 0 ? Value::error() : Value::integer(n);
}
Value w_iter(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__iter__", 1)) return Value::error();
  return c->slots.iter(vm, a[0]);
}
Value w_next(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__next__", 1)) return Value::error();
  Value v = c->slots.next(vm, a[0]);
  if (v.is_undef()) return vm.raise_value(Value::object(vm.t.StopIteration));
  return v;
}
Value w_getitem(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__getitem__", 2)) return Value::error();
  return c->slots.getitem(vm, a[0], a[1]);
}
Value w_setitem(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__setitem__", 3)) return Value::error();
  return c->slots.setitem(vm, a[0], a[1], a[2]) ? Value::none() : Value::error();
}
Value w_delitem(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__delitem__", 2)) return Value::error();
  return c->slots.setitem(vm, a[0], a[1], Value()) ? Value::none() : Value::error();
}
Value w_contains(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__contains__", 2)) return Value::error();
  int r = c->slots.contains(vm, a[0], a[1]);
  return r < 0 ? Value::error() : Value::boolean(r);
}
Value w_call(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__call__", UINT32_MAX)) return Value::error();
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames};
  return c->slots.call(vm, a[0], rest);
}
Value w_getattribute(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__getattribute__", 2)) return Value::error();
  if (!vm.isinstance(a[1], vm.t.str))
    return vm.raisef(vm.t.TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]).c_str());
  StrObj* name = vm.intern(static_cast<StrObj*>(a[1].o)->view());
  Value v = c->slots.getattr(vm, a[0], name);
  if (v.is_undef()) return attribute_error(vm, a[0], name);
  return v;
}
Value w_setattr(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__setattr__", 3)) return Value::error();
  if (!vm.isinstance(a[1], vm.t.str))
    return vm.raisef(vm.t.TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]).c_str());
  StrObj* name = vm.intern(static_cast<StrObj*>(a[1].o)->view());
  return c->slots.setattr(vm, a[0], name, a[2]) ? Value::none() : Value::error();
}
Value w_delattr(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__delattr__", 2)) return Value::error();
  if (!vm.isinstance(a[1], vm.t.str))
    return vm.raisef(vm.t.TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]).c_str());
  StrObj* name = vm.intern(static_cast<StrObj*>(a[1].o)->view());
  return c->slots.setattr(vm, a[0], name, Value()) ? Value::none() : Value::error();
}
Value w_init(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__init__", UINT32_MAX)) return Value::error();
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames};
  return c->slots.init(vm, a[0], rest);
}
Value w_new(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (a.nargs < 1) return vm.raisef(vm.t.TypeError, "%s.__new__(): not enough arguments", c->name->str().c_str());
  if (!a[0].is_obj() || a[0].o->kind != Kind::Class)
    return vm.raisef(vm.t.TypeError, "%s.__new__(X): X is not a type object (%s)", c->name->str().c_str(),
                     type_name(vm, a[0]).c_str());
  ClassObj* sub = static_cast<ClassObj*>(a[0].o);
  if (!sub->is_subclass_of(c))
    return vm.raisef(vm.t.TypeError, "%s.__new__(%s): %s is not a subtype of %s", c->name->str().c_str(),
                     sub->name->str().c_str(), sub->name->str().c_str(), c->name->str().c_str());
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames};
  return c->slots.new_(vm, sub, rest);
}
Value w_get(VM& vm, CallArgs& a) {
  ClassObj* c = owner(vm);
  if (!need_self(vm, a, "__get__", UINT32_MAX)) return Value::error();
  Value inst = a.nargs > 1 && !a[1].is_none() ? a[1] : Value();
  Value own = a.nargs > 2 ? a[2] : Value::object(vm.type_of(inst));
  return c->slots.descr_get(vm, a[0], inst, own);
}

void wrap(VM& vm, ClassObj* cls, StrObj* name, NativeFn fn, bool method = true) {
  if (!cls->dict->get_str(name).is_undef()) return;
  NativeFunctionObj* f = vm.new_native(name->view(), fn, cls);
  f->is_method = method;
  cls->dict->set_str(name, Value::object(f));
}

}  // namespace

void add_slot_wrappers(VM& vm, ClassObj* cls) {
  const TypeSlots& s = cls->slots;
  const TypeSlots* b = cls->mro.size() > 1 ? &cls->mro[1]->slots : nullptr;
  auto own = [&]<class F>(F TypeSlots::*f) { return s.*f && (!b || s.*f != b->*f); };
  Names& n = vm.n;
  if (own(&TypeSlots::repr)) wrap(vm, cls, n.__repr__, w_repr);
  if (own(&TypeSlots::str)) wrap(vm, cls, n.__str__, w_str);
  if (own(&TypeSlots::hash) && s.hash != slot_hash_unhashable) wrap(vm, cls, n.__hash__, w_hash);
  if (s.hash == slot_hash_unhashable && cls->dict->get_str(n.__hash__).is_undef())
    cls->dict->set_str(n.__hash__, Value::none());
  if (own(&TypeSlots::richcompare)) {
    wrap(vm, cls, n.__eq__, w_compare<CompareOp::Eq>);
    wrap(vm, cls, n.__ne__, w_compare<CompareOp::Ne>);
    wrap(vm, cls, n.__lt__, w_compare<CompareOp::Lt>);
    wrap(vm, cls, n.__le__, w_compare<CompareOp::Le>);
    wrap(vm, cls, n.__gt__, w_compare<CompareOp::Gt>);
    wrap(vm, cls, n.__ge__, w_compare<CompareOp::Ge>);
  }
  if (own(&TypeSlots::len)) wrap(vm, cls, n.__len__, w_len);
  if (own(&TypeSlots::iter)) wrap(vm, cls, n.__iter__, w_iter);
  if (own(&TypeSlots::next)) wrap(vm, cls, n.__next__, w_next);
  if (own(&TypeSlots::getitem)) wrap(vm, cls, n.__getitem__, w_getitem);
  if (own(&TypeSlots::setitem)) {
    wrap(vm, cls, n.__setitem__, w_setitem);
    wrap(vm, cls, n.__delitem__, w_delitem);
  }
  if (own(&TypeSlots::contains)) wrap(vm, cls, n.__contains__, w_contains);
  if (own(&TypeSlots::call)) wrap(vm, cls, n.__call__, w_call);
  if (own(&TypeSlots::getattr)) wrap(vm, cls, n.__getattribute__, w_getattribute);
  if (own(&TypeSlots::setattr)) {
    wrap(vm, cls, n.__setattr__, w_setattr);
    wrap(vm, cls, n.__delattr__, w_delattr);
  }
  if (own(&TypeSlots::init) && s.init != slot_init_noop) wrap(vm, cls, n.__init__, w_init);
  if (own(&TypeSlots::new_) && s.new_ != slot_new_disabled) wrap(vm, cls, n.__new__, w_new, false);
  if (own(&TypeSlots::descr_get)) wrap(vm, cls, n.__get__, w_get);
}

}  // namespace looplab
