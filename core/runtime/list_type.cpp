// list: slots (repr with recursion, comparison, indexing, slice assignment with CPython's
// rules, concatenation and repetition), construction and the methods. The VM indexes exact
// lists with ints inline; everything else comes here. Sorting is in list_sort.cpp.
#include <algorithm>

#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

bool list_extend_items(VM& vm, ListObj* l, Value it);

namespace {

inline ListObj* as_list(Value v) { return static_cast<ListObj*>(v.o); }
inline bool is_list(Value v) { return v.is_obj() && v.o->kind == Kind::List; }

// ---- slots ----------------------------------------------------------------------------------

// mirrors Objects/listobject.c list_repr (items re-read each step: a repr may mutate the list).
Value list_repr(VM& vm, Value self) {
  ListObj* l = as_list(self);
  if (l->items.empty()) return vm.str("[]");
  RecursionGuard guard(vm, kInRepr);
  if (!guard.ok()) return Value::error();
  if (!repr_enter(vm, l)) return vm.str("[...]");
  std::string out = "[";
  std::string s;
  for (size_t i = 0; i < l->items.size(); i++) {
    if (i) out += ", ";
    Value v = l->items[i];
    if (v.is_int()) {
      out += int_to_text(v);
      continue;
    }
    if (v.is_obj() && v.o->kind == Kind::Str && v.o->cls == vm.t.str && static_cast<StrObj*>(v.o)->ascii) {
      // Fast path for plain ASCII strings without quotes or escapes.
      std::string_view sv = static_cast<StrObj*>(v.o)->view();
      bool simple = true;
      for (char ch : sv)
        if (ch == '\'' || ch == '\\' || uint8_t(ch) < 0x20 || ch == 0x7f) {
          simple = false;
          break;
        }
      if (simple) {
        out += '\'';
        out += sv;
        out += '\'';
        continue;
      }
    }
    if (!repr_text(vm, v, s)) {
      repr_leave(vm, l);
      return Value::error();
    }
    out += s;
  }
  repr_leave(vm, l);
  out += "]";
  return vm.str(out);
}

Value list_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return vm.not_implemented;
  ListObj* x = as_list(a);
  ListObj* y = as_list(b);
  if (x->items.size() != y->items.size() && (op == CompareOp::Eq || op == CompareOp::Ne))
    return Value::boolean(op == CompareOp::Ne);
  return compare_sequences(
      vm, [x] { return x->items.size(); }, [x](size_t i) { return x->items[i]; }, [y] { return y->items.size(); },
      [y](size_t i) { return y->items[i]; }, op);
}

int64_t list_len(VM&, Value self) { return int64_t(as_list(self)->items.size()); }

bool list_index_arg(VM& vm, Value key, int64_t* out) {
  if (key.is_int()) {
    *out = key.i;
    return true;
  }
  if (!has_index(vm, key)) {
    vm.raisef(vm.t.TypeError, "list indices must be integers or slices, not %s", type_name(vm, key).c_str());
    return false;
  }
  return index_value(vm, key, out);
}

Value list_getitem(VM& vm, Value self, Value key) {
  ListObj* l = as_list(self);
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step;
    int64_t n = slice_indices(vm, key, int64_t(l->items.size()), &start, &stop, &step);
    if (n < 0) return Value::error();
    ListObj* r = vm.new_list();
    if (step == 1) {
      r->items.assign(l->items.begin() + start, l->items.begin() + start + n);
    } else {
      r->items.reserve(size_t(n));
      for (int64_t i = 0, cur = start; i < n; i++, cur += step) r->items.push_back(l->items[size_t(cur)]);
    }
    return Value::object(r);
  }
  int64_t i;
  if (!list_index_arg(vm, key, &i)) return Value::error();
  if (i < 0) i += int64_t(l->items.size());
  if (i < 0 || i >= int64_t(l->items.size())) return vm.raise(vm.t.IndexError, "list index out of range");
  return l->items[size_t(i)];
}

