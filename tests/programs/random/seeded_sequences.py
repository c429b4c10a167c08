# Seeded draws match CPython exactly, for many seeds and every function.
import random
for seed in [0, 1, 42, 2**32, 2**32 - 1, 2**64 + 7, -99, 10**40, "hello", "", b"\x00\xff", 3.75, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(7), random.getrandbits(40), random.getrandbits(70))
    print("  ints", [random.randint(1, 6) for _ in range(10)], random.randrange(10**12), random.randrange(-50, 50, 7))
    print("  seq", random.choice("abcdefghij"), random.sample(range(50), 6), random.choices("xyz", weights=[5, 1, 2], k=6))
    deck = list(range(13))
    random.shuffle(deck)
    print("  shuffle", deck)
    print("  real", random.uniform(-1, 1), random.gauss(10, 3), random.gauss(10, 3), random.normalvariate(), random.expovariate(2))
    print("  more", random.triangular(1, 5, 2), random.betavariate(2, 5), random.gammavariate(3, 1), random.paretovariate(2),
          random.weibullvariate(1, 1.5), random.lognormvariate(0, 0.5), random.vonmisesvariate(0, 4))
