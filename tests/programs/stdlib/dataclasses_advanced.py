# dataclasses: frozen, order, __post_init__, InitVar, ClassVar, kw_only, inheritance,
# unsafe_hash, repr/eq switches, field metadata.
from dataclasses import dataclass, field, FrozenInstanceError, InitVar, KW_ONLY, fields
from typing import ClassVar

@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)), {c: 'here'}[Coord(1.5, 2.5)])
try:
    c.lat = 0
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)
try:
    del c.lon
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 5), Version(0, 9), Version(1, 0)]), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print('TypeError:', e)

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(Rect(2, 3))

@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.a *= scale
print(WithInit(3, 10), WithInit(3), [f.name for f in fields(WithInit)])

@dataclass
class WithClassVar:
    x: int
    registry: ClassVar[list] = []
print(WithClassVar(1), [f.name for f in fields(WithClassVar)])

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10
print(Derived(), Derived(1, 2, 3), isinstance(Derived(), Base))

@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int
print(Options(level=3))
try:
    Options(True, 3)
except TypeError as e:
    print('TypeError:', e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = field(default=3, kw_only=True)
print(Mixed(1, b=5), Mixed(1))

@dataclass(repr=False, eq=False)
class Plain:
    v: int
pl = Plain(1)
print(pl == Plain(1), pl.v, type(pl).__repr__ is object.__repr__)

@dataclass(unsafe_hash=True)
class Hashable:
    k: str
    v: int = field(hash=False, default=0)
print(hash(Hashable('a', 1)) == hash(Hashable('a', 2)))

@dataclass
class Meta:
    x: int = field(default=0, metadata={'unit': 'cm'})
print(fields(Meta)[0].metadata['unit'], repr(fields(Meta)[0].name))

@dataclass(frozen=True)
class FrozenBase:
    a: int
try:
    @dataclass
    class NotFrozen(FrozenBase):
        b: int = 0
except TypeError as e:
    print('TypeError:', e)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
from dataclasses import asdict
print(asdict(root))
print(Version.__match_args__, Coord.__eq__(c, c))
