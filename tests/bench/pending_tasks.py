# Memory: tasks parked on an Event (run with N in the environment: BENCH_TASKS).
import asyncio
import os


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


asyncio.run(main(int(os.environ.get("BENCH_TASKS", "20000"))))
