// math: CPython's math module (mirrors Modules/mathmodule.c): libm wrappers with CPython's
// domain/range errors, exact integer functions (gcd, factorial, comb, isqrt) on big ints, and
// the accurate algorithms CPython uses for fsum, hypot and dist.
#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "lang/vm.h"
#include "modules/module_inits.h"
#include "runtime/exact_math.h"
#include "runtime/number_impl.h"
#include "runtime/numbers.h"
#include "runtime/ops.h"
#include "runtime/slots.h"

namespace looplab {

namespace {

const double kPi = 3.141592653589793238462643383279502884197;
const double kE = 2.718281828459045235360287471352662498;

Value domain_error(VM& vm) { return vm.raise(vm.t.ValueError, "math domain error"); }
Value range_error(VM& vm) { return vm.raise(vm.t.OverflowError, "math range error"); }

// PyFloat_AsDouble for an argument.
bool arg_double(VM& vm, Value v, double* out) {
  if (float_value(vm, v, out)) return true;
  return as_double(vm, v, out);
}

bool one_arg(VM& vm, CallArgs& a, const char* name, double* x) {
  if (!no_kwargs(vm, a, name) || !check_nargs(vm, a, name, 1, 1)) return false;
  return arg_double(vm, a[0], x);
}

bool two_args(VM& vm, CallArgs& a, const char* name, double* x, double* y) {
  if (!no_kwargs(vm, a, name) || !check_nargs(vm, a, name, 2, 2)) return false;
  return arg_double(vm, a[0], x) && arg_double(vm, a[1], y);
}

// mirrors math_1: NaN from a non-NaN is a domain error, an infinity from a finite argument is
// an overflow (can_overflow) or a singularity.
Value math_1(VM& vm, CallArgs& a, const char* name, double (*f)(double), bool can_overflow) {
  double x;
  if (!one_arg(vm, a, name, &x)) return Value::error();
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(vm);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  return Value::real(r);
}

#define MATH_FUNC1(pyname, cfunc, overflow)                                    \
  Value math_##pyname(VM& vm, CallArgs& a) {                                  \
    return math_1(vm, a, #pyname, [](double x) { return cfunc(x); }, overflow); \
  }

MATH_FUNC1(acos, libm::acos, false)
MATH_FUNC1(acosh, libm::acosh, false)
MATH_FUNC1(asin, libm::asin, false)
MATH_FUNC1(asinh, libm::asinh, false)
MATH_FUNC1(atan, libm::atan, false)
MATH_FUNC1(atanh, libm::atanh, false)
MATH_FUNC1(cbrt, libm::cbrt, false)
MATH_FUNC1(cos, libm::cos, false)
MATH_FUNC1(cosh, libm::cosh, true)
MATH_FUNC1(erf, libm::erf, false)
MATH_FUNC1(erfc, libm::erfc, false)
MATH_FUNC1(exp, libm::exp, true)
MATH_FUNC1(exp2, libm::exp2, true)
MATH_FUNC1(expm1, libm::expm1, true)
MATH_FUNC1(fabs, std::fabs, false)
MATH_FUNC1(log1p, libm::log1p, false)
MATH_FUNC1(sin, libm::sin, false)
MATH_FUNC1(sinh, libm::sinh, true)
MATH_FUNC1(sqrt, std::sqrt, false)
MATH_FUNC1(tan, libm::tan, false)
MATH_FUNC1(tanh, libm::tanh, false)

// CPython's own gamma and lgamma (Lanczos approximation), so results match to the last bit.
// mirrors Modules/mathmodule.c m_tgamma / m_lgamma; err: 0, EDOM or ERANGE.
const double kLogPi = 1.144729885849400174143427351353058711647;
const int kLanczosN = 13;
const double kLanczosG = 6.024680040776729583740234375;
const double kLanczosGMinusHalf = 5.524680040776729583740234375;
const double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
const double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                       45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                       1925.0,     66.0,       1.0};
const double kGammaIntegral[23] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double m_sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = int(std::round(2.0 * y));
  double r = 0.0;
  switch (n) {
    case 0: r = libm::sin(kPi * y); break;
    case 1: r = libm::cos(kPi * (y - 0.5)); break;
    case 2: r = libm::sin(kPi * (1.0 - y)); break;
    case 3: r = -libm::cos(kPi * (y - 1.5)); break;
    case 4: r = libm::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

double m_tgamma(double x, int* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    *err = EDOM;
    return std::copysign(INFINITY, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = EDOM;
      return NAN;
    }
    if (x <= 23) return kGammaIntegral[int(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    *err = ERANGE;
    return INFINITY;
  }
  double y = absx + kLanczosGMinusHalf, z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / m_sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= libm::pow(y, absx - 0.5);
    } else {
      double sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / libm::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= libm::pow(y, absx - 0.5);
    } else {
      double sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

double m_lgamma(double x, int* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : INFINITY;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = EDOM;
      return INFINITY;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -libm::log(absx);
  double r = libm::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (libm::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - libm::log(std::fabs(m_sinpi(absx))) - libm::log(absx) - r;
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

// mirrors math_1a: errors from errno only (EDOM: domain, ERANGE: overflow unless tiny).
Value math_1a(VM& vm, CallArgs& a, const char* name, double (*f)(double, int*)) {
  double x;
  if (!one_arg(vm, a, name, &x)) return Value::error();
  int err = 0;
  double r = f(x, &err);
  if (err == EDOM) return domain_error(vm);
  if (err == ERANGE && std::fabs(r) >= 1.5) return range_error(vm);
  return Value::real(r);
}

Value math_gamma(VM& vm, CallArgs& a) { return math_1a(vm, a, "gamma", m_tgamma); }
Value math_lgamma(VM& vm, CallArgs& a) { return math_1a(vm, a, "lgamma", m_lgamma); }

// mirrors loghelper: ints of any size (log of a huge int from its frexp).
Value loghelper(VM& vm, Value arg, double (*f)(double), double* out) {
  if (is_int(arg)) {
    SmallLimbs buf;
    IntRef r;
    int_ref(arg, buf, &r);
    if (r.neg || r.n == 0) return domain_error(vm);
    bool overflow;
    double x = bigint::to_double(r, &overflow);
    if (!overflow) {
      *out = f(x);
    } else {
      int64_t e;
      double m = bigint::frexp(r, &e);
      *out = f(m) + f(2.0) * double(e);
    }
    return Value::none();
  }
  double x;
  if (!arg_double(vm, arg, &x)) return Value::error();
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(vm);
  if (std::isinf(r) && std::isfinite(x)) return domain_error(vm);
  if (std::isfinite(x) && x <= 0) return domain_error(vm);
  *out = r;
  return Value::none();
}

double m_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return libm::log(x);
    return x == 0.0 ? -INFINITY : NAN;
  }
  if (std::isnan(x) || x > 0) return x;
  return NAN;
}
double m_log2(double x) {
  if (!std::isfinite(x)) return std::isnan(x) || x > 0 ? x : NAN;
  if (x > 0.0) return libm::log2(x);
  return x == 0.0 ? -INFINITY : NAN;
}
double m_log10(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return libm::log10(x);
    return x == 0.0 ? -INFINITY : NAN;
  }
  if (std::isnan(x) || x > 0) return x;
  return NAN;
}

Value math_log(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "log") || !check_nargs(vm, a, "log", 1, 2)) return Value::error();
  double num;
  if (loghelper(vm, a[0], m_log, &num).is_error()) return Value::error();
  if (a.nargs == 1) return Value::real(num);
  double den;
  if (loghelper(vm, a[1], m_log, &den).is_error()) return Value::error();
  if (den == 0.0) return vm.raise(vm.t.ZeroDivisionError, "float division by zero");
  return Value::real(num / den);
}

Value math_log2(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "log2") || !check_nargs(vm, a, "log2", 1, 1)) return Value::error();
  double r;
  if (loghelper(vm, a[0], m_log2, &r).is_error()) return Value::error();
  return Value::real(r);
}

