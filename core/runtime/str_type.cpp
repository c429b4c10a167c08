// The str type: its slots (repr, hash, comparison, len, indexing and slicing, `in`, iteration,
// + * %), its constructor, the str iterators, and the builtins chr, ord and format.
// The methods live in str_methods_*.cpp and str_format.cpp.
#include <climits>
#include <cstring>

#include "runtime/builtin_types.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

namespace {

using namespace strimpl;

// ---- iterators ------------------------------------------------------------------------------

// CPython 3.11 has two: str_ascii_iterator (byte steps) and str_iterator.
struct StrIterObj final : Obj {
  StrObj* str;       // nullptr once exhausted
  size_t pos = 0;    // byte offset of the next character
  size_t index = 0;  // characters produced so far
  StrIterObj(ClassObj* cls, StrObj* s) : Obj(cls, Kind::Other), str(s) {}
  void trace(Tracer& t) override { t.mark(str); }
};

const char* const kAsciiIterKey = "__str_ascii_iterator";
const char* const kIterKey = "__str_iterator";

ClassObj* iter_class(VM& vm, bool ascii) {
  return static_cast<ClassObj*>(vm.builtins->get_str(vm.intern(ascii ? kAsciiIterKey : kIterKey)).o);
}

Value str_iter_next(VM& vm, Value self) {
  auto* it = static_cast<StrIterObj*>(self.o);
  StrObj* s = it->str;
  if (!s) return Value();
  if (it->pos >= s->size) {
    it->str = nullptr;
    return Value();
  }
  it->index++;
  std::string_view v = s->view();
  if (s->ascii) return Value::object(vm.intern(v.substr(it->pos++, 1)));
  size_t start = it->pos;
  uint32_t cp = utf8::decode(v, it->pos);
  return make_known(vm, v.substr(start, it->pos - start), cp < 0x80, 1);
}

Value str_iter_length_hint(VM& vm, CallArgs& a) {
  auto* it = static_cast<StrIterObj*>(a[0].o);
  if (!it->str) return Value::integer(0);
  return Value::integer(int64_t(it->str->length - it->index));
}

// ---- slots ----------------------------------------------------------------------------------

Value str_repr(VM& vm, Value self) {
  StrObj* s = as_str(self);
  std::string r = repr_text(s->view());
  return make_known(vm, r, s->ascii, s->ascii ? r.size() : length_of(r));
}

Value str_str(VM& vm, Value self) { return same_or_copy(vm, as_str(self)); }

bool str_hash(VM&, Value self, int64_t* out) {
  *out = as_str(self)->hash();
  return true;
}

Value str_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_str_obj(a) || !is_str_obj(b)) return vm.not_implemented;
  std::string_view x = as_str(a)->view(), y = as_str(b)->view();
  // UTF-8 byte order is code point order.
  int c = x.compare(y);
  switch (op) {
    case CompareOp::Lt: return Value::boolean(c < 0);
    case CompareOp::Le: return Value::boolean(c <= 0);
    case CompareOp::Eq: return Value::boolean(c == 0);
    case CompareOp::Ne: return Value::boolean(c != 0);
    case CompareOp::Gt: return Value::boolean(c > 0);
    case CompareOp::Ge: return Value::boolean(c >= 0);
  }
  return vm.not_implemented;
}

int64_t str_len(VM&, Value self) { return int64_t(as_str(self)->length); }

