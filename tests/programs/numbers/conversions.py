# int(), float(), bool() constructors and the int/float methods tutorials use.

def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

print(int(), int(3.99), int(-3.99), int('42'), int(' -1_000 '), int('0x1f', 16), int('0x_1f', 0), int('0o17', 0),
      int('0b101', 0), int('00', 0), int('z', 36), int(b'12'), int(True), int(1e20), int('ff', base=16))
show("int('abc')", lambda: int('abc'))
show("int('12', 1)", lambda: int('12', 1))
show("int('12', 37)", lambda: int('12', 37))
show('int(12, 10)', lambda: int(12, 10))
show("int(float('inf'))", lambda: int(float('inf')))
show("int(float('nan'))", lambda: int(float('nan')))
show('int([])', lambda: int([]))
show('int(None)', lambda: int(None))
show("int('010', 0)", lambda: int('010', 0))
show("int('1__0')", lambda: int('1__0'))
show("int('_1')", lambda: int('_1'))
show("int('1_')", lambda: int('1_'))
show("int('')", lambda: int(''))
show("int(b'z')", lambda: int(b'z'))
show("int('0x', 16)", lambda: int('0x', 16))
show('int(base=2)', lambda: int(base=2))
show("int('1', 2, 3)", lambda: int('1', 2, 3))
show("int('٣')", lambda: int('٣'))
print(bool(), bool(0), bool(0.0), bool(-0.0), bool(2**100), bool(''), bool('0'), bool([]), bool(None), True + 1, True * 3)
print(abs(-5), abs(-2**63), abs(-0.0), abs(True), divmod(-7, 2), divmod(7.5, -2), pow(2, 10), pow(2, -1), pow(2, 3, 5))
print(hex(255), hex(-255), oct(8), bin(10), bin(-10), hex(2**64), oct(0), bin(0), hex(True))
show('hex(1.5)', lambda: hex(1.5))
show("oct('7')", lambda: oct('7'))
show("abs('a')", lambda: abs('a'))
show("divmod('a', 1)", lambda: divmod('a', 1))
show("pow('a', 2)", lambda: pow('a', 2))
show('pow(2, 3, 0)', lambda: pow(2, 3, 0))
show('pow(2, -1, 4)', lambda: pow(2, -1, 4))
show('pow(2.0, 3, 4)', lambda: pow(2.0, 3, 4))
print((255).bit_length(), (-7).bit_length(), (0).bit_length(), (12345678901234567890).bit_count(), (5).as_integer_ratio())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True), (5).to_bytes())
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True),
      int.from_bytes([1, 2, 3], byteorder='big'), int.from_bytes(b''), (2**70).to_bytes(9, 'big'))
show("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, 'big'))
show("(-1).to_bytes(1, 'big')", lambda: (-1).to_bytes(1, 'big'))
show("(128).to_bytes(1, 'big', signed=True)", lambda: (128).to_bytes(1, 'big', signed=True))
show("(5).to_bytes(1, 'middle')", lambda: (5).to_bytes(1, 'middle'))
show("(5).to_bytes(-1, 'big')", lambda: (5).to_bytes(-1, 'big'))
show("int.from_bytes('ab', 'big')", lambda: int.from_bytes('ab', 'big'))
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate(), (1.5).real, (1.5).imag, (1.5).conjugate())
print((7).__add__(3), (7).__radd__(3), (7).__sub__(2.5), (2.5).__rsub__(7), (7).__pow__(2, 5), (7).__divmod__(2),
      (7.0).__floordiv__(2), (3).__neg__(), (3.5).__abs__(), (-3).__abs__(), (0).__bool__(), (5).__index__(),
      (3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__(), (3.5).__round__(), (2.5).__round__(0), (15).__round__(-1))
print(int.__add__(2, 3), float.__mul__(2.0, 4), int.__lt__(2, 3), float.__eq__(1.0, 1), (1).__eq__(1.0), (1).__lt__('a'))
print(type(True + True).__name__, type(True & True).__name__, type(5 / 1).__name__, type(2 ** -1).__name__,
      type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(abs(True)).__name__, isinstance(True, int))
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
m = MyInt(5)
print(m, m + 1, type(m + 1).__name__, m * 2, -m, m == 5, hash(m) == hash(5), isinstance(m, int), str(m))
class Celsius(float):
    def describe(self):
        return f"{self:.1f}C"
c = Celsius(21.456)
print(c.describe(), c + 1, type(c + 1).__name__, repr(c), round(c, 1), int(c), c > 20)
class Money:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Money(self.v + (o.v if isinstance(o, Money) else o))
    __radd__ = __add__
    def __index__(self): return self.v
    def __float__(self): return float(self.v)
    def __round__(self, n=None): return f"rounded {self.v} {n}"
    def __repr__(self): return f"Money({self.v})"
print(1 + Money(5), Money(5) + 2, sum([Money(1), Money(2)]), hex(Money(255)), float(Money(3)), round(Money(2)), round(Money(2), 1),
      int(Money(9)) if hasattr(Money, '__int__') else int(Money(9)), [10, 20, 30][Money(1)])
print(int(bytearray(b' 12 ')), float(bytearray(b'1.5')), int(bytearray(b'ff'), 16), int.from_bytes(bytearray(b'\x01\x02'), 'big'))
show("int(bytearray(b'z'))", lambda: int(bytearray(b'z')))
show("int(b'1' * 300 + b'z')", lambda: int(b'1' * 300 + b'z'))
show("float(bytearray(b'x'))", lambda: float(bytearray(b'x')))
show("int.from_bytes(5, 'big')", lambda: int.from_bytes(5, 'big'))
show("int.from_bytes([1, 256], 'big')", lambda: int.from_bytes([1, 256], 'big'))
