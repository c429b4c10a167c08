// int(): parsing and the constructor; int's methods and attributes; bool; the operator dunder
// methods (__add__, __radd__, ...) that int and float expose (mirrors Objects/longobject.c).
#include <algorithm>
#include <cctype>

#include "lang/vm.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"
#include "runtime/unicode_db.h"

namespace looplab {

// ---- parsing --------------------------------------------------------------------------------

namespace {

bool py_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int digit_of(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// The error for text that is no int literal: `original` is the str/bytes given to int().
Value invalid_literal(VM& vm, int base, std::string_view text, Value original) {
  if (original.is_undef()) original = vm.str(text);
  // bytes-like input is quoted as bytes of at most 200 bytes (as _PyLong_FromBytes does).
  if (original.is_obj() && original.o->kind != Kind::Str)
    original = Value::object(vm.new_bytes(text.substr(0, std::min<size_t>(text.size(), 200))));
  std::string r;
  if (!repr_text(vm, original, r)) return Value::error();
  // %.200R: at most 200 code points of the repr.
  size_t pos = 0, count = 0;
  while (pos < r.size() && count < 200) {
    utf8::decode(r, pos);
    count++;
  }
  r.resize(pos);
  return vm.raisef(vm.t.ValueError, "invalid literal for int() with base %d: %s", base, r.c_str());
}

// mirrors Objects/longobject.c PyLong_FromString.
Value parse_int(VM& vm, std::string_view text, int base, Value original) {
  int orig_base = base;
  size_t i = 0, n = text.size();
  while (i < n && py_space(text[i])) i++;
  bool neg = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
  bool zeros_only_rule = false;
  if (base == 0) {
    if (i < n && text[i] == '0' && i + 1 < n) {
      char p = char(std::tolower((unsigned char)text[i + 1]));
      base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
      if (base == 10) zeros_only_rule = true;
    } else {
      base = 10;
      if (i < n && text[i] == '0') zeros_only_rule = true;
    }
  }
  bool prefixed = false;
  if (i + 1 < n && text[i] == '0') {
    char p = char(std::tolower((unsigned char)text[i + 1]));
    if ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b')) {
      i += 2;
      prefixed = true;
    }
  }
  // Digits, with single underscores between them (one may follow a prefix).
  std::string digits;
  bool last_underscore = prefixed;
  bool ok = true;
  if (prefixed && i < n && text[i] == '_') {
    i++;
    last_underscore = false;
  } else if (prefixed) {
    last_underscore = false;
  }
  size_t start = i;
  for (; i < n; i++) {
    char c = text[i];
    if (c == '_') {
      if (last_underscore || i == start) {
        ok = false;
        break;
      }
      last_underscore = true;
      continue;
    }
    if (digit_of(c) >= base) break;
    digits += char(std::tolower((unsigned char)c));
    last_underscore = false;
  }
  if (last_underscore) ok = false;
  while (ok && i < n && py_space(text[i])) i++;
  if (!ok || i != n || digits.empty()) return invalid_literal(vm, orig_base, text, original);
  if (zeros_only_rule) {
    for (char c : digits)
      if (c != '0') return invalid_literal(vm, orig_base, text, original);
  }
  if ((base & (base - 1)) != 0 && int_max_str_digits > 0 && int64_t(digits.size()) > int_max_str_digits)
    return vm.raisef(vm.t.ValueError,
                     "Exceeds the limit (%lld digits) for integer string conversion: value has %zu digits; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     (long long)int_max_str_digits, digits.size());
  if (digits.size() <= 18 && base == 10) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return Value::integer(neg ? -v : v);
  }
  BigInt b = bigint::from_digits(digits, base);
  b.neg = neg && !b.is_zero();
  return make_int(vm, std::move(b));
}

}  // namespace

Value int_from_text(VM& vm, std::string_view text, int base) { return parse_int(vm, text, base, Value()); }

// mirrors _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits and spaces become ASCII,
// other non-ASCII characters '?' (so they fail to parse).
std::string ascii_number_text(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = (unsigned char)text[pos];
    if (c < 0x80) {
      out += char(c);
      pos++;
      continue;
    }
    uint32_t cp = utf8::decode(text, pos);
    int d = unicode::decimal_value(cp);
    if (unicode::is_space(cp)) out += ' ';
    else if (d >= 0) out += char('0' + d);
    else out += '?';
  }
  return out;
}

