// exact_math (the wasm build's libm): bit-for-bit agreement with glibc's libm, which CPython on
// x86-64 uses. Natively every function is compared with glibc on many inputs; in both builds a
// hash of each function's results on fixed inputs must equal the hash of glibc's results (for
// the functions that reproduce glibc) or of the native portable results (for the correctly
// rounded ones), which shows that the browser computes what the native build verified.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/exact_math.h"

namespace em = looplab::exact_math;

namespace {

// splitmix64; uniform and log-uniform doubles from exact operations only (no libm), so both
// builds draw the same inputs.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double unit() { return double(next() >> 11) * 0x1p-53; }
  double uniform(double a, double b) { return a + (b - a) * unit(); }
  double log_uniform(double lo, double hi) {  // lo > 0
    int a = std::ilogb(lo), b = std::ilogb(hi);
    double m = 1.0 + unit();  // drawn first: argument evaluation order differs between compilers
    double x = std::ldexp(m, a + int(next() % uint64_t(b - a + 1)));
    return x < lo ? lo : (x > hi ? hi : x);
  }
  double sign() { return (next() & 1) ? 1.0 : -1.0; }
};

struct Range {
  double lo, hi;
  bool log_scale, both_signs;
};

struct Func {
  const char* name;
  double (*mine)(double, double);
  double (*glibc)(double, double);
  // true: follows glibc's algorithm step by step, so every result must match; false: correctly
  // rounded where glibc's tables are not reproducible (glibc is not, on a few inputs in 10^4).
  bool exact;
  // Exact in the wasm build only, where musl's copy of glibc's log tables is linked.
  bool exact_in_wasm;
  std::vector<Range> ranges;
  bool two_args = false;
};

#define F1(n) [](double x, double) { return em::n(x); }, [](double x, double) { return std::n(x); }
#define F2(n) [](double x, double y) { return em::n(x, y); }, [](double x, double y) { return std::n(x, y); }

const std::vector<Func>& funcs() {
  static const std::vector<Func> list = {
      {"sin", F1(sin), true, false, {{-7, 7, false, false}, {1e-9, 1e22, true, true}, {-1e5, 1e5, false, false}}},
      {"cos", F1(cos), true, false, {{-7, 7, false, false}, {1e-9, 1e22, true, true}, {-1e5, 1e5, false, false}}},
      {"tan", F1(tan), false, false, {{-7, 7, false, false}, {1e-9, 1e22, true, true}}},
      {"asin", F1(asin), false, false, {{-1, 1, false, false}, {1e-12, 1, true, true}}},
      {"acos", F1(acos), false, false, {{-1, 1, false, false}, {1e-12, 1, true, true}}},
      {"atan", F1(atan), false, false, {{-4, 4, false, false}, {1e-12, 1e20, true, true}}},
      {"sinh", F1(sinh), true, false, {{-25, 25, false, false}, {1e-10, 710, true, true}, {-2, 2, false, false}}},
      {"cosh", F1(cosh), true, false, {{-25, 25, false, false}, {1e-10, 710, true, true}, {-2, 2, false, false}}},
      {"tanh", F1(tanh), true, false, {{-25, 25, false, false}, {1e-10, 40, true, true}, {-2, 2, false, false}}},
      {"asinh", F1(asinh), false, true, {{-5, 5, false, false}, {1e-10, 1e300, true, true}}},
      {"acosh", F1(acosh), false, true, {{1, 20, false, false}, {1, 1e300, true, false}}},
      {"atanh", F1(atanh), true, false, {{-1, 1, false, false}, {1e-12, 1, true, true}}},
      {"exp", F1(exp), true, false, {{-745, 709, false, false}, {-5, 5, false, false}, {1e-12, 700, true, true}}},
      {"exp2", F1(exp2), true, false, {{-1074, 1023, false, false}, {-5, 5, false, false}}},
      {"expm1", F1(expm1), true, false, {{-40, 709, false, false}, {-2, 2, false, false}, {1e-12, 50, true, true}}},
      {"log", F1(log), false, true, {{1e-300, 1e300, true, false}, {0.5, 2, false, false}, {0, 1000, false, false}}},
      {"log2", F1(log2), false, true, {{1e-300, 1e300, true, false}, {0.5, 2, false, false}, {0, 1000, false, false}}},
      {"log10", F1(log10), false, true, {{1e-300, 1e300, true, false}, {0.5, 2, false, false}, {0, 1000, false, false}}},
      {"log1p", F1(log1p), true, false, {{-1, 1, false, false}, {1e-12, 0.99, true, true}, {1e-3, 1e300, true, false}}},
      {"cbrt", F1(cbrt), true, false, {{1e-300, 1e300, true, true}, {-1000, 1000, false, false}}},
      {"erf", F1(erf), true, false, {{-6, 6, false, false}, {1e-10, 6, true, true}}},
      {"erfc", F1(erfc), true, false, {{-6, 28, false, false}, {1e-10, 27, true, true}}},
      {"atan2", F2(atan2), false, false, {{-10, 10, false, false}, {1e-20, 1e20, true, true}}, true},
      {"pow", F2(pow), true, false, {{1e-10, 1e10, true, false}, {0, 10, false, false}, {-60, 60, false, false}}, true},
  };
  return list;
}

