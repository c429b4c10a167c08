// float: arithmetic with CPython's special cases and messages, rounding, conversions to int, the
// constructor and methods (mirrors Objects/floatobject.c).
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "lang/vm.h"
#include "runtime/exact_math.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"
#include "runtime/str_internal.h"

namespace looplab {

// ---- arithmetic -----------------------------------------------------------------------------

static bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// OverflowError(34, 'Numerical result out of range'), as CPython raises from errno ERANGE.
static Value range_error(VM& vm) {
  ExceptionObj* e = vm.new_exception(vm.t.OverflowError,
                                     vm.tuple_of({Value::integer(34), vm.str("Numerical result out of range")}));
  return vm.set_pending(Value::object(e));
}

// mirrors Objects/floatobject.c float_pow.
Value float_pow(VM& vm, double iv, double iw) {
  if (iw == 0) return Value::real(1.0);
  if (std::isnan(iv)) return Value::real(iv);
  if (std::isnan(iw)) return Value::real(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return Value::real(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return Value::real(std::fabs(iw));
    return Value::real(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return Value::real(odd ? iv : std::fabs(iv));
    return Value::real(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) return vm.raise(vm.t.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::real(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      return vm.raise(vm.t.ValueError, "complex numbers are not supported (negative number raised to a fractional power)");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return Value::real(negate ? -1.0 : 1.0);
  double r = libm::pow(iv, iw);
  if (std::isinf(r)) return range_error(vm);
  return Value::real(negate ? -r : r);
}

// mirrors Objects/floatobject.c _float_div_mod.
static void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Value float_binop(VM& vm, double a, double b, BinOp op) {
  switch (op) {
    case BinOp::Add: return Value::real(a + b);
    case BinOp::Subtract: return Value::real(a - b);
    case BinOp::Multiply: return Value::real(a * b);
    case BinOp::TrueDivide:
      if (b == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float division by zero");
      return Value::real(a / b);
    case BinOp::FloorDivide: {
      if (b == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float floor division by zero");
      double q, m;
      float_div_mod(a, b, &q, &m);
      return Value::real(q);
    }
    case BinOp::Remainder: {
      if (b == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float modulo");
      double m = std::fmod(a, b);
      if (m) {
        if ((b < 0) != (m < 0)) m += b;
      } else {
        m = std::copysign(0.0, b);
      }
      return Value::real(m);
    }
    case BinOp::Power: return float_pow(vm, a, b);
    default: return vm.not_implemented;
  }
}

Value number_divmod(VM& vm, Value a, Value b) {
  bool ai = is_int(a), bi = is_int(b);
  if (ai && bi) {
    int64_t x, y;
    if (small_int(a, &x) && small_int(b, &y) && !(x == INT64_MIN && y == -1)) {
      if (y == 0) return vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
      int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        m += y;
        q--;
      }
      return Value::object(vm.tuple_of({Value::integer(q), Value::integer(m)}));
    }
    SmallLimbs ba, bb;
    IntRef ra, rb;
    int_ref(a, ba, &ra);
    int_ref(b, bb, &rb);
    if (rb.n == 0) return vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
    BigInt q, r;
    bigint::divmod_floor(ra, rb, &q, &r);
    Value qv = make_int(vm, std::move(q));
    Value rv = make_int(vm, std::move(r));
    return Value::object(vm.tuple_of({qv, rv}));
  }
  double x, y;
  bool af = ai || float_value(vm, a, &x);
  bool bf = bi || float_value(vm, b, &y);
  if (!af || !bf) return vm.not_implemented;
  if (ai && !int_to_double(vm, a, &x)) return Value::error();
  if (bi && !int_to_double(vm, b, &y)) return Value::error();
  if (y == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float divmod()");
  double q, m;
  float_div_mod(x, y, &q, &m);
  return Value::object(vm.tuple_of({Value::real(q), Value::real(m)}));
}

Value float_unary(VM& vm, double d, UnaryOp op) {
  switch (op) {
    case UnaryOp::Negative: return Value::real(-d);
    case UnaryOp::Positive: return Value::real(d);
    case UnaryOp::Abs: return Value::real(std::fabs(d));
    case UnaryOp::Invert: break;
  }
  return vm.raise(vm.t.TypeError, "bad operand type for unary ~: 'float'");
}

// ---- conversions to int ---------------------------------------------------------------------

Value int_from_double(VM& vm, double d) {
  if (std::isinf(d)) return vm.raise(vm.t.OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return vm.raise(vm.t.ValueError, "cannot convert float NaN to integer");
  d = std::trunc(d);
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return Value::integer(int64_t(d));
  return make_int(vm, bigint::from_double(d));
}

Value float_floor_to_int(VM& vm, double d) { return int_from_double(vm, std::floor(d)); }
Value float_ceil_to_int(VM& vm, double d) { return int_from_double(vm, std::ceil(d)); }

// ---- rounding -------------------------------------------------------------------------------

// Rounds the decimal digit string `digits` (an integer, no sign) to a multiple of 10**places,
// half to even, where `sticky` says the true value is a bit above the digits.
static std::string round_digits(std::string digits, int places, bool sticky) {
  if (places <= 0) return digits;
  if (size_t(places) > digits.size()) {
    // Everything is below the rounding position; only a value over half could round up,
    // and that needs a digit at position `places` (absent), so the result is zero.
    return "0";
  }
  size_t keep = digits.size() - size_t(places);
  char first_dropped = digits[keep];
  bool rest_nonzero = sticky;
  for (size_t i = keep + 1; i < digits.size(); i++)
    if (digits[i] != '0') rest_nonzero = true;
  std::string head = digits.substr(0, keep);
  if (head.empty()) head = "0";
  bool up = first_dropped > '5' || (first_dropped == '5' && (rest_nonzero || ((head.back() - '0') & 1)));
  if (up) {
    int i = int(head.size()) - 1;
    while (i >= 0 && head[i] == '9') head[i--] = '0';
    if (i < 0) head.insert(head.begin(), '1');
    else head[i]++;
  }
  return head + std::string(size_t(places), '0');
}

// mirrors Objects/floatobject.c double_round (correctly rounded, half to even).
static Value double_round(VM& vm, double x, int ndigits) {
  std::string text;
  if (ndigits >= 0) {
    // printf's %f is exact and rounds half to even, as dtoa mode 3 does.
    int n = std::snprintf(nullptr, 0, "%.*f", ndigits, x);
    text.resize(size_t(n) + 1);
    std::snprintf(text.data(), text.size(), "%.*f", ndigits, x);
    text.pop_back();
  } else {
    double ax = std::fabs(x);
    double ip = std::trunc(ax);
    bool sticky = ax != ip;
    int n = std::snprintf(nullptr, 0, "%.0f", ip);
    std::string digits(size_t(n) + 1, '\0');
    std::snprintf(digits.data(), digits.size(), "%.0f", ip);
    digits.pop_back();
    text = (std::signbit(x) ? "-" : "") + round_digits(digits, -ndigits, sticky);
  }
  errno = 0;
  double r = std::strtod(text.c_str(), nullptr);
  if (std::isinf(r)) return vm.raise(vm.t.OverflowError, "rounded value too large to represent");
  if (r == 0.0) r = std::copysign(0.0, x);
  return Value::real(r);
}

Value float_round(VM& vm, double x, Value ndigits) {
  if (ndigits.is_undef() || ndigits.is_none()) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return int_from_double(vm, rounded);
  }
  Value nd = number_index(vm, ndigits);
  if (nd.is_error()) return nd;
  int64_t n;
  if (!int_fits_i64(nd, &n)) {
    SmallLimbs buf;
    IntRef r;
    int_ref(nd, buf, &r);
    n = r.neg ? INT64_MIN : INT64_MAX;
  }
  if (!std::isfinite(x)) return Value::real(x);
  const int64_t kMax = 323, kMin = -308;
  if (n > kMax) return Value::real(x);
  if (n < kMin) return Value::real(0.0 * x);
  return double_round(vm, x, int(n));
}

// ---- the float type -------------------------------------------------------------------------

static Value float_repr_slot(VM& vm, Value self) {
  double d = 0;
  float_value(vm, self, &d);
  return vm.str(float_repr(d));
}

static bool float_hash_slot(VM& vm, Value self, int64_t* out) {
  double d = 0;
  float_value(vm, self, &d);
  *out = hash_double(d);
  return true;
}

static int float_truth(VM& vm, Value self) {
  double d = 0;
  float_value(vm, self, &d);
  return d != 0.0;
}

static Value float_unary_slot(VM& vm, Value self, UnaryOp op) {
  double d = 0;
  float_value(vm, self, &d);
  return float_unary(vm, d, op);
}

static Value make_float(VM& vm, ClassObj* cls, double d) {
  if (cls == vm.t.float_) return Value::real(d);
  return Value::object(vm.heap.make<FloatObj>(cls, d));
}

// Python's float(str): surrounding whitespace allowed, then parse_float_text.
static bool float_from_text(std::string_view text, double* out) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return parse_float_text(text, out);
}

// mirrors Objects/floatobject.c float_new_impl / PyNumber_Float.
static Value float_new(VM& vm, ClassObj* cls, CallArgs& a) {
  if (a.nkw()) return vm.raise(vm.t.TypeError, "float() takes no keyword arguments");
  if (a.nargs > 1) return vm.raisef(vm.t.TypeError, "float expected at most 1 argument, got %u", a.nargs);
  if (a.nargs == 0) return make_float(vm, cls, 0.0);
  Value x = a[0];
  double d;
  if (float_value(vm, x, &d)) return make_float(vm, cls, d);
  if (is_int(x)) {
    if (!int_to_double(vm, x, &d)) return Value::error();
    return make_float(vm, cls, d);
  }
  std::string_view raw;
  if (x.is_obj() && (x.o->kind == Kind::Str || bytes_like(vm, x, &raw))) {
    std::string text = x.o->kind == Kind::Str ? ascii_number_text(static_cast<StrObj*>(x.o)->view()) : std::string(raw);
    if (!float_from_text(text, &d)) {
      std::string r;
      if (!repr_text(vm, x, r)) return Value::error();
      return vm.raisef(vm.t.ValueError, "could not convert string to float: %s", r.c_str());
    }
    return make_float(vm, cls, d);
  }
  Value r = call_special(vm, x, vm.n.__float__, nullptr, 0);
  if (r.is_error()) return r;
  if (!r.is_undef()) {
    if (!float_value(vm, r, &d))
      return vm.raisef(vm.t.TypeError, "%s.__float__ returned non-float (type %s)", type_name(vm, x).c_str(),
                       type_name(vm, r).c_str());
    return make_float(vm, cls, d);
  }
  r = call_special(vm, x, vm.n.__index__, nullptr, 0);
  if (r.is_error()) return r;
  if (!r.is_undef()) {
    if (!is_int(r))
      return vm.raisef(vm.t.TypeError, "__index__ returned non-int (type %s)", type_name(vm, r).c_str());
    if (!int_to_double(vm, r, &d)) return Value::error();
    return make_float(vm, cls, d);
  }
  return vm.raisef(vm.t.TypeError, "float() argument must be a string or a real number, not '%s'",
                   type_name(vm, x).c_str());
}

// ---- methods --------------------------------------------------------------------------------

static bool self_float(VM& vm, CallArgs& a, const char* name, double* out) {
  if (a.nargs < 1 || !float_value(vm, a[0], out)) {
    if (a.nargs < 1)
      vm.raisef(vm.t.TypeError, "descriptor '%s' of 'float' object needs an argument", name);
    else
      vm.raisef(vm.t.TypeError, "descriptor '%s' for 'float' objects doesn't apply to a '%s' object", name,
                type_name(vm, a[0]).c_str());
    return false;
  }
  return true;
}

#define FLOAT_SELF(fname, count)                           \
  double x;                                                \
  if (!self_float(vm, a, fname, &x)) return Value::error(); \
  if (!check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, fname, count, count)) return Value::error();

static Value float_is_integer(VM& vm, CallArgs& a) {
  FLOAT_SELF("is_integer", 0);
  return Value::boolean(std::isfinite(x) && std::floor(x) == x);
}

// mirrors Objects/floatobject.c float_as_integer_ratio.
static Value float_as_integer_ratio(VM& vm, CallArgs& a) {
  FLOAT_SELF("as_integer_ratio", 0);
  if (std::isinf(x)) return vm.raise(vm.t.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return vm.raise(vm.t.ValueError, "cannot convert NaN to integer ratio");
  int exponent;
  double part = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && part != std::floor(part); i++) {
    part *= 2.0;
    exponent--;
  }
  BigInt num = bigint::from_double(part);
  BigInt den = BigInt::from_i64(1);
  if (exponent > 0) num = bigint::lshift(num.ref(), uint64_t(exponent));
  else den = bigint::lshift(den.ref(), uint64_t(-exponent));
  Value n = make_int(vm, std::move(num));
  Value d = make_int(vm, std::move(den));
  return Value::object(vm.tuple_of({n, d}));
}

// mirrors Objects/floatobject.c float_hex.
static Value float_hex(VM& vm, CallArgs& a) {
  FLOAT_SELF("hex", 0);
  if (std::isnan(x) || std::isinf(x)) return vm.str(float_repr(x));
  if (x == 0.0) return vm.str(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  const char* hexd = "0123456789abcdef";
  std::string s = x < 0 ? "-0x" : "0x";
  s += hexd[int(m)];
  m -= int(m);
  s += '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
    m *= 16.0;
    int d = int(m);
    s += hexd[d];
    m -= d;
  }
  s += 'p';
  s += e < 0 ? "-" : "+";
  s += std::to_string(e < 0 ? -e : e);
  return vm.str(s);
}

// float.fromhex (mirrors float_fromhex's accepted syntax).
static Value float_fromhex(VM& vm, CallArgs& a) {
  if (!check_nargs(vm, a, "fromhex", 2, 2)) return Value::error();
  if (!a[1].is_obj() || a[1].o->kind != Kind::Str)
    return vm.raisef(vm.t.TypeError, "fromhex() argument must be str, not %s", type_name(vm, a[1]).c_str());
  ClassObj* cls = a[0].is_obj() && a[0].o->kind == Kind::Class ? static_cast<ClassObj*>(a[0].o) : vm.t.float_;
  std::string_view s = static_cast<StrObj*>(a[1].o)->view();
  auto invalid = [&]() { return vm.raise(vm.t.ValueError, "invalid hexadecimal floating-point string"); };
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  auto lower = [](std::string_view v) {
    std::string r(v);
    for (char& c : r) c = char(std::tolower((unsigned char)c));
    return r;
  };
  std::string ls = lower(s);
  if (ls == "inf" || ls == "infinity") return make_float(vm, cls, neg ? -INFINITY : INFINITY);
  if (ls == "nan") return make_float(vm, cls, neg ? -NAN : NAN);
  if (ls.size() >= 2 && ls[0] == '0' && ls[1] == 'x') ls = ls.substr(2);
  std::string digits;
  int64_t frac_digits = 0;
  size_t i = 0;
  bool seen_point = false, any = false;
  for (; i < ls.size(); i++) {
    char c = ls[i];
    if (std::isxdigit((unsigned char)c)) {
      digits += c;
      any = true;
      if (seen_point) frac_digits++;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any) return invalid();
  int64_t exp = 0;
  if (i < ls.size()) {
    if (ls[i] != 'p') return invalid();
    i++;
    bool eneg = false;
    if (i < ls.size() && (ls[i] == '+' || ls[i] == '-')) eneg = ls[i++] == '-';
    if (i >= ls.size()) return invalid();
    for (; i < ls.size(); i++) {
      if (!std::isdigit((unsigned char)ls[i])) return invalid();
      if (exp < 100000000) exp = exp * 10 + (ls[i] - '0');
    }
    if (eneg) exp = -exp;
  }
  BigInt mant = bigint::from_digits(digits, 16);
  double result = 0.0;
  if (!mant.is_zero()) {
    int64_t e2 = exp - 4 * frac_digits;
    int64_t top = int64_t(bigint::bit_length(mant.ref())) + e2;  // value < 2**top
    if (top > DBL_MAX_EXP) return vm.raise(vm.t.OverflowError, "hexadecimal value too large to represent as a float");
    // Keep 53 significant bits (fewer for subnormals) and round half to even by hand.
    int64_t keep = std::min<int64_t>(DBL_MANT_DIG, top - (DBL_MIN_EXP - DBL_MANT_DIG));
    if (keep <= -1) {
      result = 0.0;
    } else {
      int64_t drop = int64_t(bigint::bit_length(mant.ref())) - keep;
      BigInt m = mant;
      if (drop > 0) {
        BigInt q = bigint::rshift(mant.ref(), uint64_t(drop));
        BigInt back = bigint::lshift(q.ref(), uint64_t(drop));
        BigInt rem = bigint::sub(mant.ref(), back.ref());
        BigInt half = bigint::lshift(BigInt::from_i64(1).ref(), uint64_t(drop - 1));
        int c = bigint::cmp(rem.ref(), half.ref());
        bool odd = !q.is_zero() && (q.mag[0] & 1);
        if (c > 0 || (c == 0 && odd)) q = bigint::add(q.ref(), BigInt::from_i64(1).ref());
        m = std::move(q);
        e2 += drop;
      }
      bool overflow;
      double dm = bigint::to_double(m.ref(), &overflow);
      result = std::ldexp(dm, int(std::max<int64_t>(std::min<int64_t>(e2, 4000), -4000)));
      if (std::isinf(result)) return vm.raise(vm.t.OverflowError, "hexadecimal value too large to represent as a float");
    }
  }
  return make_float(vm, cls, neg ? -result : result);
}

static Value float_conjugate(VM& vm, CallArgs& a) {
  FLOAT_SELF("conjugate", 0);
  return Value::real(x);
}

static Value float_trunc(VM& vm, CallArgs& a) {
  FLOAT_SELF("__trunc__", 0);
  return int_from_double(vm, x);
}

static Value float_int(VM& vm, CallArgs& a) {
  FLOAT_SELF("__int__", 0);
  return int_from_double(vm, x);
}

static Value float_float(VM& vm, CallArgs& a) {
  FLOAT_SELF("__float__", 0);
  return Value::real(x);
}

static Value float_floor(VM& vm, CallArgs& a) {
  FLOAT_SELF("__floor__", 0);
  return float_floor_to_int(vm, x);
}

static Value float_ceil(VM& vm, CallArgs& a) {
  FLOAT_SELF("__ceil__", 0);
  return float_ceil_to_int(vm, x);
}

static Value float_round_method(VM& vm, CallArgs& a) {
  double x;
  if (!self_float(vm, a, "__round__", &x)) return Value::error();
  Value args[1];
  if (!bind_args(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "__round__", {"ndigits=", "/"}, args))
    return Value::error();
  return float_round(vm, x, args[0]);
}

static Value float_format_method(VM& vm, CallArgs& a) {
  double x;
  if (!self_float(vm, a, "__format__", &x)) return Value::error();
  if (!check_nargs(vm, CallArgs{a.args + 1, a.nargs - 1, a.kwnames}, "__format__", 1, 1)) return Value::error();
  if (!a[1].is_obj() || a[1].o->kind != Kind::Str)
    return vm.raisef(vm.t.TypeError, "__format__() argument must be str, not %s", type_name(vm, a[1]).c_str());
  return format_float(vm, x, static_cast<StrObj*>(a[1].o)->view());
}

static Value float_getnewargs(VM& vm, CallArgs& a) {
  FLOAT_SELF("__getnewargs__", 0);
  return Value::object(vm.tuple_of({Value::real(x)}));
}

static Value float_real(VM& vm, CallArgs& a) {
  double x = 0;
  if (a.nargs) float_value(vm, a[0], &x);
  return Value::real(x);
}

static Value float_imag(VM&, CallArgs&) { return Value::real(0.0); }

void def_number_property(VM& vm, ClassObj* cls, const char* name, NativeFn getter);
void def_binop_dunders(VM& vm, ClassObj* cls);

void init_float_type(VM& vm) {
  ClassObj* f = vm.t.float_;
  TypeSlots& s = f->slots;
  s.repr = float_repr_slot;
  s.hash = float_hash_slot;
  s.richcompare = number_compare;
  s.truth = float_truth;
  s.binop = number_binop;
  s.unary = float_unary_slot;
  s.new_ = float_new;
  vm.def_method(f, "is_integer", float_is_integer);
  vm.def_method(f, "as_integer_ratio", float_as_integer_ratio);
  vm.def_method(f, "hex", float_hex);
  vm.def_method(f, "conjugate", float_conjugate);
  vm.def_method(f, "__trunc__", float_trunc);
  vm.def_method(f, "__int__", float_int);
  vm.def_method(f, "__float__", float_float);
  vm.def_method(f, "__floor__", float_floor);
  vm.def_method(f, "__ceil__", float_ceil);
  vm.def_method(f, "__round__", float_round_method);
  vm.def_method(f, "__format__", float_format_method);
  vm.def_method(f, "__getnewargs__", float_getnewargs);
  NativeFunctionObj* fh = vm.new_native("fromhex", float_fromhex);
  f->dict->set_str(vm.intern("fromhex"),
                   Value::object(vm.heap.make<WrapperObj>(vm.t.classmethod, Kind::ClassMethod, Value::object(fh))));
  def_number_property(vm, f, "real", float_real);
  def_number_property(vm, f, "imag", float_imag);
  def_binop_dunders(vm, f);
}

}  // namespace looplab
