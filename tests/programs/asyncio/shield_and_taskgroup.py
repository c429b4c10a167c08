# shield: the outer future is cancelled, the inner work goes on; TaskGroup: a failure cancels
# the siblings and the body, errors are grouped, the parent's own cancellation wins.
import asyncio


async def job(name, delay, fail=False, record=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        if record is not None:
            record.append(name)
        raise
    if fail:
        raise ValueError(f"{name} failed")
    return name


async def shield_demo():
    print("shield:")
    inner = asyncio.create_task(job("inner", 0.06))
    outer = asyncio.shield(inner)

    async def waiter():
        return await outer

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.02)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("  waiter cancelled; outer cancelled:", outer.cancelled(), "inner done:", inner.done())
    print("  inner still finishes:", await inner)
    done = asyncio.get_running_loop().create_future()
    done.set_result("ready")
    print("  shield of a done future is the future itself:", asyncio.shield(done) is done)
    bad = asyncio.create_task(job("bad", 0.01, fail=True))
    try:
        await asyncio.shield(bad)
    except ValueError as e:
        print("  the inner error comes through:", e)


async def group_failure():
    print("TaskGroup, one task fails:")
    cancelled = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.1, record=cancelled))
            tg.create_task(job("b", 0.02, fail=True))
            tg.create_task(job("c", 0.2, record=cancelled))
            t = tg.create_task(job("d", 0.01), name="dee")
            await asyncio.sleep(1)
            print("  not reached")
    except* ValueError as eg:
        print("  caught", type(eg).__name__, [str(e) for e in eg.exceptions])
    print("  cancelled siblings:", sorted(cancelled), "| d finished first:", t.result(), t.get_name())


async def group_many_failures():
    print("TaskGroup, two failures (one while being cancelled):")

    async def stubborn():
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            raise OSError("y failed while cancelled")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("x", 0.02, fail=True))
            tg.create_task(stubborn())
            tg.create_task(job("z", 0.5))
    except ExceptionGroup as eg:
        print("  ", eg.message, sorted(str(e) for e in eg.exceptions))


async def group_body_error():
    print("TaskGroup, the body raises:")
    cancelled = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("w", 0.2, record=cancelled))
            raise KeyError("from body")
    except BaseExceptionGroup as eg:
        print("  ", repr(eg), "cancelled:", cancelled)


async def group_parent_cancelled():
    print("TaskGroup, the parent task is cancelled:")
    cancelled = []

    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("u", 0.2, record=cancelled))
            tg.create_task(job("v", 0.3, record=cancelled))
        print("  not reached")

    p = asyncio.create_task(parent())
    await asyncio.sleep(0.02)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("  parent cancelled; children:", sorted(cancelled))


async def group_results_and_errors():
    print("TaskGroup results and misuse:")
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(job(f"r{i}", 0.01 * (3 - i))) for i in range(3)]
    print("  ", [t.result() for t in ts])
    late = job("late", 0)
    try:
        tg.create_task(late)
    except RuntimeError as e:
        late.close()
        print("  ", str(e).replace(repr(tg), "<TaskGroup>"))
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("  ", str(e).replace(repr(tg), "<TaskGroup>"))


async def main():
    await shield_demo()
    await group_failure()
    await group_many_failures()
    await group_body_error()
    await group_parent_cancelled()
    await group_results_and_errors()


asyncio.run(main())
