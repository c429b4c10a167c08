# title: CPU-bound work blocks the loop; to_thread does not
# title.ko: CPU 작업은 루프를 막고, to_thread는 막지 않습니다
# about: A heartbeat stops while blocking work runs in the loop and keeps ticking when it runs in a thread.
# about.ko: 블로킹 작업이 루프에서 돌면 하트비트가 멈추고, 스레드에서 돌면 계속 뜁니다.
# order: 150
# topic: blocking
import asyncio
import time


def crunch(n):
    """CPU-bound: no await anywhere, so nothing else runs until it returns."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def blocking_io():
    time.sleep(0.5)      # a blocking call (a sync database driver, requests.get, ...)
    return "file read"


async def heartbeat(label):
    for i in range(1, 4):
        await asyncio.sleep(0.2)
        print(f"  [{label}] heartbeat {i}")


async def main():
    beat = asyncio.create_task(heartbeat("cpu"))
    print("crunching in the loop...")
    print("crunch result:", crunch(20000), "- no heartbeat could run meanwhile")
    await beat

    beat = asyncio.create_task(heartbeat("blocking"))
    await asyncio.sleep(0)
    print("blocking call in the loop:", blocking_io())
    await beat

    beat = asyncio.create_task(heartbeat("thread"))
    print("to_thread:", await asyncio.to_thread(blocking_io))
    await beat


asyncio.run(main())
