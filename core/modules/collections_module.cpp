// _collections: the C++ half of collections (Modules/_collectionsmodule.c): deque, a ring buffer
// with O(1) appends and pops at both ends (asyncio's Queue and the event loop's users lean on
// it), defaultdict (a dict subclass whose default_factory lives in DictObj::ext), and
// _count_elements for Counter. collections.py imports them from here.
#include "modules/collections_deque.h"
#include "modules/module_inits.h"
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

struct DequeIterObj final : Obj {
  DequeObj* deque;
  size_t index;    // position of the next item (reverse: counts down)
  size_t counter;  // items left
  uint64_t state;
  bool reverse;
  DequeIterObj(ClassObj* cls, DequeObj* d, bool rev)
      : Obj(cls, Kind::Other), deque(d), index(rev ? d->count - 1 : 0), counter(d->count), state(d->state),
        reverse(rev) {}
  void trace(Tracer& t) override { t.mark(deque); }
};

inline bool is_deque(VM& vm, Value v) {
  return v.is_obj() && v.o->kind == Kind::Other && v.o->cls->is_subclass_of(ctypes(vm).deque);
}
inline DequeObj* as_deque(Value v) { return static_cast<DequeObj*>(v.o); }

// The deque methods' self: "descriptor 'append' for 'deque' objects doesn't apply to ...".
#define DEQUE_SELF(name)                                                            \
  if (!(a.nargs > 0 && is_deque(vm, a[0])) && !check_self(vm, a, ctypes(vm).deque, name)) \
    return Value::error();                                                          \
  DequeObj* self = as_deque(a[0])

// mirrors deque_append_internal: a bounded deque drops from the other end.
void append_right(VM& vm, DequeObj* d, Value v) {
  if (d->maxlen == 0) return;
  if (size_t grew = d->push_back(v)) vm.heap.note_external(std::ptrdiff_t(grew));
  if (d->maxlen >= 0 && int64_t(d->count) > d->maxlen) d->pop_front();
  d->state++;
}

void append_left(VM& vm, DequeObj* d, Value v) {
  if (d->maxlen == 0) return;
  if (size_t grew = d->push_front(v)) vm.heap.note_external(std::ptrdiff_t(grew));
  if (d->maxlen >= 0 && int64_t(d->count) > d->maxlen) d->pop_back();
  d->state++;
}

// mirrors deque_extend / deque_extendleft (a deque extended by itself iterates a copy).
bool extend(VM& vm, DequeObj* d, Value iterable, bool left) {
  std::vector<Value> items;
  if (iterable.is_obj() && iterable.o == d) {
    for (size_t i = 0; i < d->count; i++) items.push_back(d->at(i));
    for (Value v : items) left ? append_left(vm, d, v) : append_right(vm, d, v);
    return true;
  }
  if (!vm.type_of(iterable)->slots.iter) {
    vm.raisef(vm.t.TypeError, "'%s' object is not iterable", type_name(vm, iterable).c_str());
    return false;
  }
  return for_each_item(vm, iterable, [&](Value v) {
    left ? append_left(vm, d, v) : append_right(vm, d, v);
    return 1;
  });
}

// mirrors _deque_rotate: n > 0 moves items from the right end to the left.
void rotate(DequeObj* d, int64_t n) {
  int64_t len = int64_t(d->count);
  if (len <= 1) return;
  n %= len;
  if (n < 0) n += len;
  if (n == 0) return;
  if (d->count == d->buf.size()) {
    // Full ring: rotating is moving the head.
    d->head = (d->head + d->buf.size() - size_t(n)) & (d->buf.size() - 1);
  } else {
    for (int64_t i = 0; i < n; i++) d->push_front(d->pop_back());
  }
  d->state++;
}

DequeObj* new_deque(VM& vm, ClassObj* cls) { return vm.heap.make<DequeObj>(cls); }

// mirrors deque_copy: an exact deque copies itself; a subclass is called as cls(d[, maxlen]).
Value deque_copy_value(VM& vm, Value v) {
  DequeObj* d = as_deque(v);
  if (d->cls == ctypes(vm).deque) {
    DequeObj* r = new_deque(vm, d->cls);
    r->maxlen = d->maxlen;
    for (size_t i = 0; i < d->count; i++) r->push_back(d->at(i));
    return Value::object(r);
  }
  if (d->maxlen < 0) return vm.call(Value::object(d->cls), {v});
  return vm.call(Value::object(d->cls), {v, Value::integer(d->maxlen)});
}

