// exp, exp2 and pow as glibc computes them (the table-driven algorithms of glibc 2.28+, with
// 2^(k/128) from a table and a short polynomial). exp and pow reproduce glibc's FMA build:
// every multiply whose only use is an add is fused (std::fma here). exp2 has no FMA build.
#include <cfloat>

#include "runtime/exact_math.h"
#include "runtime/exact_math_internal.h"
#include "runtime/exact_math_tables.h"

namespace looplab::exact_math {

namespace {

constexpr int kTableBits = 7;
constexpr uint64_t kN = 1 << kTableBits;
constexpr double kInvLn2N = 0x1.71547652b82fep0 * kN;
constexpr double kNegLn2HiN = -0x1.62e42fefa0000p-8;
constexpr double kNegLn2LoN = -0x1.cf79abc9e3b3ap-47;
constexpr double kShift = 0x1.8p52;
// exp(r) - 1 - r ~= r^2 (C2 + r C3) + r^4 (C4 + r C5) on |r| <= ln2/256.
constexpr double kC2 = 0x1.ffffffffffdbdp-2;
constexpr double kC3 = 0x1.555555555543cp-3;
constexpr double kC4 = 0x1.55555cf172b91p-5;
constexpr double kC5 = 0x1.1111167a4d017p-7;
// 2^r - 1 ~= r (E1 + r E2 ...) on |r| <= 1/256.
constexpr double kExp2Shift = 0x1.8p52 / kN;
constexpr double kE1 = 0x1.62e42fefa39efp-1;
constexpr double kE2 = 0x1.ebfbdff82c424p-3;
constexpr double kE3 = 0x1.c6b08d70cf4b5p-5;
constexpr double kE4 = 0x1.3b2abd24650ccp-7;
constexpr double kE5 = 0x1.5d7e09b4e3a84p-10;

uint32_t top12(double x) { return uint32_t(asuint64(x) >> 52); }

// scale * (1 + tmp) when it may overflow or land in the subnormal range: the exponent in
// sbits may have wrapped. `fused`: glibc's FMA build (exp, pow) fuses scale * tmp for k > 0;
// `big` is the rescaling for k > 0 (1009 for exp and pow, 1 for exp2).
double special_case(double tmp, uint64_t sbits, uint64_t ki, bool fused, int big) {
  if ((ki & 0x80000000) == 0) {
    sbits -= uint64_t(big) << 52;
    double scale = asdouble(sbits);
    double y = fused ? fma(scale, tmp, scale) : scale + scale * tmp;
    return (big == 1 ? 2.0 : 0x1p1009) * y;
  }
  // Here scale * tmp has a second use in another branch, which glibc's build does not fuse.
  sbits += 1022ull << 52;
  double scale = asdouble(sbits);
  double y = scale + scale * tmp;
  if (std::fabs(y) < 1.0) {
    // Round y to 53 bits before scaling it into the subnormal range (no double rounding).
    double one = y < 0.0 ? -1.0 : 1.0;
    double lo = scale - y + scale * tmp;
    double hi = one + y;
    lo = one - hi + y + lo;
    y = (hi + lo) - one;
    if (y == 0.0) y = asdouble(sbits & 0x8000000000000000ull);
  }
  return 0x1p-1022 * y;
}

}  // namespace

double exp_inline(double x, double xtail, uint32_t sign_bias) {
  uint32_t abstop = top12(x) & 0x7ff;
  if (abstop - top12(0x1p-54) >= top12(512.0) - top12(0x1p-54)) {
    if (abstop - top12(0x1p-54) >= 0x80000000) {
      double one = 1.0 + x;  // tiny x
      return sign_bias ? -one : one;
    }
    if (abstop >= top12(1024.0)) {
      double r = (asuint64(x) >> 63) ? 0x1p-767 * 0x1p-767 : 0x1p769 * 0x1p769;
      return sign_bias ? -r : r;
    }
    abstop = 0;  // large |x|: special_case below
  }
  // x = k ln2/N + r with |r| <= ln2/2N; exp(x) = 2^(k/N) exp(r).
  double kd = fma(kInvLn2N, x, kShift);
  uint64_t ki = asuint64(kd);
  kd -= kShift;
  double r = fma(kd, kNegLn2LoN, fma(kd, kNegLn2HiN, x));
  r += xtail;
  uint64_t idx = 2 * (ki % kN);
  uint64_t top = (ki + sign_bias) << (52 - kTableBits);
  double tail = asdouble(kExpTable[idx]);
  uint64_t sbits = kExpTable[idx + 1] + top;
  double r2 = r * r;
  double tmp = fma(r2 * r2, fma(r, kC5, kC4), fma(r2, fma(r, kC3, kC2), tail + r));
  if (abstop == 0) return special_case(tmp, sbits, ki, true, 1009);
  double scale = asdouble(sbits);
  return fma(scale, tmp, scale);
}

double exp(double x) {
  uint64_t ix = asuint64(x);
  uint32_t abstop = top12(x) & 0x7ff;
  if (abstop >= top12(1024.0)) {
    if (ix == asuint64(-INFINITY)) return 0.0;
    if (abstop >= top12(INFINITY)) return 1.0 + x;
  }
  return exp_inline(x, 0.0, 0);
}

double exp2(double x) {
  uint32_t abstop = top12(x) & 0x7ff;
  if (abstop - top12(0x1p-54) >= top12(512.0) - top12(0x1p-54)) {
    if (abstop - top12(0x1p-54) >= 0x80000000) return 1.0 + x;
    if (abstop >= top12(1024.0)) {
      if (asuint64(x) == asuint64(-INFINITY)) return 0.0;
      if (abstop >= top12(INFINITY)) return 1.0 + x;
      if (!(asuint64(x) >> 63)) return 0x1p769 * 0x1p769;
      if (asuint64(x) >= asuint64(-1075.0)) return 0x1p-767 * 0x1p-767;
    }
    if (2 * asuint64(x) > 2 * asuint64(928.0)) abstop = 0;
  }
  // x = k/N + r with |r| <= 1/2N; no fused operations (glibc has no FMA build of exp2).
  double kd = x + kExp2Shift;
  uint64_t ki = asuint64(kd);
  kd -= kExp2Shift;
  double r = x - kd;
  uint64_t idx = 2 * (ki % kN);
  uint64_t top = ki << (52 - kTableBits);
  double tail = asdouble(kExpTable[idx]);
  uint64_t sbits = kExpTable[idx + 1] + top;
  double r2 = r * r;
  double tmp = tail + r * kE1 + r2 * (kE2 + r * kE3) + r2 * r2 * (kE4 + r * kE5);
  if (abstop == 0) return special_case(tmp, sbits, ki, false, 1);
  double scale = asdouble(sbits);
  return scale + scale * tmp;
}

namespace {

constexpr uint64_t kPowOff = 0x3fe6955500000000;
constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;
constexpr double kLn2Lo = 0x1.ef35793c76730p-45;
// log1p(r) - r + r^2/2 ~= r^3 (A1 + r A2 + ...), scaled to match the evaluation below.
constexpr double kA0 = -0x1p-1;
constexpr double kA1 = 0x1.555555555556p-2 * -2;
constexpr double kA2 = -0x1.0000000000006p-2 * -2;
constexpr double kA3 = 0x1.999999959554ep-3 * 4;
constexpr double kA4 = -0x1.555555529a47ap-3 * 4;
constexpr double kA5 = 0x1.2495b9b4845e9p-3 * -8;
constexpr double kA6 = -0x1.0002b8b263fc3p-3 * -8;
constexpr uint32_t kSignBias = 0x800 << kTableBits;

// 0: not an integer, 1: odd integer, 2: even integer (iy: a finite non-zero double's bits).
int check_int(uint64_t iy) {
  int e = iy >> 52 & 0x7ff;
  if (e < 0x3ff) return 0;
  if (e > 0x3ff + 52) return 2;
  if (iy & ((1ull << (0x3ff + 52 - e)) - 1)) return 0;
  if (iy & (1ull << (0x3ff + 52 - e))) return 1;
  return 2;
}

bool zero_inf_nan(uint64_t i) { return 2 * i - 1 >= 2 * asuint64(INFINITY) - 1; }

}  // namespace

double pow_log_inline(uint64_t ix, double* tail) {
  // x = 2^k z with z in [kPowOff, 2 kPowOff); log(x) = k ln2 + log(c) + log1p(z/c - 1).
  uint64_t tmp = ix - kPowOff;
  int i = int((tmp >> (52 - kTableBits)) % kN);
  int k = int(int64_t(tmp) >> 52);
  uint64_t iz = ix - (tmp & 0xfffull << 52);
  double z = asdouble(iz);
  double kd = double(k);
  const PowLogEntry& e = kPowLogTable[i];
  double r = fma(z, e.invc, -1.0);  // exact: 1/c has few bits
  double t1 = fma(kd, kLn2Hi, e.logc);
  double t2 = t1 + r;
  double lo1 = fma(kd, kLn2Lo, e.logctail);
  double lo2 = t1 - t2 + r;
  double ar = kA0 * r;
  double ar2 = r * ar;
  double ar3 = r * ar2;
  double hi = t2 + ar2;
  double lo3 = fma(ar, r, -ar2);
  double lo4 = t2 - hi + ar2;
  double q = fma(ar2, fma(ar2, fma(r, kA6, kA5), fma(r, kA4, kA3)), fma(r, kA2, kA1));
  double lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  double y = hi + lo;
  *tail = hi - y + lo;
  return y;
}

double pow(double x, double y) {
  uint32_t sign_bias = 0;
  uint64_t ix = asuint64(x), iy = asuint64(y);
  uint32_t topx = top12(x), topy = top12(y);
  if (topx - 0x001 >= 0x7ff - 0x001 || (topy & 0x7ff) - 0x3be >= 0x43e - 0x3be) {
    // x is subnormal, zero, negative, inf or nan, or |y| is tiny, huge or nan.
    if (zero_inf_nan(iy)) {
      if (2 * iy == 0) return 1.0;
      if (ix == asuint64(1.0)) return 1.0;
      if (2 * ix > 2 * asuint64(INFINITY) || 2 * iy > 2 * asuint64(INFINITY)) return x + y;
      if (2 * ix == 2 * asuint64(1.0)) return 1.0;
      if ((2 * ix < 2 * asuint64(1.0)) == !(iy >> 63)) return 0.0;
      return y * y;
    }
    if (zero_inf_nan(ix)) {
      double x2 = x * x;
      if (ix >> 63 && check_int(iy) == 1) x2 = -x2;
      return iy >> 63 ? 1 / x2 : x2;
    }
    if (ix >> 63) {
      int yint = check_int(iy);
      if (yint == 0) return NAN;
      if (yint == 1) sign_bias = kSignBias;
      ix &= 0x7fffffffffffffff;
      topx &= 0x7ff;
    }
    if ((topy & 0x7ff) - 0x3be >= 0x43e - 0x3be) {
      if (ix == asuint64(1.0)) return 1.0;
      if ((topy & 0x7ff) < 0x3be) return ix > asuint64(1.0) ? 1.0 + y : 1.0 - y;
      return (ix > asuint64(1.0)) == (topy < 0x800) ? 0x1p769 * 0x1p769 : 0x1p-767 * 0x1p-767;
    }
    if (topx == 0) {  // subnormal x: normalize, the exponent goes negative
      ix = asuint64(x * 0x1p52);
      ix &= 0x7fffffffffffffff;
      ix -= 52ull << 52;
    }
  }
  double lo;
  double hi = pow_log_inline(ix, &lo);
  double ehi = y * hi;
  double elo = fma(y, lo, fma(y, hi, -ehi));
  return exp_inline(ehi, elo, sign_bias);
}

}  // namespace looplab::exact_math
