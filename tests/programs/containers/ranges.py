# range: repr, len, indexing and slicing into ranges, membership (arithmetic for ints),
# count/index, equality as sequences, hashing, iteration and reversal.
for r in [range(5), range(2, 9), range(0, 20, 3), range(10, 0, -2), range(5, 5), range(-3, 3), range(0, -10, -3)]:
    print(r, len(r), list(r), bool(r), r.start, r.stop, r.step, list(reversed(r)), r[::-1], r[1:], r[::2])
    if r:
        print("  ", r[0], r[-1], r[len(r) // 2], r.index(r[-1]), r.count(r[0]), r[0] in r, (r[-1] + 1) in r)
r = range(0, 100, 7)
print(49 in r, 50 in r, 49.0 in r, "a" in r, True in range(2), r.count(49.0), r.index(True * 7), list(r[-3:]))
print(range(0) == range(2, 2), range(1, 10, 2) == range(1, 11, 2), range(3) == range(0, 3, 1), range(3) != range(4))
print(range(3) == [0, 1, 2], range(0, 1, 5) == range(0, 1, 7), hash(range(1, 10, 2)) == hash(range(1, 11, 2)))
print(hash(range(4, 7)) == hash((3, 4, 1)), {range(3): "r"}[range(0, 3)])
print(range(2**62)[-1], len(range(-2**62, 2**62, 2**40)), range(10**15)[10**14:10**14 + 3], 10**14 + 2 in range(10**15))
it = iter(range(3))
print(next(it), list(it), list(it), sum(range(1, 1001)), max(range(-5, 5, 3)), sorted(range(3, 0, -1)))
for thunk in [
    lambda: range(),
    lambda: range(1, 2, 3, 4),
    lambda: range(1, 2, 0),
    lambda: range(1.5),
    lambda: range("3"),
    lambda: range(x=3),
    lambda: range(10)[10],
    lambda: range(10)[-11],
    lambda: range(10)["a"],
    lambda: range(3).index(7),
    lambda: range(3).index("a"),
    lambda: range(3)[::0],
    lambda: range(3).count(),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
