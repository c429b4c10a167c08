# Generators: send, throw, close, return values, yield from delegation, expressions.
def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        print("closing with", received)
        raise

g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()

def with_return():
    yield 1
    return "result"

def delegator():
    r = yield from with_return()
    print("delegate returned", r)
    yield from [10, 20]
    return r.upper()

d = delegator()
print(list(d))

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught inside:", e)

c = catcher()
next(c)
print(c.throw(ValueError("boom")))

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain("ab", range(2), (x * x for x in range(3)))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
print(sum(x for x in range(100) if x % 7 == 0))

def stopper():
    yield 1
    return 42
s = stopper()
next(s)
try:
    next(s)
except StopIteration as e:
    print("StopIteration value", e.value)

gen = (n * 2 for n in range(3))
print(next(gen), list(gen), list(gen))
