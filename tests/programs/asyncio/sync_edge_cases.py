# Locks, events, semaphores and queues at their edges: the coroutine objects their methods
# return, cancellation at each await, a woken waiter cancelled before it runs, subclasses that
# override the hooks, wait_for on a queue get, reprs, and a primitive used by two loops.
import asyncio


async def coroutine_objects():
    print("acquire()/get() return coroutines that do nothing until awaited:")
    lock, q = asyncio.Lock(), asyncio.Queue()
    c = lock.acquire()
    print("  ", type(c).__name__, c.__qualname__, asyncio.iscoroutine(c), lock.locked())
    print("  ", await c, lock.locked())
    lock.release()
    cs = [q.get(), q.put(1), asyncio.Event().wait(), asyncio.Semaphore().acquire()]
    print("  ", *[c.__qualname__ for c in cs], *[c.__name__ for c in cs])
    for c in cs:
        c.close()
    q.put_nowait(7)
    g = q.get()
    try:
        g.send(None)
    except StopIteration as e:
        print("   send(None) on a ready get:", e.value, q.qsize())
    try:
        g.send(None)
    except RuntimeError as e:
        print("   again:", e)
    c = lock.acquire()
    try:
        c.throw(ValueError("boom"))
    except ValueError as e:
        print("   throw before start:", e, lock.locked())
    await asyncio.gather(*[q.put(i) for i in range(3)])
    print("   gathered puts:", q.qsize(), q.get_nowait())


async def hold(lock, log, name, t):
    async with lock:
        log.append(name)
        await asyncio.sleep(t)


async def lock_cancel():
    print("Lock: cancel a waiter, cancel the woken waiter before it runs:")
    lock, log = asyncio.Lock(), []
    ts = [asyncio.create_task(hold(lock, log, n, 0.01)) for n in "ABCD"]
    await asyncio.sleep(0)
    print("  ", "[" + repr(lock).split("[")[1])
    ts[1].cancel()
    await asyncio.sleep(0.015)  # A released: C was woken
    ts[2].cancel()  # C is woken but has not run: D must get the lock
    print("   woken C cancelled:", lock.locked(), "[" + repr(lock).split("[")[1])
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("  ", log, [type(r).__name__ for r in res], lock.locked())


async def lock_waiter_raise():
    print("Lock: an exception thrown into a waiting acquire:")
    lock = asyncio.Lock()
    await lock.acquire()
    c = lock.acquire()
    fut = c.send(None)
    print("   waiting on", type(fut).__name__, fut.done(), len(lock._waiters))
    try:
        c.throw(KeyError("k"))
    except KeyError as e:
        print("   raised", repr(e), len(lock._waiters), lock.locked())
    lock.release()


async def event_cases():
    print("Event: set wakes all, a cancelled waiter leaves, clear:")
    ev = asyncio.Event()
    got = []

    async def w(n):
        got.append((n, await ev.wait()))

    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.sleep(0)
    print("  ", "[" + repr(ev).split("[")[1], len(ev._waiters))
    ev.set()
    ev.set()
    await asyncio.gather(*ts, return_exceptions=True)
    print("  ", got, ev.is_set(), await ev.wait())
    ev.clear()
    print("  ", ev.is_set(), repr(ev).split("[")[1])
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("   cancelled wait:", t.cancelled(), len(ev._waiters))