// mirrors Objects/unicodeobject.c unicode_subscript.
Value str_getitem(VM& vm, Value self, Value key) {
  StrObj* s = as_str(self);
  const int64_t len = int64_t(s->length);
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step, n;
    if (!slice_unpack(vm, key, len, &start, &stop, &step, &n)) return Value::error();
    if (n <= 0) return Value::object(vm.n.empty);
    if (step == 1) {
      if (start == 0 && n == len) return same_or_copy(vm, s);
      return substr(vm, s, size_t(start), size_t(start + n));
    }
    std::string_view v = s->view();
    std::string out;
    if (s->ascii) {
      out.resize(size_t(n));
      for (int64_t i = 0, j = start; i < n; i++, j += step) out[size_t(i)] = v[size_t(j)];
      return make_ascii(vm, out);
    }
    // Byte offsets of every code point, then pick.
    std::vector<uint32_t> offs;
    offs.reserve(s->length + 1);
    for (size_t pos = 0; pos < v.size();) {
      offs.push_back(uint32_t(pos));
      utf8::decode(v, pos);
    }
    offs.push_back(uint32_t(v.size()));
    bool ascii = true;
    for (int64_t i = 0, j = start; i < n; i++, j += step) {
      std::string_view ch = v.substr(offs[size_t(j)], offs[size_t(j) + 1] - offs[size_t(j)]);
      if (ch.size() > 1) ascii = false;
      out.append(ch);
    }
    return make_known(vm, out, ascii, size_t(n));
  }
  int64_t i;
  if (key.is_int()) {
    i = key.i;
  } else if (key.is_bool() || (key.is_obj() && key.o->kind == Kind::BigInt) ||
             !vm.type_of(key)->lookup(vm.n.__index__).is_undef()) {
    if (key.is_obj() && key.o->kind == Kind::BigInt)
      return vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
    if (!index_value(vm, key, &i)) return Value::error();
  } else {
    return vm.raisef(vm.t.TypeError, "string indices must be integers, not '%s'", type_name(vm, key).c_str());
  }
  if (i < 0) i += len;
  if (i < 0 || i >= len) return vm.raise(vm.t.IndexError, "string index out of range");
  return char_at(vm, s, size_t(i));
}

int str_contains(VM& vm, Value self, Value item) {
  if (!is_str_obj(item)) {
    vm.raisef(vm.t.TypeError, "'in <string>' requires string as left operand, not %s", type_name(vm, item).c_str());
    return -1;
  }
  return as_str(self)->view().find(as_str(item)->view()) != std::string_view::npos;
}

Value str_iter(VM& vm, Value self) {
  StrObj* s = as_str(self);
  return Value::object(vm.heap.make<StrIterObj>(iter_class(vm, s->ascii), s));
}

Value concat(VM& vm, StrObj* a, StrObj* b) {
  if (b->size == 0 && a->cls == vm.t.str) return Value::object(a);
  if (a->size == 0 && b->cls == vm.t.str) return Value::object(b);
  size_t n = a->size + b->size;
  if (vm.heap.would_exceed(n)) return vm.raise_value(Value::object(vm.t.MemoryError));
  StrObj* o = vm.heap.make_var<StrObj>(n + 1, vm.t.str, n, a->length + b->length, a->ascii && b->ascii);
  std::memcpy(o->data(), a->data(), a->size);
  std::memcpy(o->data() + a->size, b->data(), b->size);
  o->data()[n] = '\0';
  return Value::object(o);
}

bool is_index_like(VM& vm, Value v) {
  return v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt) ||
         !vm.type_of(v)->lookup(vm.n.__index__).is_undef();
}

