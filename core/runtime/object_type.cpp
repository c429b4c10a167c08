// `object` and `type`: default behaviour of every object, class creation and instantiation.
#include <cstdio>

#include "lang/vm.h"
#include "runtime/builtin_types.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

bool compute_mro(VM& vm, ClassObj* cls);  // class.cpp

// ---- object ---------------------------------------------------------------------------------

static std::string qualified_name(ClassObj* cls) {
  std::string mod = cls->module ? cls->module->str() : "builtins";
  if (mod == "builtins") return cls->qualname->str();
  return mod + "." + cls->qualname->str();
}

static Value object_repr(VM& vm, Value self) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "0x%012llx",
                self.is_obj() ? (unsigned long long)(uintptr_t)self.o.get() : 0ull);
  return vm.str("<" + qualified_name(vm.type_of(self)) + " object at " + addr + ">");
}

static Value object_str(VM& vm, Value self) { return op_repr(vm, self); }

static bool object_hash(VM&, Value self, int64_t* out) {
  *out = self.is_obj() ? int64_t(uintptr_t(self.o.get()) >> 4) : 0;
  return true;
}

// mirrors object_richcompare: == is identity; != inverts __eq__.
static Value object_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (op == CompareOp::Eq) return a.same(b) ? Value::boolean(true) : vm.not_implemented;
  if (op == CompareOp::Ne) {
    auto eq = vm.type_of(a)->slots.richcompare;
    if (!eq) return vm.not_implemented;
    Value r = eq(vm, a, b, CompareOp::Eq);
    if (r.is_error() || r.same(vm.not_implemented)) return r;
    int truth = op_truth(vm, r);
    if (truth < 0) return Value::error();
    return Value::boolean(!truth);
  }
  return vm.not_implemented;
}

static Value object_getattr(VM& vm, Value self, StrObj* name) { return generic_getattr(vm, self, name); }
static bool object_setattr(VM& vm, Value self, StrObj* name, Value v) { return generic_setattr(vm, self, name, v); }

static bool excess_args(const CallArgs& a) { return a.nargs > 0 || a.nkw() > 0; }

static Value object_init(VM& vm, Value self, CallArgs& a);

static Value object_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (excess_args(a)) {
    if (cls->slots.new_ != object_new)
      return vm.raise(vm.t.TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (cls->slots.init == object_init)
      return vm.raisef(vm.t.TypeError, "%s() takes no arguments", cls->name->str().c_str());
  }
  if (cls->has(kClassAbstract))
    return vm.raisef(vm.t.TypeError, "cannot create '%s' instances", cls->name->str().c_str());
  switch (cls->instance_kind) {
    case Kind::Instance: return Value::object(vm.new_instance(cls));
    default:
      return vm.raisef(vm.t.TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                       cls->name->str().c_str(), cls->name->str().c_str());
  }
}

static Value object_init(VM& vm, Value self, CallArgs& a) {
  if (excess_args(a)) {
    ClassObj* cls = vm.type_of(self);
    if (cls->slots.init != object_init)
      return vm.raise(vm.t.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    if (cls->slots.new_ == object_new)
      return vm.raisef(vm.t.TypeError, "%s() takes no arguments", cls->name->str().c_str());
  }
  return Value::none();
}

static Value object_format(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "__format__", 2, 2)) return Value::error();
  if (!vm.isinstance(a[1], vm.t.str))
    return vm.raisef(vm.t.TypeError, "__format__() argument must be str, not %s", type_name(vm, a[1]).c_str());
  if (static_cast<StrObj*>(a[1].o)->size != 0)
    return vm.raisef(vm.t.TypeError, "unsupported format string passed to %s.__format__",
                     type_name(vm, a[0]).c_str());
  return op_str(vm, a[0]);
}

static Value object_init_subclass(VM&, CallArgs&) { return Value::none(); }

static Value object_get_class(VM& vm, CallArgs& a) { return Value::object(vm.type_of(a[0])); }

// The first engine-defined class in a class's MRO: what decides an instance's memory layout.
static ClassObj* layout_base(ClassObj* cls) {
  for (ClassObj* c : cls->mro)
    if (c->has(kClassBuiltin)) return c;
  return cls;
}

