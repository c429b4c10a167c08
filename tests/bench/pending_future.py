# Memory: tasks parked on a bare future each (`await fut` on loop.create_future()). run.py runs
# copies with N replaced (0, then 20000) and subtracts the peak RSS of the two.
import asyncio

N = 20000


async def waiter(fut):
    await fut


async def main(n):
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(n)]
    tasks = [asyncio.create_task(waiter(f)) for f in futs]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for f in futs:
        f.set_result(None)
    await asyncio.gather(*tasks)
    print(len(tasks))


asyncio.run(main(N))
