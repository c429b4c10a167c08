// exact_math: portable double-precision math functions that return, bit for bit, what glibc's
// libm returns on x86-64 (where CPython runs), so the browser build prints the same last digits
// as CPython. Emscripten's musl libm differs from glibc in the last bit for many inputs.
//
// Most functions follow glibc's own published algorithms with the same constants and the same
// rounding steps, including the fused multiply-adds of the FMA variants that glibc selects on
// x86-64 machines with FMA (exp, log, pow, sin, cos). Those fusions are spelled out as std::fma
// so the results do not depend on the compiler. log and log2 read their searched tables from
// emscripten's musl, which links the same Arm tables as glibc (natively, where glibc is called
// directly, exact_math rounds them correctly instead). tan, asin, acos, atan and atan2, whose
// glibc tables cannot be regenerated, are correctly rounded, which is what glibc returns on all
// but a few inputs in ten thousand.
//
// libm:: is what the interpreter calls: glibc directly in the native build (fast and exact by
// definition), exact_math in the wasm build.
#pragma once

#include <cmath>

namespace looplab {

namespace exact_math {
double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double asinh(double x);
double acosh(double x);
double atanh(double x);
double cbrt(double x);
double erf(double x);
double erfc(double x);
}  // namespace exact_math

namespace libm {
#ifdef __EMSCRIPTEN__
#define LOOPLAB_LIBM_1(name) \
  inline double name(double x) { return exact_math::name(x); }
#define LOOPLAB_LIBM_2(name) \
  inline double name(double x, double y) { return exact_math::name(x, y); }
#else
#define LOOPLAB_LIBM_1(name) \
  inline double name(double x) { return std::name(x); }
#define LOOPLAB_LIBM_2(name) \
  inline double name(double x, double y) { return std::name(x, y); }
#endif
LOOPLAB_LIBM_1(exp)
LOOPLAB_LIBM_1(exp2)
LOOPLAB_LIBM_1(expm1)
LOOPLAB_LIBM_1(log)
LOOPLAB_LIBM_1(log2)
LOOPLAB_LIBM_1(log10)
LOOPLAB_LIBM_1(log1p)
LOOPLAB_LIBM_2(pow)
LOOPLAB_LIBM_1(sin)
LOOPLAB_LIBM_1(cos)
LOOPLAB_LIBM_1(tan)
LOOPLAB_LIBM_1(asin)
LOOPLAB_LIBM_1(acos)
LOOPLAB_LIBM_1(atan)
LOOPLAB_LIBM_2(atan2)
LOOPLAB_LIBM_1(sinh)
LOOPLAB_LIBM_1(cosh)
LOOPLAB_LIBM_1(tanh)
LOOPLAB_LIBM_1(asinh)
LOOPLAB_LIBM_1(acosh)
LOOPLAB_LIBM_1(atanh)
LOOPLAB_LIBM_1(cbrt)
LOOPLAB_LIBM_1(erf)
LOOPLAB_LIBM_1(erfc)
#undef LOOPLAB_LIBM_1
#undef LOOPLAB_LIBM_2
}  // namespace libm

}  // namespace looplab
