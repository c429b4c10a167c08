# Assignment forms: chained, unpacking (nested, starred), augmented, annotated, del.
a = b = c = [1]
print(a is b is c)
first, *middle, last = range(7)
print(first, middle, last)
(p, q), [r, *s] = (1, 2), "xyz"
print(p, q, r, s)
*init, tail = "ab"
print(init, tail)
x, = [5]
print(x)
d = {}
d["k"], d["j"] = 1, 2
print(d)
class O:
    pass
o = O()
o.a, o.b = "AB"
print(o.a, o.b)
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] = ["a", "b", "c"]
lst[::2] = [9, 9, 9, 9]
print(lst)
del lst[0], lst[-1]
print(lst)
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 7; n ^= 2
print(n)
s = "ab"
s *= 3
print(s)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
counts = {}
for ch in "hello":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
total: int = 3
label: str
print(total, __annotations__)
def swap(a, b):
    a, b = b, a
    return a, b
print(swap(1, 2))
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
print([(a, b) for a, (b, *_) in [(1, (2, 3)), (4, (5,))]])
