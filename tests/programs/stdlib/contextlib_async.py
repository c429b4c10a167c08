# contextlib async parts: asynccontextmanager (enter/exit/exceptions), AsyncExitStack, aclosing.
# Coroutines are driven by hand (no event loop needed: nothing here suspends).
from contextlib import asynccontextmanager, AsyncExitStack, aclosing, nullcontext

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError('coroutine suspended')

@asynccontextmanager
async def resource(name):
    print('open', name)
    try:
        yield name + '!'
    finally:
        print('close', name)

async def main():
    async with resource('db') as r:
        print('using', r)
    try:
        async with resource('net'):
            raise ValueError('oops')
    except ValueError as e:
        print('caught', e)
    return 'done'
print(run(main()))

@asynccontextmanager
async def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))

async def main2():
    async with swallow():
        raise KeyError('k')
    print('continued')
    @asynccontextmanager
    async def no_yield():
        if False:
            yield
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print('RuntimeError:', e)
    @asynccontextmanager
    async def two():
        yield 1
        yield 2
    try:
        async with two():
            pass
    except RuntimeError as e:
        print('RuntimeError:', e)
    @asynccontextmanager
    async def convert():
        try:
            yield
        except ZeroDivisionError:
            raise ValueError('converted')
    try:
        async with convert():
            1 / 0
    except ValueError as e:
        print('ValueError:', e)
    @asynccontextmanager
    async def stopper():
        yield
    try:
        async with stopper():
            raise StopAsyncIteration('sai')
    except StopAsyncIteration as e:
        print('StopAsyncIteration propagated:', e)
run(main2())

async def main3():
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource('a'))
        b = stack.enter_context(nullcontext('sync'))
        async def acb(x):
            print('async callback', x)
        stack.push_async_callback(acb, 1)
        stack.callback(print, 'sync callback')
        print(a, b)
    class AsyncThing:
        async def aclose(self):
            print('aclosed')
    async with aclosing(AsyncThing()) as t:
        print('have', type(t).__name__)
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print('agen finalised')
    async with aclosing(agen()) as g:
        async for v in g:
            print('got', v)
            break
run(main3())

@resource('deco')
async def decorated():
    print('in decorated')
run(decorated())