// mirrors Objects/unicodeobject.c unicode_repeat.
Value repeat(VM& vm, StrObj* s, Value count) {
  int64_t n;
  if (count.is_obj() && count.o->kind == Kind::BigInt) {
    if (static_cast<BigIntObj*>(count.o)->negative || s->size == 0) return Value::object(vm.n.empty);
    return vm.raise(vm.t.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  if (!index_value(vm, count, &n)) return Value::error();
  if (n <= 0 || s->size == 0) return Value::object(vm.n.empty);
  if (n == 1) return same_or_copy(vm, s);
  if (uint64_t(n) > uint64_t(INT64_MAX) / s->size) return vm.raise(vm.t.OverflowError, "repeated string is too long");
  // 64-bit arithmetic (as CPython's 64-bit builds): wasm's size_t would wrap.
  uint64_t total64 = uint64_t(s->size) * uint64_t(n);
  if (vm.heap.would_exceed(total64)) return vm.raise_value(Value::object(vm.t.MemoryError));
  size_t total = size_t(total64);
  StrObj* o = vm.heap.make_var<StrObj>(total + 1, vm.t.str, total, s->length * size_t(n), s->ascii);
  char* d = o->data();
  std::memcpy(d, s->data(), s->size);
  size_t done = s->size;
  while (done < total) {  // doubling copies
    size_t chunk = done < total - done ? done : total - done;
    std::memcpy(d + done, d, chunk);
    done += chunk;
  }
  d[total] = '\0';
  return Value::object(o);
}

Value cant_multiply(VM& vm, Value other) {
  return vm.raisef(vm.t.TypeError, "can't multiply sequence by non-int of type '%s'", type_name(vm, other).c_str());
}

Value str_binop(VM& vm, Value a, Value b, BinOp op) {
  if (int(op) >= int(BinOp::InplaceAdd)) op = BinOp(int(op) - int(BinOp::InplaceAdd));
  switch (op) {
    case BinOp::Add:
      if (is_str_obj(a) && is_str_obj(b)) return concat(vm, as_str(a), as_str(b));
      return vm.not_implemented;
    case BinOp::Multiply:
      if (is_str_obj(a)) {
        if (is_index_like(vm, b)) return repeat(vm, as_str(a), b);
        // CPython tries the other operand's number slots (a user class's __rmul__) before the
        // sequence repeat.
        auto other = vm.type_of(b)->slots.binop;
        if (other == slot_binop) {
          Value r = other(vm, a, b, op);
          if (!r.same(vm.not_implemented)) return r;
        }
        return cant_multiply(vm, b);
      }
      if (is_index_like(vm, a)) return repeat(vm, as_str(b), a);
      return cant_multiply(vm, a);
    case BinOp::Remainder:
      if (is_str_obj(a)) return percent_format(vm, as_str(a), b);
      return vm.not_implemented;
    default: return vm.not_implemented;
  }
}

// str(object='', encoding='utf-8', errors='strict'): mirrors unicode_new_impl.
Value str_new(VM& vm, ClassObj* cls, CallArgs& a) {
  Value args[3];
  if (!keyword_args(vm, a, "str", {"object", "encoding", "errors"}, 0, 3, args)) return Value::error();
  for (int i = 1; i < 3; i++) {
    if (!args[i].is_undef() && !is_str_obj(args[i]))
      return vm.raisef(vm.t.TypeError, "str() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                       type_name(vm, args[i]).c_str());
  }
  Value text;
  if (args[0].is_undef()) {
    text = Value::object(vm.n.empty);
  } else if (args[1].is_undef() && args[2].is_undef()) {
    text = op_str(vm, args[0]);
    if (text.is_error()) return text;
  } else {
    Value obj = args[0];
    if (is_str_obj(obj)) return vm.raise(vm.t.TypeError, "decoding str is not supported");
    std::string_view data;
    if (!bytes_like(vm, obj, &data))
      return vm.raisef(vm.t.TypeError, "decoding to str: need a bytes-like object, %s found", type_name(vm, obj).c_str());
    std::string_view enc = args[1].is_undef() ? "utf-8" : as_str(args[1])->view();
    std::string_view errs = args[2].is_undef() ? "strict" : as_str(args[2])->view();
    text = decode(vm, data, enc, errs);
    if (text.is_error()) return text;
  }
  if (cls == vm.t.str) return text;
  return Value::object(make_of_class(vm, cls, as_str(text)->view()));
}

// ---- dunder methods for the operators (user subclasses call them through super()) -------------

Value binop_method(VM& vm, CallArgs& a, const char* name, BinOp op, bool reflected) {
  if (!check_self(vm, a, vm.t.str, Kind::Str, name)) return Value::error();
  CallArgs r = rest(a);
  if (r.nkw() || r.nargs != 1)
    return vm.raisef(vm.t.TypeError, "expected 1 argument, got %u", r.nargs);
  Value x = reflected ? r[0] : a[0], y = reflected ? a[0] : r[0];
  if (op == BinOp::Multiply) {
    Value other = reflected ? x : y;
    if (!is_index_like(vm, other)) return vm.not_implemented;
    return repeat(vm, as_str(a[0]), other);
  }
  if (op == BinOp::Remainder && reflected) return vm.not_implemented;
  if (op == BinOp::Add && !is_str_obj(y)) {
    return vm.raisef(vm.t.TypeError, "can only concatenate str (not \"%s\") to str", type_name(vm, y).c_str());
  }
  return str_binop(vm, x, y, op);
}

Value str_add_m(VM& vm, CallArgs& a) { return binop_method(vm, a, "__add__", BinOp::Add, false); }
Value str_mul_m(VM& vm, CallArgs& a) { return binop_method(vm, a, "__mul__", BinOp::Multiply, false); }
Value str_rmul_m(VM& vm, CallArgs& a) { return binop_method(vm, a, "__rmul__", BinOp::Multiply, true); }
Value str_mod_m(VM& vm, CallArgs& a) { return binop_method(vm, a, "__mod__", BinOp::Remainder, false); }
Value str_rmod_m(VM& vm, CallArgs& a) { return binop_method(vm, a, "__rmod__", BinOp::Remainder, true); }

Value str_getnewargs(VM& vm, CallArgs& a) {
  if (!check_self(vm, a, vm.t.str, Kind::Str, "__getnewargs__")) return Value::error();
  return Value::object(vm.tuple_of({same_or_copy(vm, as_str(a[0]))}));
}

// ---- builtins -------------------------------------------------------------------------------

Value builtin_chr(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "chr", 1, 1)) return Value::error();
  int64_t i;
  if (a[0].is_obj() && a[0].o->kind == Kind::BigInt)
    return vm.raise(vm.t.OverflowError, "Python int too large to convert to C int");
  if (!index_value(vm, a[0], &i)) return Value::error();
  if (i < INT32_MIN || i > INT32_MAX) return vm.raise(vm.t.OverflowError, "Python int too large to convert to C int");
  if (i < 0 || i >= 0x110000) return vm.raise(vm.t.ValueError, "chr() arg not in range(0x110000)");
  return from_code_point(vm, uint32_t(i));
}

Value builtin_ord(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "ord", 1, 1)) return Value::error();
  Value c = a[0];
  if (is_str_obj(c)) {
    StrObj* s = as_str(c);
    if (s->length != 1)
      return vm.raisef(vm.t.TypeError, "ord() expected a character, but string of length %zu found", s->length);
    size_t pos = 0;
    return Value::integer(utf8::decode(s->view(), pos));
  }
  if (is_bytes_obj(c)) {
    BytesObj* b = as_bytes(c);
    if (b->size != 1)
      return vm.raisef(vm.t.TypeError, "ord() expected a character, but string of length %zu found", b->size);
    return Value::integer(static_cast<unsigned char>(b->data()[0]));
  }
  return vm.raisef(vm.t.TypeError, "ord() expected string of length 1, but %s found", type_name(vm, c).c_str());
}

