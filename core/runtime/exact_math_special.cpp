// cbrt, erf and erfc as glibc computes them: cbrt by a polynomial guess refined with one
// Halley step (glibc's own algorithm), erf and erfc by fdlibm's rational approximations on
// [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35) and [1/0.35, 28). Plain double arithmetic
// (glibc has no FMA build of these), on top of exp.
#include "runtime/exact_math.h"
#include "runtime/exact_math_internal.h"

namespace looplab::exact_math {

double cbrt(double x) {
  constexpr double kCbrt2 = 1.2599210498948731648;     // 2^(1/3)
  constexpr double kSqrCbrt2 = 1.5874010519681994748;  // 2^(2/3)
  static const double factor[5] = {1.0 / kSqrCbrt2, 1.0 / kCbrt2, 1.0, kCbrt2, kSqrCbrt2};
  if (!std::isfinite(x) || x == 0.0) return x + x;
  int xe;
  double xm = std::frexp(std::fabs(x), &xe);  // |x| = xm 2^xe with xm in [0.5, 1)
  double u =
      (0.354895765043919860 +
       ((1.50819193781584896 +
         ((-2.11499494167371287 +
           ((2.44693122563534430 +
             ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm)) *
            xm)) *
          xm)) *
        xm));
  double t2 = u * u * u;
  double ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * factor[2 + xe % 3];
  return std::ldexp(x > 0.0 ? ym : -ym, xe / 3);
}

namespace {

constexpr double kErx = 8.45062911510467529297e-01;
constexpr double kEfx = 1.28379167095512586316e-01;
constexpr double pp[] = {1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
                         -5.77027029648944159157e-03, -2.37630166566501626084e-05};
constexpr double qq[] = {0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
                         1.32494738004321644526e-04, -3.96022827877536812320e-06};
constexpr double pa[] = {-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
                         3.18346619901161753674e-01,  -1.10894694282396677476e-01, 3.54783043256182359371e-02,
                         -2.16637559486879084300e-03};
constexpr double qa[] = {0.0,
                         1.06420880400844228286e-01,
                         5.40397917702171048937e-01,
                         7.18286544141962662868e-02,
                         1.26171219808761642112e-01,
                         1.36370839120290507362e-02,
                         1.19844998467991074170e-02};
constexpr double ra[] = {-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
                         -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
                         -8.12874355063065934246e+01, -9.81432934416914548592e+00};
constexpr double sa[] = {0.0,
                         1.96512716674392571292e+01,
                         1.37657754143519042600e+02,
                         4.34565877475229228821e+02,
                         6.45387271733267880336e+02,
                         4.29008140027567833386e+02,
                         1.08635005541779435134e+02,
                         6.57024977031928170135e+00,
                         -6.04244152148580987438e-02};
constexpr double rb[] = {-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
                         -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
                         -4.83519191608651397019e+02};
constexpr double sb[] = {0.0,
                         3.03380607434824582924e+01,
                         3.25792512996573918826e+02,
                         1.53672958608443695994e+03,
                         3.19985821950859553908e+03,
                         2.55305040643316442583e+03,
                         4.74528541206955367215e+02,
                         -2.24409524465858183362e+01};

// erf(x)/x - 1 on [0, 0.84375) as a rational function of x^2.
double erf_small_ratio(double x) {
  double z = x * x;
  double r1 = pp[0] + z * pp[1], z2 = z * z;
  double r2 = pp[2] + z * pp[3], z4 = z2 * z2;
  double s1 = 1.0 + z * qq[1];
  double s2 = qq[2] + z * qq[3];
  double s3 = qq[4] + z * qq[5];
  double r = r1 + z2 * r2 + z4 * pp[4];
  double s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

// erf(1 + s) - erx = P/Q on [0.84375, 1.25).
void erf_mid(double x, double* P, double* Q) {
  double s = std::fabs(x) - 1.0;
  double P1 = pa[0] + s * pa[1], s2 = s * s;
  double Q1 = 1.0 + s * qa[1], s4 = s2 * s2;
  double P2 = pa[2] + s * pa[3], s6 = s4 * s2;
  double Q2 = qa[2] + s * qa[3];
  double P3 = pa[4] + s * pa[5];
  double Q3 = qa[4] + s * qa[5];
  *P = P1 + s2 * P2 + s4 * P3 + s6 * pa[6];
  *Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * qa[6];
}

// x erfc(x) e^(x^2) ~ exp(-0.5625 + R/S) for |x| >= 1.25; ax = |x|, below: whether |x| is
// below 1/0.35 (the threshold differs by one ulp between erf and erfc).
double erfc_tail(double ax, bool below) {
  double s = 1.0 / (ax * ax);
  double R, S;
  if (below) {
    double R1 = ra[0] + s * ra[1], s2 = s * s;
    double S1 = 1.0 + s * sa[1], s4 = s2 * s2;
    double R2 = ra[2] + s * ra[3], s6 = s4 * s2;
    double S2 = sa[2] + s * sa[3], s8 = s4 * s4;
    double R3 = ra[4] + s * ra[5];
    double S3 = sa[4] + s * sa[5];
    double R4 = ra[6] + s * ra[7];
    double S4 = sa[6] + s * sa[7];
    R = R1 + s2 * R2 + s4 * R3 + s6 * R4;
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * sa[8];
  } else {
    double R1 = rb[0] + s * rb[1], s2 = s * s;
    double S1 = 1.0 + s * sb[1], s4 = s2 * s2;
    double R2 = rb[2] + s * rb[3], s6 = s4 * s2;
    double S2 = sb[2] + s * sb[3];
    double R3 = rb[4] + s * rb[5];
    double S3 = sb[4] + s * sb[5];
    double S4 = sb[6] + s * sb[7];
    R = R1 + s2 * R2 + s4 * R3 + s6 * rb[6];
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4;
  }
  double z = with_low_word(ax, 0);  // z^2 exact
  return exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + R / S);
}

}  // namespace

