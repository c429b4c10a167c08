# Attribute and global lookups that change under a running loop: each line is executed many
# times by the same instruction, so an inline cache filled on an early pass must notice the
# change on a later one.
import math


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def call_norm(p):
    return p.norm()


p = Point(1, 2)
results = []
for step in range(6):
    if step == 1:
        Point.norm = lambda self: "patched"          # the class changes its method
    if step == 2:
        p.norm = lambda: "instance shadows"          # the instance shadows the method
    if step == 3:
        del p.norm
    if step == 4:
        Point.x = property(lambda self: "property")  # a data descriptor now wins over the dict
    if step == 5:
        del Point.x
    results.append((step, read_x(p), call_norm(p)))
for r in results:
    print(r)

# Attributes deleted and re-added move within the instance dict.
q = Point(3, 4)
seen = []
for step in range(4):
    if step == 1:
        del q.x
        q.z = 9
        q.x = 30
    if step == 2:
        for name in ("a", "b", "c", "d", "e", "f", "g", "h", "i"):
            setattr(q, name, name.upper())       # grows past the small-dict size
    if step == 3:
        setattr(q, "".join(["y"]), 40)           # a key built at run time, not interned
    seen.append((read_x(q), q.y, q.z if step else None))
print(seen)

# Objects of different classes through the same instruction.
class Other:
    x = "class attribute"

    def norm(self):
        return "other"


class Slotted:
    __slots__ = ("x",)

    def __init__(self):
        self.x = "slot"

    def norm(self):
        return "slotted"


class Dynamic:
    def __getattr__(self, name):
        return f"dynamic {name}"

    def __getattribute__(self, name):
        if name == "norm":
            return lambda: "intercepted"
        return object.__getattribute__(self, name)


for obj in [Point(5, 6), Other(), Point(7, 8), Slotted(), Dynamic(), Point(-1, -1)]:
    print(type(obj).__name__, read_x(obj), call_norm(obj))

# __class__ assignment changes which class answers.
class Left:
    def who(self):
        return "left"


class Right:
    def who(self):
        return "right"


obj = Left()
answers = []
for i in range(4):
    answers.append(obj.who())
    obj.__class__ = Right if obj.__class__ is Left else Left
print(answers)

# Globals shadowing builtins, then going away again.
def length(seq):
    return len(seq)


out = []
for step in range(4):
    if step == 1:
        len = lambda seq: -1
    if step == 2:
        del len
    if step == 3:
        globals()["len"] = lambda seq: -2
    out.append(length("abc"))
print(out)

# Module attributes rebound.
def pi():
    return math.pi


vals = []
for step in range(3):
    if step == 1:
        math.pi = 3
    if step == 2:
        del math.pi
    try:
        vals.append(pi())
    except AttributeError as e:
        vals.append(str(e))
print(vals)

# What __class__ assignment refuses.
class WithSlots:
    __slots__ = ("a",)


for target, new in [(Left(), 5), (Left(), int), (5, Left), (Left(), WithSlots), (WithSlots(), Left)]:
    try:
        target.__class__ = new
        print("assigned", type(target).__name__)
    except TypeError as e:
        print("TypeError:", e)
