# Scheduling: thousands of tasks round-robin with sleep(0).
import asyncio

SCALE = 1  # run.py --scale K makes it K: the same work, K times over


async def spinner(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spinner(50) for _ in range(2000 * SCALE)))
    print("done")


asyncio.run(main())