Value math_log10(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "log10") || !check_nargs(vm, a, "log10", 1, 1)) return Value::error();
  double r;
  if (loghelper(vm, a[0], m_log10, &r).is_error()) return Value::error();
  return Value::real(r);
}

Value math_atan2(VM& vm, CallArgs& a) {
  double y, x;
  if (!two_args(vm, a, "atan2", &y, &x)) return Value::error();
  return Value::real(libm::atan2(y, x));
}

Value math_copysign(VM& vm, CallArgs& a) {
  double x, y;
  if (!two_args(vm, a, "copysign", &x, &y)) return Value::error();
  return Value::real(std::copysign(x, y));
}

Value math_fmod(VM& vm, CallArgs& a) {
  double x, y;
  if (!two_args(vm, a, "fmod", &x, &y)) return Value::error();
  if (std::isinf(y) && std::isfinite(x)) return Value::real(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(vm);
  return Value::real(r);
}

Value math_remainder(VM& vm, CallArgs& a) {
  double x, y;
  if (!two_args(vm, a, "remainder", &x, &y)) return Value::error();
  if (std::isnan(x)) return Value::real(x);
  if (std::isnan(y)) return Value::real(y);
  if (std::isinf(x) || y == 0.0) return domain_error(vm);
  if (std::isinf(y)) return Value::real(x);
  return Value::real(std::remainder(x, y));
}

// mirrors math_pow.
Value math_pow(VM& vm, CallArgs& a) {
  double x, y;
  if (!two_args(vm, a, "pow", &x, &y)) return Value::error();
  double r = 0.;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) r = y == 0. ? 1. : x;
    else if (std::isnan(y)) r = x == 1. ? 1. : y;
    else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) r = odd_y ? x : std::fabs(x);
      else if (y == 0.) r = 1.;
      else r = odd_y ? std::copysign(0., x) : 0.;
    } else {
      if (std::fabs(x) == 1.0) r = 1.;
      else if (y > 0. && std::fabs(x) > 1.0) r = y;
      else if (y < 0. && std::fabs(x) < 1.0) r = -y;
      else r = 0.;
    }
    return Value::real(r);
  }
  r = libm::pow(x, y);
  if (std::isnan(r)) return domain_error(vm);
  if (std::isinf(r)) return x == 0. ? domain_error(vm) : range_error(vm);
  return Value::real(r);
}

