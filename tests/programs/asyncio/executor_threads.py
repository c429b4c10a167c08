# Work in threads: to_thread and run_in_executor run beside the loop (time.sleep in a worker
# does not block it), a pool's size limits parallelism, exceptions come back through the
# future, and the default executor has min(32, cpu_count + 4) workers.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(name, seconds):
    time.sleep(seconds)
    return f"{name} slept {seconds}"


def fails():
    time.sleep(0.05)
    raise ValueError("worker failed")


async def ticker(out):
    for i in range(3):
        await asyncio.sleep(0.1)
        out.append(i)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def el():
        return round(loop.time() - start, 1)

    ticks = []
    tick = asyncio.create_task(ticker(ticks))
    r = await asyncio.to_thread(blocking, "a", 0.25)
    print(r, "| loop kept ticking:", ticks, "| at", el())
    await tick

    start = loop.time()
    with ThreadPoolExecutor(max_workers=2) as pool:
        rs = await asyncio.gather(*(loop.run_in_executor(pool, blocking, f"j{i}", 0.1) for i in range(5)))
    print(len(rs), "jobs of 0.1s on 2 workers took", el())

    start = loop.time()
    rs = await asyncio.gather(*(asyncio.to_thread(blocking, f"k{i}", 0.1) for i in range(8)))
    print(len(rs), "jobs of 0.1s on the default executor took", el())

    try:
        await loop.run_in_executor(None, fails)
    except ValueError as e:
        print("exception from the worker:", repr(e))

    start = loop.time()
    time.sleep(0.2)
    print("time.sleep in the loop blocks it:", el())

    with ThreadPoolExecutor(max_workers=1) as pool:
        f = pool.submit(blocking, "submitted", 0.1)
        r = await asyncio.wrap_future(f)
        print("submit + wrap_future:", r, f.done(), f.result())
    try:
        pool.submit(blocking, "late", 0)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        ThreadPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())

with ThreadPoolExecutor(max_workers=3) as pool:
    print("map outside the loop:", list(pool.map(lambda x: x * x, range(5))))
    f = pool.submit(divmod, 17, 5)
    print("submit outside the loop:", f.result(), f.done(), f.exception())
