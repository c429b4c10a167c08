"""Functional tools for creating and using iterators: CPython 3.11's itertools (a C module),
written as the "roughly equivalent" Python of its documentation, made exact: arguments are
checked and iter() is called when the iterator is made (as the C constructors do), with the
same error messages. Most iterators are generators; count and repeat are classes for their
reprs.
"""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']


def _index(value, what):
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None


# ---- infinite iterators ------------------------------------------------------------------

class count:
    """count(start=0, step=1) --> count object"""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            t = type(v)
            if not (isinstance(v, (int, float)) or hasattr(t, '__index__')
                    or hasattr(t, '__float__') or hasattr(t, '__int__')):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'{type(self).__name__}({self._n!r})'
        return f'{type(self).__name__}({self._n!r}, {self._step!r})'


def cycle(iterable, /):
    it = iter(iterable)

    def gen():
        saved = []
        for element in it:
            yield element
            saved.append(element)
        if not saved:
            return
        while True:
            for element in saved:
                yield element
    return gen()


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, object, times=None):
        self._object = object
        if times is None:
            self._times = -1
        else:
            times = _index(times, 'times')
            self._times = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._times == 0:
            raise StopIteration
        if self._times > 0:
            self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times < 0:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times < 0:
            return f'{type(self).__name__}({self._object!r})'
        return f'{type(self).__name__}({self._object!r}, {self._times})'


# ---- iterators terminating on the shortest input sequence ----------------------------------

def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)

    def gen():
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        if func is None:
            for element in it:
                total = total + element
                yield total
        else:
            for element in it:
                total = func(total, element)
                yield total
    return gen()


def _chain_gen(its):
    for it in its:
        yield from it


def chain(*iterables):
    return _chain_gen(iterables)


def _from_iterable(iterable, /):
    source = iter(iterable)

    def gen():
        for it in source:
            yield from it
    return gen()


chain.from_iterable = _from_iterable


def compress(data, selectors):
    d = iter(data)
    s = iter(selectors)
    return (datum for datum, selector in zip(d, s) if selector)


def dropwhile(predicate, iterable, /):
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x
    return gen()


def filterfalse(function, iterable, /):
    it = iter(iterable)
    if function is None:
        function = bool
    return (x for x in it if not function(x))


class _GroupbyState:
    def __init__(self, it, keyfunc):
        self.it = it
        self.keyfunc = keyfunc
        self.tgtkey = self.currkey = self.currvalue = _marker
        self.id = object()   # identifies the current group; _grouper stops when it changes

    def step(self):
        self.currvalue = next(self.it)    # Exit on StopIteration
        self.currkey = self.currvalue if self.keyfunc is None else self.keyfunc(self.currvalue)


_marker = object()


def _grouper(state, tgtkey, ident):
    # mirrors itertoolsmodule.c _grouper_next
    while True:
        if state.id is not ident:
            return
        if state.currvalue is _marker:
            try:
                state.step()
            except StopIteration:
                return
        if not (state.currkey == tgtkey):
            return
        r = state.currvalue
        state.currvalue = _marker
        yield r


def groupby(iterable, key=None):
    state = _GroupbyState(iter(iterable), key)

    # mirrors itertoolsmodule.c groupby_next
    def gen():
        while True:
            state.id = object()
            # skip to the next key
            if state.currvalue is _marker:
                try:
                    state.step()
                except StopIteration:
                    return
            elif state.tgtkey is not _marker:
                while state.currkey == state.tgtkey:
                    try:
                        state.step()
                    except StopIteration:
                        return
            state.tgtkey = state.currkey
            yield (state.currkey, _grouper(state, state.tgtkey, state.id))
    return gen()