Value math_degrees(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "degrees", &x)) return Value::error();
  return Value::real(x * (180.0 / kPi));
}

Value math_radians(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "radians", &x)) return Value::error();
  return Value::real(x * (kPi / 180.0));
}

Value math_isfinite(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "isfinite", &x)) return Value::error();
  return Value::boolean(std::isfinite(x));
}

Value math_isinf(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "isinf", &x)) return Value::error();
  return Value::boolean(std::isinf(x));
}

Value math_isnan(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "isnan", &x)) return Value::error();
  return Value::boolean(std::isnan(x));
}

// mirrors math_isclose_impl.
Value math_isclose(VM& vm, CallArgs& a) {
  Value args[4];
  if (!bind_args(vm, a, "isclose", {"a", "b", "*", "rel_tol=", "abs_tol="}, args)) return Value::error();
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!arg_double(vm, args[0], &x) || !arg_double(vm, args[1], &y)) return Value::error();
  if (!args[2].is_undef() && !arg_double(vm, args[2], &rel_tol)) return Value::error();
  if (!args[3].is_undef() && !arg_double(vm, args[3], &abs_tol)) return Value::error();
  if (rel_tol < 0.0 || abs_tol < 0.0) return vm.raise(vm.t.ValueError, "tolerances must be non-negative");
  if (x == y) return Value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
  double diff = std::fabs(y - x);
  return Value::boolean((diff <= std::fabs(rel_tol * y)) || (diff <= std::fabs(rel_tol * x)) || (diff <= abs_tol));
}

// floor/ceil: ints as they are, floats directly, otherwise __floor__/__ceil__ or the float value.
Value floor_or_ceil(VM& vm, CallArgs& a, const char* name, bool floor) {
  if (!no_kwargs(vm, a, name) || !check_nargs(vm, a, name, 1, 1)) return Value::error();
  Value v = a[0];
  double d;
  if (v.is_float()) return floor ? float_floor_to_int(vm, v.f) : float_ceil_to_int(vm, v.f);
  if (is_int(v)) return number_index(vm, v);
  Value r = call_special(vm, v, vm.intern(floor ? "__floor__" : "__ceil__"), nullptr, 0);
  if (!r.is_undef()) return r;
  if (!arg_double(vm, v, &d)) return Value::error();
  return floor ? float_floor_to_int(vm, d) : float_ceil_to_int(vm, d);
}

