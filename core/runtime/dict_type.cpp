// dict: slots (repr with recursion, ==, d[k] with __missing__ for subclasses, assignment and
// deletion, `in`, iteration), construction (dict(), dict(mapping), dict(pairs), dict(**kw)) and
// the methods. Views and iterators are in dict_views.cpp; the table itself in dict.cpp.
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

inline DictObj* as_dict(Value v) { return static_cast<DictObj*>(v.o); }
inline bool is_dict(Value v) { return v.is_obj() && v.o->kind == Kind::Dict; }
// Exact str keys take the table's string fast paths (no Python code can run for them).
inline bool is_exact_str(VM& vm, Value v) { return v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str; }

// Removes the live entry at position ix (its hash is known, so no Python code runs), as
// CPython's popitem and delitem_common. Trailing holes are trimmed so LIFO pops stay O(1).
void dict_del_entry_at(DictObj* d, size_t ix) {
  if (!d->index.empty()) {  // small dicts have no index (linear lookup)
    size_t mask = d->index.size() - 1;
    int64_t hash = d->entries[ix].hash;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(hash) & mask;
    while (d->index[i] != int32_t(ix)) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = DictObj::kDummy;
  }
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->used--;
  d->bump_version();
  while (!d->entries.empty() && d->entries.back().key.is_undef()) d->entries.pop_back();
}

// ---- slots ----------------------------------------------------------------------------------

Value dict_repr(VM& vm, Value self) { return dict_repr_value(vm, as_dict(self)); }

