# PEP 562: a module's __getattr__ answers attribute access and `from m import name` for names it
# does not define; types.ModuleType(name, doc) makes a module at run time (subclasses too); repr(module).
import sys
import types

m = types.ModuleType("lazy")
m.present = "here"
def _getattr(name):
    if name.startswith("computed_"):
        return name.upper()
    raise AttributeError(f"module 'lazy' has no attribute '{name}'")
m.__getattr__ = _getattr
sys.modules["lazy"] = m

print(m.present, m.computed_one, getattr(m, "computed_two"), hasattr(m, "other"), getattr(m, "other", "default"))
from lazy import computed_three, present
print(computed_three, present)
try:
    from lazy import missing
except ImportError as e:
    print("ImportError", e)
try:
    m.missing
except AttributeError as e:
    print("AttributeError", e)
m = types.ModuleType('mm', 'docs')
print(m.__name__, m.__doc__, m.__package__, m.__spec__, sorted(k for k in vars(m)))
class Sub(types.ModuleType):
    pass
s = Sub('sub')
print(type(s).__name__, s.__name__, isinstance(s, types.ModuleType))
for bad in [lambda: types.ModuleType(), lambda: types.ModuleType(5)]:
    try:
        bad()
    except TypeError as e:
        print(e)

# repr: (built-in) for the modules compiled into CPython, the file when there is one, else the name.
import sys, time, gc, itertools, types
import __main__
print(repr(sys), repr(time), repr(gc), repr(itertools))
print(repr(types.ModuleType("x")), repr(types.ModuleType("it's")))
print(repr(__main__) == f"<module '__main__' from {__file__!r}>")
m = types.ModuleType("withfile")
m.__file__ = "/somewhere/withfile.py"
print(m)
del m.__name__
print(m)
