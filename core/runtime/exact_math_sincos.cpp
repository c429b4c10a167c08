// sin and cos as glibc computes them (the IBM Accurate Mathematical Library's algorithm as it
// stands since glibc 2.28): a Taylor polynomial near 0, else sin/cos of the nearest k/128 from
// a table corrected by short polynomials, after reducing x modulo pi/2 (Cody-Waite with three
// parts of pi/2 up to 105414350, a 2/pi expansion beyond). Fusions follow glibc's FMA build.
#include "runtime/exact_math.h"
#include "runtime/exact_math_internal.h"
#include "runtime/exact_math_tables.h"

namespace looplab::exact_math {

namespace {

// Taylor coefficients of sin (near 1/3!, 1/5!, ...).
constexpr double kS1 = -0x1.5555555555555p-3;
constexpr double kS2 = 0x1.1111111110ECEp-7;
constexpr double kS3 = -0x1.A01A019DB08B8p-13;
constexpr double kS4 = 0x1.71DE27B9A7ED9p-19;
constexpr double kS5 = -0x1.ADDFFC2FCDF59p-26;
// Short polynomials for sin and cos of the distance to the table point.
constexpr double kSn3 = -1.66666666666664880952546298448555E-01;
constexpr double kSn5 = 8.33333214285722277379541354343671E-03;
constexpr double kCs2 = 4.99999999999999999999950396842453E-01;
constexpr double kCs4 = -4.16666666666664434524222570944589E-02;
constexpr double kCs6 = 1.38888874007937613028114285595617E-03;
constexpr double kBig = 0x1.8000000000000p45;  // rounds to a multiple of 1/128
// pi/2 = kHp0 + kHp1 (double-double); kMp1 + kMp2 + kPp3 + kPp4 in pieces for reduction.
constexpr double kHp0 = 0x1.921FB54442D18p0;
constexpr double kHp1 = 0x1.1A62633145C07p-54;
constexpr double kMp1 = 0x1.921FB58000000p0;
constexpr double kMp2 = -0x1.DDE973C000000p-27;
constexpr double kPp3 = -0x1.CB3B398000000p-55;
constexpr double kPp4 = -0x1.d747f23e32ed7p-83;
constexpr double kHpInv = 0x1.45F306DC9C883p-1;  // 2/pi
constexpr double kToInt = 0x1.8000000000000p52;

// sin(x + dx) for |x| < 0.126 by the Taylor series.
double taylor_sin(double xx, double x, double dx) {
  double poly = fma(fma(fma(fma(kS5, xx, kS4), xx, kS3), xx, kS2), xx, kS1);
  double t = fma(fma(poly, x, -(0.5 * dx)), xx, dx);
  return x + t;
}

const double* table_row(double u) { return &kSinCosTable[(low_word(u) & 0xffff) << 2]; }

// cos(x + dx) for |x| < 0.855469 via the table.
double do_cos(double x, double dx) {
  if (x < 0) dx = -dx;
  double u = kBig + std::fabs(x);
  x = std::fabs(x) - (u - kBig) + dx;
  double xx = x * x;
  double s = fma(x * xx, fma(xx, kSn5, kSn3), x);
  double c = xx * fma(xx, fma(xx, kCs6, kCs4), kCs2);
  const double* t = table_row(u);  // sin, its remainder, cos, its remainder
  double cor = fma(-t[0], s, fma(-t[2], c, fma(-s, t[1], t[3])));
  return t[2] + cor;
}

// sin(x + dx) for |x| < 0.855469: Taylor near 0, else via the table.
double do_sin(double x, double dx) {
  double xold = x;
  if (std::fabs(x) < 0.126) return taylor_sin(x * x, x, dx);
  if (x <= 0) dx = -dx;
  double u = kBig + std::fabs(x);
  x = std::fabs(x) - (u - kBig);
  double xx = x * x;
  double s = x + fma(x * xx, fma(xx, kSn5, kSn3), dx);
  double c = fma(x, dx, xx * fma(xx, fma(xx, kCs6, kCs4), kCs2));
  const double* t = table_row(u);
  double cor = fma(t[2], s, fma(-t[0], c, fma(s, t[3], t[1])));
  return std::copysign(t[0] + cor, xold);
}

// x - n pi/2 = a + da with n mod 4 returned, for |x| < 105414350.
int reduce_sincos(double x, double* a, double* da) {
  double t = fma(x, kHpInv, kToInt);
  double xn = t - kToInt;
  double y = fma(-xn, kMp2, fma(-xn, kMp1, x));
  int n = int(low_word(t) & 3);
  double t2 = fma(-xn, kPp3, y);
  double db = fma(-xn, kPp3, y - t2);
  double b = fma(-xn, kPp4, t2);
  db += fma(-xn, kPp4, t2 - b);
  *a = b;
  *da = db;
  return n;
}

double do_sincos(double a, double da, int n) {
  double r = (n & 1) ? do_cos(a, da) : do_sin(a, da);
  return (n & 2) ? -r : r;
}

// x - n pi/2 = a + aa with n mod 4 returned, for any finite x: glibc's branred (no FMA build),
// which multiplies the two halves of x by 2/pi in base-2^24 digits near x's exponent.
int branred(double x, double* a, double* aa) {
  constexpr double kSplit = 134217729.0;  // 2^27 + 1
  constexpr double kBigR = 0x1.8p52;
  constexpr double kBig1 = 0x1.8p54;
  constexpr double kMp1R = 0x1.921FB58000000p0;
  constexpr double kMp2R = -0x1.DDE9740000000p-27;
  x *= 0x1p-600;
  double t = x * kSplit;
  double x1 = t - (t - x);
  double x2 = x - x1;
  double parts_b[2], parts_bb[2], parts_sum[2];
  for (int h = 0; h < 2; h++) {
    double xh = h == 0 ? x1 : x2;
    int k = (int((asuint64(xh) >> 52) & 2047) - 450) / 24;
    if (k < 0) k = 0;
    double gor = asdouble(asuint64(0x1p576) - (uint64_t(k * 24) << 52));
    double r[6];
    for (int i = 0; i < 6; i++) {
      r[i] = xh * kTwoOverPi24[k + i] * gor;
      gor *= 0x1p-24;
    }
    double sum = 0, s;
    for (int i = 0; i < 3; i++) {
      s = (r[i] + kBigR) - kBigR;
      sum += s;
      r[i] -= s;
    }
    t = 0;
    for (int i = 0; i < 6; i++) t += r[5 - i];
    double bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5];
    s = (t + kBigR) - kBigR;
    sum += s;
    t -= s;
    double b = t + bb;
    bb = (t - b) + bb;
    s = (sum + kBig1) - kBig1;
    sum -= s;
    parts_b[h] = b;
    parts_bb[h] = bb;
    parts_sum[h] = sum;
  }
  double b1 = parts_b[0], b2 = parts_b[1], bb1 = parts_bb[0], bb2 = parts_bb[1];
  double sum = parts_sum[0] + parts_sum[1];
  double b = b1 + b2;
  double bb = (std::fabs(b1) > std::fabs(b2)) ? (b1 - b) + b2 : (b2 - b) + b1;
  if (b > 0.5) {
    b -= 1.0;
    sum += 1.0;
  } else if (b < -0.5) {
    b += 1.0;
    sum -= 1.0;
  }
  double s = b + (bb + bb1 + bb2);
  t = ((b - s) + bb) + (bb1 + bb2);
  b = s * kSplit;
  double t1 = b - (b - s);
  double t2 = s - t1;
  b = s * kHp0;
  bb = (((t1 * kMp1R - b) + t1 * kMp2R) + t2 * kMp1R) + (t2 * kMp2R + s * kHp1 + t * kHp0);
  s = b + bb;
  t = (b - s) + bb;
  *a = s;
  *aa = t;
  return int(sum) & 3;
}

}  // namespace

