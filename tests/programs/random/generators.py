# Random instances are independent, getstate/setstate round-trips, subclasses can override random(),
# and randrange's argument handling matches random.py.
import random
a, b = random.Random(5), random.Random(5)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)], a.randint(1, 10), b.randint(1, 10))
state = a.getstate()
x = [a.random() for _ in range(5)]
a.setstate(state)
print(x == [a.random() for _ in range(5)], len(state), state[0], len(state[1]), state[2])
a.gauss()
st = a.getstate()
print(st[2] is not None, a.gauss() == (a.setstate(st), a.gauss())[1])
random.seed(1)
s1 = random.getstate()
v = random.random()
random.setstate(s1)
print(v == random.random())
class Fixed(random.Random):
    def random(self):
        return 0.25
f = Fixed(0)
print(f.random(), f.uniform(0, 8), f.randrange(100), f.randint(1, 4), f.choice("abcd"), f.sample(range(10), 3), f.choices("ab", k=3),
      f.gauss(), f.expovariate(1), f.triangular(0, 4))
class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 5
g = Bits(0)
print(g.randrange(6), g.choice("abcdefg"))
r = random.Random()
r.seed(12345)
print(r.random(), r.randrange(3, 30, 3), r.randrange(30, 3, -3), r.randint(-5, -1), r.randrange(2**70, 2**71))
r.extra = "attrs work"
print(r.extra, r.gauss_next, type(r).__name__, isinstance(r, random.Random))
for args in [(0,), (5, 2), (1, 10, 0), (10.0,), (10.5,), (1, 5, -1), (0, 10, 20), ("5",)]:
    try:
        print(args, random.randrange(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
for bad in [lambda: random.seed([1, 2]), lambda: random.getrandbits(-1), lambda: random.randrange(10, step=2),
            lambda: random.gammavariate(-1, 1), lambda: random.expovariate(0), lambda: random.setstate((9, (), None))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(random.Random("seed me").random(), random.Random(b"seed me").random(), random.Random(-7).random() == random.Random(7).random())
random.seed("x", version=1)
print(random.random(), random.randbytes(6))
random.seed(bytearray(b"seed me"))
print(random.random(), random.Random(bytearray(b"abc")).random() == random.Random(b"abc").random())
