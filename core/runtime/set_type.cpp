// set and frozenset: slots (repr, subset comparisons, frozenset's hash, `in`, iteration with
// "Set changed size during iteration", the operators) and methods, each mirroring CPython 3.11's
// setobject.c so that results iterate in CPython's order: which operand is iterated, which is
// copied, and when the table is resized decide that order. The table itself is in set.cpp.
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

struct SetIterObj final : Obj {
  SetObj* set;  // nullptr once exhausted
  size_t pos = 0;
  size_t used;  // size when made; a difference means the set changed size
  int64_t remaining;
  bool broken = false;
  SetIterObj(ClassObj* cls, SetObj* s) : Obj(cls, Kind::Other), set(s), used(s->used), remaining(int64_t(s->used)) {}
  void trace(Tracer& t) override { t.mark(set); }
};

inline SetObj* as_set(Value v) { return static_cast<SetObj*>(v.o); }
inline bool is_anyset(Value v) { return v.is_obj() && v.o->kind == Kind::Set; }
inline bool is_active(const SetEntry& e) { return e.key.tag != Tag::Undef && e.key.tag != Tag::Error; }

bool is_mutable_set(VM& vm, Value v) { return is_anyset(v) && v.o->cls->is_subclass_of(vm.t.set); }

// make_new_set_basetype: results of operations are exact sets or frozensets.
ClassObj* basetype(VM& vm, ClassObj* cls) {
  if (cls == vm.t.set || cls == vm.t.frozenset) return cls;
  return cls->is_subclass_of(vm.t.set) ? vm.t.set : vm.t.frozenset;
}

SetObj* new_set_of(VM& vm, ClassObj* cls) { return vm.heap.make<SetObj>(cls); }

// set_copy: make_new_set_basetype(type(so), so).
SetObj* set_copy(VM& vm, SetObj* so) {
  SetObj* r = new_set_of(vm, basetype(vm, so->cls));
  set_merge(vm, *r, *so);
  return r;
}

// Calls f(key, hash) for each active entry in slot order; f returns false to stop.
template <class F>
bool for_each_entry(SetObj* s, F&& f) {
  for (size_t i = 0; i < s->table.size(); i++) {
    SetEntry e = s->table[i];
    if (is_active(e) && !f(e.key, e.hash)) return false;
  }
  return true;
}

// A set given as a key (x in s, s.remove(x), s.discard(x)) is looked up as a frozenset.
template <class Op>
int with_frozen_retry(VM& vm, Value key, Op&& op) {
  int r = op(key);
  if (r < 0 && is_mutable_set(vm, key) && vm.pending_is(vm.t.TypeError)) {
    vm.clear_exception();
    SetObj* tmp = new_set_of(vm, vm.t.frozenset);
    set_merge(vm, *tmp, *as_set(key));
    r = op(Value::object(tmp));
  }
  return r;
}

// ---- the operations (setobject.c) -----------------------------------------------------------

// mirrors set_intersection.
SetObj* set_intersection(VM& vm, SetObj* so, Value other) {
  if (Value::object(so).same(other)) return set_copy(vm, so);
  SetObj* result = new_set_of(vm, basetype(vm, so->cls));
  if (is_anyset(other)) {
    SetObj* o = as_set(other);
    if (o->used > so->used) std::swap(so, o);
    bool ok = for_each_entry(o, [&](Value key, int64_t hash) {
      int rv = set_contains_hashed(vm, *so, key, hash);
      if (rv < 0) return false;
      if (rv && !set_add_hashed(vm, *result, key, hash)) return false;
      return true;
    });
    return ok ? result : nullptr;
  }
  bool ok = for_each_item(vm, other, [&](Value key) {
    int64_t hash;
    if (!op_hash(vm, key, &hash)) return -1;
    int rv = set_contains_hashed(vm, *so, key, hash);
    if (rv < 0) return -1;
    if (rv && !set_add_hashed(vm, *result, key, hash)) return -1;
    return 1;
  });
  return ok ? result : nullptr;
}

