# Scheduling: many tasks contending for one lock.
import asyncio

SCALE = 1  # run.py --scale K makes it K: the same work, K times over


async def worker(lock, counter, n):
    for _ in range(n):
        async with lock:
            counter[0] += 1
            await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    counter = [0]
    await asyncio.gather(*(worker(lock, counter, 100) for _ in range(300 * SCALE)))
    print(counter[0])


asyncio.run(main())
