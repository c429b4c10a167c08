// What the container files share: the per-VM table of extra classes, init_container_types,
// CPython's argument checks and messages, slice arithmetic and the repr recursion guard.
#include <cstdio>
#include <unordered_map>

#include "runtime/builtin_types.h"
#include "runtime/containers.h"
#include "runtime/numbers.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

// One table per VM. Looked up by address; a VM made at the address of a dead one resets its
// entry in init_container_types. The last hit is cached (one VM is the common case).
struct Registry {
  std::unordered_map<const VM*, ContainerTypes> tables;
  const VM* last_vm = nullptr;
  ContainerTypes* last = nullptr;
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

ContainerTypes& ctypes(VM& vm) {
  Registry& r = registry();
  if (r.last_vm == &vm) return *r.last;
  r.last_vm = &vm;
  r.last = &r.tables[&vm];
  return *r.last;
}

ClassObj* new_container_class(VM& vm, std::string_view name, Kind kind, bool base_type, std::string_view module,
                              ClassObj* base) {
  uint32_t flags = kClassBuiltin | (base_type ? uint32_t(kClassBaseType) : 0u);
  ClassObj* cls = base ? vm.new_class(name, {base}, kind, flags, module) : vm.new_class(name, {}, kind, flags, module);
  return cls;
}

void finish_class(VM& vm, ClassObj* cls) {
  inherit_builtin_slots(vm, cls);
  add_slot_wrappers(vm, cls);
}

void init_container_types(VM& vm) {
  Registry& r = registry();
  r.tables[&vm] = ContainerTypes();
  r.last_vm = nullptr;
  // The extra classes live outside vm.t, so they are roots of their own.
  vm.heap.add_roots([&vm](Tracer& t) {
    ContainerTypes& c = ctypes(vm);
    for (ClassObj* cls : {c.list_reverseiterator, c.set_iterator, c.dict_keys, c.dict_values, c.dict_items,
                          c.dict_keyiterator, c.dict_valueiterator, c.dict_itemiterator, c.dict_reversekeyiterator,
                          c.dict_reversevalueiterator, c.dict_reverseitemiterator, c.callable_iterator, c.enumerate,
                          c.zip, c.map, c.filter, c.reversed, c.generic_alias, c.deque, c.deque_iterator,
                          c.deque_reverse_iterator, c.defaultdict})
      t.mark(cls);
    for (Obj* o : c.repr_stack) t.mark(o);
  });
  init_generic_alias(vm);
  init_tuple_type(vm);
  init_list_type(vm);
  init_dict_type(vm);
  init_dict_views(vm);
  init_set_types(vm);
  init_range_slice(vm);
  init_iterator_types(vm);
  init_iteration_builtins(vm);
}

// ---- repr recursion guard -------------------------------------------------------------------

bool repr_enter(VM& vm, Obj* o) {
  auto& st = ctypes(vm).repr_stack;
  for (Obj* x : st)
    if (x == o) return false;
  st.push_back(o);
  return true;
}

void repr_leave(VM& vm, Obj* o) {
  auto& st = ctypes(vm).repr_stack;
  for (size_t i = st.size(); i-- > 0;)
    if (st[i] == o) {
      st.erase(st.begin() + ptrdiff_t(i));
      return;
    }
}

RecursionGuard::RecursionGuard(VM& vm, const char* where) : vm_(vm) {
  int& depth = ctypes(vm).c_depth;
  ok_ = depth < vm.recursion_limit;
  if (ok_) depth++;
  else vm.raisef(vm.t.RecursionError, "maximum recursion depth exceeded%s", where);
}

RecursionGuard::~RecursionGuard() {
  if (ok_) ctypes(vm_).c_depth--;
}

// ---- argument checks ------------------------------------------------------------------------

// mirrors Python/getargs.c _PyArg_CheckPositional.
bool check_positional(VM& vm, std::string_view name, uint32_t nargs, uint32_t min, uint32_t max) {
  const char* n = name.data();
  int len = int(name.size());
  if (nargs < min) {
    if (min == max)
      vm.raisef(vm.t.TypeError, "%.*s expected %u argument%s, got %u", len, n, min, min == 1 ? "" : "s", nargs);
    else
      vm.raisef(vm.t.TypeError, "%.*s expected at least %u argument%s, got %u", len, n, min, min == 1 ? "" : "s",
                nargs);
    return false;
  }
  if (nargs > max) {
    if (min == max)
      vm.raisef(vm.t.TypeError, "%.*s expected %u argument%s, got %u", len, n, max, max == 1 ? "" : "s", nargs);
    else
      vm.raisef(vm.t.TypeError, "%.*s expected at most %u argument%s, got %u", len, n, max, max == 1 ? "" : "s",
                nargs);
    return false;
  }
  return true;
}

bool check_no_kw(VM& vm, const CallArgs& a, std::string_view name) {
  if (a.nkw() == 0) return true;
  vm.raisef(vm.t.TypeError, "%.*s() takes no keyword arguments", int(name.size()), name.data());
  return false;
}

bool check_one_arg(VM& vm, const CallArgs& a, std::string_view qualname) {
  if (!check_no_kw(vm, a, qualname)) return false;
  if (a.nargs == 2) return true;
  vm.raisef(vm.t.TypeError, "%.*s() takes exactly one argument (%u given)", int(qualname.size()), qualname.data(),
            a.nargs - 1);
  return false;
}

bool check_no_args(VM& vm, const CallArgs& a, std::string_view qualname) {
  if (!check_no_kw(vm, a, qualname)) return false;
  if (a.nargs == 1) return true;
  vm.raisef(vm.t.TypeError, "%.*s() takes no arguments (%u given)", int(qualname.size()), qualname.data(),
            a.nargs - 1);
  return false;
}

bool check_self(VM& vm, const CallArgs& a, ClassObj* cls, std::string_view name) {
  if (a.nargs == 0) {
    vm.raisef(vm.t.TypeError, "unbound method %s.%.*s() needs an argument", cls->name->data(), int(name.size()),
              name.data());
    return false;
  }
  if (vm.isinstance(a[0], cls)) return true;
  vm.raisef(vm.t.TypeError, "descriptor '%.*s' for '%s' objects doesn't apply to a '%s' object", int(name.size()),
            name.data(), cls->name->data(), type_name(vm, a[0]).c_str());
  return false;
}

bool parse_kwonly(VM& vm, const CallArgs& a, std::string_view fn_name, std::initializer_list<std::string_view> names,
                  Value* out) {
  size_t n = 0;
  for (size_t i = 0; i < names.size(); i++) out[i] = Value();
  for (size_t k = 0; k < a.nkw(); k++) {
    std::string_view kw = a.kwname(k)->view();
    n = 0;
    bool found = false;
    for (std::string_view name : names) {
      if (name == kw) {
        out[n] = a.kwvalue(k);
        found = true;
        break;
      }
      n++;
    }
    if (!found) {
      vm.raisef(vm.t.TypeError, "'%.*s' is an invalid keyword argument for %.*s()", int(kw.size()), kw.data(),
                int(fn_name.size()), fn_name.data());
      return false;
    }
  }
  return true;
}

Value raise_key_error(VM& vm, Value key) {
  return vm.set_pending(Value::object(vm.new_exception(vm.t.KeyError, vm.tuple_of({key}))));
}

Value default_object_repr(VM& vm, Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at 0x%012llx>", (unsigned long long)(uintptr_t)self.o.get());
  ClassObj* cls = vm.type_of(self);
  std::string mod = cls->module ? cls->module->str() : "builtins";
  std::string name = mod == "builtins" ? cls->qualname->str() : mod + "." + cls->qualname->str();
  return vm.str("<" + name + buf);
}

bool has_index(VM& vm, Value v) {
  if (v.is_int() || v.is_bool()) return true;
  if (v.is_obj() && v.o->kind == Kind::BigInt) return true;
  return !vm.type_of(v)->lookup(vm.n.__index__).is_undef();
}

// ---- slices ---------------------------------------------------------------------------------

// mirrors Python/ceval.c _PyEval_SliceIndex: ints clamp to the ssize_t range.
bool slice_index(VM& vm, Value v, int64_t* out) {
  if (v.is_int()) {
    *out = v.i;
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    *out = static_cast<BigIntObj*>(v.o)->negative ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (v.is_bool()) {
    *out = v.b;
    return true;
  }
  if (!has_index(vm, v)) {
    vm.raise(vm.t.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value r = vm.call_dunder(v, vm.n.__index__, {});
  if (r.is_error()) return false;
  if (r.is_int()) {
    *out = r.i;
    return true;
  }
  if (r.is_obj() && r.o->kind == Kind::BigInt) {
    *out = static_cast<BigIntObj*>(r.o)->negative ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (r.is_bool()) {
    *out = r.b;
    return true;
  }
  vm.raisef(vm.t.TypeError, "__index__ returned non-int (type %s)", type_name(vm, r).c_str());
  return false;
}

// mirrors Objects/sliceobject.c PySlice_Unpack.
bool slice_unpack(VM& vm, const SliceObj* s, int64_t* start, int64_t* stop, int64_t* step) {
  if (s->step.is_none()) {
    *step = 1;
  } else {
    if (!slice_index(vm, s->step, step)) return false;
    if (*step == 0) {
      vm.raise(vm.t.ValueError, "slice step cannot be zero");
      return false;
    }
    // Keep -step representable, as CPython does.
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  if (s->start.is_none()) *start = *step < 0 ? INT64_MAX : 0;
  else if (!slice_index(vm, s->start, start)) return false;
  if (s->stop.is_none()) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_index(vm, s->stop, stop)) return false;
  return true;
}

// mirrors Objects/sliceobject.c PySlice_AdjustIndices.
int64_t slice_adjust(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

int64_t slice_indices(VM& vm, Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step) {
  if (!slice_unpack(vm, static_cast<SliceObj*>(slice.o), start, stop, step)) return -1;
  return slice_adjust(length, start, stop, *step);
}

// ---- small shared helpers -------------------------------------------------------------------

ListObj* new_list_from(VM& vm, const Value* items, size_t n) {
  ListObj* l = vm.new_list();
  l->items.assign(items, items + n);
  return l;
}

TupleObj* new_tuple_from(VM& vm, const Value* items, size_t n) {
  TupleObj* t = vm.new_tuple(n);
  for (size_t i = 0; i < n; i++) (*t)[i] = items[i];
  return t;
}

bool collect_items(VM& vm, Value it, std::vector<Value>& out) {
  if (it.is_obj() && it.o->kind == Kind::List) {
    auto& src = static_cast<ListObj*>(it.o)->items;
    out.insert(out.end(), src.begin(), src.end());
    return true;
  }
  if (it.is_obj() && it.o->kind == Kind::Tuple) {
    TupleObj* t = static_cast<TupleObj*>(it.o);
    out.insert(out.end(), t->items(), t->items() + t->size);
    return true;
  }
  return for_each_item(vm, it, [&](Value v) {
    out.push_back(v);
    return 1;
  });
}

bool repr_items(VM& vm, const Value* items, size_t n, std::string& out) {
  std::string s;
  for (size_t i = 0; i < n; i++) {
    if (i) out += ", ";
    Value v = items[i];
    if (v.is_int()) {
      out += int_to_text(v);
      continue;
    }
    if (!repr_text(vm, v, s)) return false;
    out += s;
  }
  return true;
}

}  // namespace looplab
