// range (64-bit bounds; bigger ones raise OverflowError) and slice, as Objects/rangeobject.c
// and Objects/sliceobject.c.
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/numbers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

inline RangeObj* as_range(Value v) { return static_cast<RangeObj*>(v.o); }
inline SliceObj* as_slice(Value v) { return static_cast<SliceObj*>(v.o); }

// The length of range(start, stop, step) without overflow (it may exceed INT64_MAX).
uint64_t range_length_u(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) {
    if (start >= stop) return 0;
    return (uint64_t(stop) - uint64_t(start) - 1) / uint64_t(step) + 1;
  }
  if (start <= stop) return 0;
  return (uint64_t(start) - uint64_t(stop) - 1) / (uint64_t(0) - uint64_t(step)) + 1;
}

bool range_length(VM& vm, const RangeObj* r, int64_t* out) {
  uint64_t n = range_length_u(r->start, r->stop, r->step);
  if (n > uint64_t(INT64_MAX)) {
    vm.raise(vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = int64_t(n);
  return true;
}

// A range argument: an int (via __index__); big ints are beyond this engine's ranges.
bool range_arg(VM& vm, Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.i;
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    vm.raise(vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  if (!has_index(vm, v)) {
    vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, v).c_str());
    return false;
  }
  if (!index_value(vm, v, out)) {
    if (vm.pending_is(vm.t.IndexError)) {
      vm.clear_exception();
      vm.raise(vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    }
    return false;
  }
  return true;
}

Value range_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!check_no_kw(vm, a, "range") || !check_positional(vm, "range", a.nargs, 1, 3)) return Value::error();
  int64_t start = 0, stop, step = 1;
  if (a.nargs == 1) {
    if (!range_arg(vm, a[0], &stop)) return Value::error();
  } else {
    if (!range_arg(vm, a[0], &start) || !range_arg(vm, a[1], &stop)) return Value::error();
    if (a.nargs == 3) {
      if (!range_arg(vm, a[2], &step)) return Value::error();
      if (step == 0) return vm.raise(vm.t.ValueError, "range() arg 3 must not be zero");
    }
  }
  return Value::object(vm.heap.make<RangeObj>(cls, start, stop, step));
}

Value range_repr(VM& vm, Value self) {
  RangeObj* r = as_range(self);
  if (r->step == 1)
    return vm.str(strprintf("range(%lld, %lld)", (long long)r->start, (long long)r->stop));
  return vm.str(strprintf("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step));
}

int64_t range_len(VM& vm, Value self) {
  int64_t n;
  return range_length(vm, as_range(self), &n) ? n : -1;
}

int range_truth(VM&, Value self) {
  RangeObj* r = as_range(self);
  return range_length_u(r->start, r->stop, r->step) != 0;
}

// mirrors range_hash: hash((len, start, step)) with None for what does not matter.
bool range_hash(VM& vm, Value self, int64_t* out) {
  RangeObj* r = as_range(self);
  uint64_t n = range_length_u(r->start, r->stop, r->step);
  Value len = n > uint64_t(INT64_MAX) ? Value::integer(INT64_MAX) : Value::integer(int64_t(n));
  TupleObj* t = vm.tuple_of({len, Value::none(), Value::none()});
  if (n > 0) {
    (*t)[1] = Value::integer(r->start);
    if (n > 1) (*t)[2] = Value::integer(r->step);
  }
  return op_hash(vm, Value::object(t), out);
}

// mirrors range_equals: equal as sequences.
Value range_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!b.is_obj() || b.o->kind != Kind::Range || (op != CompareOp::Eq && op != CompareOp::Ne))
    return vm.not_implemented;
  RangeObj* x = as_range(a);
  RangeObj* y = as_range(b);
  uint64_t nx = range_length_u(x->start, x->stop, x->step);
  uint64_t ny = range_length_u(y->start, y->stop, y->step);
  bool eq = nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
  return Value::boolean(op == CompareOp::Eq ? eq : !eq);
}

// The item at index i (0 <= i < len) without overflow checks beyond int64.
int64_t range_item(const RangeObj* r, int64_t i) { return int64_t(uint64_t(r->start) + uint64_t(i) * uint64_t(r->step)); }

