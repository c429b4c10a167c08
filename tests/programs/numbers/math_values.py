# The last digits of math's transcendental functions and of float **: the browser build must
# print exactly what CPython prints on x86-64 (glibc's libm), including the last bit.
import math

xs = [i * 0.37 - 6.1 for i in range(34)] + [1e-9, 3e-5, 0.1, 0.5, 0.7, 1.3, 2.5, 7.0, 31.7, 1234.5, 1e6 + 0.3, 1e15 / 7]
unit = [i / 23 - 1 for i in range(47)] + [1e-9, 0.99999, -0.99999]
positive = [abs(x) + 1e-3 for x in xs] + [1e-300, 2.5e-308, 1e-20, 1e20, 1e300, 1.000001, 0.999999]

def show(name, f, values):
    out = []
    for v in values:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, ' '.join(out))

for name in ['sin', 'cos', 'tan', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'exp', 'exp2', 'expm1', 'cbrt', 'erf', 'erfc']:
    show(name, getattr(math, name), xs)
for name in ['asin', 'acos', 'atanh']:
    show(name, getattr(math, name), unit)
for name in ['log', 'log2', 'log10', 'log1p', 'sqrt', 'acosh', 'gamma', 'lgamma']:
    show(name, getattr(math, name), positive)
show('atan2', lambda v: math.atan2(v, 1.7 - v), xs)
show('pow', lambda v: math.pow(abs(v) + 0.5, v / 3), xs)
show('**', lambda v: (abs(v) + 0.25) ** 1.37, xs)
show('log base 3', lambda v: math.log(v, 3), positive)
print(math.dist((0.1, 0.2, 0.3), (1.5, -2.25, 3.125)), math.hypot(1.1, 2.2, 3.3), math.degrees(1), math.radians(33))
