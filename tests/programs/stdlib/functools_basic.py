# functools: partial, wraps, reduce, lru_cache/cache, total_ordering, cmp_to_key,
# cached_property, singledispatch, partialmethod.
import functools
from functools import partial, wraps, reduce, lru_cache, cache, total_ordering, cmp_to_key

def power(base, exponent, *, mod=None):
    r = base ** exponent
    return r % mod if mod else r

square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2), square(7, mod=10))
print(square.func is power, square.args, square.keywords)
p1 = partial(power, 2)
p2 = partial(p1, mod=5)
print(p2(10), p2.func is power, p2.args, p2.keywords)
print(repr(partial(max, 1, 2, key=abs)))
try:
    partial(3)
except TypeError as e:
    print('TypeError:', e)

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1), add.__qualname__)

print(reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]), reduce(lambda a, b: a + b, [], 10))
print(reduce(lambda acc, s: acc + len(s), ['ab', 'cde'], 0))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError:', e)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); sq(1)
print(sq.cache_info(), sq.cache_parameters())

@lru_cache
def ident(x):
    return x
print(ident(3), ident(3), ident.cache_info())

@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact.cache_info())

@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return f'Version({self.major}, {self.minor})'
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, sorted([b, a]), max(a, b))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print('ValueError:', e)

def compare_len(x, y):
    return len(x) - len(y)
print(sorted(['ccc', 'a', 'bb', 'dddd'], key=cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
del c.area
print(c.area)

@functools.singledispatch
def describe(x):
    return 'object'
@describe.register
def _(x: int):
    return 'int ' + str(x)
@describe.register(list)
def _(x):
    return 'list of ' + str(len(x))
print(describe(1), describe([1, 2]), describe('s'), describe(True))

class Cell:
    def __init__(self):
        self._alive = False
    def set_state(self, state):
        self._alive = bool(state)
    set_alive = functools.partialmethod(set_state, True)
cell = Cell()
cell.set_alive()
print(cell._alive)