// PySequence_Fast: the items of a list/tuple or of any iterable; TypeError `msg` otherwise.
bool sequence_fast(VM& vm, Value v, const char* msg, std::vector<Value>& out) {
  if (!is_list(v) && !(v.is_obj() && v.o->kind == Kind::Tuple) && !vm.type_of(v)->slots.iter) {
    vm.raise(vm.t.TypeError, msg);
    return false;
  }
  return collect_items(vm, v, out);
}

// mirrors list_ass_slice: replace items [lo, hi) by the items of v (Undef: delete them).
bool list_ass_slice(VM& vm, ListObj* l, int64_t lo, int64_t hi, Value v) {
  std::vector<Value> items;
  if (!v.is_undef() && !sequence_fast(vm, v, "can only assign an iterable", items)) return false;
  int64_t n = int64_t(l->items.size());
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  auto& it = l->items;
  it.erase(it.begin() + lo, it.begin() + hi);
  it.insert(it.begin() + lo, items.begin(), items.end());
  return true;
}

// mirrors list_ass_subscript.
bool list_setitem(VM& vm, Value self, Value key, Value value) {
  ListObj* l = as_list(self);
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step;
    int64_t n = slice_indices(vm, key, int64_t(l->items.size()), &start, &stop, &step);
    if (n < 0) return false;
    if (step == 1) return list_ass_slice(vm, l, start, stop, value);
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
    if (value.is_undef()) {
      if (n <= 0) return true;
      std::vector<bool> drop(l->items.size(), false);
      for (int64_t i = 0, cur = start; i < n; i++, cur += step) drop[size_t(cur)] = true;
      size_t w = 0;
      for (size_t r = 0; r < l->items.size(); r++)
        if (!drop[r]) l->items[w++] = l->items[r];
      l->items.resize(w);
      return true;
    }
    std::vector<Value> items;
    if (!sequence_fast(vm, value, "must assign iterable to extended slice", items)) return false;
    if (int64_t(items.size()) != n) {
      vm.raisef(vm.t.ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld",
                items.size(), (long long)n);
      return false;
    }
    // The list may have changed size while the iterable ran; CPython re-checks nothing here
    // either, but a shrunk list must not be written out of bounds.
    for (int64_t i = 0, cur = start; i < n; i++, cur += step)
      if (size_t(cur) < l->items.size()) l->items[size_t(cur)] = items[size_t(i)];
    return true;
  }
  int64_t i;
  if (!list_index_arg(vm, key, &i)) return false;
  if (i < 0) i += int64_t(l->items.size());
  if (i < 0 || i >= int64_t(l->items.size())) {
    vm.raise(vm.t.IndexError, "list assignment index out of range");
    return false;
  }
  if (value.is_undef()) l->items.erase(l->items.begin() + i);
  else l->items[size_t(i)] = value;
  return true;
}

