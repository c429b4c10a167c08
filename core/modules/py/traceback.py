"""Extract, format and print information about Python stack traces: the commonly used part of
CPython 3.11 Lib/traceback.py (print_exc, format_exc, print_exception, format_exception,
format_exception_only). The text comes from the engine's own traceback renderer
(_stdlib.format_exception), which prints what CPython prints for an uncaught exception.
"""

import sys
import _stdlib

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc',
           'print_exception', 'print_last']

_sentinel = object()


def _lines(text):
    return text.splitlines(keepends=True)


def _exc_of(exc, value):
    # the 3.10+ signature: format_exception(exc) or the old (type, value, tb)
    if value is not _sentinel and value is not None:
        return value
    if value is None and exc is not None and not isinstance(exc, BaseException):
        return None
    return exc


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    exc = _exc_of(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _lines(_stdlib.format_exception(exc))


def format_exception_only(exc, /, value=_sentinel):
    exc = _exc_of(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    etype = type(exc)
    stype = etype.__qualname__
    smod = etype.__module__
    if smod not in ("__main__", "builtins"):
        stype = smod + '.' + stype
    try:
        text = str(exc)
    except Exception:
        text = '<exception str() failed>'
    lines = [f'{stype}: {text}\n' if text else f'{stype}\n']
    notes = getattr(exc, '__notes__', None)
    if notes is not None:
        for note in notes:
            lines.append(f'{note}\n')
    return lines


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError("no last exception")