def islice(*args):
    nargs = len(args)
    if nargs < 2:
        raise TypeError(f"islice expected at least 2 arguments, got {nargs}")
    if nargs > 4:
        raise TypeError(f"islice expected at most 4 arguments, got {nargs}")
    iterable = args[0]
    start, stop, step = 0, None, 1
    if nargs == 2:
        stop = args[1]
        if stop is not None:
            try:
                stop = _index(stop, 'stop')
            except TypeError:
                stop = -1
            if stop < 0 or stop > _sys.maxsize:
                raise ValueError("Stop argument for islice() must be None or an integer: "
                                 "0 <= x <= sys.maxsize.")
    else:
        start, stop = args[1], args[2]
        if nargs == 4:
            step = args[3]
        if start is None:
            start = 0
        else:
            try:
                start = _index(start, 'start')
            except TypeError:
                start = -1
        if stop is not None:
            try:
                stop = _index(stop, 'stop')
            except TypeError:
                stop = -1
        if start < 0 or (stop is not None and stop < 0):
            raise ValueError("Indices for islice() must be None or an integer: "
                             "0 <= x <= sys.maxsize.")
        if step is None:
            step = 1
        else:
            try:
                step = _index(step, 'step')
            except TypeError:
                step = -1
        if step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    it = iter(iterable)

    def gen():
        # mirrors itertoolsmodule.c islice_next
        cnt = 0
        nxt = start
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        while stop is None or cnt < stop:
            try:
                item = next(it)
            except StopIteration:
                return
            cnt += 1
            if cnt - 1 == nxt:
                oldnext = nxt
                nxt += step
                if stop is not None and (nxt >= stop or nxt < oldnext):
                    nxt = stop
                yield item
                if stop is not None and cnt >= stop:
                    return
                while cnt < nxt:
                    if stop is not None and cnt >= stop:
                        return
                    try:
                        next(it)
                    except StopIteration:
                        return
                    cnt += 1
    return gen()


def pairwise(iterable, /):
    it = iter(iterable)

    def gen():
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield a, b
            a = b
    return gen()


def starmap(function, iterable, /):
    it = iter(iterable)
    return (function(*args) for args in it)


def takewhile(predicate, iterable, /):
    it = iter(iterable)

    def gen():
        for x in it:
            if predicate(x):
                yield x
            else:
                break
    return gen()


class _TeeLink:
    def __init__(self):
        self.value = _marker
        self.next = None


class _tee:
    # Each tee iterator walks a shared linked list of values read from the source.
    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._it)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._it, self._link)


_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(iterable, n=2, /):
    n = _index(n, 'n')
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _TeeLink())
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


def zip_longest(*args, fillvalue=None):
    iterators = [iter(it) for it in args]

    def gen():
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)
    return gen()


# ---- combinatoric iterators -------------------------------------------------------------------

def product(*args, repeat=1):
    repeat = _index(repeat, 'repeat')
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in args] * repeat

    def gen():
        result = [[]]
        for pool in pools:
            result = [x + [y] for x in result for y in pool]
        for prod in result:
            yield tuple(prod)
    return gen()


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    else:
        r = _index(r, 'r')
        if r < 0:
            raise ValueError("r must be non-negative")

    def gen():
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return
    return gen()


def _combinations_args(name, iterable, r):
    pool = tuple(iterable)
    r = _index(r, 'r')
    if r < 0:
        raise ValueError("r must be non-negative")
    return pool, r


_missing = object()


def combinations(iterable=_missing, r=_missing):
    if iterable is _missing:
        raise TypeError("combinations() missing required argument 'iterable' (pos 1)")
    if r is _missing:
        raise TypeError("combinations() missing required argument 'r' (pos 2)")
    pool, r = _combinations_args('combinations', iterable, r)
    n = len(pool)

    def gen():
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)
    return gen()


def combinations_with_replacement(iterable=_missing, r=_missing):
    if iterable is _missing:
        raise TypeError("combinations_with_replacement() missing required argument 'iterable' (pos 1)")
    if r is _missing:
        raise TypeError("combinations_with_replacement() missing required argument 'r' (pos 2)")
    pool, r = _combinations_args('combinations_with_replacement', iterable, r)
    n = len(pool)

    def gen():
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
    return gen()
