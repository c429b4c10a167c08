# Operators and precedence, comparisons, boolean short-circuit, conditional, walrus, lambda.
print(2 + 3 * 4 ** 2 // 5 - 1, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 1 << 4 | 1, 6 & 3 ^ 1, ~7)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, "a" < "b" <= "b")
print(2 in [1, 2], 3 not in (1, 2), None is None, [] is not [])
def side(tag, value):
    print("eval", tag)
    return value
print(side("a", 0) and side("b", 1))
print(side("c", 1) or side("d", 2))
print(side("e", 1) < side("f", 2) < side("g", 0) < side("h", 9))
print("yes" if side("i", []) else "no")
print(not 1 == 2, not (1 and 0))
data = [3, 1, 2]
if (n := len(data)) > 2:
    print("long list", n)
print([y for v in data if (y := v * 10) > 10], y)
square = lambda v: v * v
print(square(9), (lambda *a, k=1, **kw: (a, k, kw))(1, 2, k=3, z=4))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(max(range(10), key=lambda v: (v % 3, v)))
print("%s-%d-%.1f" % ("x", 3, 2.25), "{}/{}".format(1, 2))
w = 5
print(f"{w:>4}|{w:<4}|{w:04d}|{w * 2 = }|{'nested ' + f'{w}'}|{w!r:>3}")
print(f"{'a' if w else 'b'}{{braces}}{3.0:.1e}")
print(f"{1}" f"{2}" "3", "con" "cat", b"by" b"tes")
print(0x10 + 0o10 + 0b10, 1_000 * 3, 2.5e-3, 10 ** 20, -(2 ** 63) - 1)
print(... is Ellipsis, type(None).__name__)
t = 1, 2
print(t, (), (1,), [*t, *t], {**{"a": 1}, "b": 2}, {*"ab"} == {"a", "b"})
print([[i * j for j in range(3)] for i in range(3)])
print({i: [j for j in range(i)] for i in range(3)})
