# Big-number work that must stay fast: factorial(5000), 2**100000, long str/int round trips,
# modular exponentiation, and a tight small-int loop.
import math
f = math.factorial(5000)
print(f.bit_length(), f % (10**9 + 7), len(str(math.factorial(1000))))
p = 2 ** 100000
print(p.bit_length(), p % 1000003, (p - 1) % 999983, (3 ** 50000) % (2 ** 61 - 1))
s = str(7 ** 5000)
print(len(s), s[:20], s[-20:], int(s) == 7 ** 5000)
print(pow(7, 10**100, 10**9 + 7), pow(2, 2**64, 2**127 - 1))
a, b = 0, 1
for _ in range(20000):
    a, b = b, a + b
print(a.bit_length(), a % 1000000007)
t = 0
for i in range(300000):
    t = (t + i * i) % 1000003
print(t)
x = 1.0
for i in range(1, 100000):
    x = x * 1.0000001 + 1e-9
print(x)
print(math.isqrt(10**2000) == 10**1000, math.comb(2000, 1000) % 10**20)
