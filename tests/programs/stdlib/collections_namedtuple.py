# namedtuple: construction, fields, _make/_asdict/_replace, defaults, rename, errors.
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p))
print(Point(x=3, y=4), Point(5, y=6))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), type(p).__name__)
print(Point._fields, Point._field_defaults)
print(Point._make([7, 8]), Point._make(range(2)))
print(p._asdict(), p._replace(y=20), p)
print(hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(repr(Point.x), Point.__doc__)

Color = namedtuple('Color', 'red green blue', defaults=[0, 255])
print(Color(1), Color(1, 2), Color(1, 2, 3), Color._field_defaults)
P3 = namedtuple('P3', 'a, b c')
print(P3(1, 2, 3))
R = namedtuple('R', ['abc', 'def', 'abc', '_x', '9z'], rename=True)
print(R._fields)
Single = namedtuple('Single', 'only')
print(Single(1), Single._make([2]))

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: Point(1))
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, x=2))
show(lambda: Point(1, 2, z=3))
show(lambda: Point._make([1]))
show(lambda: p._replace(z=1))
show(lambda: namedtuple('Bad', ['def']))
show(lambda: namedtuple('Bad', ['_x']))
show(lambda: namedtuple('Bad', ['a', 'a']))
show(lambda: namedtuple('1Bad', ['a']))
show(lambda: namedtuple('Bad', ['a'], defaults=[1, 2]))
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)

class Vec(namedtuple('Vec', 'x y')):
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def norm2(self):
        return self.x * self.x + self.y * self.y
v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2(), Vec._fields)
