// The bytes type: slots (repr, hash, comparison, len, indexing, slicing, `in`, iteration, + *),
// the constructor, the iterator, and decode / hex / fromhex. mirrors Objects/bytesobject.c.
// The byte-string methods (split, strip, find, ...) are in bytes_methods.cpp.
#include <climits>
#include <cstring>

#include "runtime/builtin_types.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

void init_bytes_methods(VM& vm, ClassObj* cls);  // bytes_methods.cpp
void init_bytearray_type(VM& vm);                // bytearray_type.cpp

// mirrors PyBytes_Repr (smart quotes) and bytearray_repr.
std::string bytes_repr_text(std::string_view v, bool bytearray_quotes) {
  bool has_single = v.find('\'') != std::string_view::npos;
  bool has_double = v.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out = "b";
  out += quote;
  for (unsigned char c : v) {
    // bytearray's repr escapes a single quote even inside double quotes.
    if (c == quote || c == '\\' || (bytearray_quotes && c == '\'')) {
      out += '\\';
      out += char(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += char(c);
    }
  }
  out += quote;
  return out;
}


namespace {

using namespace strimpl;

struct BytesIterObj final : Obj {
  BytesObj* bytes;  // nullptr once exhausted
  size_t index = 0;
  BytesIterObj(ClassObj* cls, BytesObj* b) : Obj(cls, Kind::Other), bytes(b) {}
  void trace(Tracer& t) override { t.mark(bytes); }
};

const char* const kIterKey = "__bytes_iterator";

Value bytes_iter_next(VM&, Value self) {
  auto* it = static_cast<BytesIterObj*>(self.o);
  if (!it->bytes) return Value();
  if (it->index >= it->bytes->size) {
    it->bytes = nullptr;
    return Value();
  }
  return Value::integer(static_cast<unsigned char>(it->bytes->data()[it->index++]));
}

Value bytes_iter_length_hint(VM&, CallArgs& a) {
  auto* it = static_cast<BytesIterObj*>(a[0].o);
  return Value::integer(it->bytes ? int64_t(it->bytes->size - it->index) : 0);
}

Value bytes_repr(VM& vm, Value self) { return make_ascii(vm, bytes_repr_text(as_bytes(self)->view())); }

bool bytes_hash(VM&, Value self, int64_t* out) {
  BytesObj* b = as_bytes(self);
  if (b->hash_cache == -1) b->hash_cache = hash_bytes(b->view());
  *out = b->hash_cache;
  return true;
}

}  // namespace

// Shared by bytes and bytearray: byte-wise comparison of any two bytes-like objects.
Value byteslike_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  std::string_view x, y;
  if (!bytes_like(vm, a, &x) || !bytes_like(vm, b, &y)) return vm.not_implemented;
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

// `item in hay` for bytes and bytearray.
int byteslike_contains(VM& vm, std::string_view hay, Value item) {
  std::string_view needle;
  if (bytes_like(vm, item, &needle)) return hay.find(needle) != std::string_view::npos;
  bool index_like = item.is_int() || item.is_bool() || (item.is_obj() && item.o->kind == Kind::BigInt) ||
                    (!item.is_float() && !vm.type_of(item)->lookup(vm.n.__index__).is_undef());
  if (!index_like) {
    vm.raisef(vm.t.TypeError, "a bytes-like object is required, not '%s'", type_name(vm, item).c_str());
    return -1;
  }
  int64_t v;
  if (item.is_obj() && item.o->kind == Kind::BigInt) v = -1;
  else if (!index_value(vm, item, &v)) return -1;
  if (v < 0 || v > 255) {
    vm.raise(vm.t.ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  return hay.find(char(v)) != std::string_view::npos;
}

namespace {

int64_t bytes_len(VM&, Value self) { return int64_t(as_bytes(self)->size); }

Value bytes_getitem(VM& vm, Value self, Value key) {
  BytesObj* b = as_bytes(self);
  const int64_t len = int64_t(b->size);
  if (key.is_obj() && key.o->kind == Kind::Slice) {
    int64_t start, stop, step, n;
    if (!slice_unpack(vm, key, len, &start, &stop, &step, &n)) return Value::error();
    if (n <= 0) return Value::object(vm.new_bytes(""));
    if (step == 1) {
      if (n == len && b->cls == vm.t.bytes) return self;
      return Value::object(vm.new_bytes(b->view().substr(size_t(start), size_t(n))));
    }
    std::string out(size_t(n), '\0');
    for (int64_t i = 0, j = start; i < n; i++, j += step) out[size_t(i)] = b->data()[j];
    return Value::object(vm.new_bytes(out));
  }
  bool index_like = key.is_int() || key.is_bool() || (key.is_obj() && key.o->kind == Kind::BigInt) ||
                    !vm.type_of(key)->lookup(vm.n.__index__).is_undef();
  if (!index_like)
    return vm.raisef(vm.t.TypeError, "byte indices must be integers or slices, not %s", type_name(vm, key).c_str());
  if (key.is_obj() && key.o->kind == Kind::BigInt)
    return vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
  int64_t i;
  if (!index_value(vm, key, &i)) return Value::error();
  if (i < 0) i += len;
  if (i < 0 || i >= len) return vm.raise(vm.t.IndexError, "index out of range");
  return Value::integer(static_cast<unsigned char>(b->data()[i]));
}

int bytes_contains(VM& vm, Value self, Value item) { return byteslike_contains(vm, as_bytes(self)->view(), item); }

Value bytes_iter(VM& vm, Value self) {
  ClassObj* cls = static_cast<ClassObj*>(vm.builtins->get_str(vm.intern(kIterKey)).o);
  return Value::object(vm.heap.make<BytesIterObj>(cls, as_bytes(self)));
}

Value repeat_bytes(VM& vm, BytesObj* b, Value count) {
  int64_t n;
  if (count.is_obj() && count.o->kind == Kind::BigInt) {
    if (static_cast<BigIntObj*>(count.o)->negative || b->size == 0) return Value::object(vm.new_bytes(""));
    return vm.raise(vm.t.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  if (!index_value(vm, count, &n)) return Value::error();
  if (n <= 0 || b->size == 0) return Value::object(vm.new_bytes(""));
  if (uint64_t(n) > uint64_t(INT64_MAX) / b->size) return vm.raise(vm.t.OverflowError, "repeated bytes are too long");
  uint64_t total64 = uint64_t(b->size) * uint64_t(n);  // 64-bit: wasm's size_t would wrap
  if (vm.heap.would_exceed(total64)) return vm.raise_value(Value::object(vm.t.MemoryError));
  size_t total = size_t(total64);
  std::string out;
  out.reserve(total);
  for (int64_t i = 0; i < n; i++) out.append(b->view());
  return Value::object(vm.new_bytes(out));
}

bool index_like(VM& vm, Value v) {
  return v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt) ||
         !vm.type_of(v)->lookup(vm.n.__index__).is_undef();
}

Value bytes_binop(VM& vm, Value a, Value b, BinOp op) {
  if (int(op) >= int(BinOp::InplaceAdd)) op = BinOp(int(op) - int(BinOp::InplaceAdd));
  switch (op) {
    case BinOp::Add: {
      std::string_view rhs;
      if (!is_bytes_obj(a)) return vm.not_implemented;
      if (!bytes_like(vm, b, &rhs)) {
        if (vm.type_of(b)->slots.binop == slot_binop) {
          Value r = vm.type_of(b)->slots.binop(vm, a, b, op);
          if (!r.same(vm.not_implemented)) return r;
        }
        return vm.raisef(vm.t.TypeError, "can't concat %s to %s", type_name(vm, b).c_str(), type_name(vm, a).c_str());
      }
      std::string out(as_bytes(a)->view());
      out.append(rhs);
      return Value::object(vm.new_bytes(out));
    }
    case BinOp::Multiply: {
      Value seq = is_bytes_obj(a) ? a : b, count = is_bytes_obj(a) ? b : a;
      if (index_like(vm, count)) return repeat_bytes(vm, as_bytes(seq), count);
      if (is_bytes_obj(a)) {
        auto other = vm.type_of(b)->slots.binop;
        if (other == slot_binop) {
          Value r = other(vm, a, b, op);
          if (!r.same(vm.not_implemented)) return r;
        }
      }
      return vm.raisef(vm.t.TypeError, "can't multiply sequence by non-int of type '%s'",
                       type_name(vm, count).c_str());
    }
    case BinOp::Remainder:
      if (!is_bytes_obj(a)) return vm.not_implemented;
      return percent_format_bytes(vm, as_bytes(a)->view(), b, false);
    default: return vm.not_implemented;
  }
}

}  // namespace

// The bytes that bytes(...) / bytearray(...) make from (source, encoding, errors): mirrors
// bytes_new_impl and bytearray___init___impl. `tname` words the errors.
bool byteslike_from_args(VM& vm, CallArgs& a, const char* tname, std::string* out) {
  Value args[3];
  if (!keyword_args(vm, a, tname, {"source", "encoding", "errors"}, 0, 3, args)) return false;
  for (int i = 1; i < 3; i++)
    if (!args[i].is_undef() && !is_str_obj(args[i])) {
      vm.raisef(vm.t.TypeError, "%s() argument '%s' must be str, not %s", tname, i == 1 ? "encoding" : "errors",
                type_name(vm, args[i]).c_str());
      return false;
    }
  Value x = args[0];
  std::string_view view;
  if (!args[1].is_undef()) {
    if (x.is_undef() || !is_str_obj(x)) {
      vm.raise(vm.t.TypeError, "encoding without a string argument");
      return false;
    }
    Value r = encode(vm, as_str(x), as_str(args[1])->view(), args[2].is_undef() ? "strict" : as_str(args[2])->view());
    if (r.is_error()) return false;
    out->assign(as_bytes(r)->view());
    return true;
  }
  if (!args[2].is_undef()) {
    vm.raise(vm.t.TypeError, is_str_obj(x) ? "string argument without an encoding" : "errors without a string argument");
    return false;
  }
  if (x.is_undef()) return true;
  if (bytes_like(vm, x, &view)) {
    out->assign(view);
    return true;
  }
  Value conv = call_special(vm, x, vm.intern("__bytes__"), nullptr, 0);
  if (conv.is_error()) return false;
  if (!conv.is_undef()) {
    if (!is_bytes_obj(conv)) {
      vm.raisef(vm.t.TypeError, "__bytes__ returned non-bytes (type %s)", type_name(vm, conv).c_str());
      return false;
    }
    out->assign(as_bytes(conv)->view());
    return true;
  }
  if (is_str_obj(x)) {
    vm.raise(vm.t.TypeError, "string argument without an encoding");
    return false;
  }
  if (!x.is_float() && index_like(vm, x)) {
    int64_t n;
    if (x.is_obj() && x.o->kind == Kind::BigInt) {
      vm.raise(vm.t.OverflowError, "cannot fit 'int' into an index-sized integer");
      return false;
    }
    if (!index_value(vm, x, &n)) return false;
    if (n < 0) {
      vm.raise(vm.t.ValueError, "negative count");
      return false;
    }
    if (vm.heap.would_exceed(uint64_t(n))) {
      vm.raise_value(Value::object(vm.t.MemoryError));
      return false;
    }
    out->assign(size_t(n), '\0');
    return true;
  }
  ClassObj* c = vm.type_of(x);
  if (!c->slots.iter && !c->slots.getitem) {
    vm.raisef(vm.t.TypeError, "cannot convert '%s' object to %s", type_name(vm, x).c_str(), tname);
    return false;
  }
  // PyBytes_FromObject's list/iterator paths.
  return op_for_each(vm, x, [&](Value item) {
    int64_t v;
    if (!index_value(vm, item, &v)) return -1;
    if (v < 0 || v > 255) {
      vm.raise(vm.t.ValueError, "bytes must be in range(0, 256)");
      return -1;
    }
    *out += char(v);
    return 1;
  });
}

namespace {

// bytes(source, encoding, errors)
Value bytes_new(VM& vm, ClassObj* cls, CallArgs& a) {
  // bytes(b) is b itself when b is exactly bytes.
  if (a.nargs == 1 && a.nkw() == 0 && is_bytes_obj(a[0]) && a[0].o->cls == vm.t.bytes && cls == vm.t.bytes) return a[0];
  std::string data;
  if (!byteslike_from_args(vm, a, "bytes", &data)) return Value::error();
  BytesObj* o = vm.heap.make_var<BytesObj>(data.size() + 1, cls, data.size());
  std::memcpy(o->data(), data.data(), data.size());
  o->data()[data.size()] = '\0';
  return Value::object(o);
}

bool self_ok(VM& vm, CallArgs& a, const char* name) { return check_self(vm, a, vm.t.bytes, Kind::Bytes, name); }

// self of decode/hex, which bytes and bytearray share: the class the method was found on decides.
bool byteslike_self(VM& vm, CallArgs& a, const char* name, std::string_view* out) {
  ClassObj* owner = vm.calling_native->owner;
  if (owner == vm.t.bytes) {
    if (!self_ok(vm, a, name)) return false;
  } else if (a.nargs == 0) {
    vm.raisef(vm.t.TypeError, "unbound method bytearray.%s() needs an argument", name);
    return false;
  } else if (!as_bytearray(vm, a[0])) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' for 'bytearray' objects doesn't apply to a '%s' object", name,
              type_name(vm, a[0]).c_str());
    return false;
  }
  return bytes_like(vm, a[0], out);
}

}  // namespace

Value bytes_decode(VM& vm, CallArgs& a) {
  std::string_view data;
  if (!byteslike_self(vm, a, "decode", &data)) return Value::error();
  Value args[2];
  if (!keyword_args(vm, rest(a), "decode", {"encoding", "errors"}, 0, 2, args)) return Value::error();
  const char* names[] = {"encoding", "errors"};
  for (int i = 0; i < 2; i++)
    if (!args[i].is_undef() && !is_str_obj(args[i]))
      return vm.raisef(vm.t.TypeError, "decode() argument '%s' must be str, not %s", names[i],
                       type_name(vm, args[i]).c_str());
  return decode(vm, data, args[0].is_undef() ? "utf-8" : as_str(args[0])->view(),
                args[1].is_undef() ? "strict" : as_str(args[1])->view());
}

// bytes.hex(sep=..., bytes_per_sep=1): mirrors _Py_strhex_impl.
Value bytes_hex(VM& vm, CallArgs& a) {
  std::string_view data;
  if (!byteslike_self(vm, a, "hex", &data)) return Value::error();
  Value args[2];
  if (!keyword_args(vm, rest(a), "hex", {"sep", "bytes_per_sep"}, 0, 2, args)) return Value::error();
  char sep = 0;
  if (!args[0].is_undef()) {
    std::string_view s;
    if (is_str_obj(args[0])) s = as_str(args[0])->view();
    else if (is_bytes_obj(args[0])) s = as_bytes(args[0])->view();
    else return vm.raisef(vm.t.TypeError, "object of type '%s' has no len()", type_name(vm, args[0]).c_str());
    if (s.size() != 1 || (static_cast<unsigned char>(s[0]) & 0x80)) {
      if (is_str_obj(args[0]) && as_str(args[0])->length == 1) return vm.raise(vm.t.ValueError, "sep must be ASCII.");
      return vm.raise(vm.t.ValueError, "sep must be length 1.");
    }
    sep = s[0];
  }
  int64_t per = 1;
  if (!args[1].is_undef() && !ssize_arg(vm, args[1], &per)) return Value::error();
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  size_t n = data.size();
  int64_t group = per < 0 ? -per : per;
  for (size_t i = 0; i < n; i++) {
    if (sep && group > 0 && i > 0) {
      // Groups count from the right for a positive bytes_per_sep, from the left for a negative.
      bool boundary = per > 0 ? (n - i) % size_t(group) == 0 : i % size_t(group) == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return make_ascii(vm, out);
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(string): mirrors _PyBytes_FromHex.
Value bytes_fromhex(VM& vm, CallArgs& a) {
  // Bound as a classmethod: args[0] is the class.
  CallArgs r = rest(a);
  if (!one_arg(vm, r, "bytes", "fromhex")) return Value::error();
  if (!is_str_obj(r[0]))
    return vm.raisef(vm.t.TypeError, "fromhex() argument must be str, not %s", type_name(vm, r[0]).c_str());
  StrObj* s = as_str(r[0]);
  std::string_view v = s->view();
  std::string out;
  size_t i = 0;
  auto bad = [&](size_t at) {
    return vm.raisef(vm.t.ValueError, "non-hexadecimal number found in fromhex() arg at position %zu",
                     length_of(v.substr(0, at)));
  };
  while (i < v.size()) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == ' ' || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    int hi = hex_value(char(c));
    if (hi < 0) return bad(i);
    if (i + 1 >= v.size()) return bad(i + 1);
    int lo = hex_value(v[i + 1]);
    if (lo < 0) return bad(i + 1);
    out += char(hi * 16 + lo);
    i += 2;
  }
  Value result = Value::object(vm.new_bytes(out));
  ClassObj* cls = a.nargs > 0 && a[0].is_obj() && a[0].o->kind == Kind::Class ? static_cast<ClassObj*>(a[0].o) : vm.t.bytes;
  if (cls == vm.t.bytes) return result;
  return vm.call(Value::object(cls), {result});
}

namespace {

Value bytes_getnewargs(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "__getnewargs__")) return Value::error();
  return Value::object(vm.tuple_of({Value::object(vm.new_bytes(as_bytes(a[0])->view()))}));
}

Value bytes_dunder_bytes(VM& vm, CallArgs& a) {
  if (!self_ok(vm, a, "__bytes__")) return Value::error();
  if (a[0].o->cls == vm.t.bytes) return a[0];
  return Value::object(vm.new_bytes(as_bytes(a[0])->view()));
}

}  // namespace

void init_bytes_type(VM& vm) {
  ClassObj* bytes = vm.t.bytes;
  TypeSlots& s = bytes->slots;
  s.repr = bytes_repr;
  s.str = bytes_repr;
  s.hash = bytes_hash;
  s.richcompare = byteslike_richcompare;
  s.len = bytes_len;
  s.getitem = bytes_getitem;
  s.contains = bytes_contains;
  s.iter = bytes_iter;
  s.binop = bytes_binop;
  s.new_ = bytes_new;

  def(vm, bytes, "decode", bytes_decode);
  def(vm, bytes, "hex", bytes_hex);
  def(vm, bytes, "__getnewargs__", bytes_getnewargs);
  def(vm, bytes, "__bytes__", bytes_dunder_bytes);
  NativeFunctionObj* fh = vm.new_native("fromhex", bytes_fromhex, bytes);
  bytes->dict->set_str(vm.intern("fromhex"),
                       Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(fh))));

  ClassObj* it = vm.new_class("bytes_iterator", {}, Kind::Other, kClassBuiltin);
  it->slots.iter = [](VM&, Value self) { return self; };
  it->slots.next = bytes_iter_next;
  vm.def_method(it, "__length_hint__", bytes_iter_length_hint);
  add_slot_wrappers(vm, it);
  vm.builtins->set_str(vm.intern(kIterKey), Value::object(it));

  init_bytes_methods(vm, bytes);
  init_bytearray_type(vm);
}

}  // namespace looplab
