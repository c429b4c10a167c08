// The iteration builtins, as Python/bltinmodule.c and Objects/enumobject.c: min, max, sum,
// sorted, any, all, and the iterator types enumerate, zip, map, filter and reversed.
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/numbers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

struct EnumerateObj final : Obj {
  Value it;
  Value index;  // an int (small or big)
  EnumerateObj(ClassObj* cls, Value i, Value start) : Obj(cls, Kind::Other), it(i), index(start) {}
  void trace(Tracer& t) override {
    t.mark(it);
    t.mark(index);
  }
};

struct ZipObj final : Obj {
  std::vector<Value> iters;
  bool strict = false;
  explicit ZipObj(ClassObj* cls) : Obj(cls, Kind::Other) {}
  void trace(Tracer& t) override { t.mark(iters); }
  size_t extra_bytes() const override { return iters.capacity() * sizeof(Value); }
};

struct MapObj final : Obj {
  Value func;
  std::vector<Value> iters;
  MapObj(ClassObj* cls, Value f) : Obj(cls, Kind::Other), func(f) {}
  void trace(Tracer& t) override {
    t.mark(func);
    t.mark(iters);
  }
  size_t extra_bytes() const override { return iters.capacity() * sizeof(Value); }
};

struct FilterObj final : Obj {
  Value func;
  Value it;
  FilterObj(ClassObj* cls, Value f, Value i) : Obj(cls, Kind::Other), func(f), it(i) {}
  void trace(Tracer& t) override {
    t.mark(func);
    t.mark(it);
  }
};

struct ReversedObj final : Obj {
  Value seq;  // Undef once exhausted
  int64_t index;
  ReversedObj(ClassObj* cls, Value s, int64_t i) : Obj(cls, Kind::Other), seq(s), index(i) {}
  void trace(Tracer& t) override { t.mark(seq); }
};

Value iter_self(VM&, Value self) { return self; }

// ---- min / max ------------------------------------------------------------------------------

// mirrors min_max: the first extreme item wins ties.
Value min_max(VM& vm, CallArgs& a, CompareOp op) {
  const char* name = op == CompareOp::Lt ? "min" : "max";
  if (a.nargs == 0) return vm.raisef(vm.t.TypeError, "%s expected at least 1 argument, got 0", name);
  bool positional = a.nargs > 1;
  Value kw[2];
  if (!parse_kwonly(vm, a, name, {"key", "default"}, kw)) return Value::error();
  Value keyfunc = kw[0].is_none() ? Value() : kw[0];
  Value dflt = kw[1];
  if (positional && !dflt.is_undef())
    return vm.raisef(vm.t.TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
  Value best_item, best_val;
  auto consider = [&](Value item) -> int {
    Value val = item;
    if (!keyfunc.is_undef()) {
      val = vm.call(keyfunc, &item, 1);
      if (val.is_error()) return -1;
    }
    if (best_val.is_undef()) {
      best_item = item;
      best_val = val;
      return 1;
    }
    int cmp;
    if (val.is_int() && best_val.is_int()) {
      cmp = op == CompareOp::Lt ? val.i < best_val.i : val.i > best_val.i;
    } else {
      Value r = op_compare(vm, val, best_val, op);
      if (r.is_error()) return -1;
      cmp = r.is_bool() ? r.b : op_truth(vm, r);
      if (cmp < 0) return -1;
    }
    if (cmp) {
      best_item = item;
      best_val = val;
    }
    return 1;
  };
  if (positional) {
    for (uint32_t i = 0; i < a.nargs; i++)
      if (consider(a[i]) < 0) return Value::error();
  } else if (!for_each_item(vm, a[0], consider)) {
    return Value::error();
  }
  if (best_val.is_undef()) {
    if (!dflt.is_undef()) return dflt;
    return vm.raisef(vm.t.ValueError, "%s() arg is an empty sequence", name);
  }
  return best_item;
}

Value builtin_min(VM& vm, CallArgs& a) { return min_max(vm, a, CompareOp::Lt); }
Value builtin_max(VM& vm, CallArgs& a) { return min_max(vm, a, CompareOp::Gt); }

// ---- sum ------------------------------------------------------------------------------------

bool fits_long(Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.i;
    return true;
  }
  if (v.is_bool()) {
    *out = v.b;
    return true;
  }
  return false;
}