int reduce_pi_over_2(double x, double* a, double* da) {
  uint32_t k = uint32_t(high_word(x)) & 0x7fffffff;
  return k < 0x419921FB ? reduce_sincos(x, a, da) : branred(x, a, da);
}

double sin(double x) {
  uint32_t k = uint32_t(high_word(x)) & 0x7fffffff;
  if (k < 0x3e500000) return x;                   // |x| < 2^-26
  if (k < 0x3feb6000) return do_sin(x, 0);        // |x| < 0.855469
  if (k < 0x400368fd) {                           // |x| < 2.426265
    double t = kHp0 - std::fabs(x);
    return std::copysign(do_cos(t, kHp1), x);
  }
  double a, da;
  if (k < 0x419921FB) {  // |x| < 105414350
    int n = reduce_sincos(x, &a, &da);
    return do_sincos(a, da, n);
  }
  if (k < 0x7ff00000) {
    int n = branred(x, &a, &da);
    return do_sincos(a, da, n);
  }
  return x / x;
}

double cos(double x) {
  uint32_t k = uint32_t(high_word(x)) & 0x7fffffff;
  if (k < 0x3e400000) return 1.0;                 // |x| < 2^-27
  if (k < 0x3feb6000) return do_cos(x, 0);        // |x| < 0.855469
  if (k < 0x400368fd) {                           // |x| < 2.426265
    double y = kHp0 - std::fabs(x);
    double a = y + kHp1;
    double da = (y - a) + kHp1;
    return do_sin(a, da);
  }
  double a, da;
  if (k < 0x419921FB) {
    int n = reduce_sincos(x, &a, &da);
    return do_sincos(a, da, n + 1);
  }
  if (k < 0x7ff00000) {
    int n = branred(x, &a, &da);
    return do_sincos(a, da, n + 1);
  }
  return x / x;
}

}  // namespace looplab::exact_math
