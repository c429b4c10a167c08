// The bytearray type: a mutable byte string (mirrors Objects/bytearrayobject.c). Its read-only
// methods are the bytes methods (bytes_methods.cpp, which return bytearrays for it); here are
// the slots, the constructor and the mutators (append, extend, insert, pop, remove, clear,
// copy, reverse, item and slice assignment and deletion, += and *=).
#include <algorithm>
#include <climits>

#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

void init_bytes_methods(VM& vm, ClassObj* cls);  // bytes_methods.cpp

namespace {

using namespace strimpl;

const char* const kClassKey = "__bytearray_type";
const char* const kIterKey = "__bytearray_iterator";

}  // namespace

ClassObj* bytearray_class(VM& vm) {
  Value c = vm.builtins->get_str(vm.intern(kClassKey));
  return c.is_undef() ? nullptr : static_cast<ClassObj*>(c.o);
}

ByteArrayObj* as_bytearray(VM& vm, Value v) {
  if (!v.is_obj() || v.o->kind != Kind::Other) return nullptr;
  ClassObj* cls = bytearray_class(vm);
  return cls && v.o->cls->is_subclass_of(cls) ? static_cast<ByteArrayObj*>(v.o) : nullptr;
}

bool bytes_like(VM& vm, Value v, std::string_view* out) {
  if (is_bytes_obj(v)) {
    *out = as_bytes(v)->view();
    return true;
  }
  if (ByteArrayObj* b = as_bytearray(vm, v)) {
    *out = b->view();
    return true;
  }
  return false;
}

Value new_bytearray(VM& vm, std::string_view data, ClassObj* cls) {
  auto* b = vm.heap.make<ByteArrayObj>(cls ? cls : bytearray_class(vm));
  b->bytes.assign(data);
  vm.heap.note_external(std::ptrdiff_t(data.size()));
  return Value::object(b);
}

namespace {

ByteArrayObj* ba(Value v) { return static_cast<ByteArrayObj*>(v.o); }

struct ByteArrayIterObj final : Obj {
  ByteArrayObj* array;  // nullptr once exhausted
  size_t index = 0;
  ByteArrayIterObj(ClassObj* cls, ByteArrayObj* a) : Obj(cls, Kind::Other), array(a) {}
  void trace(Tracer& t) override { t.mark(array); }
};

Value iter_next(VM&, Value self) {
  auto* it = static_cast<ByteArrayIterObj*>(self.o);
  if (!it->array) return Value();
  if (it->index >= it->array->bytes.size()) {
    it->array = nullptr;
    return Value();
  }
  return Value::integer(static_cast<unsigned char>(it->array->bytes[it->index++]));
}

Value iter_length_hint(VM&, CallArgs& a) {
  auto* it = static_cast<ByteArrayIterObj*>(a[0].o);
  if (!it->array || it->index >= it->array->bytes.size()) return Value::integer(0);
  return Value::integer(int64_t(it->array->bytes.size() - it->index));
}

// ---- slots ----------------------------------------------------------------------------------

Value ba_repr(VM& vm, Value self) {
  std::string r = type_name(vm, self) + "(" + bytes_repr_text(ba(self)->view(), true) + ")";
  return make_ascii(vm, r);
}

int64_t ba_len(VM&, Value self) { return int64_t(ba(self)->bytes.size()); }

bool is_index_like(VM& vm, Value v) {
  return v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt) ||
         (!v.is_float() && !vm.type_of(v)->lookup(vm.n.__index__).is_undef());
}

