// log, log2, log10 and log1p. log and log2 are glibc's table-driven algorithms (from Arm's
// optimized-routines) as glibc's FMA build computes them. Their tables hold searched constants
// that cannot be regenerated; emscripten's musl links the very same tables (__log_data,
// __log2_data, from the same Arm code), so the wasm build reads them there. Without them (the
// native build, which calls glibc itself) the table path is correctly rounded instead, which
// glibc's results are on all but about 4 inputs in 10,000. log10 and log1p are glibc's
// fdlibm-derived algorithms.
#include "runtime/exact_math.h"
#include "runtime/exact_math_internal.h"
#include "runtime/exact_math_tables.h"

#if defined(__EMSCRIPTEN__) || defined(LOOPLAB_EXACT_MATH_ARM_LOG_TABLES)
#define LOOPLAB_HAVE_ARM_LOG_TABLES 1
// The layouts of musl's log_data.h and log2_data.h (tab2 follows; unused here).
struct ArmLogData {
  double ln2hi, ln2lo, poly[5], poly1[11];
  struct {
    double invc, logc;
  } tab[128];
};
struct ArmLog2Data {
  double invln2hi, invln2lo, poly[6], poly1[10];
  struct {
    double invc, logc;
  } tab[64];
};
extern "C" const ArmLogData __log_data;
extern "C" const ArmLog2Data __log2_data;
#endif

namespace looplab::exact_math {

namespace {

constexpr uint64_t kPowOff = 0x3fe6955500000000;
// ln 2 in three parts; the first two have trailing zeros so k * part is exact for |k| < 2^11.
constexpr double kLn2A = 0x1.62e42fefa3800p-1;
constexpr double kLn2B = 0x1.ef35793c76800p-45;
constexpr double kLn2C = -0x1.9ff0342542fc3p-102;
// 1/ln 2 as a double-double.
constexpr DD kInvLn2 = {0x1.71547652b82fep0, 0x1.777d0ffda0d24p-56};

// log1p(r) for |r| < 2^-7 as a double-double: 2 atanh(s) with s = r / (2 + r).
DD log1p_small_dd(double r) {
  DD s = dd_div({r, 0.0}, two_sum(2.0, r));
  DD s2 = dd_mul(s, s);
  DD sum = {1.0 / 17, 0.0};
  for (int j = 7; j >= 0; j--) {  // |s| < 2^-8: s^18 / 19 is far below 2^-110
    sum = dd_add(dd_mul(sum, s2), dd_div({1.0, 0.0}, {double(2 * j + 1), 0.0}));
  }
  return dd_mul_d(dd_mul(sum, s), 2.0);
}

// k ln2 as a double-double.
DD k_ln2(double kd) {
  DD a = two_prod(kd, kLn2A);
  DD b = two_prod(kd, kLn2B);
  return dd_add(a, dd_add(b, {kd * kLn2C, 0.0}));
}

// Normalized bits of a finite x > 0 (subnormals scaled up, exponent going negative).
uint64_t normal_bits(double x) {
  uint64_t ix = asuint64(x);
  if ((ix >> 52) == 0) {
    ix = asuint64(x * 0x1p52);
    ix -= 52ull << 52;
  }
  return ix;
}

// log and log2 of zero, infinity, negatives and NaN (x's bits in ix): true with *out set.
// Subnormals are not special here; normal_bits scales them.
static bool log_special_case(double x, uint64_t ix, double* out) {
  uint32_t top = uint32_t(ix >> 48);
  if (top - 0x0010 < 0x7ff0 - 0x0010) return false;
  if (ix * 2 == 0) *out = -HUGE_VAL;
  else if (ix == asuint64(INFINITY)) *out = x;
  else if ((top & 0x8000) || (top & 0x7ff0) == 0x7ff0) *out = (x - x) / (x - x);
  else return false;
  return true;
}

// The table entry of pow's log for ix: log(x) = k ln2 - log(invc) + log1p(z invc - 1).
void reduce(uint64_t ix, double* kd, const PowLogEntry** e, double* r) {
  uint64_t tmp = ix - kPowOff;
  int i = int((tmp >> 45) % 128);
  *kd = double(int(int64_t(tmp) >> 52));
  *e = &kPowLogTable[i];
  *r = std::fma(asdouble(ix - (tmp & 0xfffull << 52)), (*e)->invc, -1.0);  // exact
}

// Correctly rounded log(x) * scale for finite x > 0 away from 1 (scale: 1 or 1/ln2).
[[maybe_unused]] double log_rounded(double x, const DD* scale) {
  uint64_t ix = normal_bits(x);
  double tail;
  double hi = pow_log_inline(ix, &tail);  // relative error below 2^-67
  DD v = {hi, tail};
  if (scale) v = dd_mul(v, *scale);
  double out;
  if (round_dd(v, std::fabs(v.hi) * 0x1p-64, &out)) return out;
  v = log_dd(ix);
  if (scale) v = dd_mul(v, *scale);
  return v.hi + v.lo;
}

// glibc's log1p (fdlibm): the polynomial in s^2 for log(1+f) = 2 atanh(s).
constexpr double kLp1 = 6.666666666666735130e-01;
constexpr double kLp2 = 3.999999999940941908e-01;
constexpr double kLp3 = 2.857142874366239149e-01;
constexpr double kLp4 = 2.222219843214978396e-01;
constexpr double kLp5 = 1.818357216161805012e-01;
constexpr double kLp6 = 1.531383769920937332e-01;
constexpr double kLp7 = 1.479819860511658591e-01;
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;

}  // namespace

DD log_dd(uint64_t ix) {
  double kd, r;
  const PowLogEntry* e;
  reduce(ix, &kd, &e, &r);
  DD v = dd_add(k_ln2(kd), fast_two_sum(e->logc, e->logctail));
  return dd_add(v, log1p_small_dd(r));
}

double log(double x) {
  uint64_t ix = asuint64(x);
  constexpr uint64_t kLo = 0x3fee000000000000;  // 1 - 2^-4
  constexpr uint64_t kHi = 0x3ff1090000000000;  // 1 + 0x1.09p-4
  if (ix - kLo < kHi - kLo) {
    // glibc's path near 1: log1p(r) = r - r^2/2 + r^3 P(r), r^2/2 split to be exact.
    constexpr double B[11] = {-0x1p-1,
                              0x1.5555555555577p-2,
                              -0x1.ffffffffffdcbp-3,
                              0x1.999999995dd0cp-3,
                              -0x1.55555556745a7p-3,
                              0x1.24924a344de3p-3,
                              -0x1.fffffa4423d65p-4,
                              0x1.c7184282ad6cap-4,
                              -0x1.999eb43b068ffp-4,
                              0x1.78182f7afd085p-4,
                              -0x1.5521375d145cdp-4};
    if (ix == asuint64(1.0)) return 0;
    double r = x - 1.0;
    double r2 = r * r;
    double r3 = r * r2;
    double p3 = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
    double p2 = fma(r3, p3, fma(r2, B[6], fma(r, B[5], B[4])));
    double p1 = fma(r3, p2, fma(r2, B[3], fma(r, B[2], B[1])));
    double w = r * 0x1p27;
    double rhi = r + w - w;
    double rlo = r - rhi;
    w = rhi * rhi * B[0];
    double hi = r + w;
    double lo = r - hi + w;
    lo = fma(B[0] * rlo, rhi + r, lo);
    double y = fma(r3, p1, lo);
    return y + hi;
  }
  if (double special; log_special_case(x, ix, &special)) return special;
#ifdef LOOPLAB_HAVE_ARM_LOG_TABLES
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0); log(x) = k ln2 + log(c) + log1p(z/c - 1).
  ix = normal_bits(x);
  const ArmLogData& d = __log_data;
  uint64_t tmp = ix - 0x3fe6000000000000;
  int i = int((tmp >> 45) % 128);
  double kd = double(int(int64_t(tmp) >> 52));
  double z = asdouble(ix - (tmp & 0xfffull << 52));
  double r = fma(z, d.tab[i].invc, -1.0);
  double w = fma(kd, d.ln2hi, d.tab[i].logc);
  double hi = w + r;
  double lo = fma(kd, d.ln2lo, w - hi + r);
  double r2 = r * r;
  const double* A = d.poly;
  double p = fma(r2, fma(r, A[4], A[3]), fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], lo)) + hi;
