// dict views (dict_keys, dict_values, dict_items: dynamic, with len, iteration, `in`, reversed,
// set comparisons and set operators for keys and items) and the dict iterators, forward and
// reverse, with CPython's "dictionary changed size during iteration" checks.
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

enum class ViewKind : uint8_t { Keys, Values, Items };

struct DictViewObj final : Obj {
  DictObj* dict;
  ViewKind what;
  DictViewObj(ClassObj* cls, DictObj* d, ViewKind w) : Obj(cls, Kind::Other), dict(d), what(w) {}
  void trace(Tracer& t) override { t.mark(dict); }
};

struct DictIterObj final : Obj {
  DictObj* dict;      // nullptr once exhausted
  int64_t pos;        // next entry position to look at (reverse: the one before it)
  size_t used;        // dict size when made; a difference means the dict changed size
  int64_t remaining;  // items still expected ("dictionary keys changed during iteration")
  ViewKind what;
  bool reverse;
  bool broken = false;  // "changed size" is sticky, as CPython's di_used = -1
  DictIterObj(ClassObj* cls, DictObj* d, ViewKind w, bool rev)
      : Obj(cls, Kind::Other), dict(d), pos(rev ? int64_t(d->entries.size()) - 1 : 0), used(d->used),
        remaining(int64_t(d->used)), what(w), reverse(rev) {}
  void trace(Tracer& t) override { t.mark(dict); }
};

ContainerTypes& ct(VM& vm) { return ctypes(vm); }

bool is_view(VM& vm, Value v) {
  if (!v.is_obj() || v.o->kind != Kind::Other) return false;
  ClassObj* c = v.o->cls;
  ContainerTypes& t = ct(vm);
  return c == t.dict_keys || c == t.dict_values || c == t.dict_items;
}

// Keys and items views are set-like.
bool is_set_view(VM& vm, Value v) {
  if (!v.is_obj() || v.o->kind != Kind::Other) return false;
  ClassObj* c = v.o->cls;
  return c == ct(vm).dict_keys || c == ct(vm).dict_items;
}

inline DictViewObj* as_view(Value v) { return static_cast<DictViewObj*>(v.o); }
inline DictIterObj* as_iter(Value v) { return static_cast<DictIterObj*>(v.o); }

// ---- iterators ------------------------------------------------------------------------------

// mirrors dictiter_iternextkey / dictreviter_iternext.
Value dictiter_next(VM& vm, Value self) {
  DictIterObj* it = as_iter(self);
  DictObj* d = it->dict;
  if (!d) return Value();
  if (it->broken || it->used != d->used) {
    it->broken = true;
    return vm.raise(vm.t.RuntimeError, "dictionary changed size during iteration");
  }
  int64_t i = it->reverse ? dict_prev_entry(d, it->pos) : dict_next_entry(d, it->pos);
  if (i < 0) {
    it->dict = nullptr;
    return Value();
  }
  if (it->remaining == 0) {
    it->dict = nullptr;
    return vm.raise(vm.t.RuntimeError, "dictionary keys changed during iteration");
  }
  it->pos = it->reverse ? i - 1 : i + 1;
  it->remaining--;
  const DictEntry& e = d->entries[size_t(i)];
  switch (it->what) {
    case ViewKind::Keys: return e.key;
    case ViewKind::Values: return e.value;
    case ViewKind::Items: return Value::object(vm.tuple_of({e.key, e.value}));
  }
  return Value();
}

Value dictiter_iter(VM&, Value self) { return self; }

Value dictiter_length_hint(VM& vm, CallArgs& a) {
  DictIterObj* it = as_iter(a[0]);
  (void)vm;
  if (it->dict && it->used == it->dict->used) return Value::integer(it->remaining);
  return Value::integer(0);
}

// ---- views ----------------------------------------------------------------------------------

int64_t view_len(VM&, Value self) { return int64_t(as_view(self)->dict->used); }

Value view_iter(VM& vm, Value self) {
  DictViewObj* v = as_view(self);
  ContainerTypes& t = ct(vm);
  ClassObj* cls = v->what == ViewKind::Keys ? t.dict_keyiterator
                  : v->what == ViewKind::Values ? t.dict_valueiterator : t.dict_itemiterator;
  return make_dict_iterator(vm, v->dict, cls, false);
}

