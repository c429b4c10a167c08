"""Coroutine helpers (a port of CPython 3.11's asyncio/coroutines.py)."""

__all__ = 'iscoroutinefunction', 'iscoroutine'

import _asyncio


# A marker for iscoroutinefunction.
_is_coroutine = object()

# inspect.CO_COROUTINE
_CO_COROUTINE = 0x0080


def _inspect_iscoroutinefunction(f):
    # mirrors inspect._has_code_flag(f, CO_COROUTINE): unwrap bound methods and
    # functools.partial objects, then look at the code flags of a plain function.
    while True:
        func = getattr(f, '__func__', None)
        if func is None or not hasattr(f, '__self__'):
            break
        f = func
    while type(f).__name__ == 'partial' and hasattr(f, 'func') and hasattr(f, 'args'):
        f = f.func
    code = getattr(f, '__code__', None)
    if code is None or not hasattr(f, '__defaults__'):
        return False
    return bool(code.co_flags & _CO_COROUTINE)


def iscoroutinefunction(func):
    """Return True if func is a decorated coroutine function."""
    return (_inspect_iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


_iscoroutine_typecache = set()


def _generator():
    yield


_GeneratorType = type(_generator())


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    # Native coroutines (async def, asyncio.sleep) first: the common case.
    if _asyncio.iscoroutine(obj):
        return True
    cls = type(obj)
    if cls in _iscoroutine_typecache:
        return True
    # isinstance(obj, (types.CoroutineType, types.GeneratorType, collections.abc.Coroutine)),
    # without importing collections.abc for it: Coroutine's subclass hook asks for these
    # four methods; classes registered with the ABC count once collections.abc is loaded.
    if (cls is _GeneratorType or
            (hasattr(cls, '__await__') and hasattr(cls, 'send') and
             hasattr(cls, 'throw') and hasattr(cls, 'close')) or
            _registered_coroutine(obj)):
        # Just in case we don't want to cache more than 100
        # positive types.  That shouldn't ever happen, unless
        # someone stressing the system on purpose.
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(cls)
        return True
    else:
        return False


def _registered_coroutine(obj):
    import sys
    abc = sys.modules.get('collections.abc')
    return abc is not None and isinstance(obj, abc.Coroutine)