// A byte value argument: an int in range(256).
bool byte_value(VM& vm, Value v, char* out) {
  int64_t i;
  if (v.is_obj() && v.o->kind == Kind::BigInt) i = -1;
  else if (!index_value(vm, v, &i)) return false;
  if (i < 0 || i > 255) {
    vm.raise(vm.t.ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = char(i);
  return true;
}

Value ba_getitem(VM& vm, Value self, Value key) {
  ByteArrayObj* b = ba(self);
  const int64_t len = int64_t(b->bytes.size());
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step, n;
    if (!slice_unpack(vm, key, len, &start, &stop, &step, &n)) return Value::error();
    std::string out;
    out.reserve(size_t(n > 0 ? n : 0));
    for (int64_t i = 0, j = start; i < n; i++, j += step) out += b->bytes[size_t(j)];
    return new_bytearray(vm, out);
  }
  if (!is_index_like(vm, key))
    return vm.raisef(vm.t.TypeError, "bytearray indices must be integers or slices, not %s",
                     type_name(vm, key).c_str());
  int64_t i;
  if (key.is_obj() && key.o->kind == Kind::BigInt)
    return vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
  if (!index_value(vm, key, &i)) return Value::error();
  if (i < 0) i += len;
  if (i < 0 || i >= len) return vm.raise(vm.t.IndexError, "bytearray index out of range");
  return Value::integer(static_cast<unsigned char>(b->bytes[size_t(i)]));
}

// The bytes an assigned slice value stands for: bytes-like, or an iterable of ints.
bool assigned_bytes(VM& vm, Value v, std::string* out) {
  std::string_view view;
  if (bytes_like(vm, v, &view)) {
    out->assign(view);
    return true;
  }
  ClassObj* c = vm.type_of(v);
  if (is_str_obj(v) || is_index_like(vm, v) || (!c->slots.iter && !c->slots.getitem)) {
    vm.raise(vm.t.TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return op_for_each(vm, v, [&](Value item) {
    char byte;
    if (!byte_value(vm, item, &byte)) return -1;
    *out += byte;
    return 1;
  });
}

// mirrors bytearray_ass_subscript; value Undef deletes.
bool ba_setitem(VM& vm, Value self, Value key, Value value) {
  ByteArrayObj* b = ba(self);
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    std::string repl;
    if (!value.is_undef() && !assigned_bytes(vm, value, &repl)) return false;
    int64_t start, stop, step, n;
    if (!slice_unpack(vm, key, int64_t(b->bytes.size()), &start, &stop, &step, &n)) return false;
    std::string& s = b->bytes;
    if (step == 1) {
      if (stop < start) stop = start;
      if (value.is_undef()) s.erase(size_t(start), size_t(stop - start));
      else s.replace(size_t(start), size_t(stop - start), repl);
      return true;
    }
    if (value.is_undef()) {
      // Delete every step-th byte: keep the others in order.
      std::vector<bool> drop(s.size(), false);
      for (int64_t i = 0, j = start; i < n; i++, j += step) drop[size_t(j)] = true;
      std::string kept;
      for (size_t i = 0; i < s.size(); i++)
        if (!drop[i]) kept += s[i];
      s.swap(kept);
      return true;
    }
    if (int64_t(repl.size()) != n) {
      vm.raisef(vm.t.ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", repl.size(),
                static_cast<long long>(n));
      return false;
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step) s[size_t(j)] = repl[size_t(i)];
    return true;
  }
  if (!is_index_like(vm, key)) {
    vm.raisef(vm.t.TypeError, "bytearray indices must be integers or slices, not %s", type_name(vm, key).c_str());
    return false;
  }
  int64_t i;
  if (key.is_obj() && key.o->kind == Kind::BigInt) {
    vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (!index_value(vm, key, &i)) return false;
  char byte = 0;
  if (!value.is_undef() && !byte_value(vm, value, &byte)) return false;
  int64_t len = int64_t(b->bytes.size());
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    vm.raise(vm.t.IndexError, value.is_undef() ? "bytearray index out of range" : "bytearray index out of range");
    return false;
  }
  if (value.is_undef()) b->bytes.erase(size_t(i), 1);
  else b->bytes[size_t(i)] = byte;
  return true;
}

int ba_contains(VM& vm, Value self, Value item) {
  std::string copy = ba(self)->bytes;  // item's __index__ may mutate self
  return byteslike_contains(vm, copy, item);
}

Value ba_iter(VM& vm, Value self) {
  ClassObj* cls = static_cast<ClassObj*>(vm.builtins->get_str(vm.intern(kIterKey)).o);
  return Value::object(vm.heap.make<ByteArrayIterObj>(cls, ba(self)));
}

// Appends the bytes of `source` (bytes-like or an iterable of ints) to `out`; extend()'s rules.
bool extend_from(VM& vm, Value source, std::string* out) {
  std::string_view view;
  if (bytes_like(vm, source, &view)) {
    out->append(view);
    return true;
  }
  ClassObj* c = vm.type_of(source);
  if (!c->slots.iter && !c->slots.getitem) {
    vm.raisef(vm.t.TypeError, "can't extend bytearray with %s", type_name(vm, source).c_str());
    return false;
  }
  return op_for_each(vm, source, [&](Value item) {
    char byte;
    if (!byte_value(vm, item, &byte)) return -1;
    *out += byte;
    return 1;
  });
}

Value ba_binop(VM& vm, Value a, Value b, BinOp op) {
  bool inplace = int(op) >= int(BinOp::InplaceAdd);
  BinOp base = inplace ? BinOp(int(op) - int(BinOp::InplaceAdd)) : op;
  ByteArrayObj* self = as_bytearray(vm, a);
  switch (base) {
    case BinOp::Add: {
      if (!self) return vm.not_implemented;
      std::string_view rhs;
      if (!bytes_like(vm, b, &rhs)) {
        if (vm.type_of(b)->slots.binop == slot_binop) {
          Value r = vm.type_of(b)->slots.binop(vm, a, b, op);
          if (!r.same(vm.not_implemented)) return r;
        }
        return vm.raisef(vm.t.TypeError, "can't concat %s to %s", type_name(vm, b).c_str(), type_name(vm, a).c_str());
      }
      if (inplace) {
        std::string tail(rhs);  // rhs may be self
        self->bytes.append(tail);
        return a;
      }
      std::string out = self->bytes;
      out.append(rhs);
      return new_bytearray(vm, out);
    }
    case BinOp::Multiply: {
      Value seq = self ? a : b, count = self ? b : a;
      ByteArrayObj* s = as_bytearray(vm, seq);
      if (!s) return vm.not_implemented;
      if (!is_index_like(vm, count)) {
        if (self && vm.type_of(b)->slots.binop == slot_binop) {
          Value r = vm.type_of(b)->slots.binop(vm, a, b, op);
          if (!r.same(vm.not_implemented)) return r;
        }
        return vm.raisef(vm.t.TypeError, "can't multiply sequence by non-int of type '%s'",
                         type_name(vm, count).c_str());
      }
      int64_t n;
      if (count.is_obj() && count.o->kind == Kind::BigInt) {
        if (!static_cast<BigIntObj*>(count.o)->negative && !s->bytes.empty())
          return vm.raise_value(Value::object(vm.t.MemoryError));
        n = 0;
      } else if (!index_value(vm, count, &n)) {
        return Value::error();
      }
      if (n < 0) n = 0;
      if (n > 0 && s->bytes.size() > 0 && (uint64_t(n) > (uint64_t(1) << 40) / s->bytes.size() ||
                                           vm.heap.would_exceed(uint64_t(s->bytes.size()) * uint64_t(n))))
        return vm.raise_value(Value::object(vm.t.MemoryError));
      std::string out;
      out.reserve(s->bytes.size() * size_t(n));
      for (int64_t i = 0; i < n; i++) out.append(s->bytes);
      if (inplace && self) {
        self->bytes.swap(out);
        return a;
      }
      return new_bytearray(vm, out);
    }
    case BinOp::Remainder: {
      if (!self) return vm.not_implemented;
      std::string fmt = self->bytes;  // the arguments' conversions may mutate self
      return percent_format_bytes(vm, fmt, b, true);
    }
    default: return vm.not_implemented;
  }
}

Value ba_new(VM& vm, ClassObj* cls, CallArgs&) { return new_bytearray(vm, "", cls); }

// bytearray(source, encoding, errors): mirrors bytearray___init___impl.
Value ba_init(VM& vm, Value self, CallArgs& a) {
  std::string data;
  if (!byteslike_from_args(vm, a, "bytearray", &data)) return Value::error();
  ba(self)->bytes.swap(data);
  return Value::none();
}

// ---- mutators -------------------------------------------------------------------------------

bool self_ok(VM& vm, CallArgs& a, const char* name) {
  if (a.nargs == 0) {
    vm.raisef(vm.t.TypeError, "unbound method bytearray.%s() needs an argument", name);
    return false;
  }
  if (!as_bytearray(vm, a[0])) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' for 'bytearray' objects doesn't apply to a '%s' object", name,
              type_name(vm, a[0]).c_str());
    return false;
  }
  return true;
}