// ---- slots ----------------------------------------------------------------------------------

Value deque_new(VM& vm, ClassObj* cls, CallArgs&) { return Value::object(new_deque(vm, cls)); }

// mirrors deque_init: deque(iterable=(), maxlen=None).
Value deque_init(VM& vm, Value self, CallArgs& a) {
  if (a.nargs + a.nkw() > 2)
    return vm.raisef(vm.t.TypeError, "deque() takes at most 2 arguments (%zu given)", a.nargs + a.nkw());
  Value iterable = a.nargs > 0 ? a[0] : Value();
  Value maxlen = a.nargs > 1 ? a[1] : Value();
  for (size_t k = 0; k < a.nkw(); k++) {
    std::string_view n = a.kwname(k)->view();
    Value* slot = n == "iterable" ? &iterable : n == "maxlen" ? &maxlen : nullptr;
    if (!slot) return vm.raisef(vm.t.TypeError, "'%s' is an invalid keyword argument for deque()", a.kwname(k)->data());
    if (!slot->is_undef())
      return vm.raisef(vm.t.TypeError, "argument for deque() given by name ('%s') and position (%d)",
                       a.kwname(k)->data(), n == "iterable" ? 1 : 2);
    *slot = a.kwvalue(k);
  }
  DequeObj* d = as_deque(self);
  int64_t ml = -1;
  if (!maxlen.is_undef() && !maxlen.is_none()) {
    if (!(maxlen.is_int() || maxlen.is_bool() || (maxlen.is_obj() && maxlen.o->kind == Kind::BigInt)))
      return vm.raise(vm.t.TypeError, "an integer is required");
    if (!index_value(vm, maxlen, &ml)) return Value::error();
    if (ml < 0) return vm.raise(vm.t.ValueError, "maxlen must be non-negative");
  }
  d->maxlen = ml;
  if (d->count > 0) {
    d->clear();
    d->state++;
  }
  if (!iterable.is_undef() && !extend(vm, d, iterable, false)) return Value::error();
  return Value::none();
}

// mirrors deque_repr: "deque([1, 2], maxlen=3)"; a deque inside itself is "[...]".
Value deque_repr(VM& vm, Value self) {
  DequeObj* d = as_deque(self);
  RecursionGuard guard(vm, kInRepr);
  if (!guard.ok()) return Value::error();
  if (!repr_enter(vm, d)) return vm.str("[...]");
  ListObj* items = vm.new_list();
  for (size_t i = 0; i < d->count; i++) items->items.push_back(d->at(i));
  std::string body;
  bool ok = repr_text(vm, Value::object(items), body);
  repr_leave(vm, d);
  if (!ok) return Value::error();
  std::string name = d->cls->name->str();
  if (d->maxlen >= 0) return vm.str(name + "(" + body + ", maxlen=" + std::to_string(d->maxlen) + ")");
  return vm.str(name + "(" + body + ")");
}

int64_t deque_len(VM&, Value self) { return int64_t(as_deque(self)->count); }

