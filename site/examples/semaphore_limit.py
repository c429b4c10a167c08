# title: Semaphore: at most N at a time
# title.ko: Semaphore: 한 번에 최대 N개
# about: Six downloads, but a Semaphore(2) lets only two run at once.
# about.ko: 다운로드는 여섯 개지만 Semaphore(2)가 동시에 두 개만 실행되게 합니다.
# order: 100
# topic: Semaphore
import asyncio


async def download(sem, i):
    async with sem:
        print(f"download {i}: start")
        await asyncio.sleep(0.2)
        print(f"download {i}: done")


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    start = loop.time()
    await asyncio.gather(*(download(sem, i) for i in range(1, 7)))
    print(f"six downloads, two at a time: {loop.time() - start:.1f} s")


asyncio.run(main())
