// int arithmetic, comparison, hashing and text, plus the shared entry points number_binop and
// number_compare. Small ints (int64 inline Values) never allocate; results that do not fit
// int64 become BigIntObj (mirrors Objects/longobject.c).
#include <charconv>
#include <cmath>

#include "lang/vm.h"
#include "runtime/builtin_types.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

int64_t int_max_str_digits = 4300;

// ---- views and construction -----------------------------------------------------------------

bool is_int(const Value& v) { return v.is_int() || v.is_bool() || (v.is_obj() && v.o->kind == Kind::BigInt); }

bool int_ref(const Value& v, SmallLimbs& buf, IntRef* out) {
  if (v.is_int()) {
    *out = buf.ref(v.i);
    return true;
  }
  if (v.is_bool()) {
    *out = buf.ref(v.b);
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    auto* b = static_cast<BigIntObj*>(v.o);
    *out = {b->digits.data(), b->digits.size(), b->negative};
    return true;
  }
  return false;
}

bool int_fits_i64(const Value& v, int64_t* out) {
  if (small_int(v, out)) return true;
  SmallLimbs buf;
  IntRef r;
  if (!int_ref(v, buf, &r)) return false;
  return bigint::fits_i64(r, out);
}

Value make_int(VM& vm, BigInt&& b) {
  int64_t small;
  if (bigint::fits_i64(b.ref(), &small)) return Value::integer(small);
  BigIntObj* o = vm.heap.make<BigIntObj>(vm.t.int_);
  o->negative = b.neg;
  o->digits = std::move(b.mag);
  return Value::object(o);
}

Value make_int_u64(VM& vm, uint64_t v) {
  if (v <= uint64_t(INT64_MAX)) return Value::integer(int64_t(v));
  return make_int(vm, BigInt::from_u64(v));
}

bool float_value(VM& vm, const Value& v, double* out) {
  if (v.is_float()) {
    *out = v.f;
    return true;
  }
  if (v.is_obj() && v.o->kind == Kind::Other && v.o->cls->is_subclass_of(vm.t.float_)) {
    *out = static_cast<FloatObj*>(v.o)->value;
    return true;
  }
  return false;
}

Value number_index(VM& vm, Value v) {
  if (v.is_int()) return v;
  if (v.is_bool()) return Value::integer(v.b);
  if (v.is_obj() && v.o->kind == Kind::BigInt) {
    if (v.o->cls == vm.t.int_) return v;
    SmallLimbs buf;
    IntRef r;
    int_ref(v, buf, &r);
    return make_int(vm, BigInt{r.neg, Limbs(r.d, r.d + r.n)});
  }
  Value r = call_special(vm, v, vm.n.__index__, nullptr, 0);
  if (r.is_error()) return r;
  if (r.is_undef())
    return vm.raisef(vm.t.TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, v).c_str());
  if (!is_int(r))
    return vm.raisef(vm.t.TypeError, "__index__ returned non-int (type %s)", type_name(vm, r).c_str());
  return number_index(vm, r);
}

bool int_to_double(VM& vm, Value v, double* out) {
  int64_t small;
  if (small_int(v, &small)) {
    *out = double(small);
    return true;
  }
  SmallLimbs buf;
  IntRef r;
  int_ref(v, buf, &r);
  bool overflow;
  *out = bigint::to_double(r, &overflow);
  if (overflow) {
    vm.raise(vm.t.OverflowError, "int too large to convert to float");
    return false;
  }
  return true;
}

bool number_to_double(VM& vm, const Value& v, double* out, bool* is_number) {
  *is_number = true;
  if (float_value(vm, v, out)) return true;
  if (is_int(v)) return int_to_double(vm, v, out);
  *is_number = false;
  return false;
}

std::string int_to_text(const Value& v, int base) {
  SmallLimbs buf;
  IntRef r;
  if (!int_ref(v, buf, &r)) return "";
  std::string digits = bigint::to_string(IntRef{r.d, r.n, false}, base);
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  return (r.neg ? "-" : "") + std::string(prefix) + digits;
}

