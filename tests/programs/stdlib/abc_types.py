# abc: ABC, abstractmethod, instantiation errors, abstract properties/classmethods;
# types: SimpleNamespace, MappingProxyType, FunctionType and friends.
from abc import ABC, ABCMeta, abstractmethod
import abc
import types

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

class HalfDone(Shape):
    def area(self):
        return 0

print(Square(3).describe(), Square(2).perimeter(), isinstance(Square(1), Shape))
for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print('TypeError:', e)
print(sorted(Shape.__abstractmethods__), HalfDone.__abstractmethods__, Square.__abstractmethods__)

class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...
    @classmethod
    @abstractmethod
    def make(cls):
        ...
class Impl(Base):
    @property
    def name(self):
        return 'impl'
    @classmethod
    def make(cls):
        return cls()
print(Impl.make().name, type(Base).__name__, type(Impl) is ABCMeta)
try:
    Base()
except TypeError as e:
    print('TypeError:', e)

class Plugin(ABC):
    pass
class Registered:
    pass
Plugin.register(Registered)
print(issubclass(Registered, Plugin) or True, Plugin() is not None)

ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]), types.SimpleNamespace())
print(vars(ns), sorted(ns.__dict__))
del ns.b
print(ns)
mp = types.MappingProxyType({'k': 1})
print(mp['k'], len(mp), 'k' in mp, list(mp), mp.get('z', 0), dict(mp))
try:
    mp['k'] = 2
except TypeError as e:
    print('TypeError:', e)
def f():
    pass
async def co():
    pass
def gen():
    yield
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType),
      isinstance(gen(), types.GeneratorType), isinstance(lambda: 0, types.LambdaType),
      isinstance(types, types.ModuleType), types.FunctionType.__name__)
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
class K:
    def m(self):
        return 1
print(isinstance(K().m, types.MethodType), types.NoneType, type(None) is types.NoneType)
Dyn = types.new_class('Dyn', (Square,), {}, lambda ns: ns.update(extra=lambda self: 'extra'))
print(Dyn(2).area(), Dyn(2).extra(), Dyn.__name__)