// ---- the constructor ------------------------------------------------------------------------

// An int of class cls (a subclass of int keeps its value in a BigIntObj, even a small one).
static Value int_as_class(VM& vm, ClassObj* cls, Value v) {
  if (cls == vm.t.int_) return v;
  SmallLimbs buf;
  IntRef r;
  int_ref(v, buf, &r);
  BigIntObj* o = vm.heap.make<BigIntObj>(cls);
  o->negative = r.neg;
  o->digits.assign(r.d, r.d + r.n);
  return Value::object(o);
}

// mirrors Objects/abstract.c PyNumber_Long.
static Value number_long(VM& vm, Value x) {
  if (is_int(x)) return number_index(vm, x);
  double d;
  if (float_value(vm, x, &d)) return int_from_double(vm, d);
  if (x.is_obj() && x.o->kind == Kind::Str) {
    auto* s = static_cast<StrObj*>(x.o);
    if (s->ascii) return parse_int(vm, s->view(), 10, x);
    return parse_int(vm, ascii_number_text(s->view()), 10, x);
  }
  std::string_view raw;
  if (x.is_obj() && x.o->kind != Kind::Str && bytes_like(vm, x, &raw)) return parse_int(vm, raw, 10, x);
  Value r = call_special(vm, x, vm.n.__int__, nullptr, 0);
  if (r.is_error()) return r;
  if (!r.is_undef()) {
    if (!is_int(r)) return vm.raisef(vm.t.TypeError, "__int__ returned non-int (type %s)", type_name(vm, r).c_str());
    return number_index(vm, r);
  }
  r = call_special(vm, x, vm.n.__index__, nullptr, 0);
  if (r.is_error()) return r;
  if (!r.is_undef()) {
    if (!is_int(r)) return vm.raisef(vm.t.TypeError, "__index__ returned non-int (type %s)", type_name(vm, r).c_str());
    return number_index(vm, r);
  }
  r = call_special(vm, x, vm.intern("__trunc__"), nullptr, 0);
  if (r.is_error()) return r;
  if (!r.is_undef()) {
    if (is_int(r)) return number_index(vm, r);
    Value i = call_special(vm, r, vm.n.__index__, nullptr, 0);
    if (i.is_error()) return i;
    if (i.is_undef() || !is_int(i))
      return vm.raisef(vm.t.TypeError, "__trunc__ returned non-Integral (type %s)", type_name(vm, r).c_str());
    return number_index(vm, i);
  }
  return vm.raisef(vm.t.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                   type_name(vm, x).c_str());
}

// mirrors Objects/longobject.c long_new_impl.
static Value int_new(VM& vm, ClassObj* cls, CallArgs& a) {
  Value args[2];
  if (!bind_args(vm, a, "int", {"x=", "/", "base="}, args)) return Value::error();
  Value x = args[0], base = args[1];
  if (x.is_undef()) {
    if (!base.is_undef()) return vm.raise(vm.t.TypeError, "int() missing string argument");
    return int_as_class(vm, cls, Value::integer(0));
  }
  Value r;
  if (base.is_undef()) {
    r = number_long(vm, x);
  } else {
    Value b = number_index(vm, base);
    if (b.is_error()) return b;
    int64_t bv;
    if (!int_fits_i64(b, &bv) || (bv != 0 && (bv < 2 || bv > 36)))
      return vm.raise(vm.t.ValueError, "int() base must be >= 2 and <= 36, or 0");
    std::string_view raw;
    if (x.is_obj() && x.o->kind == Kind::Str) {
      auto* s = static_cast<StrObj*>(x.o);
      r = parse_int(vm, s->ascii ? std::string(s->view()) : ascii_number_text(s->view()), int(bv), x);
    } else if (x.is_obj() && bytes_like(vm, x, &raw)) {
      r = parse_int(vm, raw, int(bv), x);
    } else {
      return vm.raise(vm.t.TypeError, "int() can't convert non-string with explicit base");
    }
  }
  if (r.is_error()) return r;
  return int_as_class(vm, cls, r);
}