// mirrors set_difference_update_internal.
bool set_difference_update_internal(VM& vm, SetObj* so, Value other) {
  if (Value::object(so).same(other)) {
    so->clear();
    return true;
  }
  if (is_anyset(other)) {
    SetObj* o = as_set(other);
    // When the other set is more than 8 times larger, only the common keys matter.
    if ((o->used >> 3) > so->used) {
      o = set_intersection(vm, so, other);
      if (!o) return false;
    }
    bool ok = for_each_entry(o, [&](Value key, int64_t hash) { return set_discard_hashed(vm, *so, key, hash) >= 0; });
    if (!ok) return false;
  } else {
    bool ok = for_each_item(vm, other, [&](Value key) { return so->discard(vm, key) < 0 ? -1 : 1; });
    if (!ok) return false;
  }
  // If more than 1/4th are dummies, then resize them away.
  if (so->fill - so->used <= (so->table.size() - 1) / 4) return true;
  set_table_resize(*so, so->used > 50000 ? so->used * 2 : so->used * 4);
  return true;
}

// mirrors set_copy_and_difference.
SetObj* set_copy_and_difference(VM& vm, SetObj* so, Value other) {
  SetObj* r = set_copy(vm, so);
  return set_difference_update_internal(vm, r, other) ? r : nullptr;
}

// mirrors set_difference.
SetObj* set_difference(VM& vm, SetObj* so, Value other) {
  size_t other_size;
  bool exact_dict = other.is_obj() && other.o->kind == Kind::Dict && other.o->cls == vm.t.dict;
  if (is_anyset(other)) other_size = as_set(other)->used;
  else if (exact_dict) other_size = static_cast<DictObj*>(other.o)->used;
  else return set_copy_and_difference(vm, so, other);
  // If len(so) is much more than len(other), copying so and removing is cheaper.
  if ((so->used >> 2) > other_size) return set_copy_and_difference(vm, so, other);
  SetObj* result = new_set_of(vm, basetype(vm, so->cls));
  if (exact_dict) {
    DictObj* d = static_cast<DictObj*>(other.o);
    bool ok = for_each_entry(so, [&](Value key, int64_t hash) {
      Value v = d->get_hashed(vm, key, hash);
      if (v.is_error()) return false;
      if (v.is_undef() && !set_add_hashed(vm, *result, key, hash)) return false;
      return true;
    });
    return ok ? result : nullptr;
  }
  SetObj* o = as_set(other);
  bool ok = for_each_entry(so, [&](Value key, int64_t hash) {
    int rv = set_contains_hashed(vm, *o, key, hash);
    if (rv < 0) return false;
    if (!rv && !set_add_hashed(vm, *result, key, hash)) return false;
    return true;
  });
  return ok ? result : nullptr;
}

// mirrors set_symmetric_difference_update.
bool set_symmetric_difference_update(VM& vm, SetObj* so, Value other) {
  if (Value::object(so).same(other)) {
    so->clear();
    return true;
  }
  auto toggle = [&](Value key, int64_t hash) {
    int rv = set_discard_hashed(vm, *so, key, hash);
    if (rv < 0) return false;
    if (rv == 0 && !set_add_hashed(vm, *so, key, hash)) return false;
    return true;
  };
  if (other.is_obj() && other.o->kind == Kind::Dict && other.o->cls == vm.t.dict) {
    DictObj* d = static_cast<DictObj*>(other.o);
    for (size_t i = 0; i < d->entries.size(); i++) {
      DictEntry e = d->entries[i];
      if (e.key.is_undef()) continue;
      if (!toggle(e.key, e.hash)) return false;
    }
    return true;
  }
  SetObj* otherset;
  if (is_anyset(other)) {
    otherset = as_set(other);
  } else {
    otherset = make_set(vm, basetype(vm, so->cls), other);
    if (!otherset) return false;
  }
  return for_each_entry(otherset, toggle);
}