#else
  return log_rounded(x, nullptr);
#endif
}

double log2(double x) {
  uint64_t ix = asuint64(x);
  constexpr uint64_t kLo = 0x3feea4af00000000;  // 1 - 0x1.5b51p-5
  constexpr uint64_t kHi = 0x3ff0b55900000000;  // 1 + 0x1.6ab2p-5
  if (ix - kLo < kHi - kLo) {
    // glibc's path near 1 (FMA build): r/ln2 as an exact hi + lo, plus r^2 P(r).
    constexpr double kInvLn2Hi = 0x1.7154765200000p+0;
    constexpr double kInvLn2Lo = 0x1.705fc2eefa200p-33;
    constexpr double B[10] = {-0x1.71547652b82fep-1, 0x1.ec709dc3a03f7p-2, -0x1.71547652b7c3fp-2,
                              0x1.2776c50f05be4p-2,  -0x1.ec709dd768fe5p-3, 0x1.a61761ec4e736p-3,
                              -0x1.7153fbc64a79bp-3, 0x1.484d154f01b4ap-3,  -0x1.289e4a72c383cp-3,
                              0x1.0b32f285aee66p-3};
    if (ix == asuint64(1.0)) return 0;
    double r = x - 1.0;
    double hi = r * kInvLn2Hi;
    double lo = fma(r, kInvLn2Lo, fma(r, kInvLn2Hi, -hi));
    double r2 = r * r;
    double r4 = r2 * r2;
    double q = fma(r, B[1], B[0]);
    double y = fma(r2, q, hi);
    lo += fma(r2, q, hi - y);
    double q2 = fma(r2, fma(r, B[5], B[4]), fma(r, B[3], B[2]));
    double q6 = fma(r2, fma(r, B[9], B[8]), fma(r, B[7], B[6]));
    y += fma(r4, fma(r4, q6, q2), lo);
    return y;
  }
  if (double special; log_special_case(x, ix, &special)) return special;
#ifdef LOOPLAB_HAVE_ARM_LOG_TABLES
  // As log, in base 2, with 64 subintervals.
  ix = normal_bits(x);
  const ArmLog2Data& d = __log2_data;
  uint64_t tmp = ix - 0x3fe6000000000000;
  int i = int((tmp >> 46) % 64);
  double kd = double(int(int64_t(tmp) >> 52));
  double z = asdouble(ix - (tmp & 0xfffull << 52));
  double r = fma(z, d.tab[i].invc, -1.0);
  double t1 = r * d.invln2hi;
  double t2 = fma(r, d.invln2lo, fma(r, d.invln2hi, -t1));
  double t3 = kd + d.tab[i].logc;
  double hi = t3 + t1;
  double lo = t3 - hi + t1 + t2;
  double r2 = r * r;
  double r4 = r2 * r2;
  const double* A = d.poly;
  double p = fma(r4, fma(r, A[5], A[4]), fma(r2, fma(r, A[3], A[2]), fma(r, A[1], A[0])));
  return fma(r2, p, lo) + hi;
#else
  return log_rounded(x, &kInvLn2);
#endif
}

