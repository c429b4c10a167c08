# Scheduling: two tasks passing a token through queues.
import asyncio

SCALE = 1  # run.py --scale K makes it K: the same work, K times over


async def player(inbox, outbox, rounds):
    for _ in range(rounds):
        token = await inbox.get()
        await outbox.put(token + 1)


async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    await a.put(0)
    p1 = asyncio.create_task(player(a, b, 50_000 * SCALE))
    p2 = asyncio.create_task(player(b, a, 50_000 * SCALE))
    await asyncio.gather(p1, p2)
    print(await a.get())


asyncio.run(main())