Value view_reversed(VM& vm, CallArgs& a) {
  if (a.nargs < 1 || !is_view(vm, a[0])) return vm.raise(vm.t.TypeError, "__reversed__ expects a dict view");
  if (!check_no_args(vm, a, vm.type_of(a[0])->name->str() + ".__reversed__")) return Value::error();
  DictViewObj* v = as_view(a[0]);
  ContainerTypes& t = ct(vm);
  ClassObj* cls = v->what == ViewKind::Keys ? t.dict_reversekeyiterator
                  : v->what == ViewKind::Values ? t.dict_reversevalueiterator : t.dict_reverseitemiterator;
  return make_dict_iterator(vm, v->dict, cls, true);
}

// mirrors dictview_repr: "dict_keys([1, 2])".
Value view_repr(VM& vm, Value self) {
  DictViewObj* v = as_view(self);
  RecursionGuard guard(vm, kInRepr);
  if (!guard.ok()) return Value::error();
  if (!repr_enter(vm, v)) return vm.str("...");
  ListObj* items = vm.new_list();
  bool ok = for_each_item(vm, self, [&](Value x) {
    items->items.push_back(x);
    return 1;
  });
  std::string body;
  if (ok) ok = repr_text(vm, Value::object(items), body);
  repr_leave(vm, v);
  if (!ok) return Value::error();
  return vm.str(vm.type_of(self)->name->str() + "(" + body + ")");
}

int keys_contains(VM& vm, Value self, Value key) {
  Value v = as_view(self)->dict->get(vm, key);
  if (v.is_error()) return -1;
  return !v.is_undef();
}

// mirrors dictitems_contains: (key, value) with d[key] == value.
int items_contains(VM& vm, Value self, Value item) {
  if (!item.is_obj() || item.o->kind != Kind::Tuple || static_cast<TupleObj*>(item.o)->size != 2) return 0;
  TupleObj* t = static_cast<TupleObj*>(item.o);
  Value found = as_view(self)->dict->get(vm, (*t)[0]);
  if (found.is_error()) return -1;
  if (found.is_undef()) return 0;
  return op_eq(vm, found, (*t)[1]);
}

int view_contains(VM& vm, Value self, Value item) {
  return as_view(self)->what == ViewKind::Keys ? keys_contains(vm, self, item) : items_contains(vm, self, item);
}

// mirrors all_contained_in: every item of a is in b.
int all_contained_in(VM& vm, Value a, Value b) {
  int ok = 1;
  bool done = for_each_item(vm, a, [&](Value x) {
    int r = op_contains(vm, b, x);
    if (r < 0) return -1;
    if (!r) {
      ok = 0;
      return 0;
    }
    return 1;
  });
  return done ? ok : -1;
}

bool is_anyset(Value v) { return v.is_obj() && v.o->kind == Kind::Set; }

// mirrors dictview_richcompare.
Value view_richcompare(VM& vm, Value self, Value other, CompareOp op) {
  if (!is_anyset(other) && !is_set_view(vm, other)) return vm.not_implemented;
  int64_t len_self = op_len(vm, self);
  if (len_self < 0) return Value::error();
  int64_t len_other = op_len(vm, other);
  if (len_other < 0) return Value::error();
  int ok = 0;
  switch (op) {
    case CompareOp::Ne:
    case CompareOp::Eq:
      if (len_self == len_other) ok = all_contained_in(vm, self, other);
      if (op == CompareOp::Ne && ok >= 0) ok = !ok;
      break;
    case CompareOp::Lt:
      if (len_self < len_other) ok = all_contained_in(vm, self, other);
      break;
    case CompareOp::Le:
      if (len_self <= len_other) ok = all_contained_in(vm, self, other);
      break;
    case CompareOp::Gt:
      if (len_self > len_other) ok = all_contained_in(vm, other, self);
      break;
    case CompareOp::Ge:
      if (len_self >= len_other) ok = all_contained_in(vm, other, self);
      break;
  }
  if (ok < 0) return Value::error();
  return Value::boolean(ok);
}

