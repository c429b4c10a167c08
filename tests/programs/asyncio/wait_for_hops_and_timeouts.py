# wait_for (3.11: the awaitable is wrapped in a task; a waiter future, call_later and
# _release_waiter decide the hops), its timeout paths, and how it reacts to cancellation.
import asyncio

log = []


async def ticker(n):
    for i in range(n):
        log.append(f"t{i}")
        await asyncio.sleep(0)


async def quick():
    log.append("quick runs")
    return "q"


async def hops():
    print("hops of an immediate result:")
    log.clear()
    t = asyncio.create_task(ticker(6))
    r = await asyncio.wait_for(quick(), timeout=1)
    log.append(f"wait_for -> {r}")
    r = await asyncio.wait_for(quick(), timeout=None)
    log.append(f"no timeout -> {r}")
    await t
    print("  ", " ".join(log))
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print("   tasks now:", names)


async def slow(name, delay, swallow=False):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError:
        print(f"  {name} got CancelledError")
        if swallow:
            return f"{name} (refused to stop)"
        raise
    finally:
        print(f"  {name} cleanup")


async def timeouts():
    print("timeout:")
    try:
        await asyncio.wait_for(slow("s1", 0.2), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("  TimeoutError", type(e).__name__, type(e.__cause__).__name__, e.args)
    print("timeout=0 on a pending coroutine:")
    try:
        await asyncio.wait_for(slow("s2", 0.2), timeout=0)
    except TimeoutError as e:
        print("  TimeoutError from", type(e.__cause__).__name__)
    print("timeout, but the task swallows the cancellation:")
    r = await asyncio.wait_for(slow("s3", 0.2, swallow=True), timeout=0.05)
    print("  result:", r)
    print("a done future:")
    f = asyncio.get_running_loop().create_future()
    f.set_result(7)
    print("  ", await asyncio.wait_for(f, timeout=0), await asyncio.wait_for(f, 1))


async def outer_cancelled():
    print("the waiting task is cancelled:")
    inner = asyncio.create_task(slow("s4", 0.5))
    waiter = asyncio.create_task(asyncio.wait_for(inner, timeout=1))
    await asyncio.sleep(0.02)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("  waiter cancelled; inner cancelled too:", inner.cancelled())


async def exception_passes_through():
    async def boom():
        await asyncio.sleep(0.01)
        raise LookupError("nope")
    try:
        await asyncio.wait_for(boom(), timeout=0.5)
    except LookupError as e:
        print("exception passes through:", repr(e))


async def main():
    await hops()
    await timeouts()
    await outer_cancelled()
    await exception_passes_through()


asyncio.run(main())
