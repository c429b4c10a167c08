// mirrors Objects/typeobject.c slot_tp_* / SLOT1BINFULL: generic slots calling dunders.
#include "runtime/slots.h"

#include <cstring>

#include "lang/vm.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"

namespace looplab {

Value call_special(VM& vm, Value self, StrObj* name, const Value* args, size_t nargs) {
  ClassObj* cls = vm.type_of(self);
  Value attr = cls->lookup(name);
  if (attr.is_undef()) return Value();
  Value buf[4];
  std::vector<Value> big;
  Value* argv = buf;
  if (nargs + 1 > 4) {
    big.resize(nargs + 1);
    argv = big.data();
  }
  // Plain functions are called unbound with self first (no bound-method object).
  if (attr.is_obj() && (attr.o->kind == Kind::Function ||
                        (attr.o->kind == Kind::Native &&
                         static_cast<NativeFunctionObj*>(attr.o)->is_method))) {
    argv[0] = self;
    for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
    return vm.call(attr, argv, nargs + 1);
  }
  ClassObj* acls = vm.type_of(attr);
  if (acls->slots.descr_get) {
    attr = acls->slots.descr_get(vm, attr, self, Value::object(cls));
    if (attr.is_error()) return attr;
  }
  return vm.call(attr, args, nargs);
}

static Value call0(VM& vm, Value self, StrObj* name) { return call_special(vm, self, name, nullptr, 0); }

static Value missing(VM& vm, Value self, StrObj* name) {
  return vm.raisef(vm.t.TypeError, "'%s' object has no attribute '%s'", type_name(vm, self).c_str(),
                   name->str().c_str());
}

static Value expect_str(VM& vm, Value r, const char* what) {
  if (r.is_error()) return r;
  if (!vm.isinstance(r, vm.t.str))
    return vm.raisef(vm.t.TypeError, "%s returned non-string (type %s)", what, type_name(vm, r).c_str());
  return r;
}

Value slot_repr(VM& vm, Value self) {
  Value r = call0(vm, self, vm.n.__repr__);
  if (r.is_undef()) return missing(vm, self, vm.n.__repr__);
  return expect_str(vm, r, "__repr__");
}

Value slot_str(VM& vm, Value self) {
  Value r = call0(vm, self, vm.n.__str__);
  if (r.is_undef()) return op_repr(vm, self);
  return expect_str(vm, r, "__str__");
}

bool slot_hash(VM& vm, Value self, int64_t* out) {
  Value r = call0(vm, self, vm.n.__hash__);
  if (r.is_error()) return false;
  if (r.is_undef() || r.is_none()) {
    vm.raisef(vm.t.TypeError, "unhashable type: '%s'", type_name(vm, self).c_str());
    return false;
  }
  if (r.is_int()) {
    *out = r.i == -1 ? -2 : r.i;
    return true;
  }
  if (r.is_bool()) {
    *out = r.b;
    return true;
  }
  if (r.is_obj() && r.o->kind == Kind::BigInt) {
    // CPython reduces a big __hash__ result with the int hash; any stable reduction works.
    int64_t h = 0;
    for (uint32_t d : static_cast<BigIntObj*>(r.o)->digits) h = h * 1000003 ^ d;
    *out = h == -1 ? -2 : h;
    return true;
  }
  vm.raise(vm.t.TypeError, "__hash__ method should return an integer");
  return false;
}

static StrObj* compare_dunder(VM& vm, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return vm.n.__lt__;
    case CompareOp::Le: return vm.n.__le__;
    case CompareOp::Eq: return vm.n.__eq__;
    case CompareOp::Ne: return vm.n.__ne__;
    case CompareOp::Gt: return vm.n.__gt__;
    case CompareOp::Ge: return vm.n.__ge__;
  }
  return vm.n.__eq__;
}

