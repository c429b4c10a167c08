// tuple: slots (repr, CPython's xxHash-based hash, lexicographic comparison, indexing and
// slicing, concatenation and repetition), construction (subclasses included: namedtuple classes
// subclass tuple) and the methods count and index.
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

inline TupleObj* as_tuple(Value v) { return static_cast<TupleObj*>(v.o); }
inline bool is_tuple(Value v) { return v.is_obj() && v.o->kind == Kind::Tuple; }

TupleObj* new_tuple_of_class(VM& vm, ClassObj* cls, size_t n) {
  return vm.heap.make_var<TupleObj>(n * sizeof(Value), cls, n);
}

// mirrors Objects/tupleobject.c tuplerepr.
Value tuple_repr(VM& vm, Value self) {
  TupleObj* t = as_tuple(self);
  if (t->size == 0) return vm.str("()");
  RecursionGuard guard(vm, kInRepr);
  if (!guard.ok()) return Value::error();
  if (!repr_enter(vm, t)) return vm.str("(...)");
  std::string out = "(";
  bool ok = repr_items(vm, t->items(), t->size, out);
  repr_leave(vm, t);
  if (!ok) return Value::error();
  out += t->size == 1 ? ",)" : ")";
  return vm.str(out);
}

// mirrors Objects/tupleobject.c tuplehash (the xxHash-based one of 3.8+).
bool tuple_hash(VM& vm, Value self, int64_t* out) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  TupleObj* t = as_tuple(self);
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < t->size; i++) {
    int64_t lane;
    if (!op_hash(vm, (*t)[i], &lane)) return false;
    acc += uint64_t(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += uint64_t(t->size) ^ (kPrime5 ^ 3527539ull);
  if (acc == uint64_t(-1)) acc = 1546275796;
  *out = int64_t(acc);
  return true;
}

Value tuple_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return vm.not_implemented;
  TupleObj* x = as_tuple(a);
  TupleObj* y = as_tuple(b);
  return compare_sequences(
      vm, [x] { return x->size; }, [x](size_t i) { return (*x)[i]; }, [y] { return y->size; },
      [y](size_t i) { return (*y)[i]; }, op);
}

int64_t tuple_len(VM&, Value self) { return int64_t(as_tuple(self)->size); }

Value tuple_getitem(VM& vm, Value self, Value key) {
  TupleObj* t = as_tuple(self);
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step;
    int64_t n = slice_indices(vm, key, int64_t(t->size), &start, &stop, &step);
    if (n < 0) return Value::error();
    if (n == int64_t(t->size) && step == 1 && t->cls == vm.t.tuple) return self;
    TupleObj* r = vm.new_tuple(size_t(n));
    for (int64_t i = 0, cur = start; i < n; i++, cur += step) (*r)[size_t(i)] = (*t)[size_t(cur)];
    return Value::object(r);
  }
  int64_t i;
  if (key.is_int()) {
    i = key.i;
  } else {
    if (!has_index(vm, key))
      return vm.raisef(vm.t.TypeError, "tuple indices must be integers or slices, not %s", type_name(vm, key).c_str());
    if (!index_value(vm, key, &i)) return Value::error();
  }
  if (i < 0) i += int64_t(t->size);
  if (i < 0 || i >= int64_t(t->size)) return vm.raise(vm.t.IndexError, "tuple index out of range");
  return (*t)[size_t(i)];
}

