# min, max, sum, sorted, any, all, enumerate, zip, map, filter, reversed, iter(callable,
# sentinel): results, laziness, the iterator objects, and CPython's error messages.

print(min([4, 2, 8]), max(4, 2, 8), min("hello"), max([(1, "b"), (1, "a")]), max([], default=None))
print(min([3, -5, 2], key=abs), max(["bb", "a", "ccc", "dd"], key=len), min(2, 1.5, key=lambda v: -v))
print(max([1, 1.0, True]), min([1, 1.0, True]), max([0, -0.0]), min([float("inf"), 5]))
print(sum([]), sum(range(101)), sum([1.5, 2.25]), sum([1, 2.5, True]), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([2**62, 2**62, 2**62]), sum([2**63, -1]), sum([], 5), sum([1], start=10))
print(any([]), any([0, "", None, 3]), all([]), all([1, [], 2]), any(x > 3 for x in range(5)), all(iter([1, 1])))
print(sorted([3, 1, 2]), sorted("cab", reverse=True), sorted([[2], [1, 5], [1]]), sorted({2: 0, 1: 0}.items()))

e = enumerate("abc", 10)
print(next(e), list(e), list(enumerate([])), list(enumerate(range(3), start=-1)), list(enumerate("ab", 2**63 - 1)))
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", range(5), [None] * 3)), dict(zip("ab", (1, 2))))
print(list(zip([1, 2], [3, 4], strict=True)), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda v: v % 2, range(7))), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(0, 10, 4))), list(reversed({1: 0, 2: 0})))

log = []


def noisy(v):
    log.append(v)
    return v * 10


m = map(noisy, [1, 2, 3])
print(log, next(m), log, list(m), log)
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i


print(list(reversed(Seq())), list(reversed([])))


class Rev:
    def __reversed__(self):
        return iter("rev")


print(list(reversed(Rev())))

counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 4)), list(iter([5, 6].pop, 5)))


def stops():
    raise StopIteration


print(list(iter(stops, 1)))

for obj in [enumerate([]), zip(), map(abs, []), filter(None, []), reversed([]), reversed((1,)), iter([]), iter(()),
            iter(range(1)), iter({}), iter(set()), iter({}.values()), iter({}.items()), reversed({}), iter(tick, 0)]:
    print(type(obj).__name__, repr(obj).split(" object at ")[0], iter(obj) is obj)
print(enumerate, zip, map, filter, reversed, issubclass(enumerate, object))


class MyEnum(enumerate):
    pass


print(list(MyEnum("xy", 1)), type(MyEnum("x")).__name__)

for thunk in [
    lambda: max(),
    lambda: max(1),
    lambda: min([]),
    lambda: max([], key=len),
    lambda: max(1, 2, default=0),
    lambda: max([1], foo=1),
    lambda: min([1, "a"]),
    lambda: sum(),
    lambda: sum(["a", "b"]),
    lambda: sum([], ""),
    lambda: sum([1], []),
    lambda: sum([[1]], 0),
    lambda: any(),
    lambda: all(1),
    lambda: enumerate(),
    lambda: enumerate(5),
    lambda: enumerate([], 1.5),
    lambda: enumerate([], foo=1),
    lambda: zip(1),
    lambda: zip([], foo=True),
    lambda: list(zip([1, 2], [1], strict=True)),
    lambda: list(zip([1], [1, 2], strict=True)),
    lambda: list(zip([1], [1], [], strict=True)),
    lambda: map(len),
    lambda: list(map(None, [1])),
    lambda: filter(1),
    lambda: reversed(5),
    lambda: reversed({1}),
    lambda: reversed({}.keys() | set()),
    lambda: iter(1, 2),
    lambda: next(iter([])),
    lambda: next(enumerate([])),
]:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