int list_contains(VM& vm, Value self, Value item) {
  ListObj* l = as_list(self);
  for (size_t i = 0; i < l->items.size(); i++) {
    Value v = l->items[i];
    if (v.is_int() && item.is_int()) {
      if (v.i == item.i) return 1;
      continue;
    }
    int eq = op_eq(vm, v, item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value list_iter(VM& vm, Value self) {
  return Value::object(vm.heap.make<ListIterObj>(vm.t.list_iterator, as_list(self)));
}

bool repeat_into(VM& vm, std::vector<Value>& out, const std::vector<Value>& src, int64_t count) {
  if (count <= 0 || src.empty()) {
    out.clear();
    return true;
  }
  if (uint64_t(count) > (uint64_t(1) << 40) / src.size() ||
      vm.heap.would_exceed(uint64_t(count) * src.size() * sizeof(Value))) {
    vm.raise_value(Value::object(vm.t.MemoryError));
    return false;
  }
  std::vector<Value> r;
  r.reserve(src.size() * size_t(count));
  for (int64_t k = 0; k < count; k++) r.insert(r.end(), src.begin(), src.end());
  out.swap(r);
  return true;
}

Value list_binop(VM& vm, Value a, Value b, BinOp op) {
  switch (op) {
    case BinOp::Add: {
      if (!is_list(a) || !is_list(b)) return vm.not_implemented;
      ListObj* r = vm.new_list();
      auto& x = as_list(a)->items;
      auto& y = as_list(b)->items;
      r->items.reserve(x.size() + y.size());
      r->items.insert(r->items.end(), x.begin(), x.end());
      r->items.insert(r->items.end(), y.begin(), y.end());
      return Value::object(r);
    }
    case BinOp::Multiply: {
      bool left = is_list(a);
      Value seq = left ? a : b;
      if (!is_list(seq)) return vm.not_implemented;
      int64_t count;
      Value r = repeat_count(vm, seq, left ? b : a, !left, op, &count);
      if (!r.is_none()) return r;
      ListObj* out = vm.new_list();
      if (!repeat_into(vm, out->items, as_list(seq)->items, count)) return Value::error();
      return Value::object(out);
    }
    case BinOp::InplaceAdd:
      if (!is_list(a)) return vm.not_implemented;
      if (!list_extend_from(vm, as_list(a), b)) return Value::error();
      return a;
    case BinOp::InplaceMultiply: {
      if (!is_list(a)) return vm.not_implemented;
      int64_t count;
      Value r = repeat_count(vm, a, b, true, op, &count);
      if (!r.is_none()) return r;
      std::vector<Value> copy = as_list(a)->items;
      if (!repeat_into(vm, as_list(a)->items, copy, count)) return Value::error();
      return a;
    }
    default: return vm.not_implemented;
  }
}

Value list_new(VM& vm, ClassObj* cls, CallArgs&) { return Value::object(vm.heap.make<ListObj>(cls)); }

// mirrors list___init___impl: clears, then extends.
Value list_init(VM& vm, Value self, CallArgs& a) {
  ClassObj* cls = vm.type_of(self);
  if ((cls == vm.t.list || cls->slots.new_ == vm.t.list->slots.new_) && !check_no_kw(vm, a, "list"))
    return Value::error();
  if (!check_positional(vm, "list", a.nargs, 0, 1)) return Value::error();
  ListObj* l = as_list(self);
  l->items.clear();
  if (a.nargs == 1 && !list_extend_from(vm, l, a[0])) return Value::error();
  return Value::none();
}

// ---- methods --------------------------------------------------------------------------------

#define LIST_SELF(name)                                                 \
  if (!(a.nargs > 0 && is_list(a[0])) && !check_self(vm, a, vm.t.list, name)) \
    return Value::error();                                              \
  ListObj* self = as_list(a[0])

Value list_append(VM& vm, CallArgs& a) {
  LIST_SELF("append");
  if (a.nargs != 2 || a.nkw() != 0) {
    if (!check_one_arg(vm, a, "list.append")) return Value::error();
  }
  size_t cap = self->items.capacity();
  self->items.push_back(a[1]);
  if (self->items.capacity() != cap) note_growth(vm, cap, self->items.capacity(), sizeof(Value));
  return Value::none();
}

Value list_extend(VM& vm, CallArgs& a) {
  LIST_SELF("extend");
  if (!check_one_arg(vm, a, "list.extend")) return Value::error();
  if (!list_extend_from(vm, self, a[1])) return Value::error();
  return Value::none();
}

Value list_insert(VM& vm, CallArgs& a) {
  LIST_SELF("insert");
  if (!check_no_kw(vm, a, "list.insert") || !check_positional(vm, "insert", a.nargs - 1, 2, 2)) return Value::error();
  int64_t i;
  if (!index_value(vm, a[1], &i)) return Value::error();
  int64_t n = int64_t(self->items.size());
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  self->items.insert(self->items.begin() + i, a[2]);
  return Value::none();
}

Value list_pop(VM& vm, CallArgs& a) {
  LIST_SELF("pop");
  if (!check_no_kw(vm, a, "list.pop") || !check_positional(vm, "pop", a.nargs - 1, 0, 1)) return Value::error();
  int64_t i = -1;
  if (a.nargs == 2 && !index_value(vm, a[1], &i)) return Value::error();
  auto& items = self->items;
  if (items.empty()) return vm.raise(vm.t.IndexError, "pop from empty list");
  if (i < 0) i += int64_t(items.size());
  if (i < 0 || i >= int64_t(items.size())) return vm.raise(vm.t.IndexError, "pop index out of range");
  Value v = items[size_t(i)];
  if (size_t(i) + 1 == items.size()) items.pop_back();
  else items.erase(items.begin() + i);
  return v;
}

Value list_remove(VM& vm, CallArgs& a) {
  LIST_SELF("remove");
  if (!check_one_arg(vm, a, "list.remove")) return Value::error();
  for (size_t i = 0; i < self->items.size(); i++) {
    int eq = op_eq(vm, self->items[i], a[1]);
    if (eq < 0) return Value::error();
    if (eq) {
      if (i < self->items.size()) self->items.erase(self->items.begin() + ptrdiff_t(i));
      return Value::none();
    }
  }
  return vm.raise(vm.t.ValueError, "list.remove(x): x not in list");
}

Value list_index(VM& vm, CallArgs& a) {
  LIST_SELF("index");
  if (!check_no_kw(vm, a, "list.index") || !check_positional(vm, "index", a.nargs - 1, 1, 3)) return Value::error();
  int64_t start, stop;
  if (!index_bounds(vm, a, 2, int64_t(self->items.size()), &start, &stop)) return Value::error();
  Value x = a[1];
  for (int64_t i = start; i < stop && i < int64_t(self->items.size()); i++) {
    Value v = self->items[size_t(i)];
    if (v.is_int() && x.is_int()) {
      if (v.i == x.i) return Value::integer(i);
      continue;
    }
    int eq = op_eq(vm, v, x);
    if (eq < 0) return Value::error();
    if (eq) return Value::integer(i);
  }
  std::string r;
  if (!repr_text(vm, x, r)) return Value::error();
  return vm.raisef(vm.t.ValueError, "%s is not in list", r.c_str());
}

Value list_count(VM& vm, CallArgs& a) {
  LIST_SELF("count");
  if (!check_one_arg(vm, a, "list.count")) return Value::error();
  int64_t n = 0;
  for (size_t i = 0; i < self->items.size(); i++) {
    Value v = self->items[i];
    if (v.same(a[1])) {
      n++;
      continue;
    }
    int eq = op_eq(vm, v, a[1]);
    if (eq < 0) return Value::error();
    n += eq;
  }
  return Value::integer(n);
}

Value list_clear(VM& vm, CallArgs& a) {
  LIST_SELF("clear");
  if (!check_no_args(vm, a, "list.clear")) return Value::error();
  self->items.clear();
  return Value::none();
}

Value list_copy(VM& vm, CallArgs& a) {
  LIST_SELF("copy");
  if (!check_no_args(vm, a, "list.copy")) return Value::error();
  return Value::object(new_list_from(vm, self->items.data(), self->items.size()));
}

Value list_reverse(VM& vm, CallArgs& a) {
  LIST_SELF("reverse");
  if (!check_no_args(vm, a, "list.reverse")) return Value::error();
  std::reverse(self->items.begin(), self->items.end());
  return Value::none();
}

Value list_sort(VM& vm, CallArgs& a) {
  LIST_SELF("sort");
  if (a.nargs > 3)
    return vm.raisef(vm.t.TypeError, "sort() takes at most 2 arguments (%zu given)", a.nargs - 1 + a.nkw());
  if (a.nargs > 1) return vm.raise(vm.t.TypeError, "sort() takes no positional arguments");
  Value kw[2];
  if (!parse_kwonly(vm, a, "sort", {"key", "reverse"}, kw)) return Value::error();
  int64_t reverse = 0;
  if (!kw[1].is_undef()) {
    if (kw[1].is_obj() && kw[1].o->kind == Kind::BigInt) {
      reverse = 1;
    } else if (!index_value(vm, kw[1], &reverse)) {
      return Value::error();
    }
  }
  if (!list_sort_values(vm, self, kw[0], reverse != 0)) return Value::error();
  return Value::none();
}

Value list_reversed(VM& vm, CallArgs& a) {
  LIST_SELF("__reversed__");
  if (!check_no_args(vm, a, "list.__reversed__")) return Value::error();
  return make_list_reverse_iter(vm, self);
}

}  // namespace

// ---- shared ---------------------------------------------------------------------------------

// mirrors list_extend: lists and tuples copy directly (a list extended by itself doubles).
bool list_extend_from(VM& vm, ListObj* l, Value it) {
  size_t cap = l->items.capacity();
  bool ok = list_extend_items(vm, l, it);
  note_growth(vm, cap, l->items.capacity(), sizeof(Value));
  return ok;
}

bool list_extend_items(VM& vm, ListObj* l, Value it) {
  if (it.is_obj() && it.o->kind == Kind::Range) {
    // list(range(10**10)) fails at once rather than after filling the memory.
    int64_t n = op_len(vm, it);
    if (n < 0 || !check_alloc(vm, uint64_t(n) * sizeof(Value))) return false;
  }
  if (it.is_obj() && (it.o->kind == Kind::List || it.o->kind == Kind::Tuple)) {
    if (it.o == l) {
      size_t n = l->items.size();
      l->items.reserve(2 * n);
      for (size_t i = 0; i < n; i++) l->items.push_back(l->items[i]);
      return true;
    }
    return collect_items(vm, it, l->items);
  }
  if (!vm.type_of(it)->slots.iter) {
    vm.raisef(vm.t.TypeError, "'%s' object is not iterable", type_name(vm, it).c_str());
    return false;
  }
  size_t checked = l->items.capacity();
  return for_each_item(vm, it, [&](Value v) {
    if (l->items.size() == l->items.capacity() && l->items.size() >= checked && l->items.size() > 4096) {
      // Growing: make sure the doubled storage fits under the heap cap.
      if (!check_alloc(vm, l->items.size() * sizeof(Value))) return -1;
      checked = 2 * l->items.size();
    }
    l->items.push_back(v);
    return 1;
  });
}

void init_list_type(VM& vm) {
  ClassObj* c = vm.t.list;
  TypeSlots& s = c->slots;
  s.repr = list_repr;
  s.hash = slot_hash_unhashable;
  s.richcompare = list_richcompare;
  s.len = list_len;
  s.getitem = list_getitem;
  s.setitem = list_setitem;
  s.contains = list_contains;
  s.iter = list_iter;
  s.binop = list_binop;
  s.new_ = list_new;
  s.init = list_init;
  vm.def_method(c, "append", list_append);
  vm.def_method(c, "extend", list_extend);
  vm.def_method(c, "insert", list_insert);
  vm.def_method(c, "pop", list_pop);
  vm.def_method(c, "remove", list_remove);
  vm.def_method(c, "index", list_index);
  vm.def_method(c, "count", list_count);
  vm.def_method(c, "clear", list_clear);
  vm.def_method(c, "copy", list_copy);
  vm.def_method(c, "reverse", list_reverse);
  vm.def_method(c, "sort", list_sort);
  vm.def_method(c, "__reversed__", list_reversed);
  def_binop_method(vm, c, BinOp::Add, false, true);
  def_binop_method(vm, c, BinOp::Multiply, false, true);
  def_binop_method(vm, c, BinOp::Multiply, true, true);
  def_binop_method(vm, c, BinOp::InplaceAdd, false, true);
  def_binop_method(vm, c, BinOp::InplaceMultiply, false, true);
  add_class_getitem(vm, c);
}

}  // namespace looplab