Value builtin_format(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "format", 1, 2)) return Value::error();
  Value spec = a.nargs > 1 ? a[1] : Value::object(vm.n.empty);
  if (!is_str_obj(spec))
    return vm.raisef(vm.t.TypeError, "format() argument 2 must be str, not %s", type_name(vm, spec).c_str());
  return op_format(vm, a[0], spec);
}

ClassObj* make_iter_class(VM& vm, const char* name, const char* key) {
  ClassObj* cls = vm.new_class(name, {}, Kind::Other, kClassBuiltin);
  cls->slots.iter = [](VM&, Value self) { return self; };
  cls->slots.next = str_iter_next;
  vm.def_method(cls, "__length_hint__", str_iter_length_hint);
  add_slot_wrappers(vm, cls);
  vm.builtins->set_str(vm.intern(key), Value::object(cls));
  return cls;
}

}  // namespace

void init_str_type(VM& vm) {
  ClassObj* str = vm.t.str;
  TypeSlots& s = str->slots;
  s.repr = str_repr;
  s.str = str_str;
  s.hash = str_hash;
  s.richcompare = str_richcompare;
  s.len = str_len;
  s.getitem = str_getitem;
  s.contains = str_contains;
  s.iter = str_iter;
  s.binop = str_binop;
  s.new_ = str_new;

  def(vm, str, "__add__", str_add_m);
  def(vm, str, "__mul__", str_mul_m);
  def(vm, str, "__rmul__", str_rmul_m);
  def(vm, str, "__mod__", str_mod_m);
  def(vm, str, "__rmod__", str_rmod_m);
  def(vm, str, "__getnewargs__", str_getnewargs);

  make_iter_class(vm, "str_ascii_iterator", kAsciiIterKey);
  make_iter_class(vm, "str_iterator", kIterKey);

  install_offset_cache_hook(vm);
  init_str_case_methods(vm);
  init_str_search_methods(vm);
  init_str_layout_methods(vm);
  init_str_format_methods(vm);

  vm.def_function(vm.builtins, "chr", builtin_chr);
  vm.def_function(vm.builtins, "ord", builtin_ord);
  vm.def_function(vm.builtins, "format", builtin_format);
}

}  // namespace looplab
