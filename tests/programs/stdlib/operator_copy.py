# operator functions and getters; copy.copy / copy.deepcopy (memo, instances, __copy__).
import operator
from operator import itemgetter, attrgetter, methodcaller
import copy

print(operator.add(2, 3), operator.sub(5, 2), operator.mul('ab', 2), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(4))
print(operator.eq(1, 1), operator.lt(1, 2), operator.not_(0), operator.truth([]), operator.is_(None, None))
print(operator.contains([1, 2], 2), operator.getitem({'a': 1}, 'a'), operator.concat([1], [2]),
      operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'), operator.index(7))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.invert(5))
lst = [1, 2, 3]
operator.setitem(lst, 0, 9); operator.delitem(lst, 1)
print(lst, operator.iadd([1], [2]), operator.length_hint([1, 2, 3]), operator.length_hint(iter([]), 5))
print(itemgetter(1)('ABCDEFG'), itemgetter(1, 3, 5)('ABCDEFG'), itemgetter(slice(2, None))('ABCDEFG'))
inventory = [('apple', 3), ('banana', 2), ('pear', 5), ('orange', 1)]
print(sorted(inventory, key=itemgetter(1)), list(map(itemgetter(0), inventory)))
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = self
    def scale(self, k, offset=0):
        return (self.x * k + offset, self.y * k + offset)
pts = [Pt(3, 1), Pt(1, 2), Pt(2, 0)]
print([p.x for p in sorted(pts, key=attrgetter('x'))], attrgetter('x', 'y')(pts[0]), attrgetter('inner.inner.y')(pts[1]))
print(methodcaller('scale', 2)(pts[0]), methodcaller('scale', 2, offset=1)(pts[0]), methodcaller('upper')('ab'))
print(repr(itemgetter(1, 'a')), repr(attrgetter('x.y')), repr(methodcaller('f', 1, k=2)))
try:
    attrgetter(1)
except TypeError as e:
    print('TypeError:', e)
print(operator.call(max, 1, 5), operator.abs(-3))

nested = {'a': [1, 2, {'b': 3}], 't': (1, [2]), 's': {1, 2}}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested['a'][2]['b'] = 99
nested['t'][1].append(3)
print(shallow['a'][2], deep['a'][2], deep['t'], shallow is nested, shallow['a'] is nested['a'])
shared = [1, 2]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc)
class Node:
    def __init__(self, val, kids=None):
        self.val = val
        self.kids = kids or []
    def __repr__(self):
        return f'Node({self.val}, {self.kids})'
tree = Node(1, [Node(2), Node(3)])
t2 = copy.deepcopy(tree)
t3 = copy.copy(tree)
tree.kids[0].val = 20
print(t2, t3, t3.kids is tree.kids)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v + 1)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(self.v + 100)
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(1)).v, copy.deepcopy([Custom(2)])[0].v)
print(copy.copy(5), copy.deepcopy('s'), copy.copy((1, 2)), copy.deepcopy((1, [2]))[1])
from collections import namedtuple, OrderedDict, defaultdict, deque, Counter
P = namedtuple('P', 'x y')
print(copy.deepcopy(P(1, [2])), copy.copy(OrderedDict(a=1)), copy.deepcopy(Counter('aab')))
dd = defaultdict(list, {'k': [1]})
dd2 = copy.deepcopy(dd)
dd2['k'].append(2); dd2['new'].append(0)
print(dict(dd), dict(dd2), dd2.default_factory)
dq = deque([1, [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
dq2[1].append(3)
print(dq, dq2, copy.copy(dq).maxlen)
class WithSlots:
    pass
w = WithSlots(); w.a = [1]
w2 = copy.deepcopy(w)
w2.a.append(2)
print(w.a, w2.a, type(w2).__name__)
