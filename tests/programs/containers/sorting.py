# list.sort / sorted: stability, keys, reverse, CPython's exact comparison sequence (timsort with
# galloping and 3.11's powersort merges), inconsistent orders, and errors.


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed


class K:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        K.log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"K({self.v})"


gen = lcg(7)
for n in (0, 1, 2, 5, 31, 64, 65, 200, 1000):
    data = [next(gen) % 50 for _ in range(n)]
    K.log = []
    ks = [K(v) for v in data]
    ks.sort()
    assert [k.v for k in ks] == sorted(data)
    print(n, len(K.log), K.log[:6], K.log[-3:] if K.log else None)

# Runs already in order, descending runs, and equal items (stability).
K.log = []
ks = [K(v) for v in list(range(40)) + list(range(80, 40, -1)) + [5] * 20]
ks.sort()
print(len(K.log), [k.v for k in ks][:10])

pairs = [(next(gen) % 5, i) for i in range(30)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1.5, 2, True, -4.25, 0]))
print(sorted((3, 1, 2)), sorted({3: 1, 1: 2, 2: 3}), sorted(range(5, 0, -1)))
print(sorted("hello world"))

# Inconsistent orders come out as CPython's algorithm leaves them.
nan = float("nan")
print(sorted([3, nan, 1, 2, nan, 0, 5, -1]))
print(sorted([nan, 2, 1, 0]))

# sort with key: keys are computed once each, in order.
calls = []


def key(x):
    calls.append(x)
    return -x


lst = [4, 1, 3]
lst.sort(key=key)
print(lst, calls)

for thunk in [
    lambda: sorted([1, "a", 2]),
    lambda: sorted([3, 2, 1], key=lambda x: 1 / (x - 2)),
    lambda: [].sort(1),
    lambda: [].sort(foo=1),
    lambda: sorted(),
    lambda: sorted(5),
    lambda: sorted([2, 1], reverse=None),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)

# Mutating the list during the sort.
lst = [3, 1, 2]


def bad_key(v):
    lst.append(v)
    return v


try:
    lst.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e, lst)

lst = [3, 1, 2]
try:
    lst.sort(key=lambda v: 1 // (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, lst)


class Raises:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise RuntimeError("no 3")
        return self.v < other.v

    def __repr__(self):
        return f"R{self.v}"


lst = [Raises(v) for v in [5, 4, 6, 3, 1, 2]]
try:
    lst.sort()
except RuntimeError as e:
    print("RuntimeError", e, lst)