Value math_floor(VM& vm, CallArgs& a) { return floor_or_ceil(vm, a, "floor", true); }
Value math_ceil(VM& vm, CallArgs& a) { return floor_or_ceil(vm, a, "ceil", false); }

Value math_trunc(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "trunc") || !check_nargs(vm, a, "trunc", 1, 1)) return Value::error();
  Value v = a[0];
  if (v.is_float()) return int_from_double(vm, v.f);
  if (is_int(v)) return number_index(vm, v);
  Value r = call_special(vm, v, vm.intern("__trunc__"), nullptr, 0);
  if (r.is_undef())
    return vm.raisef(vm.t.TypeError, "type %s doesn't define __trunc__ method", type_name(vm, v).c_str());
  return r;
}

Value math_frexp(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "frexp", &x)) return Value::error();
  int e = 0;
  double m = x;
  if (std::isfinite(x) && x != 0.0) m = std::frexp(x, &e);
  return Value::object(vm.tuple_of({Value::real(m), Value::integer(e)}));
}

// mirrors math_ldexp_impl.
Value math_ldexp(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "ldexp") || !check_nargs(vm, a, "ldexp", 2, 2)) return Value::error();
  double x;
  if (!arg_double(vm, a[0], &x)) return Value::error();
  if (!is_int(a[1])) return vm.raise(vm.t.TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_fits_i64(a[1], &e)) {
    SmallLimbs buf;
    IntRef r;
    int_ref(a[1], buf, &r);
    e = r.neg ? INT64_MIN : INT64_MAX;
  }
  if (x == 0.0 || !std::isfinite(x)) return Value::real(x);
  if (e > INT_MAX) return range_error(vm);
  if (e < INT_MIN) return Value::real(std::copysign(0., x));
  double r = std::ldexp(x, int(e));
  if (std::isinf(r)) return range_error(vm);
  return Value::real(r);
}

Value math_modf(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "modf", &x)) return Value::error();
  if (std::isinf(x)) return Value::object(vm.tuple_of({Value::real(std::copysign(0., x)), Value::real(x)}));
  if (std::isnan(x)) return Value::object(vm.tuple_of({Value::real(x), Value::real(x)}));
  double ip;
  double frac = std::modf(x, &ip);
  return Value::object(vm.tuple_of({Value::real(frac), Value::real(ip)}));
}

Value math_nextafter(VM& vm, CallArgs& a) {
  double x, y;
  if (!two_args(vm, a, "nextafter", &x, &y)) return Value::error();
  return Value::real(std::nextafter(x, y));
}

Value math_ulp(VM& vm, CallArgs& a) {
  double x;
  if (!one_arg(vm, a, "ulp", &x)) return Value::error();
  if (std::isnan(x)) return Value::real(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::real(x);
  double x2 = std::nextafter(x, INFINITY);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -INFINITY);
    return Value::real(x - x2);
  }
  return Value::real(x2 - x);
}

// ---- accurate sums and norms ------------------------------------------------------------------

// mirrors math_fsum (Shewchuk's exact partial sums).
Value math_fsum(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "fsum") || !check_nargs(vm, a, "fsum", 1, 1)) return Value::error();
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  bool overflow = false;
  bool ok = op_for_each(vm, a[0], [&](Value item) {
    double x;
    if (!arg_double(vm, item, &x)) return -1;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); j++) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) {
          overflow = true;
          vm.raise(vm.t.OverflowError, "intermediate overflow in fsum");
          return -1;
        }
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
    return 1;
  });
  if (!ok) return Value::error();
  (void)overflow;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return vm.raise(vm.t.ValueError, "-inf + inf in fsum");
    return Value::real(special_sum);
  }
  double hi = 0.0, lo = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Value::real(hi);
}