// mirrors builtin_sum_impl (3.11): an int fast path, a float fast path (plain addition, no
// compensated summation before 3.12), then generic +.
Value builtin_sum(VM& vm, CallArgs& a) {
  if (a.nargs == 0) return vm.raisef(vm.t.TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (a.nargs > 2) return vm.raisef(vm.t.TypeError, "sum() takes at most 2 arguments (%u given)", a.nargs + uint32_t(a.nkw()));
  Value result = a.nargs == 2 ? a[1] : Value();
  for (size_t k = 0; k < a.nkw(); k++) {
    if (a.kwname(k)->view() != "start")
      return vm.raisef(vm.t.TypeError, "sum() got an unexpected keyword argument '%s'", a.kwname(k)->data());
    if (!result.is_undef())
      return vm.raise(vm.t.TypeError, "argument for sum() given by name ('start') and position (2)");
    result = a.kwvalue(k);
  }
  if (result.is_undef()) result = Value::integer(0);
  if (vm.isinstance(result, vm.t.str))
    return vm.raise(vm.t.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (vm.isinstance(result, vm.t.bytes))
    return vm.raise(vm.t.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  Value it = op_iter(vm, a[0]);
  if (it.is_error()) return it;

  if (result.is_int()) {
    int64_t acc = result.i;
    for (;;) {
      Value item = next_item(vm, it);
      if (item.is_error()) return item;
      if (item.is_undef()) return Value::integer(acc);
      int64_t b;
      if (fits_long(item, &b)) {
        int64_t sum;
        if (!__builtin_add_overflow(acc, b, &sum)) {
          acc = sum;
          continue;
        }
      }
      result = op_binary(vm, Value::integer(acc), item, BinOp::Add);
      if (result.is_error()) return result;
      break;
    }
  }
  if (result.is_float()) {
    double acc = result.f;
    for (;;) {
      Value item = next_item(vm, it);
      if (item.is_error()) return item;
      if (item.is_undef()) return Value::real(acc);
      if (item.is_float()) {
        acc += item.f;
        continue;
      }
      int64_t b;
      if (fits_long(item, &b)) {
        acc += double(b);
        continue;
      }
      result = op_binary(vm, Value::real(acc), item, BinOp::Add);
      if (result.is_error()) return result;
      break;
    }
  }
  for (;;) {
    Value item = next_item(vm, it);
    if (item.is_error()) return item;
    if (item.is_undef()) return result;
    result = op_binary(vm, result, item, BinOp::Add);
    if (result.is_error()) return result;
  }
}

// ---- sorted, any, all -----------------------------------------------------------------------

Value builtin_sorted(VM& vm, CallArgs& a) {
  if (!check_positional(vm, "sorted", a.nargs, 1, 1)) return Value::error();
  ListObj* l = vm.new_list();
  if (!list_extend_from(vm, l, a[0])) return Value::error();
  // Keyword arguments go to list.sort, which checks them.
  Value kw[2];
  if (!parse_kwonly(vm, a, "sort", {"key", "reverse"}, kw)) return Value::error();
  int64_t reverse = 0;
  if (!kw[1].is_undef() && !index_value(vm, kw[1], &reverse)) return Value::error();
  if (!list_sort_values(vm, l, kw[0], reverse != 0)) return Value::error();
  return Value::object(l);
}

Value any_all(VM& vm, CallArgs& a, bool any) {
  const char* name = any ? "any" : "all";
  if (a.nkw()) return vm.raisef(vm.t.TypeError, "%s() takes no keyword arguments", name);
  if (a.nargs != 1) return vm.raisef(vm.t.TypeError, "%s() takes exactly one argument (%u given)", name, a.nargs);
  bool found = false;
  bool ok = for_each_item(vm, a[0], [&](Value item) {
    int t = op_truth(vm, item);
    if (t < 0) return -1;
    if (bool(t) == any) {
      found = true;
      return 0;
    }
    return 1;
  });
  if (!ok) return Value::error();
  return Value::boolean(any ? found : !found);
}

Value builtin_any(VM& vm, CallArgs& a) { return any_all(vm, a, true); }
Value builtin_all(VM& vm, CallArgs& a) { return any_all(vm, a, false); }

// ---- enumerate ------------------------------------------------------------------------------

Value enumerate_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (a.nargs > 2)
    return vm.raisef(vm.t.TypeError, "enumerate() takes at most 2 arguments (%u given)", a.nargs + uint32_t(a.nkw()));
  Value iterable = a.nargs > 0 ? a[0] : Value();
  Value start = a.nargs > 1 ? a[1] : Value();
  for (size_t k = 0; k < a.nkw(); k++) {
    std::string_view n = a.kwname(k)->view();
    Value* slot = n == "iterable" ? &iterable : n == "start" ? &start : nullptr;
    if (!slot)
      return vm.raisef(vm.t.TypeError, "'%s' is an invalid keyword argument for enumerate()", a.kwname(k)->data());
    if (!slot->is_undef())
      return vm.raisef(vm.t.TypeError, "argument for enumerate() given by name ('%s') and position (%d)",
                       a.kwname(k)->data(), n == "iterable" ? 1 : 2);
    *slot = a.kwvalue(k);
  }
  if (iterable.is_undef()) return vm.raise(vm.t.TypeError, "enumerate() missing required argument 'iterable'");
  if (start.is_undef()) {
    start = Value::integer(0);
  } else if (start.is_bool()) {
    start = Value::integer(start.b);
  } else if (!start.is_int() && !(start.is_obj() && start.o->kind == Kind::BigInt)) {
    if (!has_index(vm, start))
      return vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, start).c_str());
    start = vm.call_dunder(start, vm.n.__index__, {});
    if (start.is_error()) return start;
  }
  Value it = op_iter(vm, iterable);
  if (it.is_error()) return it;
  return Value::object(vm.heap.make<EnumerateObj>(cls, it, start));
}

