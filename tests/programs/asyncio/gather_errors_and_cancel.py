# gather: first error propagates while the others keep running; return_exceptions; cancelling
# the outer future or one child; duplicates; nesting; the order results and callbacks arrive.
import asyncio


async def work(name, delay, fail=None, log=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print(f"  {name} cancelled (args={e.args})")
        raise
    if fail:
        print(f"  {name} raising {fail.__name__}")
        raise fail(name)
    print(f"  {name} done")
    return name.upper()


async def first_error():
    print("first error propagates:")
    g = asyncio.gather(work("a", 0.02), work("b", 0.04, ValueError), work("c", 0.06))
    try:
        await g
    except ValueError as e:
        print("  caught", repr(e), "gather done:", g.done())
    await asyncio.sleep(0.04)  # c still finishes
    print("  after the error, c finished anyway")


async def return_exceptions():
    print("return_exceptions=True:")
    t = asyncio.create_task(work("slow", 1))
    # cancel one child from outside while gathering
    g = asyncio.gather(work("x", 0.02), work("y", 0.04, KeyError), t, return_exceptions=True)
    asyncio.get_running_loop().call_later(0.06, t.cancel, "stop it")
    res = await g
    print("  results:", [repr(r) for r in res])


async def cancel_outer():
    print("cancel the gather future:")
    g = asyncio.gather(work("p", 0.1), work("q", 0.2))
    await asyncio.sleep(0.02)
    print("  cancel() ->", g.cancel("enough"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("  awaiting it raised CancelledError", e.args)
    print("  cancelled():", g.cancelled(), "done():", g.done())
    print("  cancel() again ->", g.cancel())


async def cancel_child_without_return_exceptions():
    print("a child cancelled, return_exceptions=False:")
    child = asyncio.create_task(work("k", 0.1))
    g = asyncio.gather(child, work("m", 0.05))
    await asyncio.sleep(0.02)
    child.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("  gather raised CancelledError; g.cancelled() =", g.cancelled())
    await asyncio.sleep(0.05)


async def order_of_arrival():
    print("results keep argument order, completions do not:")
    seen = []

    async def f(n, d):
        await asyncio.sleep(d)
        seen.append(n)
        return n

    res = await asyncio.gather(f(1, 0.06), f(2, 0.02), f(3, 0.04))
    print("  results", res, "arrival", seen)


async def duplicates_and_nesting():
    print("duplicates and nesting:")
    t = asyncio.create_task(work("d", 0.02))
    res = await asyncio.gather(t, t, asyncio.gather(work("n1", 0.01), work("n2", 0.03)))
    print("  ", res)
    empty = asyncio.gather()
    print("  empty gather:", await empty, empty.done())


async def interleaving():
    print("who runs when (sleep(0) hops):")
    log = []

    async def hop(name, n):
        for i in range(n):
            log.append(f"{name}{i}")
            await asyncio.sleep(0)
        return name

    async def outer():
        r = await asyncio.gather(hop("a", 3), hop("b", 2))
        log.append("gathered")
        return r

    t = asyncio.create_task(outer())
    for i in range(8):
        log.append(f"main{i}")
        await asyncio.sleep(0)
    await t
    print("  ", " ".join(log))


async def main():
    await first_error()
    await return_exceptions()
    await cancel_outer()
    await cancel_child_without_return_exceptions()
    await order_of_arrival()
    await duplicates_and_nesting()
    await interleaving()


asyncio.run(main())
