# Scheduling: a tree of nested gathers.
import asyncio

SCALE = 1  # run.py --scale K makes it K: the same work, K times over


async def node(depth):
    if depth == 0:
        await asyncio.sleep(0)
        return 1
    parts = await asyncio.gather(*(node(depth - 1) for _ in range(4)))
    return sum(parts)


async def main():
    for _ in range(SCALE):
        print(await node(7))


asyncio.run(main())