Value enumerate_next(VM& vm, Value self) {
  auto* e = static_cast<EnumerateObj*>(self.o);
  Value item = next_item(vm, e->it);
  if (item.is_undef() || item.is_error()) return item;
  Value index = e->index;
  int64_t next;
  if (index.is_int() && !__builtin_add_overflow(index.i, int64_t(1), &next)) {
    e->index = Value::integer(next);
  } else {
    Value n = op_binary(vm, index, Value::integer(1), BinOp::Add);
    if (n.is_error()) return n;
    e->index = n;
  }
  return Value::object(vm.tuple_of({index, item}));
}

// ---- zip ------------------------------------------------------------------------------------

Value zip_new(VM& vm, ClassObj* cls, CallArgs& a) {
  Value kw[1];
  if (!parse_kwonly(vm, a, "zip", {"strict"}, kw)) return Value::error();
  ZipObj* z = vm.heap.make<ZipObj>(cls);
  if (!kw[0].is_undef()) {
    int t = op_truth(vm, kw[0]);
    if (t < 0) return Value::error();
    z->strict = t;
  }
  z->iters.reserve(a.nargs);
  for (uint32_t i = 0; i < a.nargs; i++) {
    Value it = op_iter(vm, a[i]);
    if (it.is_error()) return it;
    z->iters.push_back(it);
  }
  return Value::object(z);
}

// mirrors zip_next, with strict=True's length checks.
Value zip_next(VM& vm, Value self) {
  auto* z = static_cast<ZipObj*>(self.o);
  size_t n = z->iters.size();
  if (n == 0) return Value();
  TupleObj* result = vm.new_tuple(n);
  size_t i = 0;
  for (; i < n; i++) {
    Value item = next_item(vm, z->iters[i]);
    if (item.is_error()) return item;
    if (item.is_undef()) break;
    (*result)[i] = item;
  }
  if (i == n) return Value::object(result);
  if (!z->strict) return Value();
  if (i) {
    return vm.raisef(vm.t.ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1,
                     i == 1 ? " " : "s 1-", i);
  }
  for (i = 1; i < n; i++) {
    Value item = next_item(vm, z->iters[i]);
    if (item.is_error()) return item;
    if (!item.is_undef())
      return vm.raisef(vm.t.ValueError, "zip() argument %zu is longer than argument%s%zu", i + 1,
                       i == 1 ? " " : "s 1-", i);
  }
  return Value();
}

// ---- map ------------------------------------------------------------------------------------

Value map_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (cls == ctypes(vm).map && !check_no_kw(vm, a, "map")) return Value::error();
  if (a.nargs < 2) return vm.raise(vm.t.TypeError, "map() must have at least two arguments.");
  MapObj* m = vm.heap.make<MapObj>(cls, a[0]);
  m->iters.reserve(a.nargs - 1);
  for (uint32_t i = 1; i < a.nargs; i++) {
    Value it = op_iter(vm, a[i]);
    if (it.is_error()) return it;
    m->iters.push_back(it);
  }
  return Value::object(m);
}

Value map_next(VM& vm, Value self) {
  auto* m = static_cast<MapObj*>(self.o);
  size_t n = m->iters.size();
  Value small[6];
  std::vector<Value> big;
  Value* args = small;
  if (n > 6) {
    big.resize(n);
    args = big.data();
  }
  for (size_t i = 0; i < n; i++) {
    Value item = next_item(vm, m->iters[i]);
    if (item.is_undef() || item.is_error()) return item;
    args[i] = item;
  }
  return vm.call(m->func, args, n);
}

// ---- filter ---------------------------------------------------------------------------------