// The names a class's __slots__ value lists: a str is one name; a tuple, list or dict lists them.
static std::vector<Value> slots_items(Value slots) {
  std::vector<Value> items;
  if (!slots.is_obj()) return items;
  if (slots.o->kind == Kind::Str) {
    items.push_back(slots);
  } else if (slots.o->kind == Kind::Tuple) {
    auto* t = static_cast<TupleObj*>(slots.o);
    items.assign(t->items(), t->items() + t->size);
  } else if (slots.o->kind == Kind::List) {
    items = static_cast<ListObj*>(slots.o)->items;
  } else if (slots.o->kind == Kind::Dict) {
    static_cast<DictObj*>(slots.o)->for_each([&](Value k, Value) { items.push_back(k); });
  }
  return items;
}

// What __slots__ would give instances of `cls` in CPython: the slot names in MRO order, plus
// "__dict__" when instances have a dict. (Our instances always have one; the check is about
// what CPython would accept.)
static std::vector<std::string> slot_layout(VM& vm, ClassObj* cls) {
  std::vector<std::string> names;
  bool has_dict = false;
  for (ClassObj* c : cls->mro) {
    if (c->has(kClassBuiltin)) break;
    Value slots = c->dict->get_str(vm.intern("__slots__"));
    if (slots.is_undef()) {
      has_dict = true;
      continue;
    }
    for (Value v : slots_items(slots)) {
      if (v.is_obj() && v.o->kind == Kind::Str) {
        std::string name = static_cast<StrObj*>(v.o)->str();
        if (name == "__dict__") has_dict = true;
        else names.push_back(name);
      }
    }
  }
  if (has_dict) names.push_back("__dict__");
  return names;
}

// A __slots__ name as the class body's compiler would mangle it ("__x" in class _A is "_A__x").
static StrObj* mangled_slot(VM& vm, ClassObj* cls, StrObj* name) {
  std::string_view n = name->view(), c = cls->name->view();
  if (n.size() < 3 || n.substr(0, 2) != "__" || n.substr(n.size() - 2) == "__" ||
      n.find('.') != std::string_view::npos)
    return name;
  size_t lead = c.find_first_not_of('_');
  if (lead == std::string_view::npos) return name;
  return vm.intern("_" + std::string(c.substr(lead)) + std::string(n));
}

// mirrors type_new's __slots__ handling (typeobject.c type_new_slots): the names must be strings
// that no class attribute shadows. When every Python class in the MRO has __slots__ without
// "__dict__" (and instances are plain objects), instances take only those attributes:
// kClassSlotsOnly and `slot_names` (our instances still carry a dict; setattr refuses others).
static bool apply_slots(VM& vm, ClassObj* cls, Kind layout) {
  std::vector<Value> all;
  bool has_dict = layout != Kind::Instance;
  for (ClassObj* c : cls->mro) {
    if (c->has(kClassBuiltin)) break;
    Value slots = c->dict->get_str(vm.n.__slots__);
    if (slots.is_undef()) {
      has_dict = true;
      continue;
    }
    for (Value v : slots_items(slots)) {
      if (!v.is_obj() || v.o->kind != Kind::Str) {
        vm.raisef(vm.t.TypeError, "__slots__ items must be strings, not '%s'", type_name(vm, v).c_str());
        return false;
      }
      auto* name = static_cast<StrObj*>(v.o);
      if (name->view() == "__dict__") {
        has_dict = true;
        continue;
      }
      StrObj* slot = mangled_slot(vm, c, name);
      if (c == cls && !cls->dict->get_str(slot).is_undef()) {
        vm.raisef(vm.t.ValueError, "'%s' in __slots__ conflicts with class variable", name->data());
        return false;
      }
      all.push_back(Value::object(slot));
    }
  }
  if (has_dict) return true;
  cls->flags |= kClassSlotsOnly;
  cls->slot_names = vm.new_tuple(all.size());
  for (size_t i = 0; i < all.size(); i++) (*cls->slot_names)[i] = all[i];
  return true;
}

