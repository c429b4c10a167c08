# Queues: maxsize back-pressure interleaving, nowait errors, task_done/join, priority and LIFO
# order, cancelled getters and putters, the waiter hand-off order.
import asyncio

log = []


async def producer(q, name, n):
    for i in range(n):
        log.append(f"{name} put {i}")
        await q.put(f"{name}{i}")
        log.append(f"{name} ok {i} (size {q.qsize()})")


async def consumer(q, name, n, pause):
    for _ in range(n):
        item = await q.get()
        log.append(f"{name} got {item}")
        await asyncio.sleep(pause)
        q.task_done()


async def backpressure():
    print("maxsize=2, fast producer, slow consumer:")
    log.clear()
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q, "P", 5))
    c = asyncio.create_task(consumer(q, "C", 5, 0.02))
    await asyncio.gather(p, c)
    for line in log:
        print("  ", line)
    print("   full/empty:", q.full(), q.empty(), "maxsize:", q.maxsize, str(q))


async def nowait_errors():
    print("nowait errors and task_done:")
    q = asyncio.Queue(1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull as e:
        print("   QueueFull", repr(e), type(e).__module__)
    print("  ", q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("   QueueEmpty", repr(e), type(e).__qualname__)
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("  ", e)


async def join_demo():
    print("join waits for every task_done:")
    log.clear()
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    print("  ", str(q))

    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(0.02 * (item + 1))
            log.append(f"{name} did {item}")
            q.task_done()

    ws = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await q.join()
    log.append("joined")
    for w in ws:
        w.cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("  ", " | ".join(log), [type(r).__name__ for r in res])


async def priority_and_lifo():
    print("PriorityQueue and LifoQueue:")
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A")]:
        pq.put_nowait(item)
    print("  ", [pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(4):
        await lq.put(i)
    print("  ", [await lq.get() for _ in range(4)])


async def waiter_order():
    print("getters are served in order; a cancelled getter is skipped:")
    log.clear()
    q = asyncio.Queue()

    async def getter(name):
        item = await q.get()
        log.append(f"{name}:{item}")

    gs = [asyncio.create_task(getter(f"g{i}")) for i in range(4)]
    await asyncio.sleep(0)
    gs[1].cancel()
    await asyncio.sleep(0)
    for i in range(3):
        q.put_nowait(i)
    await asyncio.gather(*gs, return_exceptions=True)
    print("  ", log, "left:", q.qsize())


async def putter_cancel():
    print("a cancelled putter leaves the queue as it was:")
    q = asyncio.Queue(1)
    await q.put("first")
    t = asyncio.create_task(q.put("second"))
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("   size:", q.qsize(), "items:", [q.get_nowait()], "cancelled:", t.cancelled())


async def main():
    await backpressure()
    await nowait_errors()
    await join_demo()
    await priority_and_lifo()
    await waiter_order()
    await putter_cancel()


asyncio.run(main())
