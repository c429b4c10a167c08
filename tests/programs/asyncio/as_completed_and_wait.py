# as_completed (its queue of finished futures, the timeout dummy) and wait's return_when
# modes, with futures, tasks and coroutines mixed; ensure_future on awaitables.
import asyncio


async def val(v, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"bad {v}")
    return v


class Awaitable:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(0.01, fut.set_result, self.v)
        return (yield from fut)


async def main():
    print("as_completed in finishing order:")
    tasks = [asyncio.create_task(val(n, d)) for n, d in [("slow", 0.1), ("fast", 0.02), ("mid", 0.06)]]
    for f in asyncio.as_completed(tasks):
        print("  ", await f)

    print("as_completed with an error and a timeout:")
    aws = [val("a", 0.02), val("b", 0.04, fail=True), val("c", 0.5)]
    it = asyncio.as_completed(aws, timeout=0.1)
    for f in it:
        try:
            print("  ", await f)
        except RuntimeError as e:
            print("   error:", e)
        except TimeoutError:
            print("   timed out")
    await asyncio.sleep(0)
    left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    print("   still running after the timeout:", len(left))
    for t in left:
        t.cancel()
    await asyncio.gather(*left, return_exceptions=True)

    print("wait FIRST_EXCEPTION:")
    ts = [asyncio.create_task(val(i, 0.02 * (i + 1), fail=(i == 1)), name=f"v{i}") for i in range(4)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("  ", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    print("   exception:", ts[1].exception())
    done, pending = await asyncio.wait(pending)
    print("  ", sorted(t.result() for t in done), pending)

    print("ensure_future:")
    fut = asyncio.ensure_future(Awaitable("custom"))
    print("  ", type(fut).__name__, await fut)
    f = asyncio.get_running_loop().create_future()
    print("   same future back:", asyncio.ensure_future(f) is f)
    f.cancel()
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("  ", e)
    print("   gather of an awaitable:", await asyncio.gather(Awaitable(1), val(2, 0)))


asyncio.run(main())