Value m_append(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "append") || !one_arg(vm, rest(a), "bytearray", "append")) return Value::error();
  char byte;
  if (!byte_value(vm, a[1], &byte)) return Value::error();
  ba(a[0])->bytes += byte;
  return Value::none();
}

Value m_extend(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "extend") || !one_arg(vm, rest(a), "bytearray", "extend")) return Value::error();
  std::string more;
  if (!extend_from(vm, a[1], &more)) return Value::error();
  ba(a[0])->bytes.append(more);
  return Value::none();
}

Value m_insert(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "insert")) return Value::error();
  CallArgs r = rest(a);
  if (r.nkw()) return vm.raise(vm.t.TypeError, "bytearray.insert() takes no keyword arguments");
  if (r.nargs != 2) return vm.raisef(vm.t.TypeError, "insert expected 2 arguments, got %u", r.nargs);
  int64_t i;
  char byte;
  if (!ssize_arg(vm, r[0], &i) || !byte_value(vm, r[1], &byte)) return Value::error();
  std::string& s = ba(a[0])->bytes;
  int64_t n = int64_t(s.size());
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  s.insert(size_t(i), 1, byte);
  return Value::none();
}

Value m_pop(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "pop")) return Value::error();
  CallArgs r = rest(a);
  if (!positional_args(vm, r, "bytearray", "pop", 0, 1)) return Value::error();
  int64_t i = -1;
  if (r.nargs && !ssize_arg(vm, r[0], &i)) return Value::error();
  std::string& s = ba(a[0])->bytes;
  if (s.empty()) return vm.raise(vm.t.IndexError, "pop from empty bytearray");
  int64_t n = int64_t(s.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return vm.raise(vm.t.IndexError, "pop index out of range");
  unsigned char c = static_cast<unsigned char>(s[size_t(i)]);
  s.erase(size_t(i), 1);
  return Value::integer(c);
}

