# dataclasses: generated __init__/__repr__/__eq__, defaults, field(), asdict/astuple/fields/replace.
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass
from typing import List

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(x=4, y=5), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__init__.__qualname__, Point.__doc__)

@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default='hidden', repr=False)
    ignored: int = field(default=0, compare=False)

    def total_cost(self) -> float:
        return self.unit_price * self.quantity

item = Inventory('widget', 2.5, 4)
item.tags.append('new')
print(item, item.total_cost(), item.secret)
print(Inventory('a', 1.0) == Inventory('a', 1.0, ignored=5))
print(Inventory('a', 1.0).tags is not Inventory('b', 1.0).tags)
print(asdict(item))
print(astuple(item))
print([(f.name, f.type, f.default) for f in fields(Inventory)][2:3])
print(replace(item, quantity=10))
print(is_dataclass(item), is_dataclass(Inventory), is_dataclass(3))

@dataclass
class Line:
    start: Point
    end: Point
    points: list = field(default_factory=lambda: [Point(0, 0)])
ln = Line(Point(0, 0), Point(3, 4))
print(ln, asdict(ln), astuple(ln))

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: Point())
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, z=3))
show(lambda: replace(p, z=1))
show(lambda: asdict(3))
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass
    class BadList:
        x: list = []
except ValueError as e:
    print('ValueError:', e)

@dataclass
class Counter:
    count: int = 0
    def incr(self):
        self.count += 1
        return self
print(Counter().incr().incr())
print(hasattr(Point, '__hash__'), Point.__hash__)
