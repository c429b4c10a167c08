# Arbitrary precision: factorials, powers, Fibonacci, conversions, hashing and exact comparisons
# with floats, correctly rounded true division.
import math

def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


f = 1
for i in range(1, 60):
    f *= i
print(f)
print(math.factorial(100))
print(2 ** 1000)
print(len(str(3 ** 5000)), str(3 ** 5000)[:30], str(3 ** 5000)[-30:])
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print(a)
print(a % 1000000007, a // 10**90, a.bit_length(), a.bit_count())
big = 10**50 + 12345
print(hash(big), hash(-big), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(10**100))
print(hash(2**64) == hash(float(2**64)), hash(1 << 200) == hash(float(1 << 200)))
print({2**64: 'a', 2**64 + 0.0: 'b'}, len({10**30, 10**30 + 0}))
print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2**53 == 2.0**53, 10**400 > 1e308, -10**400 < -1e308)
print(10**400 < float('inf'), 10**400 > float('-inf'), 10**400 == float('nan'), 2**1024 != 1.7976931348623157e308)
print(10**30 / 10**10, (10**30 + 1) / 3, 1 / 3**300, 2**1100 / 2**77, (2**200 + 1) / (2**147 + 3), -(10**40) / 7)
show('10**400 / 3', lambda: 10**400 / 3)
show('float(10**400)', lambda: float(10**400))
show('10**400 * 1.0', lambda: 10**400 * 1.0)
show('math.sqrt(10**400)', lambda: math.sqrt(10**400))
show("int('9' * 5000)", lambda: int('9' * 5000))
print(math.log(10**400), math.log10(10**400), math.log2(2**5000), math.log(2**3000, 2))
print(int(1e300) == 10**300, int(1e300) - 10**300, int(-1.5e20), int(2.0**80))
n = 12345678901234567890123456789
print(n // 987654321, n % 987654321, divmod(n, -987654321), divmod(-n, 10**15))
print(n << 100 >> 100 == n, (n << 100) & ((1 << 120) - 1), -n & 0xFFFFFFFF, -n | 0xFF, -n ^ n, ~n)
print(bin(n), oct(n), hex(n), hex(-n))
print(int(str(7**777)) == 7**777, int(hex(7**300), 16) == 7**300, int('-' + bin(5**200)[2:], 2) == -(5**200))
print(sum(range(10**6)), sum(i * i for i in range(1000)) % 97)
print(math.gcd(2**100, 6**50), math.lcm(2**40, 3**30, 10**5), math.isqrt(10**101), math.comb(100, 50), math.perm(30, 10))
print(pow(3, 10**18, 2**89 - 1), pow(12345, -1, 2**61 - 1))
