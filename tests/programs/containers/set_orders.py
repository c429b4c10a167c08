# Sets of ints, tuples and frozensets iterate in CPython's order: the table, probing, resizing and
# which operand each operation iterates or copies all show in the printed order.


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed


gen = lcg(3)
a = {next(gen) % 100 for _ in range(30)}
b = set(next(gen) % 100 for _ in range(12))
c = {next(gen) % 1000 - 500 for _ in range(60)}
print(a)
print(b)
print(c)
print(a | b, b | a)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a.union(b, c), a.intersection(b, range(50)), a.difference(b, [1, 2, 3]))
print(a.symmetric_difference([5, 6, 7, 5]), b.symmetric_difference(a))
print(a.issubset(range(100)), b <= a, b < a | b, a >= b, a > a, a == set(a))
print(a.isdisjoint(c), a.isdisjoint([1000]), frozenset(a) == a)

x = set(a)
x |= {1000, 1001}
print(x)
x &= set(range(0, 1000, 3))
print(x)
x -= {6, 9, 1000}
print(x)
x ^= {1, 2, 3, 4, 5}
print(x)
y = set(range(20))
y.intersection_update(range(10, 30), [11, 12, 13, 19])
print(y)
y.difference_update({12})
print(y)
y.symmetric_difference_update([19, 40, 41])
print(y)
y.update(range(100, 110), {-1, -2})
print(y)

# Deletions leave dummies; pop() walks from its finger.
z = set(range(50))
for i in range(0, 50, 2):
    z.discard(i)
print(z)
z.add(100)
z.add(2)
print(z, [z.pop() for _ in range(5)], z)
z.clear()
z.update([3, 1, 2])
print(z.pop(), z)

# Big differences and intersections take the other path.
big = set(range(0, 400, 2))
small = {4, 8, 1, 3, 398}
print(small - big, big.difference(small) == big - small, small & big, big & small)
print(len(big - small), sorted(big - small)[:5])
d = {5: 1, 3: 2, 99: 3, 1: 4}
print(set(d), small.difference(d), small.symmetric_difference(d), set(d.items()))

# Tuples, negative numbers, big ints, floats and frozensets as elements.
t = {(i, -i) for i in range(8)} | {(1, 2, 3), (), (True,)}
print(t)
print({-1, -2, 2**40, 2**61 - 1, 2**61, -2**63, 1.5, 0.0, -0.5, 1e100, float("inf")})
fs = {frozenset({1, 2}), frozenset(), frozenset({3})}
print(fs, frozenset({1, 2}) in fs, {1, 2} in fs)
print(frozenset(range(10)) | {100}, {100} | frozenset(range(3)), frozenset([1]).union([2]))
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset({(1, 2), (3, 4)})))
print(hash((1, 2)), hash(()), hash((1, (2, 3), -1)), hash((1.5, True, None)) == hash((1.5, True, None)))

s = {3, 1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError", e)
for thunk in [
    lambda: {1}.remove(5),
    lambda: set().pop(),
    lambda: {[]},
    lambda: {1} | [2],
    lambda: {1} < [1],
    lambda: set(1, 2),
    lambda: set(x=1),
    lambda: hash({1}),
    lambda: {1}.add(),
    lambda: frozenset([1]).add(2),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
print(repr(set()), repr(frozenset()), {1: 2}.keys() | {3}, set("a"), {frozenset()})


class MySet(set):
    pass


m = MySet([3, 1])
print(m, MySet(), m | {5}, type(m | {5}).__name__, type(m.copy()).__name__)