// mirrors dict_equal: same size, and every key of a maps to an equal value in b.
int dict_equal(VM& vm, DictObj* a, DictObj* b) {
  if (a->used != b->used) return 0;
  RecursionGuard guard(vm, kInComparison);
  if (!guard.ok()) return -1;
  for (size_t i = 0; i < a->entries.size(); i++) {
    DictEntry e = a->entries[i];
    if (e.key.is_undef()) continue;
    Value bval = b->get_hashed(vm, e.key, e.hash);
    if (bval.is_error()) return -1;
    if (bval.is_undef()) return 0;
    int cmp = op_eq(vm, e.value, bval);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

Value dict_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return vm.not_implemented;
  int r = dict_equal(vm, as_dict(a), as_dict(b));
  if (r < 0) return Value::error();
  return Value::boolean(op == CompareOp::Eq ? r == 1 : r == 0);
}

int64_t dict_len(VM&, Value self) { return int64_t(as_dict(self)->used); }

Value dict_getitem(VM& vm, Value self, Value key) { return dict_subscript(vm, self, key); }

bool dict_setitem(VM& vm, Value self, Value key, Value value) {
  DictObj* d = as_dict(self);
  if (!value.is_undef()) {
    if (is_exact_str(vm, key)) {
      d->set_str(static_cast<StrObj*>(key.o), value);
      return true;
    }
    return d->set(vm, key, value);
  }
  int r = d->del(vm, key);
  if (r < 0) return false;
  if (r == 0) {
    raise_key_error(vm, key);
    return false;
  }
  return true;
}

int dict_contains(VM& vm, Value self, Value key) {
  if (is_exact_str(vm, key)) return !as_dict(self)->get_str(static_cast<StrObj*>(key.o)).is_undef();
  Value v = as_dict(self)->get(vm, key);
  if (v.is_error()) return -1;
  return !v.is_undef();
}

Value dict_iter(VM& vm, Value self) {
  return make_dict_iterator(vm, as_dict(self), ctypes(vm).dict_keyiterator, false);
}

// dict_or / dict_ior.
Value dict_binop(VM& vm, Value a, Value b, BinOp op) {
  if (op == BinOp::Or) {
    if (!is_dict(a) || !is_dict(b)) return vm.not_implemented;
    DictObj* r = dict_copy(vm, as_dict(a));
    if (!dict_update_arg(vm, r, b)) return Value::error();
    return Value::object(r);
  }
  if (op == BinOp::InplaceOr) {
    if (!is_dict(a)) return vm.not_implemented;
    if (!dict_update_arg(vm, as_dict(a), b)) return Value::error();
    return a;
  }
  return vm.not_implemented;
}

Value dict_new(VM& vm, ClassObj* cls, CallArgs&) { return Value::object(vm.heap.make<DictObj>(cls)); }

// mirrors dict_update_common: one positional mapping or iterable of pairs, then keywords.
bool dict_update_common(VM& vm, DictObj* d, CallArgs& a, size_t first, const char* name) {
  if (!check_positional(vm, name, uint32_t(a.nargs - first), 0, 1)) return false;
  if (a.nargs > first && !dict_update_arg(vm, d, a[first])) return false;
  for (size_t k = 0; k < a.nkw(); k++) d->set_str(a.kwname(k), a.kwvalue(k));
  return true;
}

Value dict_init(VM& vm, Value self, CallArgs& a) {
  if (!dict_update_common(vm, as_dict(self), a, 0, "dict")) return Value::error();
  return Value::none();
}

// ---- methods --------------------------------------------------------------------------------

#define DICT_SELF(name)                                                                 \
  if (!(a.nargs > 0 && is_dict(a[0])) && !check_self(vm, a, vm.t.dict, name)) return Value::error(); \
  DictObj* self = as_dict(a[0])

Value dict_get(VM& vm, CallArgs& a) {
  DICT_SELF("get");
  if (!check_no_kw(vm, a, "dict.get") || !check_positional(vm, "get", a.nargs - 1, 1, 2)) return Value::error();
  Value v = is_exact_str(vm, a[1]) ? self->get_str(static_cast<StrObj*>(a[1].o)) : self->get(vm, a[1]);
  if (v.is_error()) return v;
  if (v.is_undef()) return a.nargs == 3 ? a[2] : Value::none();
  return v;
}

Value dict_setdefault(VM& vm, CallArgs& a) {
  DICT_SELF("setdefault");
  if (!check_no_kw(vm, a, "dict.setdefault") || !check_positional(vm, "setdefault", a.nargs - 1, 1, 2))
    return Value::error();
  int64_t h;
  if (!op_hash(vm, a[1], &h)) return Value::error();
  Value v = self->get_hashed(vm, a[1], h);
  if (v.is_error()) return v;
  if (!v.is_undef()) return v;
  Value dflt = a.nargs == 3 ? a[2] : Value::none();
  if (!self->set_hashed(vm, a[1], h, dflt)) return Value::error();
  return dflt;
}

// mirrors _PyDict_Pop: an empty dict does not even hash the key.
Value dict_pop(VM& vm, CallArgs& a) {
  DICT_SELF("pop");
  if (!check_no_kw(vm, a, "dict.pop") || !check_positional(vm, "pop", a.nargs - 1, 1, 2)) return Value::error();
  Value key = a[1];
  if (self->used == 0) return a.nargs == 3 ? a[2] : raise_key_error(vm, key);
  int64_t h;
  if (!op_hash(vm, key, &h)) return Value::error();
  Value v = self->get_hashed(vm, key, h);
  if (v.is_error()) return v;
  if (v.is_undef()) return a.nargs == 3 ? a[2] : raise_key_error(vm, key);
  if (self->del(vm, key) < 0) return Value::error();
  return v;
}

Value dict_popitem(VM& vm, CallArgs& a) {
  DICT_SELF("popitem");
  if (!check_no_args(vm, a, "dict.popitem")) return Value::error();
  if (self->used == 0) return vm.set_pending(Value::object(
                             vm.new_exception(vm.t.KeyError, vm.tuple_of({vm.str("popitem(): dictionary is empty")}))));
  size_t ix = self->entries.size();
  while (self->entries[ix - 1].key.is_undef()) ix--;
  ix--;
  DictEntry e = self->entries[ix];
  dict_del_entry_at(self, ix);
  return Value::object(vm.tuple_of({e.key, e.value}));
}

Value dict_keys_m(VM& vm, CallArgs& a) {
  DICT_SELF("keys");
  if (!check_no_args(vm, a, "dict.keys")) return Value::error();
  return make_dict_view(vm, self, ctypes(vm).dict_keys);
}

Value dict_values_m(VM& vm, CallArgs& a) {
  DICT_SELF("values");
  if (!check_no_args(vm, a, "dict.values")) return Value::error();
  return make_dict_view(vm, self, ctypes(vm).dict_values);
}

Value dict_items_m(VM& vm, CallArgs& a) {
  DICT_SELF("items");
  if (!check_no_args(vm, a, "dict.items")) return Value::error();
  return make_dict_view(vm, self, ctypes(vm).dict_items);
}

Value dict_update(VM& vm, CallArgs& a) {
  DICT_SELF("update");
  if (!dict_update_common(vm, self, a, 1, "update")) return Value::error();
  return Value::none();
}

Value dict_copy_m(VM& vm, CallArgs& a) {
  DICT_SELF("copy");
  if (!check_no_args(vm, a, "dict.copy")) return Value::error();
  return Value::object(dict_copy(vm, self));
}

Value dict_clear(VM& vm, CallArgs& a) {
  DICT_SELF("clear");
  if (!check_no_args(vm, a, "dict.clear")) return Value::error();
  self->clear();
  return Value::none();
}

Value dict_reversed(VM& vm, CallArgs& a) {
  DICT_SELF("__reversed__");
  if (!check_no_args(vm, a, "dict.__reversed__")) return Value::error();
  return make_dict_iterator(vm, self, ctypes(vm).dict_reversekeyiterator, true);
}

// mirrors dict_fromkeys: cls(), then d[key] = value for each key (exact dicts directly).
Value dict_fromkeys(VM& vm, CallArgs& a) {
  std::string qual = (a.nargs > 0 && a[0].is_obj() && a[0].o->kind == Kind::Class
                          ? static_cast<ClassObj*>(a[0].o)->name->str()
                          : std::string("dict")) + ".fromkeys";
  if (!check_no_kw(vm, a, qual) || !check_positional(vm, "fromkeys", a.nargs - 1, 1, 2)) return Value::error();
  Value cls = a[0];
  Value value = a.nargs == 3 ? a[2] : Value::none();
  Value d = vm.call(cls, nullptr, 0);
  if (d.is_error()) return d;
  bool exact = d.is_obj() && d.o->kind == Kind::Dict && d.o->cls == vm.t.dict;
  bool ok = for_each_item(vm, a[1], [&](Value key) {
    bool r = exact ? as_dict(d)->set(vm, key, value) : op_setitem(vm, d, key, value);
    return r ? 1 : -1;
  });
  if (!ok) return Value::error();
  return d;
}

Value dict_sizeof(VM& vm, CallArgs& a) {
  DICT_SELF("__sizeof__");
  return Value::integer(int64_t(48 + self->extra_bytes()));
}

}  // namespace

