# Counter: counting, most_common ordering, arithmetic, update/subtract, elements, repr.
from collections import Counter

c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract('aaaa')
c.subtract({'z': 5})
print(c)
print(Counter(), Counter({'x': 1}), Counter(x=3, y=-1))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, b - a, a | b, a & b)
print(+Counter(a=1, b=-2, c=0), -Counter(a=1, b=-2))
a2 = Counter(a=3, b=1); a2 += Counter(b=-5, c=2); print(a2)
a3 = Counter(a=3, b=1); a3 -= Counter(a=1); print(a3)
print(Counter('aab') == Counter('aba'), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
tie = Counter(['b', 'a', 'c', 'a', 'b', 'c', 'd'])
print(tie.most_common(), tie.most_common(2))
del c['a']
del c['nothere']
print('a' in c, c['a'])
print(dict(Counter('hello')), list(Counter('hello').keys()))
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError:', e)
print(Counter({'x': 1.5, 'y': 0.5}))
print(isinstance(c, dict), Counter('aaa').copy())