double erf(double x) {
  int32_t hx = high_word(x);
  int32_t ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return double(1 - int((uint32_t(hx) >> 31) << 1)) + 1.0 / x;
  if (ix < 0x3feb0000) {  // |x| < 0.84375
    if (ix < 0x3e300000) {  // |x| < 2^-28
      if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * kEfx) * x);
      return x + kEfx * x;
    }
    return x + x * erf_small_ratio(x);
  }
  if (ix < 0x3ff40000) {  // |x| < 1.25
    double P, Q;
    erf_mid(x, &P, &Q);
    return hx >= 0 ? kErx + P / Q : -kErx - P / Q;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1.0 : -1.0;  // |x| >= 6
  double ax = std::fabs(x);
  double r = erfc_tail(ax, ix < 0x4006DB6E);
  return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
}

double erfc(double x) {
  int32_t hx = high_word(x);
  int32_t ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return double((uint32_t(hx) >> 31) << 1) + 1.0 / x;
  if (ix < 0x3feb0000) {  // |x| < 0.84375
    if (ix < 0x3c700000) return 1.0 - x;  // |x| < 2^-56
    double y = erf_small_ratio(x);
    if (hx < 0x3fd00000) return 1.0 - (x + x * y);  // x < 1/4
    double r = x * y;
    r += (x - 0.5);
    return 0.5 - r;
  }
  if (ix < 0x3ff40000) {  // |x| < 1.25
    double P, Q;
    erf_mid(x, &P, &Q);
    if (hx >= 0) {
      double z = 1.0 - kErx;
      return z - P / Q;
    }
    double z = kErx + P / Q;
    return 1.0 + z;
  }
  if (ix < 0x403c0000) {  // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return 2.0;  // x <= -6
    double ax = std::fabs(x);
    double r = erfc_tail(ax, ix < 0x4006DB6D);
    if (hx > 0) return r / ax;
    return 2.0 - r / ax;
  }
  return hx > 0 ? 0.0 : 2.0;
}

}  // namespace looplab::exact_math
