# () is one object, as in CPython: the literal, tuple(), tuple([]) and an empty *args.
import asyncio
t = ()
print(t is tuple(), tuple([]) is t, tuple(x for x in []) is t)
def f(*a):
    return a
print(f() is t, f(), f(1))
t += (1,)
print(t, len(()), () == (), ((),) == ((),))
print(asyncio.CancelledError().args is t[:0])
