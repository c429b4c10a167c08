# gather at its edges: duplicates, futures and tasks mixed with coroutines, results in argument
# order, return_exceptions, a cancelled child, cancelling the outer future, a child failing after
# the outer is done, the outer's type and attributes, and calls the fast path leaves to Python.
import asyncio


async def val(x, t=0):
    await asyncio.sleep(t)
    return x


async def boom(t=0):
    await asyncio.sleep(t)
    raise ValueError("boom")


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "custom"


async def main():
    print("order and duplicates:")
    c = val("c", 0.02)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, fut.set_result, "f")
    task = asyncio.create_task(val("t"))
    outer = asyncio.gather(val("a", 0.03), c, fut, task, c)
    print("  ", type(outer).__name__, len(outer._children), outer._cancel_requested, outer.done())
    print("  ", await outer)
    print("  ", await asyncio.gather(), await asyncio.gather(Awaitable(), val(1)))
    many = [val(i) for i in range(40)]
    r = await asyncio.gather(*many, *many[:5], *reversed(many))
    print("   85 arguments, 40 distinct:", len(r), r[:3], r[40:45], r[-3:])

    print("return_exceptions and failures:")
    print("  ", await asyncio.gather(val(1), boom(), return_exceptions=True))
    try:
        await asyncio.gather(val(1, 0.01), boom())
    except ValueError as e:
        print("   raised", repr(e))
    slow = asyncio.create_task(boom(0.01))
    try:
        await asyncio.gather(boom(), slow)
    except ValueError:
        print("   first failure wins; the other still runs:", slow.done())
    await asyncio.sleep(0.02)
    print("   later failure retrieved quietly:", slow.done())

    print("cancellation:")
    t1 = asyncio.create_task(val(1, 1))
    t2 = asyncio.create_task(val(2))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0)
    t1.cancel("stop")
    print("  ", await g)
    t3 = asyncio.create_task(val(3, 1))
    g = asyncio.gather(t3)
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("   a cancelled child cancels the outer await:", g.cancelled(), type(g.exception()).__name__)
    g = asyncio.gather(val(4, 1), val(5, 1))
    await asyncio.sleep(0)
    print("   outer.cancel():", g.cancel("bye"), g._cancel_requested, [c.cancelled() for c in g._children])
    try:
        await g
    except asyncio.CancelledError as e:
        print("   outer cancelled:", g.cancelled(), e.args)
    g = asyncio.gather(val(6))
    await g
    print("   cancel after done:", g.cancel())

    print("keywords and errors:")
    co = val(7)
    try:
        asyncio.gather(co, loop=None)
    except TypeError as e:
        print("  ", e)
    co.close()
    co = val(8)
    try:
        asyncio.gather(co, 42)
    except TypeError as e:
        print("  ", e)
    co.close()


asyncio.run(main())
