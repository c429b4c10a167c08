# Scheduling: many tasks contending for one lock.
import asyncio


async def worker(lock, counter, n):
    for _ in range(n):
        async with lock:
            counter[0] += 1
            await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    counter = [0]
    await asyncio.gather(*(worker(lock, counter, 100) for _ in range(300)))
    print(counter[0])


asyncio.run(main())
