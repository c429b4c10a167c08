# dict: construction, methods, views (live, set-like), iteration errors, subclasses with
# __missing__, equality, | and |=, and the error messages.

d = dict([(1, "a"), ("k", [2])], z=0)
print(d, len(d), d[1], d.get("nope"), d.get("nope", 5), "k" in d, [2] in d.values())
print(dict(), dict({}), dict(a=1, b=2), dict({1: 2}, b=3), dict(zip("abc", range(3))), dict.fromkeys("ab"))
print(dict.fromkeys(range(3), []), {1: 2}.fromkeys([5]))
d["new"] = 1.5
d[1] = "b"
del d["z"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("k"), d.setdefault("s", "dflt"), d.pop("s"), d.pop("s", None), d.popitem(), d)
keys, values, items = d.keys(), d.values(), d.items()
d[(1, 2)] = frozenset({3})
print(keys, values, items, len(keys), (1, 2) in keys, ((1, 2), frozenset({3})) in items, ("k", [9]) in items)
print(list(reversed(d)), list(reversed(keys)), list(reversed(values)), list(reversed(items)))
print(keys == {1, "k", "new", (1, 2)}, keys <= {1, "k", "new", (1, 2), 9}, keys > {1}, items == items, keys.isdisjoint([9, 10]))
# Set operators on views (int and tuple items: str hashes differ from CPython's, by design).
n = {i * 7 % 11: (i, -i) for i in range(9)}
nk, ni = n.keys(), n.items()
print(nk & {1, 2, 50}, nk | [70, 3], nk - {1}, nk ^ {1, 99}, {1, 2, 3} & nk, [1, 50] | nk, range(5) & nk)
print(ni & {(0, (0, 0)), (1, 2)}, ni - {(7, (1, -1))}, ni ^ {(7, (1, -1)), (8, 8)})
print({1: 4, 2: 3}.items() ^ {1: 5, 2: 3}.items(), {1: 2}.items() | {(3, 4)}, {5, 6} - nk, {0: 1}.keys() - n.keys())
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == [], dict(a=1) == {"a": 1})
e = {1: 1, 2: 2}
e.update({3: 3}, four=4)
e.update([(5, 5)])
e.update(six=6)
print(e, e | {1: "one"}, {0: 0} | e)
e |= [(7, 7)]
e |= {8: 8}.items()
print(e, e.copy(), e.copy() is e)
e.clear()
print(e, repr({}), {"a": {"b": {}}})
r = {}
r["self"] = r
print(r, [r], dict.__repr__(r))

for thunk in [
    lambda: d[99],
    lambda: d[(9, 9)],
    lambda: {}.pop(1),
    lambda: {}.pop([]),
    lambda: {}.popitem(),
    lambda: {1: 2}[[]],
    lambda: dict([1]),
    lambda: dict([(1, 2, 3)]),
    lambda: dict(1, 2),
    lambda: dict(1),
    lambda: {}.update(1, 2),
    lambda: {} | [],
    lambda: {} < {},
    lambda: {}.get(),
    lambda: {}.setdefault(),
    lambda: dict.fromkeys(),
    lambda: {}.keys() & 1,
    lambda: hash({}),
    lambda: hash({}.keys()),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)

f = {i: i for i in range(5)}
try:
    for k in f:
        f[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for k in f.values():
        del f[k]
except RuntimeError as e:
    print("RuntimeError", e)
for k in list(f):
    if k % 2:
        del f[k]
print(f)
f2 = {1: 1, 2: 2}
it = iter(f2)
next(it)
del f2[1]
f2[3] = 3
try:
    print(list(it))
except RuntimeError as e:
    print("RuntimeError", e)


class Missing(dict):
    def __missing__(self, key):
        return f"<{key}>"


m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m, m, type(m).__name__, isinstance(m, dict))


class Counting(dict):
    sets = 0

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)

    def __setitem__(self, key, value):
        Counting.sets += 1
        super().__setitem__(key, value)


c = Counting({1: 2})
c[3] = 4
c.update({5: 6})
print(c, Counting.sets, dict(c), c == {1: 2, 3: 4, 5: 6}, Counting.fromkeys("ab", 0), Counting.sets)

# Ordering survives deletions and reinsertion; popitem is LIFO.
o = {}
for i in range(20):
    o[i] = i
for i in range(0, 20, 3):
    del o[i]
o[0] = "back"
print(o, o.popitem(), o.popitem(), list(o)[-3:])
print({True: 1, 1: 2, 1.0: 3}, {(1, 2): "t", "s": "str", 2.5: "f", None: "n"})
print(dict[str, int], list[dict[str, int]])