// ---- methods --------------------------------------------------------------------------------

// The receiver check of int's methods, then their argument count as CPython words it: a
// METH_NOARGS or METH_O method "int.NAME() takes ...", a slot wrapper (__index__, __float__,
// __int__) "expected 0 arguments, got N", a METH_VARARGS one "NAME expected at most ...".
enum class IntMethod : uint8_t { Method, SlotWrapper };

static bool self_int(VM& vm, CallArgs& a, const char* name, uint32_t min_args, uint32_t max_args,
                     IntMethod kind = IntMethod::Method) {
  if (a.nargs < 1) {
    if (kind == IntMethod::SlotWrapper)
      vm.raisef(vm.t.TypeError, "descriptor '%s' of 'int' object needs an argument", name);
    else
      vm.raisef(vm.t.TypeError, "unbound method int.%s() needs an argument", name);
    return false;
  }
  if (!is_int(a[0])) {
    vm.raisef(vm.t.TypeError, "descriptor '%s' for 'int' objects doesn't apply to a '%s' object", name,
              type_name(vm, a[0]).c_str());
    return false;
  }
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames};
  if (kind == IntMethod::SlotWrapper && rest.nkw() == 0 && rest.nargs != min_args) {
    vm.raisef(vm.t.TypeError, "expected %u argument%s, got %u", min_args, min_args == 1 ? "" : "s", rest.nargs);
    return false;
  }
  std::string qualname = min_args == max_args ? std::string("int.") + name : std::string(name);
  return check_nargs(vm, rest, qualname, min_args, max_args);
}