// ---- shared ---------------------------------------------------------------------------------

int64_t dict_next_entry(const DictObj* d, int64_t pos) {
  int64_t n = int64_t(d->entries.size());
  while (pos < n && d->entries[size_t(pos)].key.is_undef()) pos++;
  return pos < n ? pos : -1;
}

int64_t dict_prev_entry(const DictObj* d, int64_t pos) {
  if (pos >= int64_t(d->entries.size())) pos = int64_t(d->entries.size()) - 1;
  while (pos >= 0 && d->entries[size_t(pos)].key.is_undef()) pos--;
  return pos;
}

// mirrors dict_repr (entries re-read each step: a repr may mutate the dict).
Value dict_repr_value(VM& vm, DictObj* d) {
  RecursionGuard guard(vm, kInRepr);
  if (!guard.ok()) return Value::error();
  if (!repr_enter(vm, d)) return vm.str("{...}");
  if (d->used == 0) {
    repr_leave(vm, d);
    return vm.str("{}");
  }
  std::string out = "{";
  std::string s;
  bool first = true;
  for (size_t i = 0; i < d->entries.size(); i++) {
    DictEntry e = d->entries[i];
    if (e.key.is_undef()) continue;
    if (!first) out += ", ";
    first = false;
    if (!repr_text(vm, e.key, s)) {
      repr_leave(vm, d);
      return Value::error();
    }
    out += s;
    out += ": ";
    if (!repr_text(vm, e.value, s)) {
      repr_leave(vm, d);
      return Value::error();
    }
    out += s;
  }
  repr_leave(vm, d);
  out += "}";
  return vm.str(out);
}

// mirrors dict_subscript: a subclass's __missing__ answers for absent keys.
Value dict_subscript(VM& vm, Value self, Value key) {
  DictObj* d = as_dict(self);
  Value v = is_exact_str(vm, key) ? d->get_str(static_cast<StrObj*>(key.o)) : d->get(vm, key);
  if (!v.is_undef()) return v;
  if (d->cls != vm.t.dict) {
    Value r = vm.call_dunder(self, vm.n.__missing__, {key});
    if (!r.is_undef()) return r;
  }
  return raise_key_error(vm, key);
}

DictObj* dict_copy(VM& vm, DictObj* src) {
  DictObj* d = vm.new_dict();
  if (src->used == src->entries.size()) {
    // No holes: the table can be copied as is.
    d->entries = src->entries;
    d->index = src->index;
    d->used = src->used;
    return d;
  }
  for (const DictEntry& e : src->entries)
    if (!e.key.is_undef()) d->set_hashed(vm, e.key, e.hash, e.value);
  return d;
}

