// tan, atan, atan2, asin and acos, correctly rounded. glibc computes these from large tables of
// searched points (Gal's accurate tables) that cannot be regenerated, and its results are
// correctly rounded on all but a few inputs in ten thousand, so a correctly rounded result is
// the closest portable match. Evaluated in double-double (about 100 bits) and rounded once.
#include <array>

#include "runtime/exact_math.h"
#include "runtime/exact_math_internal.h"

namespace looplab::exact_math {

// From exact_math_sincos.cpp: x - n pi/2 = a + da, n mod 4 returned.
int reduce_pi_over_2(double x, double* a, double* da);

namespace {

constexpr DD kPiOver2 = {0x1.921FB54442D18p0, 0x1.1A62633145C07p-54};
constexpr DD kPi = {0x1.921FB54442D18p1, 0x1.1A62633145C07p-53};
constexpr int kAtanTerms = 18;
constexpr int kSinTerms = 13;

DD dd_neg(DD a) { return {-a.hi, -a.lo}; }

// 1/(2j+1) for the atan series and (-1)^j/(2j+1)!, (-1)^j/(2j)! for sin and cos.
struct Coefficients {
  std::array<DD, kAtanTerms> atan;
  std::array<DD, kSinTerms> sin, cos;
  Coefficients() {
    for (int j = 0; j < kAtanTerms; j++) atan[j] = dd_div({j % 2 ? -1.0 : 1.0, 0.0}, {double(2 * j + 1), 0.0});
    DD s = {1.0, 0.0}, c = {1.0, 0.0};
    for (int j = 0; j < kSinTerms; j++) {
      sin[j] = s;
      cos[j] = c;
      c = dd_div(c, {-double((2 * j + 1) * (2 * j + 2)), 0.0});  // (-1)^(j+1)/(2j+2)!
      s = dd_div(s, {-double((2 * j + 2) * (2 * j + 3)), 0.0});  // (-1)^(j+1)/(2j+3)!
    }
  }
};

const Coefficients& coefficients() {
  static const Coefficients c;
  return c;
}

// sum c[j] u^j by Horner's rule.
template <size_t N>
DD horner(const std::array<DD, N>& c, DD u) {
  DD sum = c[N - 1];
  for (int j = int(N) - 2; j >= 0; j--) sum = dd_add(dd_mul(sum, u), c[j]);
  return sum;
}

// atan(t) for t >= 0: reflected to t <= 1, halved three times with
// atan(t) = 2 atan(t / (1 + sqrt(1 + t^2))), then the Taylor series.
DD atan_dd(DD t) {
  bool inverted = t.hi > 1.0;
  if (inverted) t = dd_div({1.0, 0.0}, t);
  int halvings = t.hi > 0x1p-4 ? 3 : 0;
  for (int i = 0; i < halvings; i++) {
    DD root = dd_sqrt(dd_add({1.0, 0.0}, dd_mul(t, t)));
    t = dd_div(t, dd_add({1.0, 0.0}, root));
  }
  DD r = dd_mul(horner(coefficients().atan, dd_mul(t, t)), t);
  r = {r.hi * double(1 << halvings), r.lo * double(1 << halvings)};
  return inverted ? dd_add(kPiOver2, dd_neg(r)) : r;
}

double rounded(DD v) {
  double out;
  if (round_dd(v, std::fabs(v.hi) * 0x1p-95, &out)) return out;
  return v.hi + v.lo;  // within 2^-95 of a tie: beyond this precision
}

}  // namespace

double tan(double x) {
  uint32_t k = uint32_t(high_word(x)) & 0x7fffffff;
  if (k >= 0x7ff00000) return x - x;  // inf or nan
  if (k < 0x3e400000) return x;       // |x| < 2^-27: tan(x) rounds to x
  double a = x, da = 0;
  int n = 0;
  if (k >= 0x3fe921fb) n = reduce_pi_over_2(x, &a, &da);  // |x| >= ~pi/4
  DD r = fast_two_sum(a, da);
  DD r2 = dd_mul(r, r);
  DD s = dd_mul(horner(coefficients().sin, r2), r);
  DD c = horner(coefficients().cos, r2);
  return rounded(n & 1 ? dd_neg(dd_div(c, s)) : dd_div(s, c));
}

double atan(double x) {
  uint32_t k = uint32_t(high_word(x)) & 0x7fffffff;
  if (k >= 0x7ff00000) {
    if (std::isnan(x)) return x + x;
    return std::copysign(kPiOver2.hi, x);  // rounds pi/2 the same way
  }
  if (k < 0x3e400000) return x;  // |x| < 2^-27: atan(x) rounds to x
  if (k >= 0x43600000) return std::copysign(kPiOver2.hi, x);  // |x| >= 2^55
  return std::copysign(rounded(atan_dd({std::fabs(x), 0.0})), x);
}

double atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return x + y;
  bool neg_x = std::signbit(x);
  double sy = std::signbit(y) ? -1.0 : 1.0;
  if (y == 0) return neg_x ? sy * kPi.hi : y;
  if (x == 0) return sy * kPiOver2.hi;
  if (std::isinf(x)) {
    if (std::isinf(y)) return sy * (neg_x ? 3 * kPi.hi / 4 : kPi.hi / 4);
    return neg_x ? sy * kPi.hi : sy * 0.0;
  }
  if (std::isinf(y)) return sy * kPiOver2.hi;
  double ax = std::fabs(x), ay = std::fabs(y);
  int ex, ey;
  std::frexp(ax, &ex);
  std::frexp(ay, &ey);
  if (ey - ex > 60) return sy * (neg_x ? kPiOver2.hi + kPiOver2.hi * 0x1p-60 : kPiOver2.hi);
  if (ey - ex < -60) {
    if (neg_x) return sy * kPi.hi;
    return y / x;  // atan(t) = t - t^3/3: t^3 is far below half an ulp of t
  }
  // Scale both to exponents near 0 so the quotient neither overflows nor underflows.
  double sx = std::ldexp(ax, -ex), syv = std::ldexp(ay, -ex);
  DD t = dd_div({syv, 0.0}, {sx, 0.0});
  DD r = atan_dd(t);
  if (neg_x) r = dd_add(kPi, dd_neg(r));
  return sy * rounded(r);
}

double asin(double x) {
  double ax = std::fabs(x);
  if (!(ax <= 1.0)) return (x - x) / (x - x);  // |x| > 1 or nan
  if (ax < 0x1p-26) return x;                   // asin(x) rounds to x
  if (ax == 1.0) return std::copysign(kPiOver2.hi, x);
  // asin(x) = atan(x / sqrt((1 - x)(1 + x))); 1 - |x| is exact for |x| >= 1/2.
  DD one_minus = two_sum(1.0, -ax);
  DD c = dd_sqrt(dd_mul(one_minus, two_sum(1.0, ax)));
  return std::copysign(rounded(atan_dd(dd_div({ax, 0.0}, c))), x);
}

double acos(double x) {
  double ax = std::fabs(x);
  if (!(ax <= 1.0)) return (x - x) / (x - x);
  if (x == 1.0) return 0.0;
  if (x == -1.0) return kPi.hi;
  // acos(x) = atan(sqrt((1 - x)(1 + x)) / x), reflected through pi for x < 0.
  DD s = dd_sqrt(dd_mul(two_sum(1.0, -ax), two_sum(1.0, ax)));
  if (ax == 0.0) return kPiOver2.hi;
  DD r = atan_dd(dd_div(s, {ax, 0.0}));
  if (x < 0) r = dd_add(kPi, dd_neg(r));
  return rounded(r);
}

}  // namespace looplab::exact_math
