# OrderedDict (move_to_end, popitem, equality, views), ChainMap, deque/defaultdict re-exports.
from collections import OrderedDict, ChainMap, deque, defaultdict

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), od.keys(), od.values(), od.items())
od.move_to_end('b')
print(list(od))
od.move_to_end('b', last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([('x', 1), ('y', 2)])
print(od2 == OrderedDict([('y', 2), ('x', 1)]), od2 == {'y': 2, 'x': 1}, dict(od2) == od2)
print(OrderedDict.fromkeys('abc', 0), OrderedDict(), repr(OrderedDict(a=1)))
print(list(reversed(OrderedDict(a=1, b=2, c=3))))
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError:', e)
try:
    od2.move_to_end('zz')
except KeyError as e:
    print('KeyError:', e)
od3 = od2.copy(); od3['z'] = 0
print(od3, od2 | {'w': 9}, isinstance(od3, dict))

base = {'color': 'red', 'user': 'guest'}
override = {'user': 'admin'}
cm = ChainMap(override, base)
print(cm['user'], cm['color'], len(cm), sorted(cm), cm.get('nope', 'dflt'), 'color' in cm)
print(cm)
child = cm.new_child({'user': 'child'})
print(child['user'], child.parents['user'], child.maps[-1] is base)
cm['new'] = 1
print(override, dict(cm))
del cm['new']
try:
    del cm['color']
except KeyError as e:
    print('KeyError:', e)
print(ChainMap())

d = deque([1, 2, 3], maxlen=4)
d.appendleft(0)
d.append(4)
print(d, d.maxlen, d.popleft(), d.pop(), list(d))
dd = defaultdict(list)
dd['k'].append(1)
dd['k'].append(2)
print(dd['k'], dict(dd), dd.default_factory)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()))
import collections
print(collections.deque is deque, collections.defaultdict is defaultdict)
