"""Generic (shallow and deep) copying operations: a port of CPython 3.11 Lib/copy.py.

The engine's objects have no __reduce_ex__, so _reduce_ex below does what CPython's
object.__reduce_ex__(4) (Objects/typeobject.c reduce_newobj) answers for the objects a program
makes: instances (state = __dict__ or __getstate__()), tuple subclasses (__getnewargs__) and
list/dict/set subclasses (their items). __copy__, __deepcopy__, __reduce_ex__ and __reduce__
defined by a class are honoured as in CPython.
"""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass
error = Error   # backward compatibility


def copy(x):
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x
for t in (type(None), int, float, bool, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          types.FunctionType):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy

del d, t


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x
for t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
          bytes, str, type, range, types.BuiltinFunctionType, types.FunctionType,
          property):
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict


def _deepcopy_set(x, memo, deepcopy=deepcopy):
    # CPython reduces sets to set(list(items)): the copy is made from deep-copied items.
    y = set(deepcopy(list(x), memo))
    return y
d[set] = _deepcopy_set


def _deepcopy_frozenset(x, memo, deepcopy=deepcopy):
    return frozenset(deepcopy(list(x), memo))
d[frozenset] = _deepcopy_frozenset


def _deepcopy_method(x, memo): # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
d[types.MethodType] = _deepcopy_method

del d


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)]=[x]


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def _reduce(x, cls):
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(x, 4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    return _reduce_ex(x, cls)


# mirrors Objects/typeobject.c reduce_newobj (protocol 2+) for the engine's objects.
def _reduce_ex(x, cls):
    try:
        from _collections import deque, defaultdict
    except ImportError:
        deque = defaultdict = ()
    if deque and isinstance(x, deque):
        return (cls, ((), x.maxlen), _getstate(x), iter(x), None)
    if defaultdict and isinstance(x, defaultdict):
        return (cls, (x.default_factory,), _getstate(x), None, iter(x.items()))
    if issubclass(cls, BaseException):
        return (cls, x.args, _getstate(x), None, None)
    getnewargs = getattr(x, "__getnewargs__", None)
    if getnewargs is not None:
        args = getnewargs()
    elif isinstance(x, (tuple, frozenset)):
        args = (tuple(x),)
    else:
        args = ()
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    state = _getstate(x)
    if isinstance(x, set):
        return (cls, (list(x),), state, None, None)
    if cls.__new__ is object.__new__ and not args:
        return (__newobj__, (cls,), state, listitems, dictitems)
    return (__newobj__, (cls,) + tuple(args), state, listitems, dictitems)


def _getstate(x):
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        try:
            return getstate()
        except TypeError:
            pass
    try:
        state = x.__dict__
    except AttributeError:
        return None
    return state or None


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
