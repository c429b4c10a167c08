# Classes: inheritance, super(), __class__, properties, class/static methods, name mangling,
# decorators, class attributes and dunders.
def traced(fn):
    def wrapper(*args, **kwargs):
        print("->", fn.__qualname__)
        return fn(*args, **kwargs)
    return wrapper

class Account:
    """A bank account."""
    interest = 0.5
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        Account.count += 1

    @property
    def balance(self):
        return self.__balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative")
        self.__balance = value

    @traced
    def deposit(self, amount):
        self.__balance += amount
        return self

    @classmethod
    def open(cls, owner):
        return cls(owner, 100)

    @staticmethod
    def describe():
        return "accounts hold money"

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.__balance})"

class Savings(Account):
    def __init__(self, owner, balance=0):
        super().__init__(owner, balance)
        self.kind = "savings"

    def deposit(self, amount):
        print("savings deposit")
        return super().deposit(amount * 2)

    def whoami(self):
        return __class__.__name__

a = Account("ann", 10)
s = Savings.open("sam")
print(a.deposit(5), s.deposit(1), s.whoami(), Account.count)
print(a.balance, a._Account__balance, Account.describe(), Account.__doc__)
try:
    a.balance = -1
except ValueError as e:
    print("setter:", e)
print(Savings.__mro__[1].__name__, Savings.__qualname__, Savings.deposit.__qualname__)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(1, 2) + Vec(3, 4)
v *= 2
print(v, 3 * Vec(1, 1), list(v), v == Vec(8, 12))

def make_class(base):
    class Local(base):
        def hello(self):
            return "local " + super().hello()
    return Local

class Base:
    def hello(self):
        return "base"
print(make_class(Base)().hello(), make_class(Base).__qualname__)

class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(type(WithMeta).__name__)
