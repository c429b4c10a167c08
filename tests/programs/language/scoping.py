# Name resolution: locals, enclosing, globals, builtins; global/nonlocal; class scopes.
x = "global x"

def read_global():
    return x

def shadow():
    x = "local x"
    def inner():
        return x
    return inner()

def rebind_global():
    global x
    x = "rebound"

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

print(read_global(), shadow())
rebind_global()
print(x)
c = counter()
print(c(), c(), c())

def late_binding():
    fns = [lambda: i for i in range(3)]
    bound = [lambda i=i: i for i in range(3)]
    return [f() for f in fns], [f() for f in bound]
print(late_binding())

class K:
    v = 10
    doubled = [v * 2 for v in range(3)]   # the class variable is not visible inside
    def method(self):
        return v if False else self.v
print(K.doubled, K().method())

def enclosing_class_skip():
    y = "function y"
    class C:
        y = "class y"
        def get(self):
            return y
        seen = y
    return C().get(), C.seen
print(enclosing_class_skip())

def del_local():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return "unbound"
print(del_local())

def uses_before_assign():
    try:
        print(w)
    except NameError as e:
        return type(e).__name__
    w = 1
print(uses_before_assign())

def nested_nonlocal():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
        return a
    return mid(), a
print(nested_nonlocal())