// mirrors set_symmetric_difference: a copy of other, updated with so.
SetObj* set_symmetric_difference(VM& vm, SetObj* so, Value other) {
  SetObj* r = make_set(vm, basetype(vm, so->cls), other);
  if (!r) return nullptr;
  return set_symmetric_difference_update(vm, r, Value::object(so)) ? r : nullptr;
}

// mirrors set_issubset: 1, 0, -1 error.
int set_issubset(VM& vm, SetObj* so, Value other) {
  if (!is_anyset(other)) {
    SetObj* tmp = set_intersection(vm, so, other);
    if (!tmp) return -1;
    return tmp->used == so->used;
  }
  SetObj* o = as_set(other);
  if (so->used > o->used) return 0;
  int result = 1;
  bool ok = for_each_entry(so, [&](Value key, int64_t hash) {
    int rv = set_contains_hashed(vm, *o, key, hash);
    if (rv < 0) return false;
    if (!rv) {
      result = 0;
      return false;
    }
    return true;
  });
  if (!ok && result) return -1;
  return result;
}

// mirrors set_issuperset.
int set_issuperset(VM& vm, SetObj* so, Value other) {
  if (is_anyset(other)) return set_issubset(vm, as_set(other), Value::object(so));
  int result = 1;
  bool ok = for_each_item(vm, other, [&](Value key) {
    int rv = so->contains(vm, key);
    if (rv < 0) return -1;
    if (!rv) {
      result = 0;
      return 0;
    }
    return 1;
  });
  return ok ? result : -1;
}

// mirrors set_isdisjoint.
int set_isdisjoint(VM& vm, SetObj* so, Value other) {
  if (Value::object(so).same(other)) return so->used == 0;
  if (is_anyset(other) && (other.o->cls == vm.t.set || other.o->cls == vm.t.frozenset)) {
    SetObj* o = as_set(other);
    if (o->used > so->used) std::swap(so, o);
    int result = 1;
    bool ok = for_each_entry(o, [&](Value key, int64_t hash) {
      int rv = set_contains_hashed(vm, *so, key, hash);
      if (rv < 0) return false;
      if (rv) {
        result = 0;
        return false;
      }
      return true;
    });
    if (!ok && result) return -1;
    return result;
  }
  int result = 1;
  bool ok = for_each_item(vm, other, [&](Value key) {
    int rv = so->contains(vm, key);
    if (rv < 0) return -1;
    if (rv) {
      result = 0;
      return 0;
    }
    return 1;
  });
  return ok ? result : -1;
}

// ---- slots ----------------------------------------------------------------------------------

// mirrors set_repr: "{1, 2}", "set()", "frozenset({1})", "MySet({1})".
Value set_repr(VM& vm, Value self) {
  SetObj* so = as_set(self);
  std::string name = so->cls->name->str();
  RecursionGuard guard(vm, kInRepr);
  if (!guard.ok()) return Value::error();
  if (!repr_enter(vm, so)) return vm.str(name + "(...)");
  if (so->used == 0) {
    repr_leave(vm, so);
    return vm.str(name + "()");
  }
  std::vector<Value> keys;
  so->for_each([&](Value k) { keys.push_back(k); });
  std::string body;
  bool ok = repr_items(vm, keys.data(), keys.size(), body);
  repr_leave(vm, so);
  if (!ok) return Value::error();
  if (so->cls == vm.t.set) return vm.str("{" + body + "}");
  return vm.str(name + "({" + body + "})");
}

