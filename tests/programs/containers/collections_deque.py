# collections.deque and defaultdict (the C++ _collections types), Counter on top of them.
from collections import Counter, defaultdict, deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, d.count(2), d.index(3), d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d, list(d), list(reversed(d)))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 5 + 1)
print(d)
d[1] = "x"
del d[0]
d.insert(1, "ins")
d.remove("x")
print(d, d.copy(), d == d.copy(), d != deque(), bool(deque()), bool(d))
d.reverse()
print(d, d.maxlen)
d.clear()
print(d, repr(deque()))

b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend(range(20, 25))
print(b)
b.extendleft("xy")
print(b, b + deque([1]), b * 2, 2 * deque([1, 2], maxlen=3))
b.insert(0, 1) if len(b) < 3 else print("full")
z = deque(maxlen=0)
z.append(1)
z.extend([1, 2])
print(z, deque([1, 2], 5), deque("ab", maxlen=None), deque(iterable=[1], maxlen=2))
c = deque([1])
c += [2, 3]
c *= 2
print(c, c > deque([1, 2]), c < deque([1, 3]), deque([1]) <= deque([1]), deque() == deque([], maxlen=5))
rec = deque([1])
rec.append(rec)
print(rec)
q = deque()
for i in range(100000):
    q.append(i)
total = 0
while q:
    total += q.popleft()
print(total, len(q))

for thunk in [
    lambda: deque().pop(),
    lambda: deque().popleft(),
    lambda: deque([1])[1],
    lambda: deque([1])["a"],
    lambda: deque([1])[0:1],
    lambda: deque([1]).remove(2),
    lambda: deque([1]).index(2),
    lambda: deque([1], maxlen=1).insert(0, 2),
    lambda: deque(maxlen=-1),
    lambda: deque(maxlen=1.5),
    lambda: deque(1),
    lambda: deque([1]) + [2],
    lambda: deque([1]) * 2.5,
    lambda: deque([1]).rotate("a"),
    lambda: deque([1], 2, 3),
    lambda: deque(foo=1),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
m = deque([1, 2, 3])
try:
    for v in m:
        m.append(v)
except RuntimeError as e:
    print("RuntimeError", e)

dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], len(dd), "q" in dd, dd.get("q"), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()), counts.copy(), type(counts.copy()).__name__)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(dict(nested["a"]), nested["a"]["b"], list(nested))
none = defaultdict()
try:
    none[1]
except KeyError as e:
    print("KeyError", e)
none.default_factory = str
print(none[5], none, defaultdict(None, {1: 2}), defaultdict(int, a=1) | {"b": 2}, {"c": 3} | defaultdict(int))
try:
    defaultdict(1)
except TypeError as e:
    print("TypeError", e)
print(isinstance(dd, dict), issubclass(defaultdict, dict), defaultdict.__name__, deque.__name__)

cnt = Counter("abracadabra")
print(cnt.most_common(3), cnt["a"], cnt["z"], sorted(cnt.elements())[:5], sum(cnt.values()))
cnt.update("aaz")
cnt.subtract({"a": 10})
print(sorted(cnt.items()), cnt.total())
print(Counter([1, 2, 2, 3, 3, 3]), Counter(a=2, b=1) + Counter(a=1), Counter(a=3) - Counter(a=1, b=2))

# Removing from the middle keeps the order whichever side moves, across the ring's wrap.
ring = deque(range(8))
for _ in range(5):
    ring.rotate(3)
    ring.append(ring.popleft())
for i in (0, 6, 3, 2, 0):
    del ring[i]
    print("del", i, list(ring))
ring.extendleft([10, 11])
ring.remove(ring[1])
ring.remove(ring[-2])
print(list(ring), len(ring))