// Called for the left operand's type with (a, b), or for the right's with the reflected op
// already swapped by op_compare; either way `a` is the object whose method runs.
Value slot_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  StrObj* name = compare_dunder(vm, op);
  ClassObj* cls = vm.type_of(a);
  Value attr = cls->lookup(name);
  if (attr.is_undef()) return vm.not_implemented;
  // A builtin definer (object.__eq__ etc.) is reached through its native slot.
  for (ClassObj* c : cls->mro) {
    if (!c->dict->get_str(name).is_undef()) {
      if (c->has(kClassBuiltin)) {
        if (!c->slots.richcompare || c->slots.richcompare == slot_richcompare) return vm.not_implemented;
        return c->slots.richcompare(vm, a, b, op);
      }
      break;
    }
  }
  Value arg = b;
  return call_special(vm, a, name, &arg, 1);
}

int slot_truth(VM& vm, Value self) {
  Value r = call0(vm, self, vm.n.__bool__);
  if (r.is_error()) return -1;
  if (r.is_undef()) {
    int64_t n = slot_len(vm, self);
    return n < 0 ? -1 : n > 0;
  }
  if (!r.is_bool()) {
    vm.raisef(vm.t.TypeError, "__bool__ should return bool, returned %s", type_name(vm, r).c_str());
    return -1;
  }
  return r.b;
}

int64_t slot_len(VM& vm, Value self) {
  Value r = call0(vm, self, vm.n.__len__);
  if (r.is_error()) return -1;
  if (r.is_undef()) {
    vm.raisef(vm.t.TypeError, "object of type '%s' has no len()", type_name(vm, self).c_str());
    return -1;
  }
  if (r.is_bool()) return r.b;
  if (!r.is_int()) {
    vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, r).c_str());
    return -1;
  }
  if (r.i < 0) {
    vm.raise(vm.t.ValueError, "__len__() should return >= 0");
    return -1;
  }
  return r.i;
}

Value slot_iter(VM& vm, Value self) {
  Value r = call0(vm, self, vm.n.__iter__);
  if (r.is_undef()) return vm.raisef(vm.t.TypeError, "'%s' object is not iterable", type_name(vm, self).c_str());
  if (r.is_error()) return r;
  if (!vm.type_of(r)->slots.next)
    return vm.raisef(vm.t.TypeError, "iter() returned non-iterator of type '%s'", type_name(vm, r).c_str());
  return r;
}

Value slot_next(VM& vm, Value self) {
  Value r = call0(vm, self, vm.n.__next__);
  if (r.is_error() && vm.pending_is(vm.t.StopIteration)) {
    vm.clear_exception();
    return Value();
  }
  return r;
}

Value slot_getitem(VM& vm, Value self, Value key) {
  Value r = call_special(vm, self, vm.n.__getitem__, &key, 1);
  if (r.is_undef()) return vm.raisef(vm.t.TypeError, "'%s' object is not subscriptable", type_name(vm, self).c_str());
  return r;
}

bool slot_setitem(VM& vm, Value self, Value key, Value value) {
  Value r;
  if (value.is_undef()) {
    r = call_special(vm, self, vm.n.__delitem__, &key, 1);
    if (r.is_undef()) {
      vm.raisef(vm.t.TypeError, "'%s' object doesn't support item deletion", type_name(vm, self).c_str());
      return false;
    }
  } else {
    Value args[2] = {key, value};
    r = call_special(vm, self, vm.n.__setitem__, args, 2);
    if (r.is_undef()) {
      vm.raisef(vm.t.TypeError, "'%s' object does not support item assignment", type_name(vm, self).c_str());
      return false;
    }
  }
  return !r.is_error();
}

int slot_contains(VM& vm, Value self, Value item) {
  Value r = call_special(vm, self, vm.n.__contains__, &item, 1);
  if (r.is_error()) return -1;
  if (r.is_undef()) {
    // No __contains__: iterate (the sequence protocol), as CPython does.
    int found = 0;
    bool ok = op_for_each(vm, self, [&](Value v) {
      int eq = op_eq(vm, v, item);
      if (eq != 0) found = eq;
      return eq == 0 ? 1 : (eq > 0 ? 0 : -1);
    });
    return ok ? found : -1;
  }
  return op_truth(vm, r);
}