// mirrors set_richcompare: the order operators are subset relations.
Value set_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_anyset(b)) return vm.not_implemented;
  SetObj* v = as_set(a);
  SetObj* w = as_set(b);
  int r;
  switch (op) {
    case CompareOp::Eq:
      if (v->used != w->used) return Value::boolean(false);
      r = set_issubset(vm, v, b);
      break;
    case CompareOp::Ne:
      if (v->used != w->used) return Value::boolean(true);
      r = set_issubset(vm, v, b);
      if (r >= 0) r = !r;
      break;
    case CompareOp::Le: r = set_issubset(vm, v, b); break;
    case CompareOp::Ge: r = set_issuperset(vm, v, b); break;
    case CompareOp::Lt:
      if (v->used >= w->used) return Value::boolean(false);
      r = set_issubset(vm, v, b);
      break;
    case CompareOp::Gt:
      if (v->used <= w->used) return Value::boolean(false);
      r = set_issuperset(vm, v, b);
      break;
    default: return vm.not_implemented;
  }
  if (r < 0) return Value::error();
  return Value::boolean(r);
}

// mirrors frozenset_hash.
bool frozenset_hash(VM&, Value self, int64_t* out) {
  SetObj* so = as_set(self);
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
  // CPython xors every slot and then cancels the empty and dummy ones: only active entries count.
  uint64_t hash = 0;
  for (const SetEntry& e : so->table)
    if (is_active(e)) hash ^= shuffle(uint64_t(e.hash));
  hash ^= (uint64_t(so->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == uint64_t(-1)) hash = 590923713ull;
  *out = int64_t(hash);
  return true;
}

int64_t set_len(VM&, Value self) { return int64_t(as_set(self)->used); }

int set_contains_slot(VM& vm, Value self, Value key) {
  SetObj* so = as_set(self);
  return with_frozen_retry(vm, key, [&](Value k) { return so->contains(vm, k); });
}

Value set_iter(VM& vm, Value self) { return Value::object(vm.heap.make<SetIterObj>(ctypes(vm).set_iterator, as_set(self))); }

// mirrors setiter_iternext.
Value setiter_next(VM& vm, Value self) {
  SetIterObj* it = static_cast<SetIterObj*>(self.o);
  SetObj* so = it->set;
  if (!so) return Value();
  if (it->broken || it->used != so->used) {
    it->broken = true;
    return vm.raise(vm.t.RuntimeError, "Set changed size during iteration");
  }
  size_t i = it->pos;
  while (i < so->table.size() && !is_active(so->table[i])) i++;
  it->pos = i + 1;
  if (i >= so->table.size()) {
    it->set = nullptr;
    return Value();
  }
  it->remaining--;
  return so->table[i].key;
}

Value setiter_iter(VM&, Value self) { return self; }

Value setiter_length_hint(VM&, CallArgs& a) {
  SetIterObj* it = static_cast<SetIterObj*>(a[0].o);
  if (it->set && it->used == it->set->used) return Value::integer(it->remaining);
  return Value::integer(0);
}

Value result_or_error(SetObj* s) { return s ? Value::object(s) : Value::error(); }

// set_or/set_and/set_sub/set_xor and the in-place forms (sets only; a frozenset's `|=`
// falls back to `|`).
Value set_binop(VM& vm, Value a, Value b, BinOp op) {
  int o = int(op);
  bool inplace = o >= int(BinOp::InplaceAdd);
  if (inplace) {
    if (!is_mutable_set(vm, a) || !is_anyset(b)) return vm.not_implemented;
    SetObj* so = as_set(a);
    switch (op) {
      case BinOp::InplaceOr:
        if (!set_update(vm, *so, b)) return Value::error();
        return a;
      case BinOp::InplaceAnd: {
        SetObj* tmp = set_intersection(vm, so, b);
        if (!tmp) return Value::error();
        set_swap_bodies(*so, *tmp);
        return a;
      }
      case BinOp::InplaceSubtract:
        if (!set_difference_update_internal(vm, so, b)) return Value::error();
        return a;
      case BinOp::InplaceXor:
        if (!set_symmetric_difference_update(vm, so, b)) return Value::error();
        return a;
      default: return vm.not_implemented;
    }
  }
  if (!is_anyset(a) || !is_anyset(b)) return vm.not_implemented;
  SetObj* so = as_set(a);
  switch (op) {
    case BinOp::Or: {
      SetObj* r = set_copy(vm, so);
      if (a.same(b)) return Value::object(r);
      if (!set_update(vm, *r, b)) return Value::error();
      return Value::object(r);
    }
    case BinOp::And: return result_or_error(set_intersection(vm, so, b));
    case BinOp::Subtract: return result_or_error(set_difference(vm, so, b));
    case BinOp::Xor: return result_or_error(set_symmetric_difference(vm, so, b));
    default: return vm.not_implemented;
  }
}

// ---- construction ---------------------------------------------------------------------------

Value set_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (cls == vm.t.set && !check_no_kw(vm, a, "set")) return Value::error();
  return Value::object(new_set_of(vm, cls));
}