// mirrors vector_norm (3.11): scaled, compensated sum of squares with a corrected square root.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  const double T27 = 134217729.0;  // ldexp(1.0, 27) + 1.0
  size_t n = vec.size();
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (double& v : vec) v /= DBL_MIN;  // subnormals to normals
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0, oldcsum, x, t, hi, lo;
  for (double v : vec) {
    x = v * scale;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = 2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    frac3 += lo * lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
  x = h;
  t = x * T27;
  hi = t - (t - x);
  lo = x - hi;
  x = -hi * hi;
  oldcsum = csum;
  csum += x;
  frac1 += (oldcsum - csum) + x;
  x = -2.0 * hi * lo;
  oldcsum = csum;
  csum += x;
  frac2 += (oldcsum - csum) + x;
  x = -lo * lo;
  oldcsum = csum;
  csum += x;
  frac3 += (oldcsum - csum) + x;
  x = csum - 1.0 + (frac1 + frac2 + frac3);
  return (h + x / (2.0 * h)) / scale;
}

Value math_hypot(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "hypot")) return Value::error();
  std::vector<double> coords;
  double max = 0.0;
  bool found_nan = false;
  for (uint32_t i = 0; i < a.nargs; i++) {
    double x;
    if (!arg_double(vm, a[i], &x)) return Value::error();
    x = std::fabs(x);
    coords.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::real(vector_norm(coords, max, found_nan));
}

bool collect_doubles(VM& vm, Value seq, std::vector<Value>* out) {
  return op_for_each(vm, seq, [&](Value v) {
    out->push_back(v);
    return 1;
  });
}

Value math_dist(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "dist") || !check_nargs(vm, a, "dist", 2, 2)) return Value::error();
  std::vector<Value> p, q;
  if (!collect_doubles(vm, a[0], &p) || !collect_doubles(vm, a[1], &q)) return Value::error();
  if (p.size() != q.size()) return vm.raise(vm.t.ValueError, "both points must have the same number of dimensions");
  std::vector<double> diffs;
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); i++) {
    double px, qx;
    if (!arg_double(vm, p[i], &px) || !arg_double(vm, q[i], &qx)) return Value::error();
    double x = std::fabs(px - qx);
    diffs.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::real(vector_norm(diffs, max, found_nan));
}

// ---- integer functions --------------------------------------------------------------------------

// The int value of an argument (__index__), as an owned BigInt.
bool index_big(VM& vm, Value v, BigInt* out) {
  Value i = number_index(vm, v);
  if (i.is_error()) return false;
  SmallLimbs buf;
  IntRef r;
  int_ref(i, buf, &r);
  out->neg = r.neg;
  out->mag.assign(r.d, r.d + r.n);
  return true;
}

BigInt big_gcd(BigInt x, BigInt y) {
  x.neg = y.neg = false;
  while (!y.is_zero()) {
    int64_t xs, ys;
    if (bigint::fits_i64(x.ref(), &xs) && bigint::fits_i64(y.ref(), &ys)) {
      uint64_t u = uint64_t(xs), w = uint64_t(ys);
      while (w) {
        uint64_t t = u % w;
        u = w;
        w = t;
      }
      return BigInt::from_u64(u);
    }
    BigInt r;
    bigint::divmod_mag(x.ref(), y.ref(), nullptr, &r);
    x = std::move(y);
    y = std::move(r);
  }
  return x;
}

Value math_gcd(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "gcd")) return Value::error();
  BigInt g;
  for (uint32_t i = 0; i < a.nargs; i++) {
    BigInt x;
    if (!index_big(vm, a[i], &x)) return Value::error();
    g = big_gcd(std::move(g), std::move(x));
  }
  return make_int(vm, std::move(g));
}

Value math_lcm(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "lcm")) return Value::error();
  BigInt l = BigInt::from_i64(1);
  for (uint32_t i = 0; i < a.nargs; i++) {
    BigInt x;
    if (!index_big(vm, a[i], &x)) return Value::error();
    x.neg = false;
    if (x.is_zero() || l.is_zero()) {
      l = BigInt();
      continue;
    }
    BigInt g = big_gcd(l, x);
    BigInt q;
    bigint::divmod_mag(l.ref(), g.ref(), &q, nullptr);
    l = bigint::mul(q.ref(), x.ref());
  }
  return make_int(vm, std::move(l));
}