Value slot_call(VM& vm, Value self, CallArgs& args) {
  Value attr = vm.type_of(self)->lookup(vm.n.__call__);
  if (attr.is_undef()) return vm.raisef(vm.t.TypeError, "'%s' object is not callable", type_name(vm, self).c_str());
  std::vector<Value> argv;
  argv.reserve(args.nargs + args.nkw() + 1);
  argv.push_back(self);
  for (size_t i = 0; i < args.nargs + args.nkw(); i++) argv.push_back(args.args[i]);
  if (attr.is_obj() && attr.o->kind != Kind::Function && attr.o->kind != Kind::Native) {
    ClassObj* acls = vm.type_of(attr);
    if (acls->slots.descr_get) {
      attr = acls->slots.descr_get(vm, attr, self, Value::object(vm.type_of(self)));
      if (attr.is_error()) return attr;
      return vm.call(attr, argv.data() + 1, args.nargs, args.kwnames);
    }
  }
  return vm.call(attr, argv.data(), args.nargs + 1, args.kwnames);
}

Value slot_getattr(VM& vm, Value self, StrObj* name) {
  ClassObj* cls = vm.type_of(self);
  Value r;
  Value getattribute = cls->lookup(vm.n.__getattribute__);
  bool custom = false;
  for (ClassObj* c : cls->mro) {
    if (!c->dict->get_str(vm.n.__getattribute__).is_undef()) {
      custom = !c->has(kClassBuiltin);
      break;
    }
  }
  if (custom && !getattribute.is_undef()) {
    Value arg = Value::object(name);
    r = call_special(vm, self, vm.n.__getattribute__, &arg, 1);
  } else {
    r = generic_getattr(vm, self, name);
  }
  if (!r.is_undef() && !(r.is_error() && vm.pending_is(vm.t.AttributeError))) return r;
  if (cls->lookup(vm.n.__getattr__).is_undef()) return r;
  Value saved = r.is_error() ? vm.take_exception() : Value();
  Value arg = Value::object(name);
  Value r2 = call_special(vm, self, vm.n.__getattr__, &arg, 1);
  (void)saved;
  return r2;
}

bool slot_setattr(VM& vm, Value self, StrObj* name, Value value) {
  Value r;
  if (value.is_undef()) {
    Value arg = Value::object(name);
    r = call_special(vm, self, vm.n.__delattr__, &arg, 1);
  } else {
    Value args[2] = {Value::object(name), value};
    r = call_special(vm, self, vm.n.__setattr__, args, 2);
  }
  if (r.is_undef()) return generic_setattr(vm, self, name, value);
  return !r.is_error();
}