// mirrors set_init: clears, then adds the iterable's items.
Value set_init(VM& vm, Value self, CallArgs& a) {
  ClassObj* cls = vm.type_of(self);
  if ((cls == vm.t.set || cls->slots.new_ == vm.t.set->slots.new_) && !check_no_kw(vm, a, "set"))
    return Value::error();
  if (!check_positional(vm, cls->name->view(), a.nargs, 0, 1)) return Value::error();
  SetObj* so = as_set(self);
  if (so->fill) so->clear();
  if (a.nargs == 1 && !set_update(vm, *so, a[0])) return Value::error();
  return Value::none();
}

// mirrors frozenset_new.
Value frozenset_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if ((cls == vm.t.frozenset || cls->slots.init == vm.t.frozenset->slots.init) && !check_no_kw(vm, a, "frozenset"))
    return Value::error();
  if (!check_positional(vm, cls->name->view(), a.nargs, 0, 1)) return Value::error();
  if (cls == vm.t.frozenset && a.nargs == 1 && is_anyset(a[0]) && a[0].o->cls == vm.t.frozenset) return a[0];
  SetObj* s = make_set(vm, cls, a.nargs == 1 ? a[0] : Value());
  return result_or_error(s);
}

// ---- methods --------------------------------------------------------------------------------

// Methods are defined on set and frozenset separately; `owner` is the class checked for self.
#define SET_SELF(name)                                                                         \
  ClassObj* owner = vm.calling_native->owner;                                                  \
  if (!(a.nargs > 0 && is_anyset(a[0]) && a[0].o->cls == owner) && !check_self(vm, a, owner, name)) \
    return Value::error();                                                                     \
  SetObj* self = as_set(a[0])

std::string qual(ClassObj* owner, const char* name) { return owner->name->str() + "." + name; }

Value m_add(VM& vm, CallArgs& a) {
  SET_SELF("add");
  if (!check_one_arg(vm, a, qual(owner, "add"))) return Value::error();
  return self->add(vm, a[1]) ? Value::none() : Value::error();
}

Value m_clear(VM& vm, CallArgs& a) {
  SET_SELF("clear");
  if (!check_no_args(vm, a, qual(owner, "clear"))) return Value::error();
  self->clear();
  return Value::none();
}

Value m_copy(VM& vm, CallArgs& a) {
  SET_SELF("copy");
  if (!check_no_args(vm, a, qual(owner, "copy"))) return Value::error();
  if (self->cls == vm.t.frozenset) return a[0];
  return Value::object(set_copy(vm, self));
}

Value m_discard(VM& vm, CallArgs& a) {
  SET_SELF("discard");
  if (!check_one_arg(vm, a, qual(owner, "discard"))) return Value::error();
  int r = with_frozen_retry(vm, a[1], [&](Value k) { return self->discard(vm, k); });
  return r < 0 ? Value::error() : Value::none();
}

Value m_remove(VM& vm, CallArgs& a) {
  SET_SELF("remove");
  if (!check_one_arg(vm, a, qual(owner, "remove"))) return Value::error();
  int r = with_frozen_retry(vm, a[1], [&](Value k) { return self->discard(vm, k); });
  if (r < 0) return Value::error();
  if (r == 0) return raise_key_error(vm, a[1]);
  return Value::none();
}