bool deque_index_arg(VM& vm, DequeObj* d, Value key, int64_t* out) {
  if (!has_index(vm, key)) {
    vm.raisef(vm.t.TypeError, "sequence index must be integer, not '%s'", type_name(vm, key).c_str());
    return false;
  }
  int64_t i;
  if (!index_value(vm, key, &i)) return false;
  if (i < 0) i += int64_t(d->count);
  if (i < 0 || i >= int64_t(d->count)) {
    vm.raise(vm.t.IndexError, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Value deque_getitem(VM& vm, Value self, Value key) {
  DequeObj* d = as_deque(self);
  int64_t i;
  if (!deque_index_arg(vm, d, key, &i)) return Value::error();
  return d->at(size_t(i));
}

// mirrors deque_del_item: rotate the item to an end, pop it, rotate back.
void del_item(DequeObj* d, size_t i) {
  d->erase(i);
  d->state++;
}

bool deque_setitem(VM& vm, Value self, Value key, Value value) {
  DequeObj* d = as_deque(self);
  int64_t i;
  if (!deque_index_arg(vm, d, key, &i)) return false;
  if (value.is_undef()) del_item(d, size_t(i));
  else d->at(size_t(i)) = value;
  return true;
}

// Compares items while watching for mutation (deque_contains / deque_count / deque_index).
int search(VM& vm, DequeObj* d, Value v, size_t start, size_t stop, bool count_all, ClassObj* mutated_error,
           int64_t* found_at) {
  uint64_t start_state = d->state;
  size_t n = d->count;
  int64_t found = 0;
  *found_at = -1;
  for (size_t i = start; i < stop && i < n; i++) {
    Value item = d->at(i);
    int cmp = op_eq(vm, item, v);
    if (cmp < 0) return -1;
    if (start_state != d->state) {
      vm.raise(mutated_error, "deque mutated during iteration");
      return -1;
    }
    if (cmp > 0) {
      if (*found_at < 0) *found_at = int64_t(i);
      found++;
      if (!count_all) break;
    }
  }
  return int(found > 0 ? (count_all ? found : 1) : 0);
}

int deque_contains(VM& vm, Value self, Value item) {
  int64_t at;
  return search(vm, as_deque(self), item, 0, SIZE_MAX, false, vm.t.RuntimeError, &at);
}

Value deque_iter(VM& vm, Value self) {
  return Value::object(vm.heap.make<DequeIterObj>(ctypes(vm).deque_iterator, as_deque(self), false));
}

// mirrors dequeiter_next / dequereviter_next.
Value dequeiter_next(VM& vm, Value self) {
  auto* it = static_cast<DequeIterObj*>(self.o);
  DequeObj* d = it->deque;
  if (d->state != it->state) {
    it->counter = 0;
    return vm.raise(vm.t.RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) return Value();
  Value v = d->at(it->index);
  it->index = it->reverse ? it->index - 1 : it->index + 1;
  it->counter--;
  return v;
}

Value dequeiter_iter(VM&, Value self) { return self; }

Value dequeiter_length_hint(VM&, CallArgs& a) {
  return Value::integer(int64_t(static_cast<DequeIterObj*>(a[0].o)->counter));
}

Value deque_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_deque(vm, a) || !is_deque(vm, b)) return vm.not_implemented;
  DequeObj* x = as_deque(a);
  DequeObj* y = as_deque(b);
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    if (x == y) return Value::boolean(op == CompareOp::Eq);
    if (x->count != y->count) return Value::boolean(op == CompareOp::Ne);
  }
  return compare_sequences(
      vm, [x] { return x->count; }, [x](size_t i) { return x->at(i); }, [y] { return y->count; },
      [y](size_t i) { return y->at(i); }, op);
}

// deque + deque, deque * n, and the in-place forms.
Value deque_binop(VM& vm, Value a, Value b, BinOp op) {
  switch (op) {
    case BinOp::Add: {
      if (!is_deque(vm, a)) return vm.not_implemented;
      if (!is_deque(vm, b))
        return vm.raisef(vm.t.TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(vm, b).c_str());
      Value r = deque_copy_value(vm, a);
      if (r.is_error()) return r;
      if (!extend(vm, as_deque(r), b, false)) return Value::error();
      return r;
    }
    case BinOp::InplaceAdd:
      if (!is_deque(vm, a)) return vm.not_implemented;
      if (!extend(vm, as_deque(a), b, false)) return Value::error();
      return a;
    case BinOp::Multiply:
    case BinOp::InplaceMultiply: {
      bool inplace = op == BinOp::InplaceMultiply;
      bool left = is_deque(vm, a);
      Value seq = left ? a : b;
      if (!is_deque(vm, seq) || (inplace && !left)) return vm.not_implemented;
      int64_t n;
      Value r = repeat_count(vm, seq, left ? b : a, !left || inplace, op, &n);
      if (!r.is_none()) return r;
      Value target = inplace ? seq : deque_copy_value(vm, seq);
      if (target.is_error()) return target;
      DequeObj* d = as_deque(target);
      if (n <= 0) {
        d->clear();
        d->state++;
        return target;
      }
      std::vector<Value> items;
      for (size_t i = 0; i < d->count; i++) items.push_back(d->at(i));
      if (vm.heap.would_exceed(uint64_t(items.size()) * uint64_t(n) * sizeof(Value))) return vm.raise_value(Value::object(vm.t.MemoryError));
      for (int64_t k = 1; k < n; k++)
        for (Value v : items) append_right(vm, d, v);
      return target;
    }
    default: return vm.not_implemented;
  }
}

// ---- methods --------------------------------------------------------------------------------

Value m_append(VM& vm, CallArgs& a) {
  DEQUE_SELF("append");
  if ((a.nargs != 2 || a.nkw()) && !check_one_arg(vm, a, "deque.append")) return Value::error();
  append_right(vm, self, a[1]);
  return Value::none();
}

Value m_appendleft(VM& vm, CallArgs& a) {
  DEQUE_SELF("appendleft");
  if (!check_one_arg(vm, a, "deque.appendleft")) return Value::error();
  append_left(vm, self, a[1]);
  return Value::none();
}

Value m_pop(VM& vm, CallArgs& a) {
  DEQUE_SELF("pop");
  if ((a.nargs != 1 || a.nkw()) && !check_no_args(vm, a, "deque.pop")) return Value::error();
  if (self->count == 0) return vm.raise(vm.t.IndexError, "pop from an empty deque");
  self->state++;
  return self->pop_back();
}

Value m_popleft(VM& vm, CallArgs& a) {
  DEQUE_SELF("popleft");
  if ((a.nargs != 1 || a.nkw()) && !check_no_args(vm, a, "deque.popleft")) return Value::error();
  if (self->count == 0) return vm.raise(vm.t.IndexError, "pop from an empty deque");
  self->state++;
  return self->pop_front();
}

Value m_extend(VM& vm, CallArgs& a) {
  DEQUE_SELF("extend");
  if (!check_one_arg(vm, a, "deque.extend")) return Value::error();
  return extend(vm, self, a[1], false) ? Value::none() : Value::error();
}

Value m_extendleft(VM& vm, CallArgs& a) {
  DEQUE_SELF("extendleft");
  if (!check_one_arg(vm, a, "deque.extendleft")) return Value::error();
  return extend(vm, self, a[1], true) ? Value::none() : Value::error();
}

Value m_rotate(VM& vm, CallArgs& a) {
  DEQUE_SELF("rotate");
  if (!check_no_kw(vm, a, "deque.rotate") || !check_positional(vm, "deque.rotate", a.nargs - 1, 0, 1))
    return Value::error();
  int64_t n = 1;
  if (a.nargs == 2 && !index_value(vm, a[1], &n)) return Value::error();
  rotate(self, n);
  return Value::none();
}

Value m_clear(VM& vm, CallArgs& a) {
  DEQUE_SELF("clear");
  if (!check_no_args(vm, a, "deque.clear")) return Value::error();
  self->clear();
  self->state++;
  return Value::none();
}

Value m_copy(VM& vm, CallArgs& a) {
  DEQUE_SELF("copy");
  if (!check_no_args(vm, a, "deque.copy")) return Value::error();
  return deque_copy_value(vm, Value::object(self));
}

Value m_count(VM& vm, CallArgs& a) {
  DEQUE_SELF("count");
  if (!check_one_arg(vm, a, "deque.count")) return Value::error();
  int64_t at;
  int n = search(vm, self, a[1], 0, SIZE_MAX, true, vm.t.RuntimeError, &at);
  return n < 0 ? Value::error() : Value::integer(n);
}

Value m_index(VM& vm, CallArgs& a) {
  DEQUE_SELF("index");
  if (!check_no_kw(vm, a, "deque.index")) return Value::error();
  if (a.nargs < 2) return vm.raisef(vm.t.TypeError, "index() takes at least 1 argument (%u given)", a.nargs - 1);
  if ( !check_positional(vm, "index", a.nargs - 1, 1, 3)) return Value::error();
  int64_t start, stop;
  if (!index_bounds(vm, a, 2, int64_t(self->count), &start, &stop)) return Value::error();
  int64_t at;
  int r = search(vm, self, a[1], size_t(start), size_t(stop), false, vm.t.RuntimeError, &at);
  if (r < 0) return Value::error();
  if (r > 0) return Value::integer(at);
  std::string s;
  if (!repr_text(vm, a[1], s)) return Value::error();
  return vm.raisef(vm.t.ValueError, "%s is not in deque", s.c_str());
}

Value m_insert(VM& vm, CallArgs& a) {
  DEQUE_SELF("insert");
  if (!check_no_kw(vm, a, "deque.insert")) return Value::error();
  if (a.nargs != 3) return vm.raisef(vm.t.TypeError, "insert() takes exactly 2 arguments (%u given)", a.nargs - 1);
  int64_t i;
  if (!index_value(vm, a[1], &i)) return Value::error();
  if (self->maxlen >= 0 && int64_t(self->count) >= self->maxlen)
    return vm.raise(vm.t.IndexError, "deque already at its maximum size");
  int64_t n = int64_t(self->count);
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  self->push_back(Value());
  for (int64_t k = n; k > i; k--) self->at(size_t(k)) = self->at(size_t(k - 1));
  self->at(size_t(i)) = a[2];
  self->state++;
  return Value::none();
}

Value m_remove(VM& vm, CallArgs& a) {
  DEQUE_SELF("remove");
  if (!check_one_arg(vm, a, "deque.remove")) return Value::error();
  int64_t at;
  int r = search(vm, self, a[1], 0, SIZE_MAX, false, vm.t.IndexError, &at);
  if (r < 0) return Value::error();
  if (r == 0) {
    std::string s;
    if (!repr_text(vm, a[1], s)) return Value::error();
    return vm.raisef(vm.t.ValueError, "%s is not in deque", s.c_str());
  }
  del_item(self, size_t(at));
  return Value::none();
}

Value m_reverse(VM& vm, CallArgs& a) {
  DEQUE_SELF("reverse");
  if (!check_no_args(vm, a, "deque.reverse")) return Value::error();
  for (size_t i = 0, j = self->count; i + 1 < j; i++, j--) std::swap(self->at(i), self->at(j - 1));
  return Value::none();
}

Value m_reversed(VM& vm, CallArgs& a) {
  DEQUE_SELF("__reversed__");
  if (!check_no_args(vm, a, "deque.__reversed__")) return Value::error();
  return Value::object(vm.heap.make<DequeIterObj>(ctypes(vm).deque_reverse_iterator, self, true));
}

Value m_maxlen(VM& vm, CallArgs& a) {
  if (a.nargs < 1 || !is_deque(vm, a[0])) return vm.raise(vm.t.TypeError, "maxlen of a non-deque");
  DequeObj* d = as_deque(a[0]);
  return d->maxlen < 0 ? Value::none() : Value::integer(d->maxlen);
}

Value m_reduce(VM& vm, CallArgs& a) {
  DEQUE_SELF("__reduce__");
  ListObj* items = vm.new_list();
  for (size_t i = 0; i < self->count; i++) items->items.push_back(self->at(i));
  Value ml = self->maxlen < 0 ? Value::none() : Value::integer(self->maxlen);
  return Value::object(vm.tuple_of({Value::object(self->cls), Value::object(vm.tuple_of({Value::object(items), ml}))}));
}

// ---- defaultdict ----------------------------------------------------------------------------

inline bool is_defaultdict(VM& vm, Value v) {
  return v.is_obj() && v.o->kind == Kind::Dict && v.o->cls->is_subclass_of(ctypes(vm).defaultdict);
}
inline DictObj* as_dict(Value v) { return static_cast<DictObj*>(v.o); }
Value factory_of(DictObj* d) { return d->ext.is_undef() ? Value::none() : d->ext; }

// mirrors defdict_init: defaultdict(default_factory=None, /, *args, **kwargs).
Value defdict_init(VM& vm, Value self, CallArgs& a) {
  Value factory = Value::none();
  if (a.nargs > 0) {
    factory = a[0];
    if (!factory.is_none() && !op_callable(vm, factory))
      return vm.raise(vm.t.TypeError, "first argument must be callable or None");
  }
  as_dict(self)->ext = factory;
  CallArgs rest{a.nargs > 0 ? a.args + 1 : a.args, a.nargs > 0 ? a.nargs - 1 : 0, a.kwnames};
  return vm.t.dict->slots.init(vm, self, rest);
}

// mirrors defdict_repr: "defaultdict(<class 'list'>, {...})".
Value defdict_repr(VM& vm, Value self) {
  DictObj* d = as_dict(self);
  Value base = dict_repr_value(vm, d);
  if (base.is_error()) return base;
  std::string factory = "None";
  Value f = factory_of(d);
  if (!f.is_none()) {
    if (!f.is_obj() || !repr_enter(vm, f.o)) {
      factory = "...";
    } else {
      bool ok = repr_text(vm, f, factory);
      repr_leave(vm, f.o);
      if (!ok) return Value::error();
    }
  }
  return vm.str(d->cls->name->str() + "(" + factory + ", " + static_cast<StrObj*>(base.o)->str() + ")");
}

Value defdict_missing(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, ctypes(vm).defaultdict, "__missing__") || !check_one_arg(vm, a, "defaultdict.__missing__"))
    return Value::error();
  Value f = factory_of(as_dict(a[0]));
  if (f.is_none()) return raise_key_error(vm, a[1]);
  Value v = vm.call(f, nullptr, 0);
  if (v.is_error()) return v;
  if (!op_setitem(vm, a[0], a[1], v)) return Value::error();
  return v;
}