// mirrors dictviews_to_set: keys of an exact dict come straight from the dict.
SetObj* view_to_set(VM& vm, Value self) {
  Value src = self;
  if (is_view(vm, self) && as_view(self)->what == ViewKind::Keys && as_view(self)->dict->cls == vm.t.dict)
    src = Value::object(as_view(self)->dict);
  return make_set(vm, vm.t.set, src);
}

Value call_set_method(VM& vm, SetObj* s, const char* name, Value arg) {
  return vm.call_method(Value::object(s), vm.intern(name), {arg});
}

// mirrors _PyDictView_Intersect.
Value view_intersect(VM& vm, Value self, Value other) {
  if (!is_set_view(vm, self)) std::swap(self, other);
  int64_t len_self = int64_t(as_view(self)->dict->used);
  if (other.is_obj() && other.o->kind == Kind::Set && other.o->cls == vm.t.set) {
    int64_t len_other = op_len(vm, other);
    if (len_self <= len_other) return vm.call_method(other, vm.intern("intersection"), {self});
  }
  if (is_set_view(vm, other)) {
    int64_t len_other = int64_t(as_view(other)->dict->used);
    if (len_other > len_self) std::swap(self, other);
  }
  SetObj* result = vm.new_set();
  bool keys = as_view(self)->what == ViewKind::Keys;
  bool ok = for_each_item(vm, other, [&](Value key) {
    int rv = keys ? keys_contains(vm, self, key) : items_contains(vm, self, key);
    if (rv < 0) return -1;
    if (rv && !result->add(vm, key)) return -1;
    return 1;
  });
  if (!ok) return Value::error();
  return Value::object(result);
}

// mirrors dictitems_xor.
Value items_xor(VM& vm, Value self, Value other) {
  DictObj* temp = dict_copy(vm, as_view(self)->dict);
  DictObj* d2 = as_view(other)->dict;
  SetObj* result = vm.new_set();
  for (size_t i = 0; i < d2->entries.size(); i++) {
    DictEntry e = d2->entries[i];
    if (e.key.is_undef()) continue;
    Value val1 = temp->get_hashed(vm, e.key, e.hash);
    if (val1.is_error()) return val1;
    int to_delete = 0;
    if (!val1.is_undef()) {
      to_delete = op_eq(vm, val1, e.value);
      if (to_delete < 0) return Value::error();
    }
    if (to_delete) {
      if (temp->del(vm, e.key) < 0) return Value::error();
    } else if (!result->add(vm, Value::object(vm.tuple_of({e.key, e.value})))) {
      return Value::error();
    }
  }
  Value remaining = make_dict_view(vm, temp, ct(vm).dict_items);
  if (!set_update(vm, *result, remaining)) return Value::error();
  return Value::object(result);
}

// The operators of keys and items views (dictviews_and/or/sub/xor); `self` may be the right
// operand, as with CPython's number slots.
Value view_binop(VM& vm, Value a, Value b, BinOp op) {
  switch (op) {
    case BinOp::And: return view_intersect(vm, a, b);
    case BinOp::Or: {
      SetObj* r = view_to_set(vm, a);
      if (!r || !set_update(vm, *r, b)) return Value::error();
      return Value::object(r);
    }
    case BinOp::Subtract: {
      SetObj* r = view_to_set(vm, a);
      if (!r) return Value::error();
      Value t = call_set_method(vm, r, "difference_update", b);
      if (t.is_error()) return t;
      return Value::object(r);
    }
    case BinOp::Xor: {
      if (is_view(vm, a) && is_view(vm, b) && as_view(a)->what == ViewKind::Items &&
          as_view(b)->what == ViewKind::Items && a.o->cls == ct(vm).dict_items && b.o->cls == ct(vm).dict_items)
        return items_xor(vm, a, b);
      SetObj* r = view_to_set(vm, a);
      if (!r) return Value::error();
      Value t = call_set_method(vm, r, "symmetric_difference_update", b);
      if (t.is_error()) return t;
      return Value::object(r);
    }
    default: return vm.not_implemented;
  }
}

