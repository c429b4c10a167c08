# Assigning a class's __name__, __qualname__ and __module__ (and setting them in the class body):
# repr() shows the new names; a non-string name is a TypeError.
class A: pass
A.__name__='B'
A.__qualname__='Q'
A.__module__='zz'
print(A, A.__name__, A.__qualname__, A.__module__, A.__dict__['__module__'], '__name__' in A.__dict__)
try:
    A.__name__ = 5
except TypeError as e:
    print(e)
class C:
    __module__ = 'mm'
    __qualname__ = 'X.C'
print(C, C.__module__)
