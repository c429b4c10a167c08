# Lock, Semaphore, BoundedSemaphore, Event and Condition: FIFO hand-off, what a cancelled waiter
# does to the order, 3.11.7's semaphore fairness, error messages, reprs.
import asyncio

log = []


async def locker(name, lock, hold):
    log.append(f"{name} wants")
    async with lock:
        log.append(f"{name} has")
        await asyncio.sleep(hold)
    log.append(f"{name} out")


async def lock_fifo():
    print("Lock hand-off is FIFO; a cancelled waiter is skipped:")
    log.clear()
    lock = asyncio.Lock()
    print("  ", str(lock).split(" [")[1], type(lock).__module__)
    ts = [asyncio.create_task(locker(n, lock, 0.02)) for n in "ABCD"]
    await asyncio.sleep(0.01)
    print("  ", str(lock).split(" [")[1])
    ts[2].cancel()  # C is waiting
    await asyncio.gather(*ts, return_exceptions=True)
    print("  ", " | ".join(log))
    try:
        lock.release()
    except RuntimeError as e:
        print("  release unlocked:", e)


async def lock_steal():
    print("a free lock is taken at once, even with woken waiters pending:")
    log.clear()
    lock = asyncio.Lock()
    await lock.acquire()
    w = asyncio.create_task(locker("waiter", lock, 0))
    await asyncio.sleep(0)
    lock.release()  # wakes the waiter, but it has not run yet
    log.append(f"locked right after release: {lock.locked()}")
    await w
    print("  ", " | ".join(log))


async def sem_worker(name, sem, hold):
    async with sem:
        log.append(f"{name}+")
        await asyncio.sleep(hold)
        log.append(f"{name}-")


async def semaphore_order():
    print("Semaphore(2) with five workers:")
    log.clear()
    sem = asyncio.Semaphore(2)
    holds = [0.04, 0.14, 0.06, 0.08, 0.02]
    ts = [asyncio.create_task(sem_worker(f"w{i}", sem, h)) for i, h in enumerate(holds)]
    await asyncio.sleep(0)
    print("  ", str(sem).split(" [")[1], "locked:", sem.locked())
    await asyncio.gather(*ts)
    print("  ", " ".join(log))
    print("  ", str(sem).split(" [")[1])


async def semaphore_cancel():
    print("Semaphore: a waiter cancelled after being woken passes its turn on:")
    log.clear()
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    a = asyncio.create_task(sem_worker("a", sem, 0.01))
    b = asyncio.create_task(sem_worker("b", sem, 0.01))
    await asyncio.sleep(0)
    sem.release()   # a's future gets the slot...
    a.cancel()      # ...but a is cancelled before it runs
    await asyncio.gather(a, b, return_exceptions=True)
    print("  ", " ".join(log), "| a cancelled:", a.cancelled(), "| value:", sem._value)


async def bounded():
    print("BoundedSemaphore:")
    b = asyncio.BoundedSemaphore(2)
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


async def event_demo():
    print("Event wakes every waiter, in order:")
    log.clear()
    ev = asyncio.Event()

    async def w(n):
        log.append(f"{n} waits")
        await ev.wait()
        log.append(f"{n} woke")

    ts = [asyncio.create_task(w(n)) for n in range(3)]
    await asyncio.sleep(0)
    print("  ", str(ev).split(" [")[1])
    ev.set()
    ev.clear()  # too late to stop the wake-ups already done
    await asyncio.gather(*ts)
    print("  ", " | ".join(log), "| is_set:", ev.is_set())


async def condition_demo():
    print("Condition: notify(1), notify_all, wait_for:")
    log.clear()
    cond = asyncio.Condition()
    items = []

    async def consumer(n):
        async with cond:
            log.append(f"c{n} waits")
            await cond.wait_for(lambda: items)
            log.append(f"c{n} takes {items.pop(0)}")

    ts = [asyncio.create_task(consumer(n)) for n in range(3)]
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify(1)
    await asyncio.sleep(0)
    async with cond:
        items.extend(["y", "z"])
        cond.notify_all()
    await asyncio.gather(*ts)
    print("  ", " | ".join(log))
    try:
        cond.notify()
    except RuntimeError as e:
        print("  ", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("  ", e)


async def main():
    await lock_fifo()
    await lock_steal()
    await semaphore_order()
    await semaphore_cancel()
    await bounded()
    await event_demo()
    await condition_demo()


asyncio.run(main())