#define INT_SELF(name, lo, hi, ...) \
  if (!self_int(vm, a, name, lo, hi, ##__VA_ARGS__)) return Value::error();

static Value int_bit_length(VM& vm, CallArgs& a) {
  INT_SELF("bit_length", 0, 0);
  SmallLimbs buf;
  IntRef r;
  int_ref(a[0], buf, &r);
  return Value::integer(int64_t(bigint::bit_length(r)));
}

static Value int_bit_count(VM& vm, CallArgs& a) {
  INT_SELF("bit_count", 0, 0);
  SmallLimbs buf;
  IntRef r;
  int_ref(a[0], buf, &r);
  return Value::integer(int64_t(bigint::bit_count(r)));
}

// __index__ and __int__ are slot wrappers; __trunc__, __floor__ and __ceil__ methods.
static Value int_self_value(VM& vm, CallArgs& a, const char* name, IntMethod kind) {
  INT_SELF(name, 0, 0, kind);
  return number_index(vm, a[0]);
}
static Value int_index(VM& vm, CallArgs& a) { return int_self_value(vm, a, "__index__", IntMethod::SlotWrapper); }
static Value int_int(VM& vm, CallArgs& a) { return int_self_value(vm, a, "__int__", IntMethod::SlotWrapper); }
static Value int_trunc(VM& vm, CallArgs& a) { return int_self_value(vm, a, "__trunc__", IntMethod::Method); }
static Value int_floor(VM& vm, CallArgs& a) { return int_self_value(vm, a, "__floor__", IntMethod::Method); }
static Value int_ceil(VM& vm, CallArgs& a) { return int_self_value(vm, a, "__ceil__", IntMethod::Method); }

static Value int_float(VM& vm, CallArgs& a) {
  INT_SELF("__float__", 0, 0, IntMethod::SlotWrapper);
  double d;
  if (!int_to_double(vm, a[0], &d)) return Value::error();
  return Value::real(d);
}

static Value int_as_integer_ratio(VM& vm, CallArgs& a) {
  INT_SELF("as_integer_ratio", 0, 0);
  Value v = number_index(vm, a[0]);
  if (v.is_error()) return v;
  return Value::object(vm.tuple_of({v, Value::integer(1)}));
}

static Value int_getnewargs(VM& vm, CallArgs& a) {
  INT_SELF("__getnewargs__", 0, 0);
  Value v = number_index(vm, a[0]);
  if (v.is_error()) return v;
  return Value::object(vm.tuple_of({v}));
}

// mirrors Objects/longobject.c long_round / _PyLong_DivmodNear.
Value int_round(VM& vm, Value v, Value ndigits) {
  Value self = number_index(vm, v);
  if (self.is_error() || ndigits.is_undef() || ndigits.is_none()) return self;
  Value nd = number_index(vm, ndigits);
  if (nd.is_error()) return nd;
  SmallLimbs bn;
  IntRef rn;
  int_ref(nd, bn, &rn);
  if (!rn.neg) return self;
  int64_t places;
  if (!bigint::fits_i64(rn, &places) || places < -100000) return Value::integer(0);
  // result = self - divmod_near(self, 10**-ndigits)[1]
  BigInt pow10 = bigint::pow(BigInt::from_i64(10).ref(), uint64_t(-places));
  SmallLimbs bs;
  IntRef rs;
  int_ref(self, bs, &rs);
  BigInt q, r;
  bigint::divmod_floor(rs, pow10.ref(), &q, &r);
  // divmod_near: round the quotient half to even.
  BigInt twice = bigint::lshift(r.ref(), 1);
  int c = bigint::cmp(twice.ref(), pow10.ref());
  bool q_odd = !q.is_zero() && (q.mag[0] & 1);
  if (c > 0 || (c == 0 && q_odd)) r = bigint::sub(r.ref(), pow10.ref());
  return make_int(vm, bigint::sub(rs, r.ref()));
}

static Value int_round_method(VM& vm, CallArgs& a) {
  INT_SELF("__round__", 0, 1);
  return int_round(vm, a[0], a.nargs > 1 ? a[1] : Value());
}

static Value int_format_method(VM& vm, CallArgs& a) {
  INT_SELF("__format__", 1, 1);
  if (!a[1].is_obj() || a[1].o->kind != Kind::Str)
    return vm.raisef(vm.t.TypeError, "__format__() argument must be str, not %s", type_name(vm, a[1]).c_str());
  return format_int(vm, a[0], static_cast<StrObj*>(a[1].o)->view());
}

static int byteorder_arg(VM& vm, Value v, const char* fn) {
  if (v.is_undef()) return 1;  // 'big'
  if (!v.is_obj() || v.o->kind != Kind::Str) {
    vm.raisef(vm.t.TypeError, "%s() argument 'byteorder' must be str, not %s", fn, type_name(vm, v).c_str());
    return -1;
  }
  std::string_view s = static_cast<StrObj*>(v.o)->view();
  if (s == "big") return 1;
  if (s == "little") return 0;
  vm.raise(vm.t.ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

// mirrors Objects/longobject.c int_to_bytes_impl.
static Value int_to_bytes(VM& vm, CallArgs& a) {
  if (a.nargs < 1 || !is_int(a[0])) return vm.raise(vm.t.TypeError, "descriptor 'to_bytes' requires an 'int' object");
  Value args[3];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "to_bytes", {"length=", "byteorder=", "*", "signed="},
                 args))
    return Value::error();
  int64_t length = 1;
  if (!args[0].is_undef()) {
    Value l = number_index(vm, args[0]);
    if (l.is_error()) return l;
    if (!int_fits_i64(l, &length)) return vm.raise(vm.t.OverflowError, "Python int too large to convert to C ssize_t");
    if (length < 0) return vm.raise(vm.t.ValueError, "length argument must be non-negative");
  }
  int big = byteorder_arg(vm, args[1], "to_bytes");
  if (big < 0) return Value::error();
  bool is_signed = false;
  if (!args[2].is_undef()) {
    int t = op_truth(vm, args[2]);
    if (t < 0) return Value::error();
    is_signed = t;
  }
  SmallLimbs buf;
  IntRef r;
  int_ref(a[0], buf, &r);
  if (r.neg && !is_signed) return vm.raise(vm.t.OverflowError, "can't convert negative int to unsigned");
  // Two's complement in `length` bytes; check the value fits.
  uint64_t bits = bigint::bit_length(r);
  bool fits;
  if (!is_signed) {
    fits = bits <= uint64_t(length) * 8;
  } else if (!r.neg) {
    fits = bits < uint64_t(length) * 8 || (bits == 0);
  } else {
    // -2**(8n-1) <= v: |v| <= 2**(8n-1)
    uint64_t limit_bits = uint64_t(length) * 8;
    fits = limit_bits > 0 && (bits < limit_bits || (bits == limit_bits && bigint::trailing_zeros(r) == bits - 1));
  }
  if (!fits) return vm.raise(vm.t.OverflowError, "int too big to convert");
  std::string out(size_t(length), '\0');
  // Little-endian bytes of the magnitude, then negate in two's complement if negative.
  for (size_t i = 0; i < size_t(length) && i / 4 < r.n; i++) out[i] = char((r.d[i / 4] >> (8 * (i % 4))) & 0xff);
  if (r.neg) {
    int carry = 1;
    for (size_t i = 0; i < out.size(); i++) {
      int b = (~(unsigned char)out[i] & 0xff) + carry;
      out[i] = char(b & 0xff);
      carry = b >> 8;
    }
  }
  if (big) std::reverse(out.begin(), out.end());
  return Value::object(vm.new_bytes(out));
}

// mirrors Objects/longobject.c int_from_bytes_impl (a classmethod: args[0] is the class).
static Value int_from_bytes(VM& vm, CallArgs& a) {
  Value args[3];
  if (a.nargs < 1) return vm.raise(vm.t.TypeError, "from_bytes() missing class");
  ClassObj* cls = a[0].is_obj() && a[0].o->kind == Kind::Class ? static_cast<ClassObj*>(a[0].o) : vm.t.int_;
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "from_bytes", {"bytes", "byteorder=", "*", "signed="},
                 args))
    return Value::error();
  int big = byteorder_arg(vm, args[1], "from_bytes");
  if (big < 0) return Value::error();
  bool is_signed = false;
  if (!args[2].is_undef()) {
    int t = op_truth(vm, args[2]);
    if (t < 0) return Value::error();
    is_signed = t;
  }
  std::string data;
  Value src = args[0];
  std::string_view raw;
  if (src.is_obj() && src.o->kind != Kind::Str && bytes_like(vm, src, &raw)) {
    data = std::string(raw);
  } else if (src.is_obj() && src.o->kind == Kind::Str) {
    return vm.raise(vm.t.TypeError, "cannot convert 'str' object to bytes");
  } else {
    if (!vm.type_of(src)->slots.iter)
      return vm.raisef(vm.t.TypeError, "cannot convert '%s' object to bytes", type_name(vm, src).c_str());
    bool ok = op_for_each(vm, src, [&](Value item) {
      int64_t b;
      if (!is_int(item)) {
        vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, item).c_str());
        return -1;
      }
      if (!int_fits_i64(item, &b) || b < 0 || b > 255) {
        vm.raise(vm.t.ValueError, "bytes must be in range(0, 256)");
        return -1;
      }
      data += char(b);
      return 1;
    });
    if (!ok) return Value::error();
  }
  if (big) std::reverse(data.begin(), data.end());  // now little-endian
  BigInt v;
  v.mag.assign((data.size() + 3) / 4, 0);
  for (size_t i = 0; i < data.size(); i++) v.mag[i / 4] |= uint32_t((unsigned char)data[i]) << (8 * (i % 4));
  v.normalize();
  if (is_signed && !data.empty() && ((unsigned char)data.back() & 0x80)) {
    // Negative: value - 2**(8 * len).
    BigInt full = bigint::lshift(BigInt::from_i64(1).ref(), uint64_t(data.size()) * 8);
    v = bigint::sub(v.ref(), full.ref());
  }
  Value r = make_int(vm, std::move(v));
  if (cls == vm.t.int_) return r;
  return vm.call(Value::object(cls), {r});
}