Value m_pop(VM& vm, CallArgs& a) {
  SET_SELF("pop");
  if (!check_no_args(vm, a, qual(owner, "pop"))) return Value::error();
  return set_pop(vm, *self);
}

Value m_union(VM& vm, CallArgs& a) {
  SET_SELF("union");
  if (!check_no_kw(vm, a, qual(owner, "union"))) return Value::error();
  SetObj* r = set_copy(vm, self);
  for (uint32_t i = 1; i < a.nargs; i++) {
    if (a[i].same(a[0])) continue;
    if (!set_update(vm, *r, a[i])) return Value::error();
  }
  return Value::object(r);
}

Value m_update(VM& vm, CallArgs& a) {
  SET_SELF("update");
  if (!check_no_kw(vm, a, qual(owner, "update"))) return Value::error();
  for (uint32_t i = 1; i < a.nargs; i++)
    if (!set_update(vm, *self, a[i])) return Value::error();
  return Value::none();
}

// mirrors set_intersection_multi.
SetObj* intersection_multi(VM& vm, SetObj* self, CallArgs& a) {
  if (a.nargs == 1) return set_copy(vm, self);
  SetObj* result = self;
  for (uint32_t i = 1; i < a.nargs; i++) {
    result = set_intersection(vm, result, a[i]);
    if (!result) return nullptr;
  }
  return result;
}

Value m_intersection(VM& vm, CallArgs& a) {
  SET_SELF("intersection");
  if (!check_no_kw(vm, a, qual(owner, "intersection"))) return Value::error();
  return result_or_error(intersection_multi(vm, self, a));
}

Value m_intersection_update(VM& vm, CallArgs& a) {
  SET_SELF("intersection_update");
  if (!check_no_kw(vm, a, qual(owner, "intersection_update"))) return Value::error();
  SetObj* tmp = intersection_multi(vm, self, a);
  if (!tmp) return Value::error();
  set_swap_bodies(*self, *tmp);
  return Value::none();
}

// mirrors set_difference_multi.
Value m_difference(VM& vm, CallArgs& a) {
  SET_SELF("difference");
  if (!check_no_kw(vm, a, qual(owner, "difference"))) return Value::error();
  if (a.nargs == 1) return Value::object(set_copy(vm, self));
  SetObj* result = set_difference(vm, self, a[1]);
  if (!result) return Value::error();
  for (uint32_t i = 2; i < a.nargs; i++)
    if (!set_difference_update_internal(vm, result, a[i])) return Value::error();
  return Value::object(result);
}

Value m_difference_update(VM& vm, CallArgs& a) {
  SET_SELF("difference_update");
  if (!check_no_kw(vm, a, qual(owner, "difference_update"))) return Value::error();
  for (uint32_t i = 1; i < a.nargs; i++)
    if (!set_difference_update_internal(vm, self, a[i])) return Value::error();
  return Value::none();
}

Value m_symmetric_difference(VM& vm, CallArgs& a) {
  SET_SELF("symmetric_difference");
  if (!check_one_arg(vm, a, qual(owner, "symmetric_difference"))) return Value::error();
  return result_or_error(set_symmetric_difference(vm, self, a[1]));
}

Value m_symmetric_difference_update(VM& vm, CallArgs& a) {
  SET_SELF("symmetric_difference_update");
  if (!check_one_arg(vm, a, qual(owner, "symmetric_difference_update"))) return Value::error();
  return set_symmetric_difference_update(vm, self, a[1]) ? Value::none() : Value::error();
}

Value bool_or_error(int r) { return r < 0 ? Value::error() : Value::boolean(r); }

Value m_issubset(VM& vm, CallArgs& a) {
  SET_SELF("issubset");
  if (!check_one_arg(vm, a, qual(owner, "issubset"))) return Value::error();
  return bool_or_error(set_issubset(vm, self, a[1]));
}

