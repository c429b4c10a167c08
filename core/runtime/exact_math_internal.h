// Helpers shared by the exact_math*.cpp files (see exact_math.h). Not part of the interface.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace looplab::exact_math {

inline uint64_t asuint64(double x) {
  uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

inline double asdouble(uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

// High and low 32-bit words of a double, as glibc's fdlibm-derived code reads them.
inline int32_t high_word(double x) { return int32_t(asuint64(x) >> 32); }
inline uint32_t low_word(double x) { return uint32_t(asuint64(x)); }
inline double from_words(uint32_t hi, uint32_t lo) { return asdouble(uint64_t(hi) << 32 | lo); }
inline double with_high_word(double x, uint32_t hi) { return from_words(hi, low_word(x)); }
inline double with_low_word(double x, uint32_t lo) { return from_words(uint32_t(asuint64(x) >> 32), lo); }

// a*b + c with one rounding: where glibc's FMA build fuses a multiply into an add.
inline double fma(double a, double b, double c) { return std::fma(a, b, c); }

// exp(x + xtail) * (sign_bias ? -1 : 1): glibc's exp core, shared by exp and pow.
double exp_inline(double x, double xtail, uint32_t sign_bias);

// log(x) as hi + tail with about 68 bits: pow's log core; ix is the bit pattern of a normal
// (or normalized subnormal) positive x.
double pow_log_inline(uint64_t ix, double* tail);

}  // namespace looplab::exact_math

namespace looplab::exact_math {

// Double-double arithmetic (value = hi + lo, |lo| <= ulp(hi)/2) for the correctly rounded
// functions. Products use Dekker's splitting, exact without an FMA instruction.
struct DD {
  double hi, lo;
};

inline DD two_sum(double a, double b) {
  double s = a + b;
  double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

inline DD fast_two_sum(double a, double b) {  // |a| >= |b|
  double s = a + b;
  return {s, b - (s - a)};
}

inline void split(double a, double* hi, double* lo) {
  double t = 134217729.0 * a;  // 2^27 + 1
  *hi = t - (t - a);
  *lo = a - *hi;
}

inline DD two_prod(double a, double b) {
  double p = a * b, ah, al, bh, bl;
  split(a, &ah, &al);
  split(b, &bh, &bl);
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

inline DD dd_add(DD a, DD b) {
  DD s = two_sum(a.hi, b.hi);
  DD t = two_sum(a.lo, b.lo);
  s.lo += t.hi;
  s = fast_two_sum(s.hi, s.lo);
  s.lo += t.lo;
  return fast_two_sum(s.hi, s.lo);
}

inline DD dd_mul(DD a, DD b) {
  DD p = two_prod(a.hi, b.hi);
  p.lo += a.hi * b.lo + a.lo * b.hi;
  return fast_two_sum(p.hi, p.lo);
}

inline DD dd_mul_d(DD a, double b) {
  DD p = two_prod(a.hi, b);
  p.lo += a.lo * b;
  return fast_two_sum(p.hi, p.lo);
}

inline DD dd_div(DD a, DD b) {
  double q1 = a.hi / b.hi;
  DD r = dd_add(a, dd_mul_d(b, -q1));
  double q2 = r.hi / b.hi;
  r = dd_add(r, dd_mul_d(b, -q2));
  double q3 = r.hi / b.hi;
  DD q = fast_two_sum(q1, q2);
  return dd_add(q, {q3, 0.0});
}

inline DD dd_sqrt(DD a) {  // a > 0
  double s = std::sqrt(a.hi);
  DD sq = two_prod(s, s);
  double r = ((a.hi - sq.hi) - sq.lo) + a.lo;
  return fast_two_sum(s, r / (2.0 * s));
}

// The double nearest to v.hi + v.lo when that is certain given an error of at most err in v:
// false when v lies within err of a rounding boundary (then a more precise value is needed).
inline bool round_dd(DD v, double err, double* out) {
  double r = v.hi + v.lo;
  double t = v.lo - (r - v.hi);  // v - r, exact
  if (t != 0) {
    double next = std::nextafter(r, t > 0 ? INFINITY : -INFINITY);
    double half_gap = std::fabs(next - r) * 0.5;
    if (std::fabs(std::fabs(t) - half_gap) <= err) return false;
  } else if (err > 0 && std::fabs(std::nextafter(r, 0.0) - r) * 0.5 <= err) {
    return false;
  }
  *out = r;
  return true;
}

// log(x) as a double-double with an error below 2^-90 |log x|, for finite x > 0 (ix: bits of
// x, normalized as in pow_log_inline).
DD log_dd(uint64_t ix);

}  // namespace looplab::exact_math
