# Requests run concurrently: gather takes as long as the slowest, a loop takes the sum;
# as_completed yields in order of arrival; wait_for and cancel() abort a request.
import asyncio
import httpx

DELAYS = [0.3, 0.1, 0.5, 0.2]


async def fetch(client, delay):
    r = await client.get(f"sim://delay/{delay}")
    return r.json()["delay"]


async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient() as client:
        t0 = loop.time()
        results = [await fetch(client, d) for d in DELAYS]
        print("sequential", results, round(loop.time() - t0, 1))

        t0 = loop.time()
        results = await asyncio.gather(*(fetch(client, d) for d in DELAYS))
        print("gather", results, round(loop.time() - t0, 1))

        t0 = loop.time()
        for next_done in asyncio.as_completed([fetch(client, d) for d in DELAYS]):
            print("arrived", await next_done, round(loop.time() - t0, 1))

        t0 = loop.time()
        try:
            await asyncio.wait_for(client.get("sim://api/slow"), timeout=1.0)
        except asyncio.TimeoutError:
            print("gave up after", round(loop.time() - t0, 2))

        task = asyncio.create_task(client.get("sim://delay/2"), name="slow-download")
        await asyncio.sleep(0.5)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print(task.get_name(), "cancelled:", task.cancelled(), round(loop.time() - t0, 2))

        # Ten at once: total close to the slowest.
        t0 = loop.time()
        rs = await asyncio.gather(*(client.get(f"sim://api/users/{i % 5 + 1}", params={"delay": i / 10})
                                    for i in range(10)))
        print([r.json()["id"] for r in rs], round(loop.time() - t0, 2))


asyncio.run(main())