// The product of the integers in [lo, hi), by binary splitting.
BigInt range_product(uint64_t lo, uint64_t hi) {
  if (hi <= lo) return BigInt::from_i64(1);
  if (hi - lo <= 16) {
    BigInt r = BigInt::from_i64(1);
    uint64_t acc = 1;
    for (uint64_t i = lo; i < hi; i++) {
      if (acc > UINT64_MAX / i) {
        r = bigint::mul(r.ref(), BigInt::from_u64(acc).ref());
        acc = 1;
      }
      acc *= i;
    }
    return bigint::mul(r.ref(), BigInt::from_u64(acc).ref());
  }
  uint64_t mid = lo + (hi - lo) / 2;
  BigInt left = range_product(lo, mid), right = range_product(mid, hi);
  return bigint::mul(left.ref(), right.ref());
}

bool small_nonneg_arg(VM& vm, Value v, int64_t* out, const char* negative_msg, const char* too_big_msg) {
  Value i = number_index(vm, v);
  if (i.is_error()) return false;
  SmallLimbs buf;
  IntRef r;
  int_ref(i, buf, &r);
  if (r.neg) {
    vm.raise(vm.t.ValueError, negative_msg);
    return false;
  }
  if (!bigint::fits_i64(r, out)) {
    vm.raise(vm.t.OverflowError, too_big_msg);
    return false;
  }
  return true;
}

Value math_factorial(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "factorial") || !check_nargs(vm, a, "factorial", 1, 1)) return Value::error();
  if (a[0].is_float() || (a[0].is_obj() && !is_int(a[0]) && vm.isinstance(a[0], vm.t.float_)))
    return vm.raise(vm.t.TypeError, "'float' object cannot be interpreted as an integer");
  int64_t n;
  if (!small_nonneg_arg(vm, a[0], &n, "factorial() not defined for negative values",
                        "factorial() argument should not exceed 9223372036854775807"))
    return Value::error();
  if (n > 1000000) return vm.raise(vm.t.MemoryError, "");
  return make_int(vm, range_product(2, uint64_t(n) + 1));
}

// perm(n, k) = n! / (n-k)! for 0 <= k <= n.
BigInt perm_big(uint64_t n, uint64_t k) { return range_product(n - k + 1, n + 1); }

Value math_comb(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "comb") || !check_nargs(vm, a, "comb", 2, 2)) return Value::error();
  int64_t n, k;
  if (!small_nonneg_arg(vm, a[0], &n, "n must be a non-negative integer", "n must not exceed 9223372036854775807"))
    return Value::error();
  if (!small_nonneg_arg(vm, a[1], &k, "k must be a non-negative integer", "k must not exceed 9223372036854775807"))
    return Value::error();
  if (k > n) return Value::integer(0);
  k = std::min(k, n - k);
  if (k > 1000000) return vm.raise(vm.t.MemoryError, "");
  BigInt num = perm_big(uint64_t(n), uint64_t(k));
  BigInt den = range_product(2, uint64_t(k) + 1);
  BigInt q;
  bigint::divmod_mag(num.ref(), den.ref(), &q, nullptr);
  return make_int(vm, std::move(q));
}

Value math_perm(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "perm") || !check_nargs(vm, a, "perm", 1, 2)) return Value::error();
  int64_t n, k;
  if (a.nargs == 1 || a[1].is_none()) {
    CallArgs fa{a.args, 1, nullptr};
    return math_factorial(vm, fa);
  }
  if (!small_nonneg_arg(vm, a[0], &n, "n must be a non-negative integer", "n must not exceed 9223372036854775807"))
    return Value::error();
  if (!small_nonneg_arg(vm, a[1], &k, "k must be a non-negative integer",
                               "k must not exceed 9223372036854775807")) {
    return Value::error();
  }
  if (k > n) return Value::integer(0);
  if (k > 1000000) return vm.raise(vm.t.MemoryError, "");
  return make_int(vm, perm_big(uint64_t(n), uint64_t(k)));
}