// mirrors dict_merge: a dict that keeps dict's iteration merges entry by entry (stored hashes,
// no __getitem__); other mappings go through keys() and [].
bool dict_merge_from(VM& vm, DictObj* d, Value other, bool override) {
  if (is_dict(other) && vm.type_of(other)->slots.iter == vm.t.dict->slots.iter) {
    DictObj* src = as_dict(other);
    if (src == d || src->used == 0) return true;
    for (size_t i = 0; i < src->entries.size(); i++) {
      DictEntry e = src->entries[i];
      if (e.key.is_undef()) continue;
      if (!override) {
        Value cur = d->get_hashed(vm, e.key, e.hash);
        if (cur.is_error()) return false;
        if (!cur.is_undef()) continue;
      }
      if (!d->set_hashed(vm, e.key, e.hash, e.value)) return false;
    }
    return true;
  }
  Value keys = vm.call_method(other, vm.n.keys, {});
  if (keys.is_error()) return false;
  return for_each_item(vm, keys, [&](Value k) {
    if (!override) {
      Value cur = d->get(vm, k);
      if (cur.is_error()) return -1;
      if (!cur.is_undef()) return 1;
    }
    Value v = op_getitem(vm, other, k);
    if (v.is_error()) return -1;
    return d->set(vm, k, v) ? 1 : -1;
  });
}

// mirrors dict_update_arg and PyDict_MergeFromSeq2.
bool dict_update_arg(VM& vm, DictObj* d, Value arg) {
  if (is_dict(arg) && arg.o->cls == vm.t.dict) return dict_merge_from(vm, d, arg, true);
  Value keys = op_getattr_opt(vm, arg, vm.n.keys);
  if (keys.is_error()) return false;
  if (!keys.is_undef()) return dict_merge_from(vm, d, arg, true);
  int64_t i = 0;
  std::vector<Value> pair;
  return for_each_item(vm, arg, [&](Value item) {
    pair.clear();
    bool seq = item.is_obj() && (item.o->kind == Kind::List || item.o->kind == Kind::Tuple);
    if (!seq && !vm.type_of(item)->slots.iter) {
      vm.raisef(vm.t.TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                (long long)i);
      return -1;
    }
    if (!collect_items(vm, item, pair)) return -1;
    if (pair.size() != 2) {
      vm.raisef(vm.t.ValueError, "dictionary update sequence element #%lld has length %zu; 2 is required",
                (long long)i, pair.size());
      return -1;
    }
    i++;
    return d->set(vm, pair[0], pair[1]) ? 1 : -1;
  });
}

void init_dict_type(VM& vm) {
  ClassObj* c = vm.t.dict;
  TypeSlots& s = c->slots;
  s.repr = dict_repr;
  s.hash = slot_hash_unhashable;
  s.richcompare = dict_richcompare;
  s.len = dict_len;
  s.getitem = dict_getitem;
  s.setitem = dict_setitem;
  s.contains = dict_contains;
  s.iter = dict_iter;
  s.binop = dict_binop;
  s.new_ = dict_new;
  s.init = dict_init;
  vm.def_method(c, "get", dict_get);
  vm.def_method(c, "setdefault", dict_setdefault);
  vm.def_method(c, "pop", dict_pop);
  vm.def_method(c, "popitem", dict_popitem);
  vm.def_method(c, "keys", dict_keys_m);
  vm.def_method(c, "values", dict_values_m);
  vm.def_method(c, "items", dict_items_m);
  vm.def_method(c, "update", dict_update);
  vm.def_method(c, "copy", dict_copy_m);
  vm.def_method(c, "clear", dict_clear);
  vm.def_method(c, "__reversed__", dict_reversed);
  vm.def_method(c, "__sizeof__", dict_sizeof);
  {
    NativeFunctionObj* f = vm.new_native("fromkeys", dict_fromkeys, c);
    f->is_method = false;
    c->dict->set_str(vm.intern("fromkeys"),
                     Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(f))));
  }
  def_binop_method(vm, c, BinOp::Or, false);
  def_binop_method(vm, c, BinOp::Or, true);
  def_binop_method(vm, c, BinOp::InplaceOr, false);
  add_class_getitem(vm, c);
}

}  // namespace looplab