int tuple_contains(VM& vm, Value self, Value item) {
  TupleObj* t = as_tuple(self);
  for (size_t i = 0; i < t->size; i++) {
    int eq = op_eq(vm, (*t)[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value tuple_iter(VM& vm, Value self) {
  return Value::object(vm.heap.make<TupleIterObj>(vm.t.tuple_iterator, as_tuple(self)));
}

}  // namespace

Value repeat_count(VM& vm, Value seq, Value n, bool n_tried, BinOp op, int64_t* count) {
  if (n.is_int()) {
    *count = n.i;
    return Value::none();
  }
  if (!has_index(vm, n)) {
    // A Python class's __rmul__ may still answer (CPython tries both nb_multiply slots before
    // sq_repeat); builtin types have no multiplication with a sequence.
    ClassObj* nt = vm.type_of(n);
    if (!n_tried && !nt->has(kClassBuiltin)) {
      auto slot = nt->slots.binop;
      if (slot && slot != vm.type_of(seq)->slots.binop) {
        Value r = slot(vm, seq, n, op);
        if (!r.same(vm.not_implemented)) return r;
      }
    }
    return vm.raisef(vm.t.TypeError, "can't multiply sequence by non-int of type '%s'", type_name(vm, n).c_str());
  }
  if (n.is_obj() && n.o->kind == Kind::BigInt) {
    if (static_cast<BigIntObj*>(n.o)->negative) {
      *count = 0;
      return Value::none();
    }
    return vm.raisef(vm.t.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  if (!index_value(vm, n, count)) return Value::error();
  return Value::none();
}

namespace {

Value tuple_binop(VM& vm, Value a, Value b, BinOp op) {
  switch (op) {
    case BinOp::Add: {
      if (!is_tuple(a) || !is_tuple(b)) return vm.not_implemented;
      TupleObj* x = as_tuple(a);
      TupleObj* y = as_tuple(b);
      if (y->size == 0 && x->cls == vm.t.tuple) return a;
      if (x->size == 0 && y->cls == vm.t.tuple) return b;
      if (vm.heap.would_exceed((x->size + y->size) * sizeof(Value))) return vm.raise_value(Value::object(vm.t.MemoryError));
      TupleObj* r = vm.new_tuple(x->size + y->size);
      for (size_t i = 0; i < x->size; i++) (*r)[i] = (*x)[i];
      for (size_t i = 0; i < y->size; i++) (*r)[x->size + i] = (*y)[i];
      return Value::object(r);
    }
    case BinOp::Multiply: {
      bool left = is_tuple(a);
      Value seq = left ? a : b;
      Value n = left ? b : a;
      if (!is_tuple(seq)) return vm.not_implemented;
      int64_t count;
      Value r = repeat_count(vm, seq, n, !left, op, &count);
      if (!r.is_none()) return r;
      TupleObj* t = as_tuple(seq);
      if (count <= 0 || t->size == 0) return Value::object(vm.new_tuple(0));
      if (count == 1 && t->cls == vm.t.tuple) return seq;
      if (uint64_t(count) > (uint64_t(1) << 40) / t->size ||
          vm.heap.would_exceed(uint64_t(count) * t->size * sizeof(Value)))
        return vm.raise_value(Value::object(vm.t.MemoryError));
      TupleObj* out = vm.new_tuple(t->size * size_t(count));
      for (size_t k = 0; k < size_t(count); k++)
        for (size_t i = 0; i < t->size; i++) (*out)[k * t->size + i] = (*t)[i];
      return Value::object(out);
    }
    default: return vm.not_implemented;
  }
}

// mirrors tuple_new_impl: tuple(iterable); a subclass gets a TupleObj of its own class.
Value tuple_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if ((cls == vm.t.tuple || cls->slots.init == vm.t.tuple->slots.init) && !check_no_kw(vm, a, "tuple"))
    return Value::error();
  if (!check_positional(vm, "tuple", a.nargs, 0, 1)) return Value::error();
  if (cls == vm.t.tuple) {
    if (a.nargs == 0) return Value::object(vm.new_tuple(0));
    return tuple_from_iterable(vm, a[0]);
  }
  std::vector<Value> items;
  if (a.nargs == 1 && !collect_items(vm, a[0], items)) return Value::error();
  TupleObj* t = new_tuple_of_class(vm, cls, items.size());
  for (size_t i = 0; i < items.size(); i++) (*t)[i] = items[i];
  return Value::object(t);
}

Value tuple_count(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.tuple, "count") || !check_one_arg(vm, a, "tuple.count")) return Value::error();
  TupleObj* t = as_tuple(a[0]);
  int64_t n = 0;
  for (size_t i = 0; i < t->size; i++) {
    int eq = op_eq(vm, (*t)[i], a[1]);
    if (eq < 0) return Value::error();
    n += eq;
  }
  return Value::integer(n);
}

}  // namespace

// The start/stop arguments of index() methods (_PyEval_SliceIndexNotNone), made relative to
// `len` and clamped as list.index and tuple.index do.
bool index_bounds(VM& vm, const CallArgs& a, size_t first, int64_t len, int64_t* start, int64_t* stop) {
  *start = 0;
  *stop = INT64_MAX;
  for (size_t k = 0; k < 2; k++) {
    if (a.nargs <= first + k) break;
    Value v = a[first + k];
    int64_t* out = k == 0 ? start : stop;
    if (!has_index(vm, v)) {
      vm.raise(vm.t.TypeError, "slice indices must be integers or have an __index__ method");
      return false;
    }
    if (!slice_index(vm, v, out)) return false;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  if (*stop < 0) {
    *stop += len;
    if (*stop < 0) *stop = 0;
  }
  return true;
}

namespace {

Value tuple_index(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.tuple, "index") || !check_no_kw(vm, a, "tuple.index") ||
      !check_positional(vm, "index", a.nargs - 1, 1, 3))
    return Value::error();
  TupleObj* t = as_tuple(a[0]);
  int64_t start, stop;
  if (!index_bounds(vm, a, 2, int64_t(t->size), &start, &stop)) return Value::error();
  for (int64_t i = start; i < stop && i < int64_t(t->size); i++) {
    int eq = op_eq(vm, (*t)[size_t(i)], a[1]);
    if (eq < 0) return Value::error();
    if (eq) return Value::integer(i);
  }
  return vm.raise(vm.t.ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_getnewargs(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.tuple, "__getnewargs__") || !check_no_args(vm, a, "tuple.__getnewargs__"))
    return Value::error();
  TupleObj* t = as_tuple(a[0]);
  return Value::object(vm.tuple_of({Value::object(new_tuple_from(vm, t->items(), t->size))}));
}

}  // namespace

Value tuple_from_iterable(VM& vm, Value iterable) {
  if (is_tuple(iterable) && iterable.o->cls == vm.t.tuple) return iterable;
  if (iterable.is_obj() && iterable.o->kind == Kind::List) {
    auto& items = static_cast<ListObj*>(iterable.o)->items;
    return Value::object(new_tuple_from(vm, items.data(), items.size()));
  }
  std::vector<Value> items;
  if (!collect_items(vm, iterable, items)) return Value::error();
  return Value::object(new_tuple_from(vm, items.data(), items.size()));
}

// Binary-operator dunders (`__add__`, `__rmul__`, ...) over a class's binop slot, so that
// subclasses overriding one operator keep the others, and `super().__add__` works. For
// sequences (data true) they act as CPython's sq_concat / sq_repeat wrappers: list.__add__(5)
// raises rather than returning NotImplemented.
template <BinOp op, bool reflected>
Value binop_method(VM& vm, CallArgs& a) {
  NativeFunctionObj* self_fn = vm.calling_native;
  ClassObj* cls = self_fn->owner;
  bool sequence = self_fn->data.is_bool() && self_fn->data.b;
  if (!check_self(vm, a, cls, binop_dunder(op)) || !check_no_kw(vm, a, binop_dunder(op))) return Value::error();
  if (a.nargs != 2)
    return vm.raisef(vm.t.TypeError, "expected 1 argument, got %u", a.nargs - 1);
  bool repeat = op == BinOp::Multiply || op == BinOp::InplaceMultiply;
  if (sequence && repeat && !has_index(vm, a[1]))
    return vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, a[1]).c_str());
  Value r = reflected ? cls->slots.binop(vm, a[1], a[0], op) : cls->slots.binop(vm, a[0], a[1], op);
  if (sequence && op == BinOp::Add && r.same(vm.not_implemented)) {
    const char* base = a[0].is_obj() && a[0].o->kind == Kind::Tuple ? "tuple" : "list";
    return vm.raisef(vm.t.TypeError, "can only concatenate %s (not \"%s\") to %s", base,
                     type_name(vm, a[1]).c_str(), base);
  }
  return r;
}