// mirrors object_set_class: only between Python classes whose instances are laid out alike.
static Value object_set_class(VM& vm, CallArgs& a) {
  Value self = a[0], value = a[1];
  if (!value.is_obj() || value.o->kind != Kind::Class)
    return vm.raisef(vm.t.TypeError, "__class__ must be set to a class, not '%s' object",
                     type_name(vm, value).c_str());
  ClassObj* old_cls = vm.type_of(self);
  ClassObj* new_cls = static_cast<ClassObj*>(value.o);
  if (!self.is_obj() || self.o->kind != Kind::Instance || new_cls->has(kClassBuiltin) ||
      old_cls->has(kClassBuiltin))
    return vm.raisef(vm.t.TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
  if (layout_base(old_cls) != layout_base(new_cls) ||
      slot_layout(vm, old_cls) != slot_layout(vm, new_cls))
    return vm.raisef(vm.t.TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                     new_cls->name->str().c_str(), old_cls->name->str().c_str());
  self.o->cls = new_cls;
  return Value::none();
}

static Value object_get_dict(VM& vm, CallArgs& a) {
  DictObj* d = vm.type_of(a[0])->has(kClassSlotsOnly) ? nullptr : instance_dict(vm, a[0], true);
  if (!d) return vm.raisef(vm.t.AttributeError, "'%s' object has no attribute '__dict__'", type_name(vm, a[0]).c_str());
  return Value::object(d);
}

static Value object_dir(VM& vm, CallArgs& a) {
  ListObj* out = vm.new_list();
  std::vector<StrObj*> names;
  auto add = [&](DictObj* d) {
    d->for_each([&](Value k, Value) {
      if (k.is_obj() && k.o->kind == Kind::Str) names.push_back(static_cast<StrObj*>(k.o));
    });
  };
  if (DictObj* d = instance_dict(vm, a[0], false)) add(d);
  for (ClassObj* c : vm.type_of(a[0])->mro) add(c->dict);
  std::sort(names.begin(), names.end(), [](StrObj* x, StrObj* y) { return x->view() < y->view(); });
  names.erase(std::unique(names.begin(), names.end(), [](StrObj* x, StrObj* y) { return x->view() == y->view(); }),
              names.end());
  for (StrObj* s : names) out->items.push_back(Value::object(s));
  return Value::object(out);
}

// A read-only attribute computed by a native (object.__class__ and the like).
PropertyObj* native_property(VM& vm, std::string_view name, NativeFn getter) {
  PropertyObj* p = vm.heap.make<PropertyObj>(vm.t.property);
  p->fget = Value::object(vm.new_native(name, getter));
  return p;
}

// ---- type -----------------------------------------------------------------------------------

static Value type_repr(VM& vm, Value self) {
  return vm.str("<class '" + qualified_name(static_cast<ClassObj*>(self.o)) + "'>");
}

// Creating an instance: __new__, then __init__ when the result is an instance of the class.
Value type_call(VM& vm, Value self, CallArgs& a) {
  ClassObj* cls = static_cast<ClassObj*>(self.o);
  if (cls == vm.t.type && a.nargs == 1 && a.nkw() == 0) return Value::object(vm.type_of(a[0]));
  if (!cls->slots.new_) return vm.raisef(vm.t.TypeError, "cannot create '%s' instances", cls->name->str().c_str());
  Value obj = cls->slots.new_(vm, cls, a);
  if (obj.is_error()) return obj;
  if (!vm.isinstance(obj, cls) || !cls->slots.init) return obj;
  Value r = vm.type_of(obj)->slots.init(vm, obj, a);
  if (r.is_error()) return r;
  return obj;
}

// mirrors type_getattro: metaclass data descriptors, then the class's MRO, then the metaclass.
static Value type_getattr(VM& vm, Value self, StrObj* name) {
  ClassObj* cls = static_cast<ClassObj*>(self.o);
  ClassObj* meta = vm.type_of(self);
  Value meta_attr = meta->lookup(name);
  ClassObj* meta_attr_cls = nullptr;
  if (!meta_attr.is_undef()) {
    meta_attr_cls = vm.type_of(meta_attr);
    if (meta_attr_cls->slots.descr_get && meta_attr_cls->slots.descr_set)
      return meta_attr_cls->slots.descr_get(vm, meta_attr, self, Value::object(meta));
  }
  Value attr = cls->lookup(name);
  if (!attr.is_undef()) {
    ClassObj* acls = vm.type_of(attr);
    if (acls->slots.descr_get) return acls->slots.descr_get(vm, attr, Value(), self);
    return attr;
  }
  if (name == vm.n.__name__) return Value::object(cls->name);
  if (name == vm.n.__qualname__) return Value::object(cls->qualname);
  if (name == vm.n.__module__) return Value::object(cls->module);
  if (name == vm.n.__bases__) return Value::object(cls->bases);
  if (name == vm.n.__dict__) return Value::object(cls->dict);
  if (name == vm.n.__doc__) return Value::none();
  if (name == vm.n.__mro__) {
    TupleObj* t = vm.new_tuple(cls->mro.size());
    for (size_t i = 0; i < cls->mro.size(); i++) (*t)[i] = Value::object(cls->mro[i]);
    return Value::object(t);
  }
  if (!meta_attr.is_undef()) {
    if (meta_attr_cls->slots.descr_get) return meta_attr_cls->slots.descr_get(vm, meta_attr, self, Value::object(meta));
    return meta_attr;
  }
  return Value();
}

static bool type_setattr(VM& vm, Value self, StrObj* name, Value v) {
  ClassObj* cls = static_cast<ClassObj*>(self.o);
  if (cls->has(kClassBuiltin)) {
    vm.raisef(vm.t.TypeError, "cannot set '%s' attribute of immutable type '%s'", name->str().c_str(),
              cls->name->str().c_str());
    return false;
  }
  Value meta_attr = vm.type_of(self)->lookup(name);
  if (!meta_attr.is_undef() && vm.type_of(meta_attr)->slots.descr_set)
    return vm.type_of(meta_attr)->slots.descr_set(vm, meta_attr, self, v);
  // __name__ and __qualname__ live in the class itself (type's descriptors in CPython), and
  // __module__ in its dict as well: repr() and tracebacks show them.
  bool is_str = v.is_obj() && vm.isinstance(v, vm.t.str);
  if (!v.is_undef() && (name == vm.n.__name__ || name == vm.n.__qualname__)) {
    if (!is_str) {
      vm.raisef(vm.t.TypeError, "can only assign string to %s.%s, not '%s'", cls->name->str().c_str(),
                name->str().c_str(), type_name(vm, v).c_str());
      return false;
    }
    (name == vm.n.__name__ ? cls->name : cls->qualname) = static_cast<StrObj*>(v.o);
    return true;
  }
  if (name == vm.n.__module__ && is_str) cls->module = static_cast<StrObj*>(v.o);
  if (v.is_undef()) {
    if (!cls->dict->del_str(name)) {
      vm.raisef(vm.t.AttributeError, "type object '%s' has no attribute '%s'", cls->name->str().c_str(),
                name->str().c_str());
      return false;
    }
  } else {
    cls->dict->set_str(name, v);
  }
  if (name->size > 4 && name->view().substr(0, 2) == "__") vm.update_slots(cls);
  return true;
}

// The instance layout of a new class: the most specific builtin layout among its bases.
static bool solid_layout(VM& vm, ClassObj* cls, Kind* out) {
  Kind kind = Kind::Instance;
  for (ClassObj* c : cls->mro) {
    if (!c->has(kClassBuiltin) || c == vm.t.object) continue;
    Kind k = c->instance_kind;
    if (k == Kind::Instance) continue;
    if (kind == Kind::Instance) kind = k;
    else if (kind != k) {
      vm.raise(vm.t.TypeError, "multiple bases have instance lay-out conflict");
      return false;
    }
  }
  *out = kind;
  return true;
}

// type(name, bases, namespace): what a class statement ends with.
Value type_new_class(VM& vm, ClassObj* meta, StrObj* name, TupleObj* bases, DictObj* ns, CallArgs* kw) {
  ClassObj* cls = vm.heap.make<ClassObj>(meta);
  cls->name = name;
  Value qn = ns->get_str(vm.n.__qualname__);
  cls->qualname = qn.is_obj() && qn.o->kind == Kind::Str ? static_cast<StrObj*>(qn.o) : name;
  Value mod = ns->get_str(vm.n.__module__);
  cls->module = mod.is_obj() && mod.o->kind == Kind::Str ? static_cast<StrObj*>(mod.o) : vm.intern("__main__");
  if (bases->size == 0) bases = vm.tuple_of({Value::object(vm.t.object)});
  for (size_t i = 0; i < bases->size; i++) {
    Value b = (*bases)[i];
    if (!b.is_obj() || b.o->kind != Kind::Class)
      return vm.raisef(vm.t.TypeError, "bases must be types");
    ClassObj* bc = static_cast<ClassObj*>(b.o);
    if (!bc->has(kClassBaseType))
      return vm.raisef(vm.t.TypeError, "type '%s' is not an acceptable base type", bc->name->str().c_str());
  }
  cls->bases = bases;
  cls->dict = vm.new_dict();
  cls->dict->is_class_dict = true;
  g_type_epoch++;
  Value classcell;
  ns->for_each([&](Value k, Value v) {
    StrObj* key = static_cast<StrObj*>(k.o);
    if (key == vm.n.__classcell__) classcell = v;
    else if (key != vm.n.__qualname__) cls->dict->set_str(key, v);
  });
  if (!compute_mro(vm, cls)) return Value::error();
  Kind layout;
  if (!solid_layout(vm, cls, &layout)) return Value::error();
  cls->instance_kind = layout;
  cls->flags = kClassBaseType | kClassHasDict;
  if (cls->is_subclass_of(vm.t.BaseException)) cls->flags |= kClassException;
  if (!apply_slots(vm, cls, layout)) return Value::error();
  // __eq__ without __hash__ makes instances unhashable, as in CPython.
  if (!cls->dict->get_str(vm.n.__eq__).is_undef() && cls->dict->get_str(vm.n.__hash__).is_undef())
    cls->dict->set_str(vm.n.__hash__, Value::none());
  // __new__ is implicitly a staticmethod; __init_subclass__ and __class_getitem__ classmethods.
  Value newf = cls->dict->get_str(vm.n.__new__);
  if (newf.is_obj() && newf.o->kind == Kind::Function)
    cls->dict->set_str(vm.n.__new__, Value::object(vm.heap.make<WrapperObj>(vm.t.staticmethod, Kind::StaticMethod, newf)));
  for (StrObj* n : {vm.n.__init_subclass__, vm.n.__class_getitem__}) {
    Value f = cls->dict->get_str(n);
    if (f.is_obj() && f.o->kind == Kind::Function)
      cls->dict->set_str(n, Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, f)));
  }
  vm.update_slots(cls);
  if (classcell.is_obj() && classcell.o->kind == Kind::Cell) static_cast<CellObj*>(classcell.o)->value = Value::object(cls);

  // __set_name__ on attributes, then the parent's __init_subclass__(**kwargs).
  std::vector<std::pair<Value, Value>> attrs;
  cls->dict->for_each([&](Value k, Value v) { attrs.emplace_back(k, v); });
  for (auto& [k, v] : attrs) {
    Value sn = vm.type_of(v)->lookup(vm.n.__set_name__);
    if (sn.is_undef()) continue;
    Value args[3] = {v, Value::object(cls), k};
    if (vm.call(sn, args, 3).is_error()) return Value::error();
  }
  if (cls->mro.size() > 1) {
    ClassObj* parent = cls->mro[1];
    Value init_sub;
    for (size_t i = 1; i < cls->mro.size() && init_sub.is_undef(); i++)
      init_sub = cls->mro[i]->dict->get_str(vm.n.__init_subclass__);
    (void)parent;
    if (init_sub.is_obj() && init_sub.o->kind == Kind::ClassMethod) {
      Value f = static_cast<WrapperObj*>(init_sub.o)->func;
      std::vector<Value> argv{Value::object(cls)};
      size_t nkw = kw ? kw->nkw() : 0;
      for (size_t i = 0; i < nkw; i++) argv.push_back(kw->kwvalue(i));
      if (vm.call(f, argv.data(), 1, nkw ? kw->kwnames : nullptr).is_error()) return Value::error();
    } else if (kw && kw->nkw() > 0) {
      return vm.raisef(vm.t.TypeError, "%s.__init_subclass__() takes no keyword arguments", cls->name->str().c_str());
    }
  }
  return Value::object(cls);
}

