# Objects with __await__ delegating to asyncio's own awaitables (sleep, futures, coroutines),
# awaited directly, through ensure_future and through gather.
import asyncio


class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return (yield from asyncio.sleep(self.seconds, result=self.value).__await__())


class ViaCoroutine:
    def __await__(self):
        return (yield from self.run().__await__())

    async def run(self):
        await asyncio.sleep(0.01)
        return "via coroutine"


class ViaFuture:
    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_soon(fut.set_result, "via future")
        return (yield from fut.__await__())


async def main():
    print(await Delay(0.01, "direct"))
    print(await ViaCoroutine(), await ViaFuture())
    print(await asyncio.ensure_future(Delay(0.02, "ensure_future")))
    print(await asyncio.gather(Delay(0.03, "a"), ViaFuture(), ViaCoroutine()))
    print(await asyncio.wait_for(Delay(0.01, "wait_for"), timeout=1))
    s = asyncio.sleep(0)
    print(type(s).__name__, asyncio.iscoroutine(s))
    await s


asyncio.run(main())
