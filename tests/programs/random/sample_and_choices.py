# sample()'s two algorithms (pool for small populations, a set of picks for large ones), counts=,
# choices() with weights and cum_weights, and the error messages.
import random
random.seed(2024)
for n, k in [(5, 5), (10, 3), (21, 4), (22, 4), (30, 6), (100, 6), (100, 7), (200, 20), (1000, 50), (60, 40), (10**9, 5)]:
    print(n, k, random.sample(range(n), k))
print(random.sample("abcdefghijklmnopqrstuvwxyz", 8), random.sample(("a", "b", "c"), 3), random.sample([[1], [2], [3]], 2))
print(random.sample(["red", "blue"], counts=[4, 2], k=5), random.sample(range(3), counts=[1, 10, 100], k=20))
print(random.choices(range(10), k=10), random.choices(["a", "b"], [0.1, 0.9], k=8), random.choices("ab", cum_weights=[1, 1.5], k=5))
print(random.choices([1, 2, 3], weights=[1, 0, 1], k=10), random.choices("q"), random.choices("abc", k=0))
r = random.Random(99)
print(r.sample(range(10000), 12), r.choices("abc", weights=(3, 2, 1), k=7))
for f in [lambda: random.sample({1, 2, 3}, 2), lambda: random.sample([1, 2], 3), lambda: random.sample([1, 2], -1),
          lambda: random.sample([1, 2], k=1, counts=[1]), lambda: random.sample([1, 2], k=1, counts=[0, 0]),
          lambda: random.sample([1, 2], k=1, counts=[1.5, 1]), lambda: random.choices("ab", [1, 2, 3]),
          lambda: random.choices("ab", [0, 0]), lambda: random.choices("ab", [1, 2], cum_weights=[1, 2]),
          lambda: random.choices("ab", 5), lambda: random.choices([], k=2), lambda: random.choice(""),
          lambda: random.choices("ab", [float("inf"), 1])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