double log10(double x) {
  // glibc's log10: x = 2^k m with m in [1, 2) (or [1/2, 1) when k < 0, to keep log(m) and k
  // of one sign); log10(x) = k log10(2) + log(m) / ln 10.
  constexpr double kTwo54 = 1.80143985094819840000e+16;
  constexpr double kInvLn10 = 4.34294481903251816668e-01;
  constexpr double kLog10_2Hi = 3.01029995663611771306e-01;
  constexpr double kLog10_2Lo = 3.69423907715893078616e-13;
  int64_t hx = int64_t(asuint64(x));
  int32_t k = 0;
  if (hx < int64_t(0x0010000000000000)) {
    if ((hx & 0x7fffffffffffffff) == 0) return -kTwo54 / std::fabs(x);
    if (hx < 0) return (x - x) / (x - x);
    k -= 54;
    x *= kTwo54;
    hx = int64_t(asuint64(x));
  }
  if (hx >= int64_t(0x7ff0000000000000)) return x + x;
  k += int32_t(hx >> 52) - 1023;
  int64_t i = int64_t((uint64_t(int64_t(k)) & 0x8000000000000000ull) >> 63);
  hx = (hx & 0x000fffffffffffff) | ((0x3ff - i) << 52);
  double y = double(k + i);
  x = asdouble(uint64_t(hx));
  double z = y * kLog10_2Lo + kInvLn10 * log(x);
  return z + y * kLog10_2Hi;
}

double log1p(double x) {
  // glibc's log1p (fdlibm, FMA build): 1 + x = 2^k (1 + f) with a correction c for the
  // rounding of 1 + x, log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)) with s = f / (2 + f).
  int32_t hx = high_word(x);
  int32_t ax = hx & 0x7fffffff;
  int32_t k = 1, hu = 0;
  double f = 0, c = 0;
  if (hx < 0x3FDA827A) {  // x < 0.41422
    if (ax >= 0x3ff00000) {  // x <= -1
      if (x == -1.0) return -HUGE_VAL;
      return (x - x) / (x - x);
    }
    if (ax < 0x3e200000) {  // |x| < 2^-29
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= int32_t(0xbfd2bec3)) {  // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k != 0) {
    double u;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = high_word(u);
      k = (hu >> 20) - 1023;
      c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = high_word(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = with_high_word(u, uint32_t(hu | 0x3ff00000));  // normalize u
    } else {
      k += 1;
      u = with_high_word(u, uint32_t(hu | 0x3fe00000));  // normalize u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  double hfsq = 0.5 * f * f;
  double kd = k;
  if (hu == 0) {  // |f| < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0;
      c = fma(kd, kLn2Lo, c);
      return fma(kd, kLn2Hi, c);
    }
    double R = hfsq * fma(-0.66666666666666666, f, 1.0);
    if (k == 0) return f - R;
    return fma(kd, kLn2Hi, -((R - fma(kd, kLn2Lo, c)) - f));
  }
  double s = f / (2.0 + f);
  double z = s * s;
  double z2 = z * z;
  double z4 = z2 * z2;
  double z6 = z4 * z2;
  double R2 = fma(z, kLp3, kLp2);
  double R3 = fma(z, kLp5, kLp4);
  double R4 = fma(z, kLp7, kLp6);
  double R = fma(z6, R4, fma(z4, R3, fma(z, kLp1, z2 * R2)));
  double sr = s * (hfsq + R);  // shared by both branches: glibc's build does not fuse it
  if (k == 0) return f - (hfsq - sr);
  return fma(kd, kLn2Hi, -((hfsq - (sr + fma(kd, kLn2Lo, c))) - f));
}

}  // namespace looplab::exact_math