Value defdict_copy(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, ctypes(vm).defaultdict, "copy") || !check_no_args(vm, a, "defaultdict.copy"))
    return Value::error();
  return vm.call(Value::object(a[0].o->cls), {factory_of(as_dict(a[0])), a[0]});
}

// mirrors defdict_or: the defaultdict operand's class and factory, then the right's items.
Value defdict_binop(VM& vm, Value left, Value right, BinOp op) {
  if (op != BinOp::Or) return vm.t.dict->slots.binop(vm, left, right, op);
  Value self = is_defaultdict(vm, left) ? left : right;
  Value other = is_defaultdict(vm, left) ? right : left;
  if (!other.is_obj() || other.o->kind != Kind::Dict) return vm.not_implemented;
  Value r = vm.call(Value::object(self.o->cls), {factory_of(as_dict(self)), left});
  if (r.is_error()) return r;
  if (!dict_update_arg(vm, as_dict(r), right)) return Value::error();
  return r;
}

Value defdict_get_factory(VM& vm, CallArgs& a) {
  if (!is_defaultdict(vm, a[0])) return vm.raise(vm.t.TypeError, "default_factory of a non-defaultdict");
  return factory_of(as_dict(a[0]));
}

Value defdict_set_factory(VM& vm, CallArgs& a) {
  if (a.nargs != 2 || !is_defaultdict(vm, a[0])) return vm.raise(vm.t.TypeError, "default_factory of a non-defaultdict");
  as_dict(a[0])->ext = a[1];
  return Value::none();
}

