# A ticker counts loop iterations (sleep(0) each); every primitive's wake-up is logged against
# it, so one extra or missing hop anywhere (locks, queues, events, conditions, semaphores,
# wait, as_completed, shield, timeouts, TaskGroup, gather) changes the ledger.
import asyncio

ledger = []
tick = 0


async def ticker(n):
    global tick
    for i in range(n):
        tick = i
        await asyncio.sleep(0)


def note(what):
    ledger.append(f"{tick}:{what}")


async def scenario(name, coro_fn):
    global tick
    ledger.clear()
    tick = 0
    t = asyncio.create_task(ticker(40))
    await asyncio.sleep(0)
    await coro_fn()
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"{name}: {' '.join(ledger)}")


async def lock_s():
    lock = asyncio.Lock()

    async def user(n):
        async with lock:
            note(f"u{n}in")
            await asyncio.sleep(0)
        note(f"u{n}out")

    await asyncio.gather(user(1), user(2), user(3))


async def queue_s():
    q = asyncio.Queue(1)

    async def prod():
        for i in range(3):
            await q.put(i)
            note(f"put{i}")

    async def cons():
        for _ in range(3):
            note(f"got{await q.get()}")

    await asyncio.gather(cons(), prod())
    q2 = asyncio.Queue()

    async def joiner():
        await q2.join()
        note("joined")

    q2.put_nowait(1)
    j = asyncio.create_task(joiner())
    await asyncio.sleep(0)
    q2.get_nowait()
    q2.task_done()
    note("task_done")
    await j


async def event_s():
    ev = asyncio.Event()

    async def w(n):
        await ev.wait()
        note(f"w{n}")

    ts = [asyncio.create_task(w(n)) for n in range(2)]
    await asyncio.sleep(0)
    note("set")
    ev.set()
    await asyncio.gather(*ts)


async def cond_s():
    c = asyncio.Condition()

    async def w(n):
        async with c:
            await c.wait()
            note(f"w{n}")

    ts = [asyncio.create_task(w(n)) for n in range(2)]
    await asyncio.sleep(0)
    async with c:
        note("notify_all")
        c.notify_all()
    await asyncio.gather(*ts)


async def sem_s():
    s = asyncio.Semaphore(1)

    async def w(n):
        async with s:
            note(f"s{n}")
            await asyncio.sleep(0)

    await asyncio.gather(*(w(n) for n in range(3)))


async def wait_s():
    async def f(n):
        for _ in range(n):
            await asyncio.sleep(0)
        note(f"f{n}")
        return n

    ts = [asyncio.create_task(f(n)) for n in (3, 1, 2)]
    done, _ = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    note(f"first {sorted(t.result() for t in done)}")
    await asyncio.wait(ts)
    note("all")
    # (tasks, not coroutines: as_completed makes tasks of coroutines in set order)
    for c in asyncio.as_completed([asyncio.create_task(f(2)), asyncio.create_task(f(1))]):
        note(f"ac{await c}")


async def shield_s():
    async def f():
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        note("inner")
        return 1

    r = await asyncio.shield(f())
    note(f"shield {r}")
    r = await asyncio.wait_for(f(), 1)
    note(f"wait_for {r}")


async def timeout_s():
    async def slow():
        async with asyncio.timeout(0):
            note("in")
            await asyncio.sleep(1)

    try:
        await slow()
    except TimeoutError:
        note("timeout")
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0)
    except TimeoutError:
        note("wait_for 0")


async def taskgroup_s():
    async def f(n):
        for _ in range(n):
            await asyncio.sleep(0)
        note(f"t{n}")
        if n == 2:
            raise ValueError

    try:
        async with asyncio.TaskGroup() as tg:
            for n in (1, 2, 3):
                tg.create_task(f(n))
            note("body end")
    except* ValueError:
        note("group error")


async def gather_s():
    async def f(n):
        for _ in range(n):
            await asyncio.sleep(0)
        note(f"g{n}")
        return n

    note(f"gather {await asyncio.gather(f(2), f(0), f(1))}")
    note(f"nested {await asyncio.gather(asyncio.gather(f(1)), f(0))}")


async def main():
    for name, fn in [("lock", lock_s), ("queue", queue_s), ("event", event_s), ("cond", cond_s),
                     ("sem", sem_s), ("wait", wait_s), ("shield", shield_s),
                     ("timeout", timeout_s), ("taskgroup", taskgroup_s), ("gather", gather_s)]:
        await scenario(name, fn)


asyncio.run(main())