double draw(Rng& r, const Range& g) {
  double x = g.log_scale ? r.log_uniform(g.lo, g.hi) : r.uniform(g.lo, g.hi);
  return g.both_signs ? r.sign() * x : x;
}

// The i-th input pair of f: ranges in turn; for pow the exponent comes from its own ranges.
void input(const Func& f, Rng& r, double* x, double* y) {
  *x = draw(r, f.ranges[r.next() % f.ranges.size()]);
  *y = 0;
  if (f.name == std::string("atan2")) *y = draw(r, f.ranges[r.next() % f.ranges.size()]);
  if (f.name == std::string("pow")) {
    *x = draw(r, f.ranges[r.next() % 2]);
    *y = draw(r, {-30, 30, false, false});
    if (r.next() % 3 == 0) *y = double(int64_t(r.next() % 121) - 60);
  }
}

uint64_t bits(double d) {
  uint64_t u;
  std::memcpy(&u, &d, 8);
  return std::isnan(d) ? 0x7ff8000000000000ull : u;  // any NaN is "nan" to Python
}

// Special values every function must treat as glibc does.
const double kEdges[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 10.0, 0x1p-1074, -0x1p-1074, 0x1p-1022,
                         0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023, INFINITY, -INFINITY, NAN,
                         3.141592653589793, 1.5707963267948966, 709.782712893384, -745.1332191019412,
                         710.4758600739439, 22.0, 28.0, 6.0, 0.84375, 1.25, 1e-300, 1e300, 0x1p-28, 0x1p-54};

uint64_t fnv(uint64_t h, uint64_t v) {
  for (int i = 0; i < 8; i++) h = (h ^ ((v >> (8 * i)) & 0xff)) * 0x100000001b3ull;
  return h;
}

// Hash of f's results on 4,000 fixed inputs plus the special values.
uint64_t results_hash(const Func& f, bool glibc) {
  Rng r{0x5eed};
  uint64_t h = 0xcbf29ce484222325ull;
  auto g = glibc ? f.glibc : f.mine;
  for (int i = 0; i < 4000; i++) {
    double x, y;
    input(f, r, &x, &y);
    h = fnv(h, bits(g(x, y)));
  }
  for (double a : kEdges) {
    for (double b : f.two_args ? std::vector<double>(std::begin(kEdges), std::end(kEdges)) : std::vector<double>{0.0})
      h = fnv(h, bits(g(a, b)));
  }
  return h;
}

// Hashes of the results of exact_math natively and of glibc (on a CPU with FMA), printed by
// the native build when they change; equal for the functions marked exact.
struct Hashes {
  const char* name;
  uint64_t portable, glibc;
};
const Hashes kExpectedHashes[] = {
#include "exact_math_hashes.inc"
};

const Hashes& expected_hashes(const Func& f) {
  static const Hashes none = {"", 0, 0};
  for (const Hashes& h : kExpectedHashes)
    if (f.name == std::string(h.name)) return h;
  return none;
}

#ifdef __EMSCRIPTEN__
constexpr bool kWasm = true;
#else
constexpr bool kWasm = false;
// glibc picks its FMA variants of exp, log, pow, sin, cos, expm1, log1p... on CPUs with FMA and
// AVX2, which is what exact_math reproduces (and what CPython prints on such machines).
bool cpu_has_fma() { return __builtin_cpu_supports("fma") && __builtin_cpu_supports("avx2"); }
#endif

}  // namespace

TEST_SUITE_BEGIN("exact_math");

TEST_CASE("results on fixed inputs hash the same in every build") {
  for (const Func& f : funcs()) {
    uint64_t mine = results_hash(f, false);
    const Hashes& expected = expected_hashes(f);
    bool want_glibc = kWasm && f.exact_in_wasm;
#ifndef __EMSCRIPTEN__
    if (mine != expected.portable || (cpu_has_fma() && results_hash(f, true) != expected.glibc))
      std::printf("    {\"%s\", 0x%016llxull, 0x%016llxull},\n", f.name, (unsigned long long)mine,
                  (unsigned long long)results_hash(f, true));
#endif
    CHECK_MESSAGE(mine == (want_glibc ? expected.glibc : expected.portable), f.name);
  }
}

#ifndef __EMSCRIPTEN__
TEST_CASE("exact functions return glibc's bits; the correctly rounded ones nearly always") {
  if (!cpu_has_fma()) {
    MESSAGE("this CPU has no FMA: glibc takes other paths, nothing to compare");
    return;
  }
  for (const Func& f : funcs()) {
    bool same_hash = results_hash(f, false) == results_hash(f, true);
    if (f.exact) CHECK_MESSAGE(same_hash, f.name);
    Rng r{0xc0ffee};
    const int n = 200000;
    int mismatches = 0;
    double first_x = 0, first_y = 0;
    for (int i = 0; i < n; i++) {
      double x, y;
      input(f, r, &x, &y);
      if (bits(f.mine(x, y)) != bits(f.glibc(x, y)) && mismatches++ == 0) first_x = x, first_y = y;
    }
    INFO(std::string(f.name) << ": " << mismatches << " of " << n << " differ from glibc, first at " << first_x << ", "
                << first_y);
    if (f.exact) CHECK(mismatches == 0);
    else CHECK(mismatches <= n / 250);  // glibc itself is not correctly rounded on ~0.04-0.25%
  }
}
#endif

TEST_SUITE_END();