Value defdict_reduce(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, ctypes(vm).defaultdict, "__reduce__")) return Value::error();
  DictObj* d = as_dict(a[0]);
  Value f = factory_of(d);
  TupleObj* args = f.is_none() ? vm.new_tuple(0) : vm.tuple_of({f});
  Value items = vm.call_method(a[0], vm.n.items, {});
  if (items.is_error()) return items;
  Value it = op_iter(vm, items);
  if (it.is_error()) return it;
  return Value::object(vm.tuple_of({Value::object(d->cls), Value::object(args), Value::none(), Value::none(), it}));
}

// ---- _count_elements ------------------------------------------------------------------------

// mirrors _count_elements: mapping[elem] = mapping.get(elem, 0) + 1 for each element, directly
// on the dict when the mapping's get and __setitem__ are dict's.
Value count_elements(VM& vm, CallArgs& a) {
  if (!check_no_kw(vm, a, "_count_elements") || !check_positional(vm, "_count_elements", a.nargs, 2, 2))
    return Value::error();
  Value mapping = a[0];
  ClassObj* t = vm.type_of(mapping);
  bool fast = mapping.is_obj() && mapping.o->kind == Kind::Dict &&
              t->lookup(vm.intern("get")).same(vm.t.dict->lookup(vm.intern("get"))) &&
              t->lookup(vm.n.__setitem__).same(vm.t.dict->lookup(vm.n.__setitem__));
  Value one = Value::integer(1);
  if (fast) {
    DictObj* d = as_dict(mapping);
    bool ok = for_each_item(vm, a[1], [&](Value key) {
      int64_t h;
      if (!op_hash(vm, key, &h)) return -1;
      Value old = d->get_hashed(vm, key, h);
      if (old.is_error()) return -1;
      Value nv = old.is_undef() ? one : old.is_int() && old.i < INT64_MAX ? Value::integer(old.i + 1)
                                                                        : op_binary(vm, old, one, BinOp::Add);
      if (nv.is_error()) return -1;
      return d->set_hashed(vm, key, h, nv) ? 1 : -1;
    });
    return ok ? Value::none() : Value::error();
  }
  Value get = op_getattr(vm, mapping, vm.intern("get"));
  if (get.is_error()) return get;
  Value zero = Value::integer(0);
  bool ok = for_each_item(vm, a[1], [&](Value key) {
    Value old = vm.call(get, {key, zero});
    if (old.is_error()) return -1;
    Value nv = op_binary(vm, old, one, BinOp::Add);
    if (nv.is_error()) return -1;
    return op_setitem(vm, mapping, key, nv) ? 1 : -1;
  });
  return ok ? Value::none() : Value::error();
}

