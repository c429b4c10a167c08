# pprint: pformat/pprint of nested containers, widths, depth, compact, sort_dicts, collections types, dataclasses.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
from dataclasses import dataclass, field
data = {'name': 'Looplab', 'tags': ['asyncio', 'visualizer', 'python', 'playground', 'education'],
        'nested': {'level1': {'level2': {'level3': list(range(30))}}}, 'b': (1, 2, 3), 'a': None,
        'text': 'a fairly long string that will definitely need wrapping when printed narrow ' * 2}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, depth=2, compact=True)
pprint.pprint(data, sort_dicts=False, indent=2, width=60)
print(pprint.pformat(list(range(50)), width=30, compact=True))
print(pprint.pformat({3: 'c', 1: 'a', 2: 'b'}), pprint.saferepr({'x': [1, 2]}), pprint.isreadable([1, 'a']))
pprint.pprint(OrderedDict((str(i), i * i) for i in range(12)))
pprint.pprint(defaultdict(list, {'k' * 20: list(range(15)), 'j': [1]}))
pprint.pprint(Counter('the quick brown fox jumps over the lazy dog'))
pprint.pprint(deque(range(40), maxlen=50))
@dataclass
class Item:
    name: str
    price: float
    tags: list = field(default_factory=list)
pprint.pprint([Item('widget' * 3, 9.99, ['a'] * 10), Item('x', 1.0)], width=50)
pprint.pprint({'set': set(range(25)), 'fs': frozenset({3, 1, 2}), 'empty': {}, 'emptyl': [], 'tup1': (1,)})
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint([[1, 2, 3], {'a': 'b' * 20}])
