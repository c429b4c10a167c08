# async def, await, async with, async for, async generators and comprehensions.
import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else "ok")
        return exc_type is KeyError

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0.01)
    return x * 2

async def main():
    async with Resource("a") as a, Resource("b"):
        print("using", a.name)
    async with Resource("c"):
        raise KeyError("swallowed")
    try:
        async with Resource("d"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    async for n in Countdown(3):
        print("countdown", n)
    else:
        print("countdown done")
    async for t in ticks(5):
        if t == 2:
            break
        print("tick", t)
    print([t async for t in ticks(4) if t % 2 == 0])
    print([await double(i) for i in range(3)])
    print({t: await double(t) async for t in ticks(2)})
    results = await asyncio.gather(*(double(i) for i in range(4)))
    print(results)
    agen = (t * 10 async for t in ticks(3))
    print([v async for v in agen])

asyncio.run(main())