Value range_getitem(VM& vm, Value self, Value key) {
  RangeObj* r = as_range(self);
  int64_t len;
  if (!range_length(vm, r, &len)) return Value::error();
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step;
    int64_t n = slice_indices(vm, key, len, &start, &stop, &step);
    if (n < 0) return Value::error();
    // mirrors compute_slice: the sub-range's bounds are items of this one.
    int64_t substep = r->step * step;
    int64_t substart = range_item(r, start);
    int64_t substop = range_item(r, stop);
    return Value::object(vm.heap.make<RangeObj>(vm.t.range, substart, substop, substep));
  }
  int64_t i;
  if (key.is_int()) {
    i = key.i;
  } else {
    if (!has_index(vm, key))
      return vm.raisef(vm.t.TypeError, "range indices must be integers or slices, not %s", type_name(vm, key).c_str());
    if (key.is_obj() && key.o->kind == Kind::BigInt) return vm.raise(vm.t.IndexError, "range object index out of range");
    if (!index_value(vm, key, &i)) return Value::error();
  }
  if (i < 0) i += len;
  if (i < 0 || i >= len) return vm.raise(vm.t.IndexError, "range object index out of range");
  return Value::integer(range_item(r, i));
}

// An exact int (or bool) within a range: arithmetic, no iteration.
bool range_contains_int(const RangeObj* r, int64_t v) {
  if (r->step > 0) {
    if (v < r->start || v >= r->stop) return false;
    return (uint64_t(v) - uint64_t(r->start)) % uint64_t(r->step) == 0;
  }
  if (v > r->start || v <= r->stop) return false;
  return (uint64_t(r->start) - uint64_t(v)) % (uint64_t(0) - uint64_t(r->step)) == 0;
}

bool is_exact_int(Value v) { return v.is_int() || v.is_bool(); }
int64_t int_of(Value v) { return v.is_int() ? v.i : int64_t(v.b); }

// The generic sequence search (iterate and compare) for non-int items; stops at the first
// match unless counting (_PySequence_IterSearch).
int range_search(VM& vm, Value self, Value item, int64_t* count, int64_t* index, bool count_all = false) {
  RangeObj* r = as_range(self);
  uint64_t n = range_length_u(r->start, r->stop, r->step);
  *count = 0;
  *index = -1;
  for (uint64_t i = 0; i < n; i++) {
    int eq = op_eq(vm, Value::integer(range_item(r, int64_t(i))), item);
    if (eq < 0) return -1;
    if (eq) {
      if (*index < 0) *index = int64_t(i);
      ++*count;
      if (!count_all) return 1;
    }
  }
  return 0;
}

int range_contains(VM& vm, Value self, Value item) {
  if (is_exact_int(item)) return range_contains_int(as_range(self), int_of(item));
  if (item.is_obj() && item.o->kind == Kind::BigInt) return 0;
  int64_t count, index;
  if (range_search(vm, self, item, &count, &index) < 0) return -1;
  return count > 0;
}

Value range_iter(VM& vm, Value self) {
  RangeObj* r = as_range(self);
  int64_t n;
  if (!range_length(vm, r, &n)) return Value::error();
  return make_range_iter(vm, r->start, r->step, n);
}

Value range_reversed(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.range, "__reversed__") || !check_no_args(vm, a, "range.__reversed__"))
    return Value::error();
  RangeObj* r = as_range(a[0]);
  int64_t n;
  if (!range_length(vm, r, &n)) return Value::error();
  if (n == 0) return make_range_iter(vm, r->start, 1, 0);
  return make_range_iter(vm, range_item(r, n - 1), -r->step, n);
}

Value range_count(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.range, "count") || !check_one_arg(vm, a, "range.count")) return Value::error();
  if (is_exact_int(a[1])) return Value::integer(range_contains_int(as_range(a[0]), int_of(a[1])));
  int64_t count, index;
  if (range_search(vm, a[0], a[1], &count, &index, true) < 0) return Value::error();
  return Value::integer(count);
}

Value range_index(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.range, "index") || !check_one_arg(vm, a, "range.index")) return Value::error();
  RangeObj* r = as_range(a[0]);
  if (is_exact_int(a[1])) {
    int64_t v = int_of(a[1]);
    if (range_contains_int(r, v)) {
      uint64_t steps = r->step > 0 ? (uint64_t(v) - uint64_t(r->start)) / uint64_t(r->step)
                                   : (uint64_t(r->start) - uint64_t(v)) / (uint64_t(0) - uint64_t(r->step));
      return Value::integer(int64_t(steps));
    }
    return vm.raisef(vm.t.ValueError, "%lld is not in range", (long long)v);
  }
  int64_t count, index;
  if (range_search(vm, a[0], a[1], &count, &index) < 0) return Value::error();
  if (index >= 0) return Value::integer(index);
  return vm.raise(vm.t.ValueError, "sequence.index(x): x not in sequence");
}