// mirrors dictviews_isdisjoint.
Value view_isdisjoint(VM& vm, CallArgs& a) {
  if (a.nargs < 1 || !is_set_view(vm, a[0])) return vm.raise(vm.t.TypeError, "isdisjoint() needs a dict view");
  if (!check_one_arg(vm, a, vm.type_of(a[0])->name->str() + ".isdisjoint")) return Value::error();
  Value self = a[0], other = a[1];
  if (self.same(other)) return Value::boolean(as_view(self)->dict->used == 0);
  if (is_anyset(other) || is_set_view(vm, other)) {
    int64_t len_self = int64_t(as_view(self)->dict->used);
    int64_t len_other = op_len(vm, other);
    if (len_other < 0) return Value::error();
    if (len_other > len_self) std::swap(self, other);
  }
  int disjoint = 1;
  bool ok = for_each_item(vm, other, [&](Value item) {
    int r = op_contains(vm, self, item);
    if (r < 0) return -1;
    if (r) {
      disjoint = 0;
      return 0;
    }
    return 1;
  });
  if (!ok) return Value::error();
  return Value::boolean(disjoint);
}

Value view_mapping(VM& vm, CallArgs& a) {
  (void)vm;
  return Value::object(as_view(a[0])->dict);
}

}  // namespace

Value make_dict_view(VM& vm, DictObj* d, ClassObj* cls) {
  ContainerTypes& t = ct(vm);
  ViewKind w = cls == t.dict_keys ? ViewKind::Keys : cls == t.dict_values ? ViewKind::Values : ViewKind::Items;
  return Value::object(vm.heap.make<DictViewObj>(cls, d, w));
}

Value make_dict_iterator(VM& vm, DictObj* d, ClassObj* cls, bool reverse) {
  ContainerTypes& t = ct(vm);
  ViewKind w = (cls == t.dict_keyiterator || cls == t.dict_reversekeyiterator)       ? ViewKind::Keys
               : (cls == t.dict_valueiterator || cls == t.dict_reversevalueiterator) ? ViewKind::Values
                                                                                     : ViewKind::Items;
  return Value::object(vm.heap.make<DictIterObj>(cls, d, w, reverse));
}

void init_dict_views(VM& vm) {
  ContainerTypes& t = ct(vm);
  for (ClassObj** slot : {&t.dict_keys, &t.dict_values, &t.dict_items}) {
    const char* name = slot == &t.dict_keys ? "dict_keys" : slot == &t.dict_values ? "dict_values" : "dict_items";
    ClassObj* c = new_container_class(vm, name, Kind::Other);
    *slot = c;
    TypeSlots& s = c->slots;
    s.new_ = slot_new_disabled;
    s.repr = view_repr;
    s.len = view_len;
    s.iter = view_iter;
    if (slot != &t.dict_values) {
      s.contains = view_contains;
      s.richcompare = view_richcompare;
      s.hash = slot_hash_unhashable;
      s.binop = view_binop;
      vm.def_method(c, "isdisjoint", view_isdisjoint);
      for (BinOp op : {BinOp::And, BinOp::Or, BinOp::Subtract, BinOp::Xor}) {
        def_binop_method(vm, c, op, false);
        def_binop_method(vm, c, op, true);
      }
    }
    vm.def_method(c, "__reversed__", view_reversed);
    c->dict->set_str(vm.intern("mapping"), Value::object(native_property(vm, "mapping", view_mapping)));
    finish_class(vm, c);
  }
  struct IterSpec {
    ClassObj** slot;
    const char* name;
  };
  const IterSpec iters[] = {{&t.dict_keyiterator, "dict_keyiterator"},
                            {&t.dict_valueiterator, "dict_valueiterator"},
                            {&t.dict_itemiterator, "dict_itemiterator"},
                            {&t.dict_reversekeyiterator, "dict_reversekeyiterator"},
                            {&t.dict_reversevalueiterator, "dict_reversevalueiterator"},
                            {&t.dict_reverseitemiterator, "dict_reverseitemiterator"}};
  for (const IterSpec& spec : iters) {
    ClassObj* c = new_container_class(vm, spec.name, Kind::Other);
    *spec.slot = c;
    c->slots.new_ = slot_new_disabled;
    c->slots.iter = dictiter_iter;
    c->slots.next = dictiter_next;
    vm.def_method(c, "__length_hint__", dictiter_length_hint);
    finish_class(vm, c);
  }
}

}  // namespace looplab
