// types.GenericAlias, what `list[int]` and `dict[str, int]` evaluate to (annotations mostly):
// repr "list[int]", __origin__/__args__, calling makes an instance of the origin, other
// attributes come from the origin, and it can be a base class (__mro_entries__).
// mirrors Objects/genericaliasobject.c (the parts without type variables).
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

struct GenericAliasObj final : Obj {
  Value origin;
  TupleObj* args;
  GenericAliasObj(ClassObj* cls, Value o, TupleObj* a) : Obj(cls, Kind::Other), origin(o), args(a) {}
  void trace(Tracer& t) override {
    t.mark(origin);
    t.mark(args);
  }
};

inline GenericAliasObj* as_alias(Value v) { return static_cast<GenericAliasObj*>(v.o); }
bool is_alias(VM& vm, Value v) { return v.is_obj() && v.o->cls == ctypes(vm).generic_alias; }

// mirrors ga_repr_item.
bool repr_item(VM& vm, Value p, std::string& out) {
  if (p.same(vm.ellipsis)) {
    out += "...";
    return true;
  }
  if (is_alias(vm, p) || !(p.is_obj() && p.o->kind == Kind::Class)) {
    std::string s;
    if (!repr_text(vm, p, s)) return false;
    out += s;
    return true;
  }
  ClassObj* c = static_cast<ClassObj*>(p.o);
  std::string mod = c->module ? c->module->str() : "builtins";
  if (mod != "builtins") out += mod + ".";
  out += c->qualname->str();
  return true;
}

Value ga_repr(VM& vm, Value self) {
  GenericAliasObj* g = as_alias(self);
  std::string out;
  if (!repr_item(vm, g->origin, out)) return Value::error();
  out += "[";
  if (g->args->size == 0) out += "()";
  for (size_t i = 0; i < g->args->size; i++) {
    if (i) out += ", ";
    if (!repr_item(vm, (*g->args)[i], out)) return Value::error();
  }
  out += "]";
  return vm.str(out);
}

Value ga_getattr(VM& vm, Value self, StrObj* name) {
  GenericAliasObj* g = as_alias(self);
  std::string_view n = name->view();
  if (n == "__origin__") return g->origin;
  if (n == "__args__") return Value::object(g->args);
  if (n == "__parameters__") return Value::object(vm.new_tuple(0));
  static const char* const own[] = {"__class__", "__mro_entries__", "__reduce_ex__", "__reduce__",
                                    "__copy__",  "__deepcopy__",    "__unpacked__"};
  for (const char* o : own)
    if (n == o) return generic_getattr(vm, self, name);
  return op_getattr(vm, g->origin, name);
}

Value ga_call(VM& vm, Value self, CallArgs& a) { return vm.call(as_alias(self)->origin, a.args, a.nargs, a.kwnames); }

Value ga_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_alias(vm, a) || !is_alias(vm, b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return vm.not_implemented;
  int eq = op_eq(vm, as_alias(a)->origin, as_alias(b)->origin);
  if (eq < 0) return Value::error();
  if (eq) {
    eq = op_eq(vm, Value::object(as_alias(a)->args), Value::object(as_alias(b)->args));
    if (eq < 0) return Value::error();
  }
  return Value::boolean(op == CompareOp::Eq ? eq : !eq);
}

bool ga_hash(VM& vm, Value self, int64_t* out) {
  int64_t h0, h1;
  if (!op_hash(vm, as_alias(self)->origin, &h0) || !op_hash(vm, Value::object(as_alias(self)->args), &h1)) return false;
  *out = h0 ^ h1;
  if (*out == -1) *out = -2;
  return true;
}

Value ga_mro_entries(VM& vm, CallArgs& a) {
  if (a.nargs != 2 || !is_alias(vm, a[0])) return vm.raise(vm.t.TypeError, "__mro_entries__ expects one argument");
  return Value::object(vm.tuple_of({as_alias(a[0])->origin}));
}

Value ga_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!check_no_kw(vm, a, "GenericAlias") || !check_positional(vm, "GenericAlias", a.nargs, 2, 2))
    return Value::error();
  TupleObj* args = a[1].is_obj() && a[1].o->kind == Kind::Tuple ? static_cast<TupleObj*>(a[1].o) : vm.tuple_of({a[1]});
  return Value::object(vm.heap.make<GenericAliasObj>(cls, a[0], args));
}

// cls.__class_getitem__(item): a classmethod, called with (cls, item).
Value class_getitem(VM& vm, CallArgs& a) {
  std::string qual = (a.nargs > 0 && a[0].is_obj() && a[0].o->kind == Kind::Class
                          ? static_cast<ClassObj*>(a[0].o)->name->str()
                          : std::string("type")) + ".__class_getitem__";
  if (!check_one_arg(vm, a, qual)) return Value::error();
  Value item = a[1];
  TupleObj* args = item.is_obj() && item.o->kind == Kind::Tuple && item.o->cls == vm.t.tuple
                       ? static_cast<TupleObj*>(item.o)
                       : vm.tuple_of({item});
  return Value::object(vm.heap.make<GenericAliasObj>(ctypes(vm).generic_alias, a[0], args));
}

}  // namespace

void add_class_getitem(VM& vm, ClassObj* cls) {
  NativeFunctionObj* f = vm.new_native("__class_getitem__", class_getitem, cls);
  f->is_method = false;
  cls->dict->set_str(vm.n.__class_getitem__,
                     Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(f))));
}

void init_generic_alias(VM& vm) {
  ClassObj* c = new_container_class(vm, "GenericAlias", Kind::Other, false, "types");
  ctypes(vm).generic_alias = c;
  TypeSlots& s = c->slots;
  s.new_ = ga_new;
  s.repr = ga_repr;
  s.getattr = ga_getattr;
  s.call = ga_call;
  s.richcompare = ga_richcompare;
  s.hash = ga_hash;
  vm.def_method(c, "__mro_entries__", ga_mro_entries);
  finish_class(vm, c);
}

}  // namespace looplab