static Value str_digits_error(VM& vm) {
  return vm.raisef(vm.t.ValueError,
                   "Exceeds the limit (%lld digits) for integer string conversion; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   (long long)int_max_str_digits);
}

// mirrors Objects/longobject.c long_to_decimal_string (with the int_max_str_digits check).
Value int_to_str_checked(VM& vm, const Value& v) {
  int64_t small;
  if (small_int(v, &small)) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, small);
    return strimpl::make_ascii(vm, std::string_view(digits, size_t(end - digits)));
  }
  SmallLimbs buf;
  IntRef r;
  int_ref(v, buf, &r);
  if (int_max_str_digits > 0 && bigint::decimal_digits_lower_bound(r) > uint64_t(int_max_str_digits))
    return str_digits_error(vm);
  std::string s = bigint::to_string(r, 10);
  if (int_max_str_digits > 0 && int64_t(s.size() - (r.neg ? 1 : 0)) > int_max_str_digits) return str_digits_error(vm);
  return vm.str(s);
}

// Raises MemoryError when an int of `bits` bits could not be held within the heap limit.
static bool check_int_bits(VM& vm, double bits) {
  if (bits / 8 > double(vm.heap.limit)) {
    vm.raise(vm.t.MemoryError, "");
    return false;
  }
  return true;
}

// ---- int arithmetic -------------------------------------------------------------------------

static BinOp plain(BinOp op) { return int(op) >= 13 ? BinOp(int(op) - 13) : op; }

