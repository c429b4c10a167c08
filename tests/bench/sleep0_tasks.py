# Scheduling: thousands of tasks round-robin with sleep(0).
import asyncio


async def spinner(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spinner(50) for _ in range(2000)))
    print("done")


asyncio.run(main())