Value range_start(VM&, CallArgs& a) { return Value::integer(as_range(a[0])->start); }
Value range_stop(VM&, CallArgs& a) { return Value::integer(as_range(a[0])->stop); }
Value range_step(VM&, CallArgs& a) { return Value::integer(as_range(a[0])->step); }

// ---- slice ----------------------------------------------------------------------------------

Value slice_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (!check_no_kw(vm, a, "slice") || !check_positional(vm, "slice", a.nargs, 1, 3)) return Value::error();
  Value start = Value::none(), stop, step = Value::none();
  if (a.nargs == 1) {
    stop = a[0];
  } else {
    start = a[0];
    stop = a[1];
    if (a.nargs == 3) step = a[2];
  }
  return Value::object(vm.heap.make<SliceObj>(cls, start, stop, step));
}

Value slice_repr(VM& vm, Value self) {
  SliceObj* s = as_slice(self);
  std::string a, b, c;
  if (!repr_text(vm, s->start, a) || !repr_text(vm, s->stop, b) || !repr_text(vm, s->step, c)) return Value::error();
  return vm.str("slice(" + a + ", " + b + ", " + c + ")");
}

// mirrors slice_richcompare: compared as (start, stop, step) tuples.
Value slice_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!b.is_obj() || b.o->kind != Kind::Slice) return vm.not_implemented;
  SliceObj* x = as_slice(a);
  SliceObj* y = as_slice(b);
  TupleObj* tx = vm.tuple_of({x->start, x->stop, x->step});
  TupleObj* ty = vm.tuple_of({y->start, y->stop, y->step});
  return op_compare(vm, Value::object(tx), Value::object(ty), op);
}

// mirrors slice_indices (with 64-bit lengths).
Value slice_indices_m(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.slice, "indices") || !check_one_arg(vm, a, "slice.indices")) return Value::error();
  int64_t len;
  if (!index_value(vm, a[1], &len)) return Value::error();
  if (len < 0) return vm.raise(vm.t.ValueError, "length should not be negative");
  int64_t start, stop, step;
  if (slice_indices(vm, a[0], len, &start, &stop, &step) < 0) return Value::error();
  return Value::object(vm.tuple_of({Value::integer(start), Value::integer(stop), Value::integer(step)}));
}

Value slice_start(VM&, CallArgs& a) { return as_slice(a[0])->start; }
Value slice_stop(VM&, CallArgs& a) { return as_slice(a[0])->stop; }
Value slice_step(VM&, CallArgs& a) { return as_slice(a[0])->step; }

}  // namespace

void init_range_slice(VM& vm) {
  ClassObj* r = vm.t.range;
  TypeSlots& rs = r->slots;
  rs.new_ = range_new;
  rs.repr = range_repr;
  rs.len = range_len;
  rs.truth = range_truth;
  rs.hash = range_hash;
  rs.richcompare = range_richcompare;
  rs.getitem = range_getitem;
  rs.contains = range_contains;
  rs.iter = range_iter;
  vm.def_method(r, "__reversed__", range_reversed);
  vm.def_method(r, "count", range_count);
  vm.def_method(r, "index", range_index);
  r->dict->set_str(vm.intern("start"), Value::object(native_property(vm, "start", range_start)));
  r->dict->set_str(vm.intern("stop"), Value::object(native_property(vm, "stop", range_stop)));
  r->dict->set_str(vm.intern("step"), Value::object(native_property(vm, "step", range_step)));

  ClassObj* s = vm.t.slice;
  TypeSlots& ss = s->slots;
  ss.new_ = slice_new;
  ss.repr = slice_repr;
  ss.hash = slot_hash_unhashable;
  ss.richcompare = slice_richcompare;
  vm.def_method(s, "indices", slice_indices_m);
  s->dict->set_str(vm.intern("start"), Value::object(native_property(vm, "start", slice_start)));
  s->dict->set_str(vm.intern("stop"), Value::object(native_property(vm, "stop", slice_stop)));
  s->dict->set_str(vm.intern("step"), Value::object(native_property(vm, "step", slice_step)));
}

}  // namespace looplab
