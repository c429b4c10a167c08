# title: gather vs sequential awaits
# title.ko: gather와 순차 await
# about: Three waits one after another, then all at once with asyncio.gather.
# about.ko: 세 번의 대기를 차례로, 그리고 asyncio.gather로 한꺼번에 실행합니다.
# order: 60
# topic: gather
import asyncio


async def fetch(name, delay):
    print(f"fetch {name}: start")
    await asyncio.sleep(delay)
    print(f"fetch {name}: done")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()

    start = loop.time()
    a = await fetch("a", 0.3)
    b = await fetch("b", 0.2)
    c = await fetch("c", 0.1)
    print("sequential:", [a, b, c], f"in {loop.time() - start:.1f} s")

    start = loop.time()
    results = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.2), fetch("c", 0.1))
    print("gather:", results, f"in {loop.time() - start:.1f} s")


asyncio.run(main())
