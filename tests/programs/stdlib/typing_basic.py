# typing: annotated code runs; reprs of special forms and generic aliases; Generic, Protocol,
# NamedTuple, TypedDict, NewType, cast, overload, get_origin/get_args.
from typing import (Any, Optional, Union, List, Dict, Set, Tuple, Callable, Awaitable,
                    Coroutine, AsyncIterator, AsyncGenerator, Iterator, Generator, Iterable,
                    Sequence, Mapping, TypeVar, Generic, Protocol, NamedTuple, TypedDict,
                    Literal, Final, ClassVar, cast, TYPE_CHECKING, overload, NoReturn,
                    get_origin, get_args, NewType, Type, FrozenSet, DefaultDict, Deque)
import typing

T = TypeVar('T')
K = TypeVar('K', bound=int)
C = TypeVar('C', covariant=True)
print(T, K, C, T.__name__)
print(List, List[int], Dict[str, List[int]], Set[str], FrozenSet[int], Tuple[int, str], Tuple[int, ...], Tuple[()])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Union[int, Union[str, float]])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Any, Literal['a', 1], Final[int], ClassVar[int], NoReturn, Type[int])
print(Iterable[T], Iterator[int], Generator[int, None, None], Sequence[str], Mapping[str, int])
print(Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[int], AsyncGenerator[int, None])
print(DefaultDict[str, int], Deque[int], typing.Hashable, typing.Sized)
print(Optional[List[int]] == Union[List[int], None], List[int] == List[int], Union[int, str] == Union[str, int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(int), get_args(int))
print(Dict[str, T][int], List[T][float])

def greet(name: str, times: int = 1, *, loud: Optional[bool] = None) -> List[str]:
    return [name.upper() if loud else name] * times
print(greet('hi', 2), greet.__annotations__['times'], greet.__annotations__['return'])

async def fetch(url: str) -> Dict[str, Any]:
    return {'url': url}

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](5)
print(b.get(), Box(3).get(), Box[int], Box.__mro__[-2:])

class Pair(Generic[K, T]):
    def __init__(self, a: K, b: T):
        self.a, self.b = a, b
print(Pair(1, 'x').b, Pair[int, str])

class Greeter(Protocol):
    def greet(self) -> str: ...
class English:
    def greet(self) -> str:
        return 'hello'
def welcome(g: Greeter) -> str:
    return g.greet()
print(welcome(English()))
class Impl(Greeter):
    def greet(self) -> str:
        return 'impl'
print(Impl().greet())

class Employee(NamedTuple):
    name: str
    id: int = 3
    def badge(self) -> str:
        return f'{self.name}#{self.id}'
e = Employee('guido')
print(e, e.badge(), Employee._fields, Employee._field_defaults, Employee('x', 5) == ('x', 5))
print(Employee.__annotations__)
Emp2 = NamedTuple('Emp2', [('name', str), ('age', int)])
print(Emp2('a', 3), Emp2._fields)

class Movie(TypedDict):
    title: str
    year: int
m = Movie(title='Blade Runner', year=1982)
print(m, type(m).__name__, Movie.__annotations__, sorted(Movie.__required_keys__))
Point2D = TypedDict('Point2D', {'x': int, 'y': int})
print(Point2D(x=1, y=2))

UserId = NewType('UserId', int)
print(UserId(5), UserId)
print(cast(int, 'not an int'), cast('List[int]', [1]), TYPE_CHECKING)

@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2
print(double(2), double('ab'))

items: List[int] = [1, 2]
mapping: Dict[str, Tuple[int, ...]] = {'a': (1,)}
maybe: Optional[str] = None
print(items, mapping, maybe)

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: List[int, str])
show(lambda: Dict[int])
show(lambda: Optional[int, str])
show(lambda: Generic[int])
show(lambda: Generic[T, T])
show(lambda: List())
show(lambda: Union())
show(lambda: Greeter())
show(lambda: isinstance(1, Any) if False else Any())
try:
    class X(Union): pass
except TypeError as e:
    print('TypeError:', e)
print(Generic[T], typing.Protocol[T])
