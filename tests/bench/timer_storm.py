# Scheduling: many timers with different deadlines (the timer heap).
import asyncio

SCALE = 1  # run.py --scale K makes it K: the same work, K times over


async def sleeper(i):
    for k in range(10):
        await asyncio.sleep(((i * 7 + k * 13) % 100) / 1000)
    return i


async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(3000 * SCALE)))
    print(sum(results))


asyncio.run(main())
