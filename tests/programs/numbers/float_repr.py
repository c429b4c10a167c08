# repr/str of floats (shortest round-trip), in containers and after arithmetic, and round().
import math

def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308,
        2.2250738585072014e-308, 100.0, 1e22, 1e23, 9.999999999999999e22, 4.35, 2.675, 1.005, 2**0.5, math.pi, math.e,
        -0.0, 0.0, float('inf'), -float('inf'), float('nan'), 2.0**53, 2.0**53 + 2, 1234.5, 0.30000000000000004,
        2**64 % 0.1, 3.0 * 1.1, 1.1 + 2.2, 0.1 * 3, 1e300 * 10, 7.0 / 3, 2.0**-1074, 123e45, 1.5e-7]
print(vals)
print([str(v) for v in vals[:10]], (0.5,), {1.5: 2.25})
acc = 0.0
for i in range(1, 30):
    acc += 1 / i
    print(i, acc, acc * 1e10, acc / 1e10, math.sqrt(acc), acc ** 7)
rounds = [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, None), (3.5, None), (-0.5, None), (0.5, None), (-1.5, None),
          (1234.5678, -2), (1250.0, -2), (1350.0, -2), (-0.4, 0), (1e300, -300), (5e-324, 323), (123.456, -400),
          (-123.456, -400), (1.0, 400), (0.285, 2), (1.0000000000000002, 15), (-2.675, 2), (1e22, -22),
          (12345, -2), (-25, -1), (15, -1), (25, -1), (7, 3), (7, None), (10**20 + 5 * 10**18, -19), (True, None)]
for x, n in rounds:
    r = round(x) if n is None else round(x, n)
    print("round", x, n, repr(r), type(r).__name__)
show("round(float('inf'))", lambda: round(float('inf')))
show("round(float('nan'))", lambda: round(float('nan')))
show('round(1.7976931348623157e308, -308)', lambda: round(1.7976931348623157e308, -308))
show("round(1.5, 'a')", lambda: round(1.5, 'a'))
show("round('a')", lambda: round('a'))
show('round(1.5, 1.0)', lambda: round(1.5, 1.0))
print(float('1_000.5'), float(' -inf '), float('NaN'), float('1e500'), float('.5'), float('5.'), float(b'2.5'), float(10**20))
show("float('1__0')", lambda: float('1__0'))
show("float('.')", lambda: float('.'))
show("float('')", lambda: float(''))
show("float('0x10')", lambda: float('0x10'))
show('float([])', lambda: float([]))
show("float('1e')", lambda: float('1e'))
show('float(10**400)', lambda: float(10**400))
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e300).as_integer_ratio()[1], (3.0).is_integer(), (1.5).hex(),
      float.fromhex('0x1.8p1'), float.fromhex('-0x1p-1074'), (1e-320).hex(), (0.1).hex())
print(1e16 == 10**16, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), -0.0 == 0.0, math.copysign(1, -0.0), 5 % -0.0 if False else 'x')
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1e300, 1e-300), (0.0, 3), (-0.0, 3), (5.0, float('inf')), (-5.0, float('inf'))]:
    try:
        print(a, b, a // b, a % b, divmod(a, b), a / b, a ** 2)
    except Exception as e:
        print(a, b, type(e).__name__, e)
show('1.0 / 0', lambda: 1.0 / 0)
show('1.0 // 0', lambda: 1.0 // 0)
show('1.0 % 0', lambda: 1.0 % 0)
show('divmod(1.0, 0)', lambda: divmod(1.0, 0))
show('0.0 ** -1', lambda: 0.0 ** -1)
show('2.0 ** 10000', lambda: 2.0 ** 10000)
show('(-8.0) ** (1/3) if False else 0', lambda: (-8.0) ** (1/3) if False else 0)
show('10.0 ** 400', lambda: 10.0 ** 400)
show('1e308 * 10', lambda: 1e308 * 10)
show('-1e308 * 10', lambda: -1e308 * 10)
show("float('inf') - float('inf')", lambda: float('inf') - float('inf'))
show('0.0 ** 0', lambda: 0.0 ** 0)
show("float('nan') ** 0", lambda: float('nan') ** 0)
