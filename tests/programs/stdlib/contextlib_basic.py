# contextlib: contextmanager (incl. exceptions), suppress, closing, nullcontext, ExitStack,
# ContextDecorator.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, ContextDecorator
import contextlib

@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')

with tag('b') as t:
    print('inside', t)

with tag('outer'):
    with tag('inner'):
        print('nested')

@contextmanager
def catching():
    try:
        yield
    except ValueError as e:
        print('caught', e)

with catching():
    raise ValueError('bad value')
print('after catching')

try:
    with tag('x'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', repr(e))

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

@contextmanager
def reraise_other():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError('converted')
try:
    with reraise_other():
        1 / 0
except ValueError as e:
    print('ValueError:', e, type(e.__context__).__name__)

@tag('deco')
def decorated():
    print('in decorated')
decorated()
decorated()

with suppress(KeyError, IndexError):
    {}['missing']
print('suppressed')
with suppress():
    pass
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print('IndexError:', e)

class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print('closing', self.name)
with closing(Resource('r1')) as r:
    print('using', r.name)

with nullcontext(42) as v:
    print('null', v)
with nullcontext() as v:
    print('null', v)

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ('a', 'b', 'c')]
    stack.callback(print, 'callback ran', 1)
    print('names', names)

with ExitStack() as stack:
    stack.enter_context(tag('kept'))
    moved = stack.pop_all()
print('moved stack still open')
moved.close()

def cleanup_suppress(exc_type, exc, tb):
    print('exit callback saw', exc_type.__name__)
    return True
with ExitStack() as stack:
    stack.push(cleanup_suppress)
    raise RuntimeError('will be suppressed')
print('after exitstack')

class mycontext(ContextDecorator):
    def __enter__(self):
        print('Starting')
        return self
    def __exit__(self, *exc):
        print('Finishing')
        return False
@mycontext()
def function():
    print('The bit in the middle')
function()
print(isinstance(tag('z'), contextlib.AbstractContextManager))
