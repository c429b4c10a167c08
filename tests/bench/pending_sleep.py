# Memory: tasks parked in asyncio.sleep(1000). run.py runs copies with N replaced (0, then
# 20000) and subtracts the peak RSS of the two. The tasks are cancelled at the end.
import asyncio

N = 20000


async def waiter():
    await asyncio.sleep(1000)


async def main(n):
    tasks = [asyncio.create_task(waiter()) for _ in range(n)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(len(tasks), sum(t.cancelled() for t in tasks))


asyncio.run(main(N))
