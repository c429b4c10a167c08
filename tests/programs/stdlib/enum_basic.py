# enum: Enum members, reprs, str/format, lookup by value and name, iteration,
# aliases, auto(), unique, methods, functional API, errors.
from enum import Enum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'])
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.CRIMSON)
print(Color.__members__)
print(type(Color.RED), Color, isinstance(Color.GREEN, Color), Color.RED in Color)
print(f'{Color.RED}', f'[{Color.GREEN:>12}]', str(Color.BLUE), format(Color.RED))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), hash(Color.RED) == hash('RED'))
print({Color.RED: 'stop', Color.GREEN: 'go'}[Color.GREEN])
print([c.name for c in reversed(Color)], Color._member_names_)

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: Color(7))
show(lambda: Color['PURPLE'])
show(lambda: setattr(Color, 'RED', 5))
show(lambda: setattr(Color.RED, 'value', 5))
show(lambda: Color.RED < Color.GREEN)
show(lambda: 1 in Color)
show(lambda: unique(Color))

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    def describe(self):
        return f'{self.name.lower()} #{self.value}'
    @classmethod
    def default(cls):
        return cls.CIRCLE
    @property
    def corners(self):
        return 4 if self is Shape.SQUARE else 0
print(Shape.SQUARE.describe(), Shape.default(), Shape.CIRCLE.corners)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), Planet((3.303e+23, 2.4397e6)))

@unique
class Unique(Enum):
    A = 1
    B = 2
print(list(Unique))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal)
Prio = Enum('Prio', [('LOW', 10), ('HIGH', 20)])
print(Prio.HIGH, Prio(10))
class Weekday(Enum):
    MON = 'monday'
    TUE = 'tuesday'
    @classmethod
    def _missing_(cls, value):
        for m in cls:
            if m.value == str(value).lower():
                return m
        return None
print(Weekday('MONDAY'), Weekday('Tuesday'))
show(lambda: Weekday('friday'))

class Ordered(Enum):
    LOW = 1
    HIGH = 2
    def __lt__(self, other):
        return self.value < other.value
print(sorted([Ordered.HIGH, Ordered.LOW]), max(Ordered.HIGH, Ordered.LOW))
import copy
print(copy.deepcopy(Color.RED) is Color.RED, Color.RED.__class__.__name__)
