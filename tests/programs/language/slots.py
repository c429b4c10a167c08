# __slots__: instances of classes whose whole MRO has __slots__ (no "__dict__") take only those
# attributes; private names are mangled; a class variable may not shadow a slot.
class A:
    __slots__ = ("a", "__p")
    def __init__(self):
        self.__p = 1
    def p(self):
        return self.__p
class B(A):
    __slots__ = "b"
class C(A):
    pass
class D(B):
    __slots__ = ["d", "__dict__"]
a = A()
print(a.p(), hasattr(a, "a"))
for obj, name in [(a, "a"), (a, "zz"), (B(), "b"), (B(), "q"), (C(), "q"), (D(), "q")]:
    try:
        setattr(obj, name, 5)
        print(type(obj).__name__, name, "ok", getattr(obj, name))
    except AttributeError as e:
        print(type(obj).__name__, name, "AttributeError:", e)
for obj in (a, B()):
    try:
        print(type(obj).__name__, "dict", obj.__dict__)
    except AttributeError as e:
        print(type(obj).__name__, "AttributeError:", e)
try:
    a.a
    print("read a", a.a)
    del a.a
    a.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    class E:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class F:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(a)
except TypeError as e:
    print("TypeError:", e)
class G:
    __slots__ = ()
try:
    G().x = 1
except AttributeError as e:
    print("AttributeError:", e)
import dataclasses
@dataclasses.dataclass(slots=True)
class H:
    x: int
h = H(1)
try:
    h.y = 2
except AttributeError as e:
    print("AttributeError:", e)
print(H.__slots__, h)
