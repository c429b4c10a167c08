// expm1 and the hyperbolic functions as glibc computes them (fdlibm's algorithms). expm1 has an
// FMA build on x86-64 whose fusions are reproduced; the others are plain double arithmetic on
// top of exp, expm1, log and log1p.
#include "runtime/exact_math.h"
#include "runtime/exact_math_internal.h"

namespace looplab::exact_math {

double expm1(double x) {
  // x = k ln2 + r with |r| <= ln2/2 (c: the rounding error of r), expm1(r) from a rational
  // approximation in r^2/2, then 2^k (1 + expm1(r)) - 1 assembled without cancellation.
  constexpr double kOThreshold = 7.09782712893383973096e+02;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  constexpr double Q1 = -3.33333333333331316428e-02;
  constexpr double Q2 = 1.58730158725481460165e-03;
  constexpr double Q3 = -7.93650757867487942473e-05;
  constexpr double Q4 = 4.00821782732936239552e-06;
  constexpr double Q5 = -2.01099218183624371326e-07;
  uint32_t hx = uint32_t(high_word(x));
  uint32_t xsb = hx & 0x80000000;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687A) {  // |x| >= 56 ln2
    if (hx >= 0x40862E42) {  // |x| >= 709.78
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | low_word(x)) != 0) return x + x;
        return xsb == 0 ? x : -1.0;
      }
      if (x > kOThreshold) return HUGE_VAL;
    }
    if (xsb != 0) return -1.0;
  }
  double hi, lo, c = 0;
  int k;
  if (hx > 0x3fd62e42) {  // |x| > ln2/2
    if (hx < 0x3FF0A2B2) {  // |x| < 1.5 ln2
      if (xsb == 0) {
        hi = x - kLn2Hi;
        lo = kLn2Lo;
        k = 1;
      } else {
        hi = x + kLn2Hi;
        lo = -kLn2Lo;
        k = -1;
      }
    } else {
      double m = kInvLn2 * x;  // computed before the branch: glibc's build does not fuse it
      k = int(m + (xsb == 0 ? 0.5 : -0.5));
      double t = k;
      hi = fma(-t, kLn2Hi, x);
      lo = t * kLn2Lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {  // |x| < 2^-54
    return x;
  } else {
    k = 0;
  }
  double hfx = 0.5 * x;
  double hxs = x * hfx;
  double h2 = hxs * hxs;
  double h4 = h2 * h2;
  double r1 = fma(h4, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1.0)));
  double t = fma(-r1, hfx, 3.0);
  double e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k == 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c);
  e -= hxs;
  if (k == -1) return fma(x - e, 0.5, -0.5);
  if (k == 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return fma(x - e, 2.0, 1.0);
  }
  if (k <= -2 || k > 56) {  // exp(x) - 1 ~ exp(x)
    double y = 1.0 - (e - x);
    y = with_high_word(y, uint32_t(high_word(y) + (k << 20)));
    return y - 1.0;
  }
  double y;
  if (k < 20) {
    double tk = from_words(0x3ff00000 - (0x200000 >> k), 0);  // 1 - 2^-k
    y = tk - (e - x);
  } else {
    double tk = from_words(uint32_t((0x3ff - k) << 20), 0);  // 2^-k
    y = x - (e + tk);
    y += 1.0;
  }
  return with_high_word(y, uint32_t(high_word(y) + (k << 20)));
}

double sinh(double x) {
  int32_t jx = high_word(x);
  int32_t ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  double h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {  // |x| < 22
    if (ix < 0x3e300000) return x;  // |x| < 2^-28
    double t = expm1(std::fabs(x));
    if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1.0));
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42) return h * exp(std::fabs(x));  // |x| < log(DBL_MAX)
  uint32_t lx = low_word(x);
  if (ix < 0x408633ce || (ix == 0x408633ce && lx <= 0x8fb9f87du)) {
    double w = exp(0.5 * std::fabs(x));
    double t = h * w;
    return t * w;
  }
  return x * 1.0e307;  // overflow
}

double cosh(double x) {
  int32_t ix = high_word(x) & 0x7fffffff;
  if (ix < 0x40360000) {  // |x| < 22
    if (ix < 0x3fd62e43) {  // |x| < ln2/2
      if (ix < 0x3c800000) return 1.0;
      double t = expm1(std::fabs(x));
      double w = 1.0 + t;
      return 1.0 + (t * t) / (w + w);
    }
    double t = exp(std::fabs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(std::fabs(x));
  if ((asuint64(x) & 0x7fffffffffffffff) <= 0x408633ce8fb9f87dull) {
    double w = exp(0.5 * std::fabs(x));
    double t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x;
  return HUGE_VAL;
}

double tanh(double x) {
  int32_t jx = high_word(x);
  int32_t ix = jx & 0x7fffffff;
  uint32_t lx = low_word(x);
  if (ix >= 0x7ff00000) return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
  double z;
  if (ix < 0x40360000) {  // |x| < 22
    if ((uint32_t(ix) | lx) == 0) return x;
    if (ix < 0x3c800000) return x * (1.0 + x);  // |x| < 2^-55
    if (ix >= 0x3ff00000) {
      double t = expm1(2.0 * std::fabs(x));
      z = 1.0 - 2.0 / (t + 2.0);
    } else {
      double t = expm1(-2.0 * std::fabs(x));
      z = -t / (t + 2.0);
    }
  } else {
    z = 1.0;
  }
  return jx >= 0 ? z : -z;
}

double asinh(double x) {
  constexpr double kLn2 = 6.93147180559945286227e-01;
  int32_t ix = high_word(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x;  // |x| < 2^-28
  double w;
  if (ix > 0x41b00000) {  // |x| > 2^28
    if (ix >= 0x7ff00000) return x + x;
    w = log(std::fabs(x)) + kLn2;
  } else {
    double xa = std::fabs(x);
    if (ix > 0x40000000) {  // |x| > 2
      w = log(2.0 * xa + 1.0 / (std::sqrt(xa * xa + 1.0) + xa));
    } else {
      double t = xa * xa;
      w = log1p(xa + t / (1.0 + std::sqrt(1.0 + t)));
    }
  }
  return std::copysign(w, x);
}

double acosh(double x) {
  constexpr double kLn2 = 6.93147180559945286227e-01;
  int64_t hx = int64_t(asuint64(x));
  if (hx > int64_t(0x4000000000000000)) {  // x > 2
    if (hx >= int64_t(0x41b0000000000000)) {  // x > 2^28
      if (hx >= int64_t(0x7ff0000000000000)) return x + x;
      return log(x) + kLn2;
    }
    double t = x * x;
    return log(2.0 * x - 1.0 / (x + std::sqrt(t - 1.0)));
  }
  if (hx > int64_t(0x3ff0000000000000)) {  // 1 < x <= 2
    double t = x - 1.0;
    return log1p(t + std::sqrt(2.0 * t + t * t));
  }
  if (hx == int64_t(0x3ff0000000000000)) return 0.0;
  return (x - x) / (x - x);
}

double atanh(double x) {
  double xa = std::fabs(x);
  double t;
  if (xa < 0.5) {
    if (xa < 0x1.0p-28) return x;
    t = xa + xa;
    t = 0.5 * log1p(t + t * xa / (1.0 - xa));
  } else if (xa < 1.0) {
    t = 0.5 * log1p((xa + xa) / (1.0 - xa));
  } else {
    if (xa > 1.0) return (x - x) / (x - x);
    return x / 0.0;
  }
  return std::copysign(t, x);
}

}  // namespace looplab::exact_math