// Classes are made once per VM (the first import) and kept in the container type table.
void make_classes(VM& vm) {
  ContainerTypes& t = ctypes(vm);
  if (t.deque) return;
  ClassObj* dq = new_container_class(vm, "deque", Kind::Other, true, "collections");
  t.deque = dq;
  TypeSlots& s = dq->slots;
  s.new_ = deque_new;
  s.init = deque_init;
  s.repr = deque_repr;
  s.hash = slot_hash_unhashable;
  s.richcompare = deque_richcompare;
  s.len = deque_len;
  s.getitem = deque_getitem;
  s.setitem = deque_setitem;
  s.contains = deque_contains;
  s.iter = deque_iter;
  s.binop = deque_binop;
  struct M {
    const char* name;
    NativeFn fn;
  };
  const M methods[] = {{"append", m_append},   {"appendleft", m_appendleft}, {"pop", m_pop},
                       {"popleft", m_popleft}, {"extend", m_extend},         {"extendleft", m_extendleft},
                       {"rotate", m_rotate},   {"clear", m_clear},           {"copy", m_copy},
                       {"__copy__", m_copy},   {"count", m_count},           {"index", m_index},
                       {"insert", m_insert},   {"remove", m_remove},         {"reverse", m_reverse},
                       {"__reversed__", m_reversed}, {"__reduce__", m_reduce}};
  for (const M& m : methods) vm.def_method(dq, m.name, m.fn);
  dq->dict->set_str(vm.intern("maxlen"), Value::object(native_property(vm, "maxlen", m_maxlen)));
  def_binop_method(vm, dq, BinOp::Add, false, true);
  def_binop_method(vm, dq, BinOp::Multiply, false, true);
  def_binop_method(vm, dq, BinOp::Multiply, true, true);
  def_binop_method(vm, dq, BinOp::InplaceAdd, false, true);
  def_binop_method(vm, dq, BinOp::InplaceMultiply, false, true);
  add_class_getitem(vm, dq);
  finish_class(vm, dq);

  for (bool rev : {false, true}) {
    ClassObj* it = new_container_class(vm, rev ? "_deque_reverse_iterator" : "_deque_iterator", Kind::Other, false,
                                       "_collections");
    (rev ? t.deque_reverse_iterator : t.deque_iterator) = it;
    it->slots.new_ = slot_new_disabled;
    it->slots.iter = dequeiter_iter;
    it->slots.next = dequeiter_next;
    vm.def_method(it, "__length_hint__", dequeiter_length_hint);
    finish_class(vm, it);
  }

  ClassObj* dd = new_container_class(vm, "defaultdict", Kind::Dict, true, "collections", vm.t.dict);
  t.defaultdict = dd;
  dd->slots.init = defdict_init;
  dd->slots.repr = defdict_repr;
  dd->slots.binop = defdict_binop;
  vm.def_method(dd, "__missing__", defdict_missing);
  vm.def_method(dd, "copy", defdict_copy);
  vm.def_method(dd, "__copy__", defdict_copy);
  vm.def_method(dd, "__reduce__", defdict_reduce);
  def_binop_method(vm, dd, BinOp::Or, false);
  def_binop_method(vm, dd, BinOp::Or, true);
  PropertyObj* factory = vm.heap.make<PropertyObj>(vm.t.property);
  factory->fget = Value::object(vm.new_native("default_factory", defdict_get_factory));
  factory->fset = Value::object(vm.new_native("default_factory", defdict_set_factory));
  dd->dict->set_str(vm.intern("default_factory"), Value::object(factory));
  finish_class(vm, dd);
}

}  // namespace

bool init_collections_module(VM& vm, ModuleObj* m) {
  make_classes(vm);
  ContainerTypes& t = ctypes(vm);
  m->dict->set_str(vm.intern("deque"), Value::object(t.deque));
  m->dict->set_str(vm.intern("defaultdict"), Value::object(t.defaultdict));
  m->dict->set_str(vm.intern("_deque_iterator"), Value::object(t.deque_iterator));
  m->dict->set_str(vm.intern("_deque_reverse_iterator"), Value::object(t.deque_reverse_iterator));
  vm.def_function(m->dict, "_count_elements", count_elements);
  return true;
}

}  // namespace looplab