static Value type_new(VM& vm, ClassObj* meta, CallArgs& a) {
  if (a.nargs == 1 && a.nkw() == 0) return Value::object(vm.type_of(a[0]));
  if (a.nargs != 3) return vm.raise(vm.t.TypeError, "type() takes 1 or 3 arguments");
  if (!vm.isinstance(a[0], vm.t.str) || !vm.isinstance(a[1], vm.t.tuple) || !vm.isinstance(a[2], vm.t.dict))
    return vm.raise(vm.t.TypeError, "type.__new__() argument 1 must be str");
  return type_new_class(vm, meta, static_cast<StrObj*>(a[0].o), static_cast<TupleObj*>(a[1].o),
                        static_cast<DictObj*>(a[2].o), &a);
}

static Value type_init(VM&, Value, CallArgs&) { return Value::none(); }

static Value type_mro_method(VM& vm, CallArgs& a) {
  ClassObj* cls = static_cast<ClassObj*>(a[0].o);
  ListObj* l = vm.new_list();
  for (ClassObj* c : cls->mro) l->items.push_back(Value::object(c));
  return Value::object(l);
}

static Value type_subclasscheck(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "__subclasscheck__", 2, 2)) return Value::error();
  if (!a[1].is_obj() || a[1].o->kind != Kind::Class) return vm.raise(vm.t.TypeError, "issubclass() arg 1 must be a class");
  return Value::boolean(static_cast<ClassObj*>(a[1].o)->is_subclass_of(static_cast<ClassObj*>(a[0].o)));
}

