# Slicing grids over lists, tuples and ranges (every start/stop/step combination), and list
# slice assignment and deletion with CPython's rules and messages.

bounds = [None, -12, -5, -1, 0, 1, 3, 7, 12]
steps = [None, 1, 2, 3, -1, -2, -4]
lst = list(range(10))
tup = tuple("abcdefghij")
rng = range(3, 43, 4)
for step in steps:
    for start in bounds:
        row = []
        for stop in bounds:
            a = lst[start:stop:step]
            b = tup[start:stop:step]
            c = rng[start:stop:step]
            assert list(b) == [tup[i] for i in a]
            assert list(c) == [rng[i] for i in a]
            row.append("".join(b) or "-")
        print(step, start, " ".join(row))
        print("  ", [str(rng[start:stop:step]) for stop in (None, -1, 5)])

print(slice(1, 2), slice(None), slice(1, None, -1), slice("a", [1], 2.5))
for s in [slice(None), slice(2, None), slice(None, None, -1), slice(-3, 100, 2), slice(50, -50, -7)]:
    print(s, s.indices(10), s.indices(0), s.indices(3))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1, 2, 3).start, slice(4).stop)

# Assignment to simple slices may change the length.
x = list(range(8))
x[2:5] = "ab"
print(x)
x[5:2] = [100, 101]
print(x)
x[:0] = (7, 7)
print(x)
x[-2:] = []
print(x)
x[:] = x
print(x)
x[1:3] = x
print(x)
del x[::3]
print(x)
del x[5:1:-2]
print(x)
y = list(range(10))
y[::2] = "abcde"
print(y)
y[8:2:-3] = [None, None]
print(y)
y[100:] = [1]
print(y)
y[::-1] = range(len(y))
print(y)
del y[:]
print(y)

for thunk in [
    lambda: lst[::0],
    lambda: lst[1:"a"],
    lambda: lst["a"],
    lambda: tup[2.0],
    lambda: rng["x"],
    lambda: rng[100],
    lambda: lst[10],
    lambda: tup[-11],
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)


def assign(target, key, value):
    try:
        target[key] = value
        print(target)
    except Exception as e:
        print(type(e).__name__, e)


z = list(range(6))
assign(z, slice(None, None, 2), [1, 2])
assign(z, slice(None, None, 2), 5)
assign(z, slice(0, 2), 5)
assign(z, slice(None, None, -2), "xyz")
assign(z, 10, 1)
assign(z, -7, 1)
assign(z, "a", 1)
assign((1, 2), 0, 1)
assign(range(3), 0, 1)
try:
    del z[7]
except IndexError as e:
    print("IndexError", e)


class Idx:
    def __index__(self):
        return 2


print(lst[Idx()], tup[Idx():], lst[:Idx()], rng[Idx()], lst[Idx():5], [0, 1, 2, 3][True])
