# title: asyncio.sleep vs time.sleep
# title.ko: asyncio.sleep와 time.sleep
# about: asyncio.sleep lets other tasks run; time.sleep blocks the whole loop.
# about.ko: asyncio.sleep는 다른 태스크에게 차례를 넘기지만 time.sleep는 루프 전체를 막습니다.
# order: 50
# topic: blocking
import asyncio
import time


async def polite(name):
    print(f"{name}: start")
    await asyncio.sleep(0.3)      # suspends this task; the loop runs the others
    print(f"{name}: end")


async def rude(name):
    print(f"{name}: start")
    time.sleep(0.3)               # blocks the thread: nothing else can run
    print(f"{name}: end")


async def main():
    loop = asyncio.get_running_loop()
    for worker in (polite, rude):
        start = loop.time()
        await asyncio.gather(worker("A"), worker("B"), worker("C"))
        print(f"{worker.__name__}: three tasks took {loop.time() - start:.1f} s\n")


asyncio.run(main())