// None, NotImplemented and Ellipsis: singletons with fixed reprs.
static Value none_repr(VM& vm, Value) { return vm.str("None"); }
static Value not_implemented_repr(VM& vm, Value) { return vm.str("NotImplemented"); }
static Value ellipsis_repr(VM& vm, Value) { return vm.str("Ellipsis"); }
static int none_truth(VM&, Value) { return 0; }
static Value singleton_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!check_nargs(vm, a, cls->name->str(), 0, 0)) return Value::error();
  if (cls == vm.t.none_type) return Value::none();
  return cls == vm.t.not_implemented_type ? vm.not_implemented : vm.ellipsis;
}

void init_object_and_type(VM& vm) {
  vm.t.none_type->slots.repr = none_repr;
  vm.t.none_type->slots.truth = none_truth;
  vm.t.none_type->slots.new_ = singleton_new;
  vm.t.not_implemented_type->slots.repr = not_implemented_repr;
  vm.t.not_implemented_type->slots.new_ = singleton_new;
  vm.t.ellipsis_type->slots.repr = ellipsis_repr;
  vm.t.ellipsis_type->slots.new_ = singleton_new;
  TypeSlots& o = vm.t.object->slots;
  o.repr = object_repr;
  o.str = object_str;
  o.hash = object_hash;
  o.richcompare = object_richcompare;
  o.getattr = object_getattr;
  o.setattr = object_setattr;
  o.new_ = object_new;
  o.init = object_init;
  vm.def_method(vm.t.object, "__format__", object_format);
  vm.def_method(vm.t.object, "__dir__", object_dir);
  {
    NativeFunctionObj* f = vm.new_native("__init_subclass__", object_init_subclass);
    vm.t.object->dict->set_str(vm.n.__init_subclass__,
                               Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(f))));
  }
  PropertyObj* class_property = native_property(vm, "__class__", object_get_class);
  class_property->fset = Value::object(vm.new_native("__class__", object_set_class));
  vm.t.object->dict->set_str(vm.n.__class__, Value::object(class_property));
  vm.t.object->dict->set_str(vm.n.__dict__, Value::object(native_property(vm, "__dict__", object_get_dict)));

  TypeSlots& t = vm.t.type->slots;
  t = o;
  t.repr = type_repr;
  t.call = type_call;
  t.getattr = type_getattr;
  t.setattr = type_setattr;
  t.new_ = type_new;
  t.init = type_init;
  vm.def_method(vm.t.type, "mro", type_mro_method);
  vm.def_method(vm.t.type, "__subclasscheck__", type_subclasscheck);
}

}  // namespace looplab