static Value int_conjugate(VM& vm, CallArgs& a) {
  INT_SELF("conjugate", 0, 0);
  return number_index(vm, a[0]);
}

static Value int_real(VM& vm, CallArgs& a) { return number_index(vm, a.nargs ? a[0] : Value::integer(0)); }
static Value int_imag(VM&, CallArgs&) { return Value::integer(0); }
static Value int_one(VM&, CallArgs&) { return Value::integer(1); }

// ---- operator dunders shared by int and float -----------------------------------------------

namespace {

constexpr int kReflected = 64;

Value number_dunder(VM& vm, CallArgs& a) {
  NativeFunctionObj* fn = vm.calling_native;
  int code = int(fn->data.i);
  ClassObj* owner = fn->owner;
  BinOp op = BinOp(code & 63);
  bool reflected = code & kReflected;
  const std::string name = fn->name->str();
  if (a.nargs < 1 || !vm.isinstance(a[0], owner)) {
    if (a.nargs < 1)
      return vm.raisef(vm.t.TypeError, "descriptor '%s' of '%s' object needs an argument", name.c_str(),
                       owner->name->str().c_str());
    return vm.raisef(vm.t.TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name.c_str(),
                     owner->name->str().c_str(), type_name(vm, a[0]).c_str());
  }
  uint32_t max = op == BinOp::Power ? 3 : 2;
  if (a.nkw()) return vm.raisef(vm.t.TypeError, "%s() takes no keyword arguments", name.c_str());
  if (a.nargs < 2 || a.nargs > max) {
    if (max == 2) return vm.raisef(vm.t.TypeError, "expected 1 argument, got %u", a.nargs - 1);
    return vm.raisef(vm.t.TypeError, "expected 1 or 2 arguments, got %u", a.nargs - 1);
  }
  Value self = a[0], other = a[1];
  // int's methods only take ints; float's take ints and floats.
  bool other_ok = is_int(other);
  double dummy;
  if (owner != vm.t.int_ && owner != vm.t.bool_) other_ok = other_ok || float_value(vm, other, &dummy);
  if (!other_ok) return vm.not_implemented;
  Value x = reflected ? other : self, y = reflected ? self : other;
  if (a.nargs == 3 && !a[2].is_none()) {
    if (owner == vm.t.float_) return vm.raise(vm.t.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (!is_int(a[2])) return vm.not_implemented;
    return int_pow_mod(vm, x, y, a[2]);
  }
  if (owner == vm.t.int_ || owner == vm.t.bool_) {
    if (owner == vm.t.bool_ || !(x.is_bool() && y.is_bool())) {
      return number_binop(vm, x, y, op);
    }
    // int.__and__(True, False) is an int, unlike True & False.
    return int_binop(vm, Value::integer(x.b), Value::integer(y.b), op);
  }
  return number_binop(vm, x, y, op);
}

Value number_divmod_dunder(VM& vm, CallArgs& a) {
  NativeFunctionObj* fn = vm.calling_native;
  bool reflected = fn->data.i != 0;
  ClassObj* owner = fn->owner;
  if (a.nargs != 2 || !vm.isinstance(a[0], owner)) return vm.raise(vm.t.TypeError, "expected 1 argument");
  double dummy;
  bool ok = is_int(a[1]) || (owner == vm.t.float_ && float_value(vm, a[1], &dummy));
  if (!ok) return vm.not_implemented;
  return reflected ? number_divmod(vm, a[1], a[0]) : number_divmod(vm, a[0], a[1]);
}

Value number_unary_dunder(VM& vm, CallArgs& a) {
  NativeFunctionObj* fn = vm.calling_native;
  UnaryOp op = UnaryOp(fn->data.i);
  ClassObj* owner = fn->owner;
  if (a.nargs != 1 || !vm.isinstance(a[0], owner))
    return vm.raisef(vm.t.TypeError, "expected 0 arguments, got %u", a.nargs ? a.nargs - 1 : 0);
  double d;
  if (float_value(vm, a[0], &d)) return float_unary(vm, d, op);
  return int_unary(vm, a[0], op);
}

Value number_bool_dunder(VM& vm, CallArgs& a) {
  if (a.nargs != 1) return vm.raise(vm.t.TypeError, "expected 0 arguments");
  int t = op_truth(vm, a[0]);
  return t < 0 ? Value::error() : Value::boolean(t);
}

}  // namespace

void def_number_property(VM& vm, ClassObj* cls, const char* name, NativeFn getter) {
  PropertyObj* p = vm.heap.make<PropertyObj>(vm.t.property);
  p->fget = Value::object(vm.new_native(name, getter));
  cls->dict->set_str(vm.intern(name), Value::object(p));
}

void def_binop_dunders(VM& vm, ClassObj* cls) {
  const BinOp ops[] = {BinOp::Add,      BinOp::Subtract, BinOp::Multiply, BinOp::TrueDivide, BinOp::FloorDivide,
                       BinOp::Remainder, BinOp::Power,   BinOp::LShift,   BinOp::RShift,     BinOp::And,
                       BinOp::Or,       BinOp::Xor};
  bool is_float = cls == vm.t.float_;
  for (BinOp op : ops) {
    bool bitwise = op == BinOp::LShift || op == BinOp::RShift || op == BinOp::And || op == BinOp::Or || op == BinOp::Xor;
    if (is_float && bitwise) continue;
    NativeFunctionObj* f = vm.def_method(cls, binop_dunder(op), number_dunder);
    f->data = Value::integer(int(op));
    NativeFunctionObj* r = vm.def_method(cls, binop_rdunder(op), number_dunder);
    r->data = Value::integer(int(op) | kReflected);
  }
  vm.def_method(cls, "__divmod__", number_divmod_dunder)->data = Value::integer(0);
  vm.def_method(cls, "__rdivmod__", number_divmod_dunder)->data = Value::integer(1);
  vm.def_method(cls, "__neg__", number_unary_dunder)->data = Value::integer(int(UnaryOp::Negative));
  vm.def_method(cls, "__pos__", number_unary_dunder)->data = Value::integer(int(UnaryOp::Positive));
  vm.def_method(cls, "__abs__", number_unary_dunder)->data = Value::integer(int(UnaryOp::Abs));
  if (!is_float) vm.def_method(cls, "__invert__", number_unary_dunder)->data = Value::integer(int(UnaryOp::Invert));
  vm.def_method(cls, "__bool__", number_bool_dunder);
}

// ---- bool -----------------------------------------------------------------------------------

static Value bool_new(VM& vm, ClassObj*, CallArgs& a) {
  if (a.nkw()) return vm.raise(vm.t.TypeError, "bool() takes no keyword arguments");
  if (a.nargs > 1) return vm.raisef(vm.t.TypeError, "bool expected at most 1 argument, got %u", a.nargs);
  if (a.nargs == 0) return Value::boolean(false);
  int t = op_truth(vm, a[0]);
  if (t < 0) return Value::error();
  return Value::boolean(t);
}

void init_int_methods(VM& vm) {
  ClassObj* c = vm.t.int_;
  c->slots.new_ = int_new;
  vm.def_method(c, "bit_length", int_bit_length);
  vm.def_method(c, "bit_count", int_bit_count);
  vm.def_method(c, "to_bytes", int_to_bytes);
  NativeFunctionObj* fb = vm.new_native("from_bytes", int_from_bytes);
  c->dict->set_str(vm.intern("from_bytes"),
                   Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(fb))));
  vm.def_method(c, "as_integer_ratio", int_as_integer_ratio);
  vm.def_method(c, "conjugate", int_conjugate);
  vm.def_method(c, "__index__", int_index);
  vm.def_method(c, "__int__", int_int);
  vm.def_method(c, "__trunc__", int_trunc);
  vm.def_method(c, "__floor__", int_floor);
  vm.def_method(c, "__ceil__", int_ceil);
  vm.def_method(c, "__float__", int_float);
  vm.def_method(c, "__round__", int_round_method);
  vm.def_method(c, "__format__", int_format_method);
  vm.def_method(c, "__getnewargs__", int_getnewargs);
  def_number_property(vm, c, "real", int_real);
  def_number_property(vm, c, "imag", int_imag);
  def_number_property(vm, c, "numerator", int_real);
  def_number_property(vm, c, "denominator", int_one);
  def_binop_dunders(vm, c);
  ClassObj* b = vm.t.bool_;
  b->slots.new_ = bool_new;
  for (BinOp op : {BinOp::And, BinOp::Or, BinOp::Xor}) {
    vm.def_method(b, binop_dunder(op), number_dunder)->data = Value::integer(int(op));
    vm.def_method(b, binop_rdunder(op), number_dunder)->data = Value::integer(int(op) | kReflected);
  }
}

}  // namespace looplab