static const char* const kBinopNames[][3] = {
    {"__add__", "__radd__", "__iadd__"},         {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}, {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"},         {"__or__", "__ror__", "__ior__"},
    {"__pow__", "__rpow__", "__ipow__"},         {"__rshift__", "__rrshift__", "__irshift__"},
    {"__sub__", "__rsub__", "__isub__"},         {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

static int base_index(BinOp op) { return int(op) % 13; }
static bool is_inplace(BinOp op) { return int(op) >= 13; }

const char* binop_dunder(BinOp op) { return kBinopNames[base_index(op)][is_inplace(op) ? 2 : 0]; }
const char* binop_rdunder(BinOp op) { return kBinopNames[base_index(op)][1]; }

bool is_binop_dunder(const StrObj* name) {
  std::string_view s = name->view();
  if (s.size() < 6 || s.substr(0, 2) != "__") return false;
  for (auto& row : kBinopNames)
    for (const char* n : row)
      if (s == n) return true;
  return false;
}

// mirrors SLOT1BINFULL; an in-place op only tries the in-place method of `a`.
Value slot_binop(VM& vm, Value a, Value b, BinOp op) {
  if (is_inplace(op)) {
    Value r = call_special(vm, a, vm.intern(binop_dunder(op)), &b, 1);
    return r.is_undef() ? vm.not_implemented : r;
  }
  StrObj* fwd = vm.intern(binop_dunder(op));
  StrObj* rev = vm.intern(binop_rdunder(op));
  ClassObj* ta = vm.type_of(a);
  ClassObj* tb = vm.type_of(b);
  bool do_other = ta != tb && tb->slots.binop == slot_binop;
  if (ta->slots.binop == slot_binop) {
    if (do_other && tb->is_subclass_of(ta) && !tb->lookup(rev).is_undef()) {
      Value r = call_special(vm, b, rev, &a, 1);
      if (r.is_error() || (!r.is_undef() && !r.same(vm.not_implemented))) return r;
      do_other = false;
    }
    Value r = call_special(vm, a, fwd, &b, 1);
    if (r.is_error()) return r;
    if (!r.is_undef() && !r.same(vm.not_implemented)) return r;
    if (ta == tb) return vm.not_implemented;
  }
  if (do_other) {
    Value r = call_special(vm, b, rev, &a, 1);
    return r.is_undef() ? vm.not_implemented : r;
  }
  return vm.not_implemented;
}

Value slot_unary(VM& vm, Value self, UnaryOp op) {
  StrObj* name = op == UnaryOp::Negative ? vm.n.__neg__
                 : op == UnaryOp::Positive ? vm.n.__pos__
                 : op == UnaryOp::Invert ? vm.n.__invert__ : vm.n.__abs__;
  Value r = call0(vm, self, name);
  if (r.is_undef()) {
    const char* sym = op == UnaryOp::Negative ? "unary -" : op == UnaryOp::Positive ? "unary +"
                      : op == UnaryOp::Invert ? "unary ~" : "abs()";
    return vm.raisef(vm.t.TypeError, "bad operand type for %s: '%s'", sym, type_name(vm, self).c_str());
  }
  return r;
}

Value slot_descr_get(VM& vm, Value descr, Value instance, Value owner) {
  Value args[2] = {instance.is_undef() ? Value::none() : instance, owner};
  Value r = call_special(vm, descr, vm.n.__get__, args, 2);
  return r.is_undef() ? descr : r;
}

bool slot_descr_set(VM& vm, Value descr, Value instance, Value value) {
  Value r;
  if (value.is_undef()) {
    r = call_special(vm, descr, vm.n.__delete__, &instance, 1);
  } else {
    Value args[2] = {instance, value};
    r = call_special(vm, descr, vm.n.__set__, args, 2);
  }
  if (r.is_undef()) {
    vm.raise(vm.t.AttributeError, value.is_undef() ? "__delete__" : "__set__");
    return false;
  }
  return !r.is_error();
}

// __new__ is an implicit staticmethod: called as cls.__new__(cls, *args).
Value slot_new(VM& vm, ClassObj* cls, CallArgs& args) {
  Value fn = cls->lookup(vm.n.__new__);
  if (fn.is_obj() && fn.o->kind == Kind::StaticMethod) fn = static_cast<WrapperObj*>(fn.o)->func;
  std::vector<Value> argv;
  argv.reserve(args.nargs + args.nkw() + 1);
  argv.push_back(Value::object(cls));
  for (size_t i = 0; i < args.nargs + args.nkw(); i++) argv.push_back(args.args[i]);
  return vm.call(fn, argv.data(), args.nargs + 1, args.kwnames);
}

Value slot_init(VM& vm, Value self, CallArgs& args) {
  Value fn = vm.type_of(self)->lookup(vm.n.__init__);
  std::vector<Value> argv;
  argv.reserve(args.nargs + args.nkw() + 1);
  argv.push_back(self);
  for (size_t i = 0; i < args.nargs + args.nkw(); i++) argv.push_back(args.args[i]);
  Value r = vm.call(fn, argv.data(), args.nargs + 1, args.kwnames);
  if (r.is_error()) return r;
  if (!r.is_none())
    return vm.raisef(vm.t.TypeError, "__init__() should return None, not '%s'", type_name(vm, r).c_str());
  return r;
}

}  // namespace looplab
