# Memory: tasks parked on an Event. run.py runs copies with N replaced (0, then 20000) and
# subtracts the peak RSS of the two.
import asyncio

N = 20000


async def waiter(event):
    await event.wait()


async def main(n):
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(n)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    event.set()
    await asyncio.gather(*tasks)
    print(len(tasks))


asyncio.run(main(N))