// floor(sqrt(n)) for n >= 0 (Newton's method from an over-estimate).
BigInt big_isqrt(const BigInt& n) {
  if (n.is_zero()) return {};
  uint64_t bits = bigint::bit_length(n.ref());
  BigInt x = bigint::lshift(BigInt::from_i64(1).ref(), (bits + 1) / 2 + 1);
  for (;;) {
    BigInt q;
    bigint::divmod_mag(n.ref(), x.ref(), &q, nullptr);
    BigInt y = bigint::rshift(bigint::add(x.ref(), q.ref()).ref(), 1);
    if (bigint::cmp(y.ref(), x.ref()) >= 0) return x;
    x = std::move(y);
  }
}

Value math_isqrt(VM& vm, CallArgs& a) {
  if (!no_kwargs(vm, a, "isqrt") || !check_nargs(vm, a, "isqrt", 1, 1)) return Value::error();
  BigInt n;
  if (!index_big(vm, a[0], &n)) return Value::error();
  if (n.neg) return vm.raise(vm.t.ValueError, "isqrt() argument must be nonnegative");
  return make_int(vm, big_isqrt(n));
}

Value math_prod(VM& vm, CallArgs& a) {
  Value args[2];
  if (!bind_args(vm, a, "prod", {"iterable", "/", "*", "start="}, args)) return Value::error();
  Value acc = args[1].is_undef() ? Value::integer(1) : args[1];
  bool ok = op_for_each(vm, args[0], [&](Value item) {
    acc = op_binary(vm, acc, item, BinOp::Multiply);
    return acc.is_error() ? -1 : 1;
  });
  if (!ok) return Value::error();
  return acc;
}

}  // namespace

bool init_math_module(VM& vm, ModuleObj* m) {
  DictObj* d = m->dict;
  d->set_str(vm.intern("pi"), Value::real(kPi));
  d->set_str(vm.intern("e"), Value::real(kE));
  d->set_str(vm.intern("tau"), Value::real(2 * kPi));
  d->set_str(vm.intern("inf"), Value::real(INFINITY));
  d->set_str(vm.intern("nan"), Value::real(NAN));
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  const Fn fns[] = {
      {"acos", math_acos},       {"acosh", math_acosh},       {"asin", math_asin},     {"asinh", math_asinh},
      {"atan", math_atan},       {"atanh", math_atanh},       {"atan2", math_atan2},   {"cbrt", math_cbrt},
      {"ceil", math_ceil},       {"comb", math_comb},         {"copysign", math_copysign}, {"cos", math_cos},
      {"cosh", math_cosh},       {"degrees", math_degrees},   {"dist", math_dist},     {"erf", math_erf},
      {"erfc", math_erfc},       {"exp", math_exp},           {"exp2", math_exp2},     {"expm1", math_expm1},
      {"fabs", math_fabs},       {"factorial", math_factorial}, {"floor", math_floor}, {"fmod", math_fmod},
      {"frexp", math_frexp},     {"fsum", math_fsum},         {"gamma", math_gamma},   {"gcd", math_gcd},
      {"hypot", math_hypot},     {"isclose", math_isclose},   {"isfinite", math_isfinite}, {"isinf", math_isinf},
      {"isnan", math_isnan},     {"isqrt", math_isqrt},       {"lcm", math_lcm},       {"ldexp", math_ldexp},
      {"lgamma", math_lgamma},   {"log", math_log},           {"log10", math_log10},   {"log1p", math_log1p},
      {"log2", math_log2},       {"modf", math_modf},         {"nextafter", math_nextafter}, {"perm", math_perm},
      {"pow", math_pow},         {"prod", math_prod},         {"radians", math_radians}, {"remainder", math_remainder},
      {"sin", math_sin},         {"sinh", math_sinh},         {"sqrt", math_sqrt},     {"tan", math_tan},
      {"tanh", math_tanh},       {"trunc", math_trunc},       {"ulp", math_ulp},
  };
  for (const Fn& f : fns) vm.def_function(d, f.name, f.fn);
  return true;
}

}  // namespace looplab