void def_binop_method(VM& vm, ClassObj* cls, BinOp op, bool reflected, bool sequence) {
  NativeFn fn = nullptr;
#define LOOPLAB_BINOP_CASE(o)                                                \
  case BinOp::o: fn = reflected ? binop_method<BinOp::o, true> : binop_method<BinOp::o, false>; break;
  switch (op) {
    LOOPLAB_BINOP_CASE(Add) LOOPLAB_BINOP_CASE(And) LOOPLAB_BINOP_CASE(Multiply) LOOPLAB_BINOP_CASE(Or)
    LOOPLAB_BINOP_CASE(Subtract) LOOPLAB_BINOP_CASE(Xor) LOOPLAB_BINOP_CASE(InplaceAdd)
    LOOPLAB_BINOP_CASE(InplaceAnd) LOOPLAB_BINOP_CASE(InplaceMultiply) LOOPLAB_BINOP_CASE(InplaceOr)
    LOOPLAB_BINOP_CASE(InplaceSubtract) LOOPLAB_BINOP_CASE(InplaceXor)
    default: return;
  }
#undef LOOPLAB_BINOP_CASE
  NativeFunctionObj* f = vm.def_method(cls, reflected ? binop_rdunder(op) : binop_dunder(op), fn);
  if (sequence) f->data = Value::boolean(true);
}

void init_tuple_type(VM& vm) {
  ClassObj* c = vm.t.tuple;
  TypeSlots& s = c->slots;
  s.repr = tuple_repr;
  s.hash = tuple_hash;
  s.richcompare = tuple_richcompare;
  s.len = tuple_len;
  s.getitem = tuple_getitem;
  s.contains = tuple_contains;
  s.iter = tuple_iter;
  s.binop = tuple_binop;
  s.new_ = tuple_new;
  vm.def_method(c, "count", tuple_count);
  vm.def_method(c, "index", tuple_index);
  vm.def_method(c, "__getnewargs__", tuple_getnewargs);
  def_binop_method(vm, c, BinOp::Add, false, true);
  def_binop_method(vm, c, BinOp::Multiply, false, true);
  def_binop_method(vm, c, BinOp::Multiply, true, true);
  add_class_getitem(vm, c);
}

}  // namespace looplab