async def sem_cases():
    print("Semaphore: value, locked(), cancelled waiters, woken-then-cancelled:")
    sem = asyncio.Semaphore(2)
    order = []

    async def user(n, t):
        async with sem:
            order.append(n)
            await asyncio.sleep(t)

    ts = [asyncio.create_task(user(i, 0.01)) for i in range(5)]
    await asyncio.sleep(0)
    print("  ", sem.locked(), sem._value, "[" + repr(sem).split("[")[1])
    ts[3].cancel()
    await asyncio.sleep(0.015)
    ts[2].cancel()  # woken, not yet run
    await asyncio.gather(*ts, return_exceptions=True)
    print("  ", order, sem._value, sem.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("  ", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("  ", e)
    s0 = asyncio.Semaphore(0)
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    s0.release()
    print("   released to a waiter:", s0._value, s0.locked(), await t, s0._value)


async def condition_cases():
    print("Condition: async with, notify order, wait_for:")
    cond = asyncio.Condition()
    seen = []

    async def waiter(n):
        async with cond:
            await cond.wait()
            seen.append(n)

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        print("   notified 2, locked:", cond.locked())
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    print("  ", seen, cond.locked())


async def queue_cases():
    print("Queue: blocked put on a full queue, cancelled get/put, wait_for(get):")
    q = asyncio.Queue(maxsize=1)
    await q.put("a")
    p = asyncio.create_task(q.put("b"))
    await asyncio.sleep(0)
    print("  ", q.full(), q.qsize(), str(q))
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("   cancelled put:", p.cancelled(), q.qsize(), len(q._putters))
    print("  ", await q.get(), q.empty())
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print("   wait_for(get) timed out; getters:", len(q._getters))
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)  # wakes g1
    g1.cancel()  # before it runs: the item must go to g2
    await asyncio.gather(g1, return_exceptions=True)
    print("   woken getter cancelled:", g1.cancelled(), await g2, q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("   QueueEmpty", repr(e))
    q.put_nowait(5)
    try:
        q.put_nowait(6)
    except asyncio.QueueFull as e:
        print("   QueueFull", repr(e))
    for _ in range(3):
        q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("  ", e)
    q.get_nowait()
    q.put_nowait(9)
    print("   join with one unfinished:", q._unfinished_tasks)
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    q.get_nowait()
    print("   join done before task_done:", j.done())
    q.task_done()
    await j
    print("   joined", q.qsize(), asyncio.Queue[int])


class Reversed(asyncio.Queue):
    """A subclass overriding the storage hooks."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.insert(0, item)

    def _get(self):
        return self._queue.pop(0)


class CountingQueue(asyncio.Queue):
    """A subclass overriding empty(): get() must call it."""

    calls = 0

    def empty(self):
        CountingQueue.calls += 1
        return super().empty()


class LoudLock(asyncio.Lock):
    def _wake_up_first(self):
        print("   LoudLock._wake_up_first")
        super()._wake_up_first()


class TracedLock(asyncio.Lock):
    async def acquire(self):
        print("   TracedLock.acquire")
        return await super().acquire()


async def subclasses():
    print("subclasses:")
    r = Reversed()
    for i in range(3):
        await r.put(i)
    print("  ", [await r.get() for _ in range(3)], r._queue)
    c = CountingQueue()
    t = asyncio.create_task(c.get())
    await asyncio.sleep(0)
    c.put_nowait("x")
    print("  ", await t, "empty() calls:", CountingQueue.calls)
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in (3, 1, 2):
        await lq.put(x)
    print("  ", [pq.get_nowait() for _ in range(3)], [await lq.get() for _ in range(3)])
    lock = LoudLock()
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    print("  ", await w)
    lock.release()
    async with TracedLock() as v:
        print("   inside", v)


def other_loop():
    print("a lock bound to another loop:")
    lock = asyncio.Lock()

    async def take():
        await lock.acquire()
        t = asyncio.create_task(lock.acquire())
        await asyncio.sleep(0)
        t.cancel()

    async def take_again():
        try:
            await lock.acquire()
        except RuntimeError as e:
            print("  ", str(e).split(" object at")[0], str(e).endswith("> is bound to a different event loop"))

    asyncio.run(take())
    asyncio.run(take_again())


async def main():
    await coroutine_objects()
    await lock_cancel()
    await lock_waiter_raise()
    await event_cases()
    await sem_cases()
    await condition_cases()
    await queue_cases()
    await subclasses()


asyncio.run(main())
other_loop()