Value filter_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (cls == ctypes(vm).filter && !check_no_kw(vm, a, "filter")) return Value::error();
  if (!check_positional(vm, "filter", a.nargs, 2, 2)) return Value::error();
  Value it = op_iter(vm, a[1]);
  if (it.is_error()) return it;
  return Value::object(vm.heap.make<FilterObj>(cls, a[0], it));
}

Value filter_next(VM& vm, Value self) {
  auto* f = static_cast<FilterObj*>(self.o);
  bool plain = f->func.is_none() || f->func.same(Value::object(vm.t.bool_));
  for (;;) {
    Value item = next_item(vm, f->it);
    if (item.is_undef() || item.is_error()) return item;
    int ok;
    if (plain) {
      ok = op_truth(vm, item);
    } else {
      Value r = vm.call(f->func, &item, 1);
      if (r.is_error()) return r;
      ok = op_truth(vm, r);
    }
    if (ok < 0) return Value::error();
    if (ok) return item;
  }
}

// ---- reversed -------------------------------------------------------------------------------

// mirrors reversed_new_impl: __reversed__, else the sequence protocol (__len__ + __getitem__).
Value reversed_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (cls == ctypes(vm).reversed && !check_no_kw(vm, a, "reversed")) return Value::error();
  if (!check_positional(vm, "reversed", a.nargs, 1, 1)) return Value::error();
  Value seq = a[0];
  ClassObj* t = vm.type_of(seq);
  Value meth = t->lookup(vm.n.__reversed__);
  if (meth.is_none()) return vm.raisef(vm.t.TypeError, "'%s' object is not reversible", t->name->data());
  if (!meth.is_undef()) return vm.call_dunder(seq, vm.n.__reversed__, {});
  if (!t->slots.getitem || t->is_subclass_of(vm.t.dict))
    return vm.raisef(vm.t.TypeError, "'%s' object is not reversible", t->name->data());
  int64_t n = op_len(vm, seq);
  if (n < 0) return Value::error();
  return Value::object(vm.heap.make<ReversedObj>(cls, seq, n - 1));
}

Value reversed_next(VM& vm, Value self) {
  auto* r = static_cast<ReversedObj*>(self.o);
  if (r->index >= 0 && !r->seq.is_undef()) {
    Value item = op_getitem(vm, r->seq, Value::integer(r->index));
    if (!item.is_error()) {
      r->index--;
      return item;
    }
    if (!vm.pending_is(vm.t.IndexError) && !vm.pending_is(vm.t.StopIteration)) return item;
    vm.clear_exception();
  }
  r->index = -1;
  r->seq = Value();
  return Value();
}

Value reversed_length_hint(VM& vm, CallArgs& a) {
  auto* r = static_cast<ReversedObj*>(a[0].o);
  if (r->seq.is_undef()) return Value::integer(0);
  int64_t n = op_len(vm, r->seq);
  if (n < 0) return Value::error();
  return Value::integer(n < r->index + 1 ? 0 : r->index + 1);
}

ClassObj* iteration_type(VM& vm, const char* name, Value (*new_)(VM&, ClassObj*, CallArgs&),
                         Value (*next)(VM&, Value)) {
  ClassObj* c = new_container_class(vm, name, Kind::Other, true);
  c->slots.new_ = new_;
  c->slots.init = slot_init_noop;
  c->slots.iter = iter_self;
  c->slots.next = next;
  c->slots.repr = default_object_repr;
  vm.builtins->set_str(vm.intern(name), Value::object(c));
  return c;
}

}  // namespace

void init_iteration_builtins(VM& vm) {
  DictObj* b = vm.builtins;
  vm.def_function(b, "min", builtin_min);
  vm.def_function(b, "max", builtin_max);
  vm.def_function(b, "sum", builtin_sum);
  vm.def_function(b, "sorted", builtin_sorted);
  vm.def_function(b, "any", builtin_any);
  vm.def_function(b, "all", builtin_all);
  ContainerTypes& t = ctypes(vm);
  t.enumerate = iteration_type(vm, "enumerate", enumerate_new, enumerate_next);
  t.zip = iteration_type(vm, "zip", zip_new, zip_next);
  t.map = iteration_type(vm, "map", map_new, map_next);
  t.filter = iteration_type(vm, "filter", filter_new, filter_next);
  t.reversed = iteration_type(vm, "reversed", reversed_new, reversed_next);
  vm.def_method(t.reversed, "__length_hint__", reversed_length_hint);
  for (ClassObj* c : {t.enumerate, t.zip, t.map, t.filter, t.reversed}) finish_class(vm, c);
  add_class_getitem(vm, t.enumerate);
}

}  // namespace looplab
