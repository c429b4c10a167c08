# itertools: infinite iterators, terminating iterators, groupby, islice, tee, zip_longest.
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile,
                       takewhile, filterfalse, groupby, islice, starmap, tee, zip_longest,
                       pairwise)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
print(repr(count(3)), repr(count(2, 3)), repr(count(1.5)))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -2)), repr(repeat('a', 2)))
print(list(map(pow, range(5), repeat(2))))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], initial=100)), list(accumulate([])))
print(list(chain('ab', [1, 2], (3,))), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
data = [('a', 1), ('a', 2), ('b', 3), ('c', 4), ('c', 5)]
for key, group in groupby(data, key=lambda t: t[0]):
    print(key, [v for _, v in group])
groups = [g for k, g in groupby('aabb')]
print([list(g) for g in groups])
it = groupby('aaabbc')
k1, g1 = next(it)
k2, g2 = next(it)
print(k1, list(g1), k2, list(g2), list(it)[0][0])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(100), 10, 20, 3)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
a, b = tee([1, 2, 3])
print(list(a), list(b))
x, y, z = tee(iter('ab'), 3)
print(next(x), list(y), list(x), list(z), tee([], 0))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1], [], [2, 3])))
print(list(pairwise('ABCDE')), list(pairwise('A')))

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: islice([1, 2], -1))
show(lambda: islice([1, 2], 'a'))
show(lambda: islice([1, 2], 1, 2, 0))
show(lambda: islice([1, 2], -1, 3))
show(lambda: islice(5, 1))
show(lambda: islice([1]))
show(lambda: islice([1], 1, 2, 3, 4))
show(lambda: tee([1], -1))
show(lambda: count('a'))
show(lambda: list(accumulate([1, 'a'])))
show(lambda: type(chain(1)).__name__ in ('chain', 'generator'))
show(lambda: list(chain(1)))
show(lambda: cycle(5))
show(lambda: zip_longest(1, 2))