static bool pow_i64(int64_t base, uint64_t exp, int64_t* out) {
  int64_t result = 1;
  for (;;) {
    if ((exp & 1) && __builtin_mul_overflow(result, base, &result)) return false;
    exp >>= 1;
    if (!exp) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

// Small-int fast paths; Undef when the result needs a big int.
static Value small_binop(VM& vm, int64_t x, int64_t y, BinOp op) {
  int64_t r;
  switch (op) {
    case BinOp::Add:
      if (!__builtin_add_overflow(x, y, &r)) return Value::integer(r);
      return Value();
    case BinOp::Subtract:
      if (!__builtin_sub_overflow(x, y, &r)) return Value::integer(r);
      return Value();
    case BinOp::Multiply:
      if (!__builtin_mul_overflow(x, y, &r)) return Value::integer(r);
      return Value();
    case BinOp::FloorDivide: {
      if (y == 0) return vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
      if (x == INT64_MIN && y == -1) return Value();
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
      return Value::integer(q);
    }
    case BinOp::Remainder: {
      if (y == 0) return vm.raise(vm.t.ZeroDivisionError, "integer modulo by zero");
      if (y == -1) return Value::integer(0);
      int64_t m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      return Value::integer(m);
    }
    case BinOp::TrueDivide: {
      if (y == 0) return vm.raise(vm.t.ZeroDivisionError, "division by zero");
      const int64_t kExact = int64_t(1) << 53;
      if (x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) return Value::real(double(x) / double(y));
      return Value();
    }
    case BinOp::Power: {
      if (y < 0) {
        if (x == 0) return vm.raise(vm.t.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_pow(vm, double(x), double(y));
      }
      if (pow_i64(x, uint64_t(y), &r)) return Value::integer(r);
      return Value();
    }
    case BinOp::LShift:
      if (y < 0) return vm.raise(vm.t.ValueError, "negative shift count");
      if (x == 0) return Value::integer(0);
      if (y < 63) {
        int64_t shifted = int64_t(uint64_t(x) << y);
        if ((shifted >> y) == x) return Value::integer(shifted);
      }
      return Value();
    case BinOp::RShift:
      if (y < 0) return vm.raise(vm.t.ValueError, "negative shift count");
      if (y >= 64) return Value::integer(x < 0 ? -1 : 0);
      return Value::integer(x >> y);
    case BinOp::And: return Value::integer(x & y);
    case BinOp::Or: return Value::integer(x | y);
    case BinOp::Xor: return Value::integer(x ^ y);
    default: return vm.not_implemented;
  }
}

// mirrors Objects/longobject.c long_pow for large values (two arguments).
static Value big_pow(VM& vm, Value a, IntRef ra, IntRef rb) {
  if (rb.neg) {
    if (ra.n == 0) return vm.raise(vm.t.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    double x, y;
    if (!int_to_double(vm, a, &x)) return Value::error();
    bool overflow;
    y = bigint::to_double(rb, &overflow);
    if (overflow) y = -INFINITY;
    return float_pow(vm, x, y);
  }
  // 0, 1 and -1 to any power stay small; otherwise the exponent must be modest.
  if (ra.n == 0) return Value::integer(rb.n == 0 ? 1 : 0);
  if (ra.n == 1 && ra.d[0] == 1) return Value::integer(ra.neg && rb.n && (rb.d[0] & 1) ? -1 : 1);
  int64_t e;
  if (!bigint::fits_i64(rb, &e)) return vm.raise(vm.t.MemoryError, "");
  if (!check_int_bits(vm, double(bigint::bit_length(ra) - 1) * double(e))) return Value::error();
  return make_int(vm, bigint::pow(ra, uint64_t(e)));
}

Value int_binop(VM& vm, Value a, Value b, BinOp op) {
  op = plain(op);
  int64_t x, y;
  if (small_int(a, &x) && small_int(b, &y)) {
    Value r = small_binop(vm, x, y, op);
    if (!r.is_undef()) return r;
  }
  SmallLimbs ba, bb;
  IntRef ra, rb;
  int_ref(a, ba, &ra);
  int_ref(b, bb, &rb);
  switch (op) {
    case BinOp::Add: return make_int(vm, bigint::add(ra, rb));
    case BinOp::Subtract: return make_int(vm, bigint::sub(ra, rb));
    case BinOp::Multiply:
      if (!check_int_bits(vm, double(ra.n + rb.n) * 32)) return Value::error();
      return make_int(vm, bigint::mul(ra, rb));
    case BinOp::FloorDivide: {
      if (rb.n == 0) return vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
      BigInt q;
      bigint::divmod_floor(ra, rb, &q, nullptr);
      return make_int(vm, std::move(q));
    }
    case BinOp::Remainder: {
      if (rb.n == 0) return vm.raise(vm.t.ZeroDivisionError, "integer modulo by zero");
      BigInt r;
      bigint::divmod_floor(ra, rb, nullptr, &r);
      return make_int(vm, std::move(r));
    }
    case BinOp::TrueDivide: {
      if (rb.n == 0) return vm.raise(vm.t.ZeroDivisionError, "division by zero");
      bool overflow;
      double d = bigint::true_divide(ra, rb, &overflow);
      if (overflow) return vm.raise(vm.t.OverflowError, "integer division result too large for a float");
      return Value::real(d);
    }
    case BinOp::Power: return big_pow(vm, a, ra, rb);
    case BinOp::LShift: {
      if (rb.neg) return vm.raise(vm.t.ValueError, "negative shift count");
      if (ra.n == 0) return Value::integer(0);
      int64_t s;
      if (!bigint::fits_i64(rb, &s)) return vm.raise(vm.t.OverflowError, "too many digits in integer");
      if (!check_int_bits(vm, double(bigint::bit_length(ra)) + double(s))) return Value::error();
      return make_int(vm, bigint::lshift(ra, uint64_t(s)));
    }
    case BinOp::RShift: {
      if (rb.neg) return vm.raise(vm.t.ValueError, "negative shift count");
      int64_t s;
      if (!bigint::fits_i64(rb, &s) || uint64_t(s) >= bigint::bit_length(ra))
        return Value::integer(ra.neg ? -1 : 0);
      return make_int(vm, bigint::rshift(ra, uint64_t(s)));
    }
    case BinOp::And: return make_int(vm, bigint::bit_and(ra, rb));
    case BinOp::Or: return make_int(vm, bigint::bit_or(ra, rb));
    case BinOp::Xor: return make_int(vm, bigint::bit_xor(ra, rb));
    default: return vm.not_implemented;
  }
}

Value int_unary(VM& vm, Value v, UnaryOp op) {
  int64_t x;
  if (small_int(v, &x)) {
    switch (op) {
      case UnaryOp::Negative:
        if (x != INT64_MIN) return Value::integer(-x);
        break;
      case UnaryOp::Positive: return Value::integer(x);
      case UnaryOp::Invert: return Value::integer(~x);
      case UnaryOp::Abs:
        if (x != INT64_MIN) return Value::integer(x < 0 ? -x : x);
        break;
    }
  }
  SmallLimbs buf;
  IntRef r;
  int_ref(v, buf, &r);
  switch (op) {
    case UnaryOp::Negative: return make_int(vm, bigint::negate(r));
    case UnaryOp::Positive: return make_int(vm, BigInt{r.neg, Limbs(r.d, r.d + r.n)});
    case UnaryOp::Invert: return make_int(vm, bigint::invert(r));
    case UnaryOp::Abs: return make_int(vm, bigint::abs(r));
  }
  return Value::error();
}

// ---- modular exponentiation -----------------------------------------------------------------

// The inverse of a modulo m (0 <= a < m, m > 1), as CPython's long_invmod; false if none.
static bool mod_inverse(IntRef a, IntRef m, BigInt* out) {
  BigInt b = BigInt{false, Limbs(a.d, a.d + a.n)}, n = BigInt{false, Limbs(m.d, m.d + m.n)};
  BigInt x0 = BigInt::from_i64(1), x1;  // coefficients of a
  while (!n.is_zero()) {
    BigInt q, r;
    bigint::divmod_floor(b.ref(), n.ref(), &q, &r);
    BigInt t = bigint::sub(x0.ref(), bigint::mul(q.ref(), x1.ref()).ref());
    x0 = std::move(x1);
    x1 = std::move(t);
    b = std::move(n);
    n = std::move(r);
  }
  if (!(b.mag.size() == 1 && b.mag[0] == 1)) return false;
  BigInt r;
  bigint::divmod_floor(x0.ref(), m, nullptr, &r);
  *out = std::move(r);
  return true;
}

// mirrors Objects/longobject.c long_pow with a modulus.
Value int_pow_mod(VM& vm, Value a, Value b, Value m) {
  if (!is_int(a) || !is_int(b) || !is_int(m)) return vm.not_implemented;
  SmallLimbs ba, bb, bm;
  IntRef ra, rb, rm;
  int_ref(a, ba, &ra);
  int_ref(b, bb, &rb);
  int_ref(m, bm, &rm);
  if (rm.n == 0) return vm.raise(vm.t.ValueError, "pow() 3rd argument cannot be 0");
  bool negative_output = rm.neg;
  rm.neg = false;
  if (rm.n == 1 && rm.d[0] == 1) return Value::integer(0);
  BigInt base;
  bigint::divmod_floor(ra, rm, nullptr, &base);
  if (rb.neg) {
    BigInt inv;
    if (!mod_inverse(base.ref(), rm, &inv)) return vm.raise(vm.t.ValueError, "base is not invertible for the given modulus");
    base = std::move(inv);
    rb.neg = false;
  }
  BigInt z;
  if (rm.n == 1 && rb.n <= 2) {
    // Modulus below 2**32: products fit in 64 bits.
    uint64_t mod = rm.d[0], e = rb.n == 0 ? 0 : rb.n == 1 ? rb.d[0] : (uint64_t(rb.d[1]) << 32) | rb.d[0];
    uint64_t acc = 1 % mod, sq = base.is_zero() ? 0 : base.mag[0];
    while (e) {
      if (e & 1) acc = acc * sq % mod;
      sq = sq * sq % mod;
      e >>= 1;
    }
    z = BigInt::from_u64(acc);
  } else {
    z = bigint::pow_mod(base.ref(), rb, rm);
  }
  if (negative_output && !z.is_zero()) z = bigint::sub(z.ref(), rm);
  return make_int(vm, std::move(z));
}

// ---- mixed dispatch -------------------------------------------------------------------------

Value number_binop(VM& vm, Value a, Value b, BinOp op) {
  bool ai = is_int(a), bi = is_int(b);
  if (ai && bi) {
    BinOp p = plain(op);
    if (a.is_bool() && b.is_bool() && (p == BinOp::And || p == BinOp::Or || p == BinOp::Xor)) {
      bool r = p == BinOp::And ? (a.b && b.b) : p == BinOp::Or ? (a.b || b.b) : (a.b != b.b);
      return Value::boolean(r);
    }
    return int_binop(vm, a, b, op);
  }
  double x, y;
  bool af = ai || float_value(vm, a, &x);
  bool bf = bi || float_value(vm, b, &y);
  if (!af || !bf) return vm.not_implemented;
  BinOp p = plain(op);
  if (p == BinOp::MatMul) return vm.not_implemented;
  if (p == BinOp::LShift || p == BinOp::RShift || p == BinOp::And || p == BinOp::Or || p == BinOp::Xor)
    return vm.not_implemented;
  if (ai && !int_to_double(vm, a, &x)) return Value::error();
  if (bi && !int_to_double(vm, b, &y)) return Value::error();
  return float_binop(vm, x, y, p);
}

int compare_int_double(IntRef i, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (bigint::bit_length(i) <= 53) {
    double x = double((uint64_t(i.n > 1 ? i.d[1] : 0) << 32) | (i.n ? i.d[0] : 0));
    if (i.neg) x = -x;
    return x < d ? -1 : x > d ? 1 : 0;
  }
  // Exact: compare with the integer part of d, then let its fraction decide a tie.
  double ip = std::trunc(d);
  BigInt di = bigint::from_double(ip);
  int c = bigint::cmp(i, di.ref());
  if (c) return c;
  double frac = d - ip;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static Value compare_result(int c, CompareOp op) {
  bool r = false;
  if (c == 2) return Value::boolean(op == CompareOp::Ne);
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return Value::boolean(r);
}

Value number_compare(VM& vm, Value a, Value b, CompareOp op) {
  bool ai = is_int(a), bi = is_int(b);
  if (ai && bi) {
    int64_t x, y;
    if (small_int(a, &x) && small_int(b, &y)) return compare_result(x < y ? -1 : x > y ? 1 : 0, op);
    SmallLimbs ba, bb;
    IntRef ra, rb;
    int_ref(a, ba, &ra);
    int_ref(b, bb, &rb);
    return compare_result(bigint::cmp(ra, rb), op);
  }
  double x = 0, y = 0;
  bool af = ai || float_value(vm, a, &x);
  bool bf = bi || float_value(vm, b, &y);
  if (!af || !bf) return vm.not_implemented;
  if (!ai && !bi) {
    if (std::isnan(x) || std::isnan(y)) return compare_result(2, op);
    return compare_result(x < y ? -1 : x > y ? 1 : 0, op);
  }
  SmallLimbs buf;
  IntRef r;
  if (ai) {
    int_ref(a, buf, &r);
    return compare_result(compare_int_double(r, y), op);
  }
  int_ref(b, buf, &r);
  int c = compare_int_double(r, x);
  return compare_result(c == 2 ? 2 : -c, op);
}

bool int_hash(VM&, Value v, int64_t* out) {
  int64_t x;
  if (small_int(v, &x)) {
    *out = hash_int(x);
    return true;
  }
  SmallLimbs buf;
  IntRef r;
  int_ref(v, buf, &r);
  *out = bigint::hash(r);
  return true;
}

// ---- slots ----------------------------------------------------------------------------------

// int's own comparison takes ints only (as long_richcompare): int == float is answered by
// float's reflected comparison, so (1).__eq__(1.0) is NotImplemented as in CPython.
static Value int_richcompare(VM& vm, Value a, Value b, CompareOp op) {
  if (!is_int(a) || !is_int(b)) return vm.not_implemented;
  return number_compare(vm, a, b, op);
}

static Value int_repr(VM& vm, Value self) { return int_to_str_checked(vm, self); }

static int int_truth(VM&, Value self) {
  int64_t x;
  if (small_int(self, &x)) return x != 0;
  SmallLimbs buf;
  IntRef r;
  int_ref(self, buf, &r);
  return r.n != 0;
}

static Value int_unary_slot(VM& vm, Value self, UnaryOp op) { return int_unary(vm, self, op); }

static Value bool_repr(VM& vm, Value self) {
  int64_t x = 0;
  small_int(self, &x);
  return vm.str(x ? "True" : "False");
}

void init_number_types(VM& vm) {
  TypeSlots& is = vm.t.int_->slots;
  is.repr = int_repr;
  is.hash = int_hash;
  is.richcompare = int_richcompare;
  is.truth = int_truth;
  is.binop = number_binop;
  is.unary = int_unary_slot;
  vm.t.bool_->slots.repr = bool_repr;
  init_int_methods(vm);
  init_float_type(vm);
  init_number_builtins(vm);
}

}  // namespace looplab
