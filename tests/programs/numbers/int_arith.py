# Integer arithmetic: Python's floor division and modulo signs, powers, shifts and bitwise ops
# across the int64 boundary, with the errors CPython raises.

def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

vals = [0, 1, -1, 7, -7, 3, -3, 2**31, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -(10**20) - 3, 12345678901234567890123]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("/", lambda a, b: a / b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
    ("divmod", divmod),
]
for name, f in ops:
    for a in vals:
        row = []
        for b in vals[::3]:
            try:
                row.append(str(f(a, b)))
            except Exception as e:
                row.append(f"{type(e).__name__}: {e}")
        print(name, a, "|", " ; ".join(row))

for a in [0, 1, -1, 2, -2, 3, 10, -10, 2**40]:
    print("pow", a, [a ** e for e in range(0, 6)], a ** 20)
for a in [2, -2, 3, 10]:
    print("neg pow", a, a ** -1, a ** -3)
for s in [0, 1, 31, 32, 63, 64, 65, 100]:
    print("shift", s, 1 << s, -1 << s, (2**70 + 12345) >> s, -(2**70 + 12345) >> s, 12345 >> s, -12345 >> s)
print(~0, ~-1, ~(2**64), -(-2**63), abs(-2**63), +(-5), -(0))
x = 5
x += 2**62
x *= 4
x -= 1
x //= 3
x %= 10**15
x **= 2
x <<= 3
x >>= 1
x &= 2**50 - 1
x |= 1
x ^= 0xFF
print(x)
show('1 // 0', lambda: 1 // 0)
show('1 % 0', lambda: 1 % 0)
show('1 / 0', lambda: 1 / 0)
show('divmod(5, 0)', lambda: divmod(5, 0))
show('2**64 // 0', lambda: 2**64 // 0)
show('0 ** -1', lambda: 0 ** -1)
show('1 << -1', lambda: 1 << -1)
show('1 >> -5', lambda: 1 >> -5)
show('(2**64) % 0', lambda: (2**64) % 0)
show('pow(2, 3, 0)', lambda: pow(2, 3, 0))
show('pow(3, -1, 9)', lambda: pow(3, -1, 9))
show('pow(3, -1, 10)', lambda: pow(3, -1, 10))
show('pow(5, 117, 19)', lambda: pow(5, 117, 19))
show('pow(-3, 5, 7)', lambda: pow(-3, 5, 7))
show('pow(3, 5, -7)', lambda: pow(3, 5, -7))
show('pow(2**100, 2**70 + 1, 10**9 + 7)', lambda: pow(2**100, 2**70 + 1, 10**9 + 7))
show('pow(1.5, 2, 3)', lambda: pow(1.5, 2, 3))
show('7 @ 3', lambda: 7 @ 3)
show("1 + 'a'", lambda: 1 + 'a')
show("'a' * 2**70", lambda: 'a' * 2**70)
show('[1] * -1', lambda: [1] * -1)
show('-7 // 2', lambda: -7 // 2)
show('-7 % 2', lambda: -7 % 2)
show('7 // -2', lambda: 7 // -2)
show('7 % -2', lambda: 7 % -2)
show('-2**63 // -1', lambda: -2**63 // -1)
show('(-2**63) % -1', lambda: (-2**63) % -1)
show('True + True', lambda: True + True)
show('True & False', lambda: True & False)
show('True | 2', lambda: True | 2)
show('True ^ True', lambda: True ^ True)
show('~True', lambda: ~True)
show('-True', lambda: -True)
show('True * 1.5', lambda: True * 1.5)
show('False ** 0', lambda: False ** 0)
show('5 // True', lambda: 5 // True)
show('10**20 // 10**10', lambda: 10**20 // 10**10)
show('-(10**20) // 7', lambda: -(10**20) // 7)
show('-(10**20) % 7', lambda: -(10**20) % 7)
