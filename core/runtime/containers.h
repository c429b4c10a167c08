// Shared pieces of the container types (tuple, list, dict, set, range, slice, their views and
// iterators, the iteration builtins and _collections): per-VM extra classes, CPython's argument
// checks and messages, slice arithmetic, and the repr recursion guard. Internal to those files.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lang/vm.h"
#include "runtime/iterators.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"

namespace looplab {

// Classes of the container family that have no member in vm.t (iterators, views, the
// iteration builtins' types, _collections' types). One set per VM, kept alive as GC roots.
struct ContainerTypes {
  ClassObj* list_reverseiterator = nullptr;
  ClassObj* set_iterator = nullptr;
  ClassObj* dict_keys = nullptr;
  ClassObj* dict_values = nullptr;
  ClassObj* dict_items = nullptr;
  ClassObj* dict_keyiterator = nullptr;
  ClassObj* dict_valueiterator = nullptr;
  ClassObj* dict_itemiterator = nullptr;
  ClassObj* dict_reversekeyiterator = nullptr;
  ClassObj* dict_reversevalueiterator = nullptr;
  ClassObj* dict_reverseitemiterator = nullptr;
  ClassObj* callable_iterator = nullptr;
  ClassObj* enumerate = nullptr;
  ClassObj* zip = nullptr;
  ClassObj* map = nullptr;
  ClassObj* filter = nullptr;
  ClassObj* reversed = nullptr;
  ClassObj* generic_alias = nullptr;
  // _collections (made when the module is first imported).
  ClassObj* deque = nullptr;
  ClassObj* deque_iterator = nullptr;
  ClassObj* deque_reverse_iterator = nullptr;
  ClassObj* defaultdict = nullptr;
  // Objects whose repr is being computed (CPython's Py_ReprEnter list).
  std::vector<Obj*> repr_stack;
  // Nesting of the operations that recurse through items (repr, comparison).
  int c_depth = 0;
};

ContainerTypes& ctypes(VM& vm);
// A class of the container family (a builtin: not subclassable unless `base_type`).
ClassObj* new_container_class(VM& vm, std::string_view name, Kind kind, bool base_type = false,
                              std::string_view module = "builtins", ClassObj* base = nullptr);
// Finish a class made after bootstrap: inherit null slots and add the dunder wrappers.
void finish_class(VM& vm, ClassObj* cls);

// Per-family init functions (called by init_container_types, in this order).
void init_tuple_type(VM& vm);
void init_list_type(VM& vm);
void init_dict_type(VM& vm);
void init_dict_views(VM& vm);
void init_set_types(VM& vm);
void init_range_slice(VM& vm);
void init_iterator_types(VM& vm);
void init_iteration_builtins(VM& vm);
void init_generic_alias(VM& vm);

// ---- repr recursion guard (Py_ReprEnter / Py_ReprLeave) ----------------------------------------
// Returns false when `o` is already being repr'd (the caller prints "[...]" and the like).
bool repr_enter(VM& vm, Obj* o);
void repr_leave(VM& vm, Obj* o);

// Py_EnterRecursiveCall for repr and comparison of nested containers: RecursionError
// ("maximum recursion depth exceeded" + where) instead of overflowing the C++ stack.
class RecursionGuard {
 public:
  RecursionGuard(VM& vm, const char* where);
  ~RecursionGuard();
  bool ok() const { return ok_; }

