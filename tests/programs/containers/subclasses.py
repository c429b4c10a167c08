# Python subclasses of list, dict, set, frozenset, tuple and deque: attributes on instances,
# overridden methods and dunders, super() calls, and what the builtin methods return.
from collections import deque


class Tagged(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def __repr__(self):
        return f"Tagged({list.__repr__(self)}, tag={self.tag!r})"


t = Tagged([3, 1, 2], "x")
t.sort()
t.extra = 5
print(t, t.tag, t.extra, vars(t), len(t), t[0], t + [9], type(t[:]).__name__, sorted(t, reverse=True))


class Registry(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.hits = 0

    def __getitem__(self, key):
        self.hits += 1
        return super().__getitem__(key)

    def __missing__(self, key):
        return key.upper()


r = Registry(a=1)
print(r["a"], r["zz"], r.hits, r.get("zz"), r, r.__dict__, isinstance(r, dict), dict(r), r.copy(), type(r.copy()).__name__)


class Bag(set):
    def __init__(self, items=()):
        super().__init__(items)
        self.created = True

    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self


b = Bag([3, 1])
b.add_all(5, 1)
b.label = "bag"
print(b, b.created, b.label, b | {9}, type(b | {9}).__name__, b.union([0]), sorted(b), b == {1, 3, 5})


class FrozenTag(frozenset):
    pass


f = FrozenTag([2, 1])
f.note = "n"
print(f, f.note, hash(f) == hash(frozenset([1, 2])), f & {2}, type(f & {2}).__name__)


class Pair(tuple):
    __slots__ = ()

    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def swap(self):
        return Pair(self[1], self[0])


p = Pair(1, 2)
print(p, p.swap(), type(p.swap()).__name__, p == (1, 2), hash(p) == hash((1, 2)))


class History(deque):
    def __init__(self, n):
        super().__init__(maxlen=n)
        self.pushes = 0

    def push(self, v):
        self.pushes += 1
        self.append(v)


h = History(2)
for v in "abc":
    h.push(v)
print(h, h.pushes, list(h), h.maxlen, h == deque("bc"), deque(h))

for obj in ([], {}, set(), frozenset(), ()):
    try:
        obj.attr = 1
    except AttributeError as e:
        print("AttributeError", e)