Value m_remove(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "remove") || !one_arg(vm, rest(a), "bytearray", "remove")) return Value::error();
  char byte;
  if (!byte_value(vm, a[1], &byte)) return Value::error();
  std::string& s = ba(a[0])->bytes;
  size_t at = s.find(byte);
  if (at == std::string::npos) return vm.raise(vm.t.ValueError, "value not found in bytearray");
  s.erase(at, 1);
  return Value::none();
}

Value m_clear(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "clear") || !no_args(vm, rest(a), "bytearray", "clear")) return Value::error();
  ba(a[0])->bytes.clear();
  return Value::none();
}

Value m_copy(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "copy") || !no_args(vm, rest(a), "bytearray", "copy")) return Value::error();
  return new_bytearray(vm, ba(a[0])->view());
}

Value m_reverse(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "reverse") || !no_args(vm, rest(a), "bytearray", "reverse")) return Value::error();
  std::reverse(ba(a[0])->bytes.begin(), ba(a[0])->bytes.end());
  return Value::none();
}

Value m_alloc(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "__alloc__") || !no_args(vm, rest(a), "bytearray", "__alloc__")) return Value::error();
  return Value::integer(int64_t(ba(a[0])->bytes.size() + 1));
}

Value m_iadd(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "__iadd__")) return Value::error();
  if (a.nargs != 2) return vm.raisef(vm.t.TypeError, "expected 1 argument, got %u", a.nargs - 1);
  return ba_binop(vm, a[0], a[1], BinOp::InplaceAdd);
}

}  // namespace

void init_bytearray_type(VM& vm) {
  ClassObj* cls = vm.new_class("bytearray", {}, Kind::Other, kClassBuiltin | kClassBaseType);
  vm.builtins->set_str(vm.intern(kClassKey), Value::object(cls));
  vm.builtins->set_str(vm.intern("bytearray"), Value::object(cls));
  TypeSlots& s = cls->slots;
  s.repr = ba_repr;
  s.str = ba_repr;
  s.hash = slot_hash_unhashable;
  s.richcompare = byteslike_richcompare;
  s.len = ba_len;
  s.getitem = ba_getitem;
  s.setitem = ba_setitem;
  s.contains = ba_contains;
  s.iter = ba_iter;
  s.binop = ba_binop;
  s.new_ = ba_new;
  s.init = ba_init;

  init_bytes_methods(vm, cls);
  vm.def_method(cls, "decode", bytes_decode);
  vm.def_method(cls, "hex", bytes_hex);
  vm.def_method(cls, "append", m_append);
  vm.def_method(cls, "extend", m_extend);
  vm.def_method(cls, "insert", m_insert);
  vm.def_method(cls, "pop", m_pop);
  vm.def_method(cls, "remove", m_remove);
  vm.def_method(cls, "clear", m_clear);
  vm.def_method(cls, "copy", m_copy);
  vm.def_method(cls, "reverse", m_reverse);
  vm.def_method(cls, "__alloc__", m_alloc);
  vm.def_method(cls, "__iadd__", m_iadd);
  NativeFunctionObj* fh = vm.new_native("fromhex", bytes_fromhex, cls);
  cls->dict->set_str(vm.intern("fromhex"),
                     Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(fh))));
  add_slot_wrappers(vm, cls);

  ClassObj* it = vm.new_class("bytearray_iterator", {}, Kind::Other, kClassBuiltin);
  it->slots.iter = [](VM&, Value self) { return self; };
  it->slots.next = iter_next;
  vm.def_method(it, "__length_hint__", iter_length_hint);
  add_slot_wrappers(vm, it);
  vm.builtins->set_str(vm.intern(kIterKey), Value::object(it));
}

}  // namespace looplab
