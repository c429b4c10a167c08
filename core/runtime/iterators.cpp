// The sequence iterators: list_iterator, tuple_iterator and range_iterator (whose structs the
// VM's FOR_ITER also advances inline: keep the meaning of their fields), list_reverseiterator,
// and callable_iterator for iter(callable, sentinel).
#include "modules/builtins_parts.h"
#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

// list_reverseiterator: not a ListIterObj (FOR_ITER would run it forwards).
struct ListRevIterObj final : Obj {
  ListObj* list;  // nullptr once exhausted
  int64_t index;  // next item; counts down
  ListRevIterObj(ClassObj* cls, ListObj* l) : Obj(cls, Kind::Other), list(l), index(int64_t(l->items.size()) - 1) {}
  void trace(Tracer& t) override { t.mark(list); }
};

struct CallIterObj final : Obj {
  Value callable;  // Undef once exhausted
  Value sentinel;
  CallIterObj(ClassObj* cls, Value c, Value s) : Obj(cls, Kind::Other), callable(c), sentinel(s) {}
  void trace(Tracer& t) override {
    t.mark(callable);
    t.mark(sentinel);
  }
};

Value iter_self(VM&, Value self) { return self; }

Value listiter_next(VM&, Value self) {
  auto* it = static_cast<ListIterObj*>(self.o);
  if (it->list && it->index < it->list->items.size()) return it->list->items[it->index++];
  it->list = nullptr;
  return Value();
}

Value listiter_length_hint(VM&, CallArgs& a) {
  auto* it = static_cast<ListIterObj*>(a[0].o);
  if (!it->list || it->index >= it->list->items.size()) return Value::integer(0);
  return Value::integer(int64_t(it->list->items.size() - it->index));
}

Value tupleiter_next(VM&, Value self) {
  auto* it = static_cast<TupleIterObj*>(self.o);
  if (it->tuple && it->index < it->tuple->size) return (*it->tuple)[it->index++];
  it->tuple = nullptr;
  return Value();
}

Value tupleiter_length_hint(VM&, CallArgs& a) {
  auto* it = static_cast<TupleIterObj*>(a[0].o);
  if (!it->tuple || it->index >= it->tuple->size) return Value::integer(0);
  return Value::integer(int64_t(it->tuple->size - it->index));
}

Value rangeiter_next(VM&, Value self) {
  auto* it = static_cast<RangeIterObj*>(self.o);
  if (it->remaining <= 0) return Value();
  it->remaining--;
  int64_t v = it->next;
  it->next = int64_t(uint64_t(it->next) + uint64_t(it->step));
  return Value::integer(v);
}

Value rangeiter_length_hint(VM&, CallArgs& a) {
  auto* it = static_cast<RangeIterObj*>(a[0].o);
  return Value::integer(it->remaining > 0 ? it->remaining : 0);
}

// mirrors listreviter_next.
Value listreviter_next(VM&, Value self) {
  auto* it = static_cast<ListRevIterObj*>(self.o);
  if (it->list && it->index >= 0 && it->index < int64_t(it->list->items.size()))
    return it->list->items[size_t(it->index--)];
  it->index = -1;
  it->list = nullptr;
  return Value();
}

Value listreviter_length_hint(VM&, CallArgs& a) {
  auto* it = static_cast<ListRevIterObj*>(a[0].o);
  if (!it->list || it->index < 0 || it->index >= int64_t(it->list->items.size())) return Value::integer(0);
  return Value::integer(it->index + 1);
}

// mirrors calliter_iternext: stop at the sentinel, or when the callable raises StopIteration.
Value calliter_next(VM& vm, Value self) {
  auto* it = static_cast<CallIterObj*>(self.o);
  if (it->callable.is_undef()) return Value();
  Value r = vm.call(it->callable, nullptr, 0);
  if (r.is_error()) {
    if (vm.pending_is(vm.t.StopIteration)) {
      vm.clear_exception();
      it->callable = it->sentinel = Value();
      return Value();
    }
    return r;
  }
  int eq = op_eq(vm, it->sentinel, r);
  if (eq < 0) return Value::error();
  if (eq == 0) return r;
  it->callable = it->sentinel = Value();
  return Value();
}

ClassObj* make_iter_class(VM& vm, ClassObj* cls, Value (*next)(VM&, Value), NativeFn length_hint) {
  cls->slots.new_ = slot_new_disabled;
  cls->slots.iter = iter_self;
  cls->slots.next = next;
  if (length_hint) vm.def_method(cls, "__length_hint__", length_hint);
  return cls;
}

}  // namespace

Value make_range_iter(VM& vm, int64_t start, int64_t step, int64_t n) {
  return Value::object(vm.heap.make<RangeIterObj>(vm.t.range_iterator, start, step, n));
}

Value make_list_reverse_iter(VM& vm, ListObj* l) {
  return Value::object(vm.heap.make<ListRevIterObj>(ctypes(vm).list_reverseiterator, l));
}

Value make_callable_iterator(VM& vm, Value callable, Value sentinel) {
  if (!op_callable(vm, callable)) return vm.raise(vm.t.TypeError, "iter(v, w): v must be callable");
  return Value::object(vm.heap.make<CallIterObj>(ctypes(vm).callable_iterator, callable, sentinel));
}

void init_iterator_types(VM& vm) {
  make_iter_class(vm, vm.t.list_iterator, listiter_next, listiter_length_hint);
  make_iter_class(vm, vm.t.tuple_iterator, tupleiter_next, tupleiter_length_hint);
  make_iter_class(vm, vm.t.range_iterator, rangeiter_next, rangeiter_length_hint);
  ContainerTypes& t = ctypes(vm);
  t.list_reverseiterator = make_iter_class(vm, new_container_class(vm, "list_reverseiterator", Kind::Other),
                                           listreviter_next, listreviter_length_hint);
  finish_class(vm, t.list_reverseiterator);
  t.callable_iterator =
      make_iter_class(vm, new_container_class(vm, "callable_iterator", Kind::Other), calliter_next, nullptr);
  finish_class(vm, t.callable_iterator);
}

}  // namespace looplab