Value m_issuperset(VM& vm, CallArgs& a) {
  SET_SELF("issuperset");
  if (!check_one_arg(vm, a, qual(owner, "issuperset"))) return Value::error();
  return bool_or_error(set_issuperset(vm, self, a[1]));
}

Value m_isdisjoint(VM& vm, CallArgs& a) {
  SET_SELF("isdisjoint");
  if (!check_one_arg(vm, a, qual(owner, "isdisjoint"))) return Value::error();
  return bool_or_error(set_isdisjoint(vm, self, a[1]));
}

Value m_reduce(VM& vm, CallArgs& a) {
  SET_SELF("__reduce__");
  ListObj* keys = vm.new_list();
  self->for_each([&](Value k) { keys->items.push_back(k); });
  return Value::object(vm.tuple_of({Value::object(self->cls), Value::object(vm.tuple_of({Value::object(keys)})),
                                    Value::none()}));
}

void def_set_methods(VM& vm, ClassObj* c, bool mutable_set) {
  struct M {
    const char* name;
    NativeFn fn;
    bool mutating;
  };
  const M methods[] = {
      {"add", m_add, true},
      {"clear", m_clear, true},
      {"copy", m_copy, false},
      {"discard", m_discard, true},
      {"remove", m_remove, true},
      {"pop", m_pop, true},
      {"union", m_union, false},
      {"update", m_update, true},
      {"intersection", m_intersection, false},
      {"intersection_update", m_intersection_update, true},
      {"difference", m_difference, false},
      {"difference_update", m_difference_update, true},
      {"symmetric_difference", m_symmetric_difference, false},
      {"symmetric_difference_update", m_symmetric_difference_update, true},
      {"issubset", m_issubset, false},
      {"issuperset", m_issuperset, false},
      {"isdisjoint", m_isdisjoint, false},
      {"__reduce__", m_reduce, false},
  };
  for (const M& m : methods)
    if (mutable_set || !m.mutating) vm.def_method(c, m.name, m.fn);
  for (BinOp op : {BinOp::Or, BinOp::And, BinOp::Subtract, BinOp::Xor}) {
    def_binop_method(vm, c, op, false);
    def_binop_method(vm, c, op, true);
  }
  if (mutable_set)
    for (BinOp op : {BinOp::InplaceOr, BinOp::InplaceAnd, BinOp::InplaceSubtract, BinOp::InplaceXor})
      def_binop_method(vm, c, op, false);
  add_class_getitem(vm, c);
}

}  // namespace

SetObj* make_set(VM& vm, ClassObj* cls, Value iterable) {
  SetObj* s = new_set_of(vm, cls);
  if (!iterable.is_undef() && !set_update(vm, *s, iterable)) return nullptr;
  return s;
}

Value set_binop_value(VM& vm, Value a, Value b, BinOp op) { return set_binop(vm, a, b, op); }

void init_set_types(VM& vm) {
  for (ClassObj* c : {vm.t.set, vm.t.frozenset}) {
    bool mutable_set = c == vm.t.set;
    TypeSlots& s = c->slots;
    s.repr = set_repr;
    s.hash = mutable_set ? slot_hash_unhashable : frozenset_hash;
    s.richcompare = set_richcompare;
    s.len = set_len;
    s.contains = set_contains_slot;
    s.iter = set_iter;
    s.binop = set_binop;
    if (mutable_set) {
      s.new_ = set_new;
      s.init = set_init;
    } else {
      s.new_ = frozenset_new;
    }
    def_set_methods(vm, c, mutable_set);
  }
  ClassObj* it = new_container_class(vm, "set_iterator", Kind::Other);
  ctypes(vm).set_iterator = it;
  it->slots.new_ = slot_new_disabled;
  it->slots.iter = setiter_iter;
  it->slots.next = setiter_next;
  vm.def_method(it, "__length_hint__", setiter_length_hint);
  finish_class(vm, it);
}

}  // namespace looplab
