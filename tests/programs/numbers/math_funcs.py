# The math module: values, special cases and CPython's error messages.
import math

def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7),
      math.floor(5), math.ceil(10**30), type(math.floor(2.5)).__name__, math.fabs(-3), math.pow(2, 10), math.pow(2, 0.5))
print(math.exp(1), math.exp(-1000), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(0.001),
      math.log1p(1e-10), math.expm1(1e-10), math.log(2**1000), math.exp2(10), math.cbrt(27))
print(math.sin(0), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan(1), math.atan2(1, 1),
      math.atan2(-0.0, -1), math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5), math.hypot(1e200, 1e200), math.hypot(1e-200, 1e-200),
      math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.degrees(math.pi), math.radians(180))
for i in range(1, 8):
    print(i, math.hypot(i * 0.1, i * 0.7, 1 / i), math.dist((i, 0.3), (1 / i, 2.5)), math.sqrt(i * 1.1), math.sin(i) * math.cos(i))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9),
      math.isclose(math.inf, math.inf), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(), math.lcm(0, 5))
print(math.factorial(0), math.factorial(20), math.factorial(25), math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5),
      math.isqrt(17), math.isqrt(0), math.isqrt(10**20), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 6), start=2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]),
      math.fsum([1e-16, 1, 1e16]), math.fsum([math.inf, 1]), math.fsum(x / 7 for x in range(100)))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, math.inf), math.modf(3.5), math.modf(-2.25),
      math.modf(math.inf), math.frexp(8), math.frexp(0.1), math.frexp(0), math.ldexp(0.5, 4), math.ldexp(1, -1075),
      math.remainder(7, 3), math.nextafter(1, 2), math.ulp(1.0), math.ulp(0), math.erf(0.5), math.erfc(0.5), math.gamma(5),
      math.gamma(0.5), math.lgamma(10))
show('math.sqrt(-1)', lambda: math.sqrt(-1))
show('math.log(0)', lambda: math.log(0))
show('math.log(-1)', lambda: math.log(-1))
show('math.log(0.0)', lambda: math.log(0.0))
show('math.log(1, 1)', lambda: math.log(1, 1))
show('math.log10(-5)', lambda: math.log10(-5))
show('math.exp(1000)', lambda: math.exp(1000))
show('math.acos(2)', lambda: math.acos(2))
show('math.asin(-1.5)', lambda: math.asin(-1.5))
show('math.atanh(1)', lambda: math.atanh(1))
show('math.factorial(-1)', lambda: math.factorial(-1))
show('math.factorial(1.5)', lambda: math.factorial(1.5))
show("math.factorial('5')", lambda: math.factorial('5'))
show('math.pow(0, -1)', lambda: math.pow(0, -1))
show('math.pow(-8, 1/3)', lambda: math.pow(-8, 1/3))
show('math.pow(10, 400)', lambda: math.pow(10, 400))
show('math.fmod(math.inf, 1)', lambda: math.fmod(math.inf, 1))
show('math.fmod(1, 0)', lambda: math.fmod(1, 0))
show('math.ldexp(1, 5000)', lambda: math.ldexp(1, 5000))
show('math.ldexp(1.0, 2.0)', lambda: math.ldexp(1.0, 2.0))
show('math.isqrt(-1)', lambda: math.isqrt(-1))
show('math.comb(-1, 2)', lambda: math.comb(-1, 2))
show('math.comb(5, -2)', lambda: math.comb(5, -2))
show('math.perm(-3)', lambda: math.perm(-3))
show("math.sqrt('4')", lambda: math.sqrt('4'))
show('math.gcd(1.5, 2)', lambda: math.gcd(1.5, 2))
show('math.dist((1, 2), (1, 2, 3))', lambda: math.dist((1, 2), (1, 2, 3)))
show('math.fsum([math.inf, -math.inf])', lambda: math.fsum([math.inf, -math.inf]))
show('math.fsum([1e308, 1e308])', lambda: math.fsum([1e308, 1e308]))
show('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1))
show('math.gamma(0)', lambda: math.gamma(0))
show('math.gamma(-2)', lambda: math.gamma(-2))
show('math.gamma(200)', lambda: math.gamma(200))
show('math.lgamma(0)', lambda: math.lgamma(0))
show('math.cosh(1000)', lambda: math.cosh(1000))
show("math.trunc('a')", lambda: math.trunc('a'))
show("math.floor('a')", lambda: math.floor('a'))
show('math.tan(math.inf)', lambda: math.tan(math.inf))
show('math.sin(math.inf)', lambda: math.sin(math.inf))
show('math.cos(math.nan)', lambda: math.cos(math.nan))
show('math.log(10**400, 0)', lambda: math.log(10**400, 0))
show('math.log(-(10**400))', lambda: math.log(-(10**400)))
show('math.ceil(math.nan)', lambda: math.ceil(math.nan))
show('math.floor(math.inf)', lambda: math.floor(math.inf))
class Fl:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
    def __float__(self): return 2.5
print(math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()), math.sqrt(Fl()), math.isclose(Fl(), 2.5))