 private:
  VM& vm_;
  bool ok_;
};
inline constexpr const char* kInRepr = " while getting the repr of an object";
inline constexpr const char* kInComparison = " in comparison";

// ---- argument checks with CPython's messages ---------------------------------------------------
// "NAME expected at least/at most/N argument(s), got M" (_PyArg_CheckPositional).
bool check_positional(VM& vm, std::string_view name, uint32_t nargs, uint32_t min, uint32_t max);
// "NAME() takes no keyword arguments".
bool check_no_kw(VM& vm, const CallArgs& a, std::string_view name);
// Method arguments after self: METH_O "NAME() takes exactly one argument (N given)".
bool check_one_arg(VM& vm, const CallArgs& a, std::string_view qualname);
// METH_NOARGS: "NAME() takes no arguments (N given)".
bool check_no_args(VM& vm, const CallArgs& a, std::string_view qualname);
// The self of a builtin method: "descriptor 'NAME' for 'TYPE' objects doesn't apply to a 'X'
// object" / "unbound method TYPE.NAME() needs an argument".
bool check_self(VM& vm, const CallArgs& a, ClassObj* cls, std::string_view name);
// Keyword-only arguments parsed like PyArg_ParseTupleAndKeywords("|$..."):
// "'x' is an invalid keyword argument for NAME()".
bool parse_kwonly(VM& vm, const CallArgs& a, std::string_view fn_name,
                  std::initializer_list<std::string_view> names, Value* out);

// KeyError(key) as CPython's _PyErr_SetKeyError (the key is always wrapped in args).
Value raise_key_error(VM& vm, Value key);
// The "<NAME object at 0x...>" repr of iterators and the like.
Value default_object_repr(VM& vm, Value self);
// True when v is an int (small, big or bool) or has __index__.
bool has_index(VM& vm, Value v);

// ---- slices (Objects/sliceobject.c) ------------------------------------------------------------
// PySlice_Unpack: None -> defaults; big ints clamp; ValueError on a zero step.
bool slice_unpack(VM& vm, const SliceObj* s, int64_t* start, int64_t* stop, int64_t* step);
// PySlice_AdjustIndices: clamps to [0, length] and returns the slice length.
int64_t slice_adjust(int64_t length, int64_t* start, int64_t* stop, int64_t step);
// Both, for a sequence of `length` items. Returns the slice length, -1 on error.
int64_t slice_indices(VM& vm, Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step);
// _PyEval_SliceIndex for one bound (None handled by the caller): clamps big ints.
bool slice_index(VM& vm, Value v, int64_t* out);

// ---- shared container operations ---------------------------------------------------------------
ListObj* new_list_from(VM& vm, const Value* items, size_t n);
TupleObj* new_tuple_from(VM& vm, const Value* items, size_t n);
// Every item of an iterable, with fast paths for lists and tuples.
bool collect_items(VM& vm, Value iterable, std::vector<Value>& out);
// A tuple of the items of any iterable (tuple(x)), sharing x when it is an exact tuple.
Value tuple_from_iterable(VM& vm, Value iterable);
// list.extend / list(x).
bool list_extend_from(VM& vm, ListObj* l, Value iterable);
// The stable sort of list.sort (list_sort.cpp); `key` may be Undef/None.
bool list_sort_values(VM& vm, ListObj* l, Value key, bool reverse);
// "[a, b]" / "(a,)" bodies: repr of each item joined by ", ".
bool repr_items(VM& vm, const Value* items, size_t n, std::string& out);
// Lexicographic rich comparison of two sequences (list_richcompare / tuplerichcompare). Sizes
// and items are re-read through the functors at each step because __eq__ may mutate lists.
template <class LenA, class AtA, class LenB, class AtB>
Value compare_sequences(VM& vm, LenA&& len_a, AtA&& at_a, LenB&& len_b, AtB&& at_b, CompareOp op);
Value compare_sizes(int64_t a, int64_t b, CompareOp op);

// dict helpers (dict_type.cpp).
bool dict_merge_from(VM& vm, DictObj* d, Value other, bool override);  // PyDict_Merge
bool dict_update_arg(VM& vm, DictObj* d, Value arg);                    // dict_update_arg
DictObj* dict_copy(VM& vm, DictObj* d);                                 // plain dict copy
Value dict_repr_value(VM& vm, DictObj* d);                              // "{k: v}"
Value dict_subscript(VM& vm, Value self, Value key);                    // d[key] with __missing__
// The live entry at or after index `pos` in insertion order (reverse: at or before), or -1.
int64_t dict_next_entry(const DictObj* d, int64_t pos);
int64_t dict_prev_entry(const DictObj* d, int64_t pos);
Value make_dict_view(VM& vm, DictObj* d, ClassObj* cls);
Value make_dict_iterator(VM& vm, DictObj* d, ClassObj* cls, bool reverse);

// set helpers (set_type.cpp).
SetObj* make_set(VM& vm, ClassObj* cls, Value iterable);  // Undef: empty; Error: nullptr
Value set_binop_value(VM& vm, Value a, Value b, BinOp op);

// Iterators made by other types: range's (iter and reversed) and list's reversed().
Value make_range_iter(VM& vm, int64_t start, int64_t step, int64_t n);
Value make_list_reverse_iter(VM& vm, ListObj* l);

// A read-only attribute computed by a native getter (object_type.cpp).
PropertyObj* native_property(VM& vm, std::string_view name, NativeFn getter);

// The count of a sequence repetition (seq * n): sets *count and returns None; otherwise the
// result of the other operand's binop (tried once, as CPython tries nb_multiply before
// sq_repeat; `n_tried` when it already was) or an error "can't multiply sequence by non-int".
Value repeat_count(VM& vm, Value seq, Value n, bool n_tried, BinOp op, int64_t* count);
// The optional start/stop arguments a[first], a[first+1] of index() methods, relative to len.
bool index_bounds(VM& vm, const CallArgs& a, size_t first, int64_t len, int64_t* start, int64_t* stop);
// Defines `__add__`-style dunders (or the reflected `__radd__` ones) over cls->slots.binop.
// `sequence`: behave as CPython's sq_concat / sq_repeat wrappers (raise on bad operands).
void def_binop_method(VM& vm, ClassObj* cls, BinOp op, bool reflected, bool sequence = false);

// The __class_getitem__ of generic builtin classes (list[int] -> types.GenericAlias).
void add_class_getitem(VM& vm, ClassObj* cls);

// Vector storage grows outside the heap's view until the next collection: report it, so that
// a runaway list reaches the heap cap (MemoryError) and collections happen on time.
inline void note_growth(VM& vm, size_t old_capacity, size_t new_capacity, size_t elem_size) {
  if (new_capacity > old_capacity) vm.heap.note_external(std::ptrdiff_t((new_capacity - old_capacity) * elem_size));
}
// MemoryError (no message, as CPython's) when `more_bytes` would pass the heap cap.
inline bool check_alloc(VM& vm, uint64_t more_bytes) {
  if (!vm.heap.would_exceed(more_bytes)) return true;
  vm.raise_value(Value::object(vm.t.MemoryError));
  return false;
}

// op_next with the builtin sequence iterators stepped inline (as FOR_ITER does).
inline Value next_item(VM& vm, Value it) {
  if (it.is_obj()) {
    switch (it.o->kind) {
      case Kind::ListIter: {
        auto* li = static_cast<ListIterObj*>(it.o);
        if (li->list && li->index < li->list->items.size()) return li->list->items[li->index++];
        li->list = nullptr;
        return Value();
      }
      case Kind::TupleIter: {
        auto* ti = static_cast<TupleIterObj*>(it.o);
        if (ti->tuple && ti->index < ti->tuple->size) return (*ti->tuple)[ti->index++];
        ti->tuple = nullptr;
        return Value();
      }
      case Kind::RangeIter: {
        auto* ri = static_cast<RangeIterObj*>(it.o);
        if (ri->remaining <= 0) return Value();
        ri->remaining--;
        int64_t v = ri->next;
        ri->next = int64_t(uint64_t(ri->next) + uint64_t(ri->step));
        return Value::integer(v);
      }
      default: break;
    }
  }
  return op_next(vm, it);
}

// op_for_each over next_item: f(item) returns 1 to go on, 0 to stop, -1 on error.
template <class F>
bool for_each_item(VM& vm, Value iterable, F&& f) {
  Value it = op_iter(vm, iterable);
  if (it.is_error()) return false;
  for (;;) {
    Value item = next_item(vm, it);
    if (item.is_error()) return false;
    if (item.is_undef()) return true;
    int r = f(item);
    if (r <= 0) return r == 0;
  }
}

// ---- template bodies ---------------------------------------------------------------------------

inline Value compare_sizes(int64_t a, int64_t b, CompareOp op) {
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = a < b; break;
    case CompareOp::Le: r = a <= b; break;
    case CompareOp::Eq: r = a == b; break;
    case CompareOp::Ne: r = a != b; break;
    case CompareOp::Gt: r = a > b; break;
    case CompareOp::Ge: r = a >= b; break;
  }
  return Value::boolean(r);
}

// mirrors Objects/listobject.c list_richcompare (and tuplerichcompare): find the first index
// where the items differ, then compare those items (or the sizes).
template <class LenA, class AtA, class LenB, class AtB>
Value compare_sequences(VM& vm, LenA&& len_a, AtA&& at_a, LenB&& len_b, AtB&& at_b, CompareOp op) {
  RecursionGuard guard(vm, kInComparison);
  if (!guard.ok()) return Value::error();
  size_t i = 0;
  for (; i < len_a() && i < len_b(); i++) {
    Value x = at_a(i), y = at_b(i);
    if (x.same(y) && !x.is_float()) continue;
    int k = op_eq(vm, x, y);
    if (k < 0) return Value::error();
    if (!k) break;
  }
  if (i >= len_a() || i >= len_b()) return compare_sizes(int64_t(len_a()), int64_t(len_b()), op);
  if (op == CompareOp::Eq) return Value::boolean(false);
  if (op == CompareOp::Ne) return Value::boolean(true);
  return op_compare(vm, at_a(i), at_b(i), op);
}

}  // namespace looplab
