# The interpreter's out-of-line instructions and slow paths (core/lang/interpreter_slow_paths.cpp):
# each one run, several times where a cache or a fast path could take over, and errors that
# unwind through frames the out-of-line code pushed.
import math
from math import sqrt as root


def unbound_local():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
    del x
    try:
        del x
    except UnboundLocalError as e:
        print("del:", e)


def cells():
    v = 1

    def inner():
        return v

    print("cell", inner())
    del v
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    try:
        del v
    except NameError as e:
        print("del cell:", e)


class ClassBody:
    n = 10
    kind = "plain"

    def f(self):
        return ClassBody.n

    def g(outer=n):
        return outer

    x = 1
    y = x + n
    del x


class Prepared(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        class Namespace(dict):
            def __getitem__(self, key):
                print("ns lookup", key)
                return super().__getitem__(key)

            def __setitem__(self, key, value):
                print("ns store", key)
                super().__setitem__(key, value)

        return Namespace()

    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, dict(ns))


class WithPrepare(metaclass=Prepared):
    a = 1
    b = a + 1


def closures_in_class():
    value = "outer"

    class Inner:
        print("classderef", value)
        value2 = value

    return Inner.value2


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


class Other:
    def __init__(self):
        self.x = "other"

    def norm(self):
        return "other norm"


class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t, e, tb):
        print("exit", self.name, t.__name__ if t else None, e)
        return self.swallow


class AsyncCtx:
    async def __aenter__(self):
        print("aenter")
        return "A"

    async def __aexit__(self, t, e, tb):
        print("aexit", t.__name__ if t else None)
        return False


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def agen(n):
    for i in range(n):
        yield i * 10


def sub():
    yield 1
    r = yield 2
    return r


def delegator():
    got = yield from sub()
    yield ("got", got)


def recurse(*args, **kwargs):
    return recurse(*args, **kwargs)


def star(a, b=2, *rest, key=None, **extra):
    return (a, b, rest, key, sorted(extra.items()))


def main():
    unbound_local()
    cells()
    print(ClassBody().f(), ClassBody.g(), ClassBody.y, hasattr(ClassBody, "x"))
    print(WithPrepare.b)
    print(closures_in_class())

    # LOAD_ATTR / STORE_ATTR / LOAD_METHOD: misses, hits, then a different class at the same site.
    total = 0
    for obj in [Point(1, 2), Point(3, 4), Point(5, 6), Other(), Point(7, 8)]:
        r = obj.norm()
        obj.x = obj.x
        total = total + (r if isinstance(r, int) else len(r))
    print("attrs", total, math.pi > 3, root(16))
    p = Point(1, 1)
    p.z = 5
    del p.z
    try:
        p.z
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        p.missing()
    except AttributeError as e:
        print("AttributeError:", e)

    # Operators beyond small ints: overflow, strings, objects, unary.
    big = 2**62
    print(big + big, big * 4, -big - big - big, (big * big) // big)
    s = ""
    for i in range(5):
        s = s + str(i)
        s += "-"
    print(s, "ab" + "cd", [1] + [2], 7 % 3, 7 / 2, -(-5), -2.5, +True, ~5, not [], not [1])
    print(-(2**63) - 1 < 0, 3 < 4.5, "a" < "b", (1, 2) == (1, 2), [1] != [2])
    try:
        -"x"
    except TypeError as e:
        print("TypeError:", e)

    # Subscripts: lists (in and out of range), dicts, slices, deletion.
    xs = [10, 20, 30, 40]
    d = {"k": 1}
    xs[-1] = 41
    d["j"] = 2
    print(xs[1], xs[-1], d["k"], xs[1:3], xs[::2], xs[1:3:1])
    del xs[0]
    del d["k"]
    print(xs, d)
    try:
        xs[10]
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs[10] = 1
    except IndexError as e:
        print("IndexError:", e)

    # Displays and comprehensions.
    t = (1, 2, 3)
    a, *b, c = [1, 2, 3, 4, 5]
    print(t, (*t, 4), [*t, *xs], {*t, 4}, {"a": 1, **d}, {k: v for k, v in d.items()},
          {x % 3 for x in range(10)}, dict(a=1, b=2), a, b, c)
    n = 7
    print(f"{n} {n!r} {n:>4} {'s'!s} {'é'!a} {3.14159:.2f} {n:{'x'}}")

    # Calls with * and **.
    args = (1, 2, 3)
    kw = {"key": "k", "other": 9}
    print(star(*args), star(*args, **kw), star(1, *[5], **{"z": 0}))
    print(Point(*(1, 2)).norm(), (lambda *a, **k: (a, k))(*[1], **{"x": 2}))
    try:
        print(dict(**{"a": 1}, **{"a": 2}))
    except TypeError as e:
        print("TypeError:", e)
    try:
        recurse(1, k=2)
    except RecursionError as e:
        print("RecursionError:", e)

    # with: __enter__/__exit__ written in Python, exceptions through them.
    with Ctx("one") as name:
        print("body", name)
    with Ctx("two", swallow=True):
        raise ValueError("swallowed")
    try:
        with Ctx("three"):
            raise KeyError("kept")
    except KeyError as e:
        print("KeyError:", e)

    # Generators: yield from (GET_YIELD_FROM_ITER), send and throw.
    g = delegator()
    print(next(g), next(g), g.send("sent"))

    # Exceptions: raise from, bare raise, assert, except*.
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            raise RuntimeError("outer") from e
    except RuntimeError as e:
        print(repr(e), repr(e.__cause__))
    try:
        try:
            raise OSError("again")
        except OSError:
            raise
    except OSError as e:
        print("reraised", e)
    try:
        raise
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        assert 1 == 2, "nope"
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as eg:
        print("star ValueError", [str(x) for x in eg.exceptions])
    except* TypeError as eg:
        print("star TypeError", [str(x) for x in eg.exceptions])

    # Globals and names: delete, missing.
    global temp
    temp = 5
    del temp
    try:
        temp
    except NameError as e:
        print("NameError:", e)
    try:
        undefined_name
    except NameError as e:
        print("NameError:", e)


async def amain():
    async with AsyncCtx() as v:
        print("inside", v)
    async for i in Ticker(3):
        print("tick", i)
    print([x async for x in agen(3)])


main()
temp2 = 1
del temp2
try:
    temp2
except NameError as e:
    print("module NameError:", e)
import asyncio

asyncio.run(amain())


async def double(x):
    await asyncio.sleep(0)
    return x * 2


# A call through f(*args) that hands control to the host (run_until_complete parks the chain),
# with values left on the stack below it.
loop = asyncio.new_event_loop()
print("host call", 1, (loop.run_until_complete(*[double(21)]), 3))
print([loop.run_until_complete(*(double(i),)) for i in range(3)], 9)
loop.close()
from math import *

print(floor(2.5), callable(gcd))
