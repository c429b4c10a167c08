# title: Event and Condition
# title.ko: Event와 Condition
# about: Tasks wait on an Event until it is set; a Condition wakes waiters when data is ready.
# about.ko: 태스크들은 Event가 설정될 때까지 기다리고, Condition은 데이터가 준비되면 대기자를 깨웁니다.
# order: 90
# topic: Event, Condition
import asyncio


async def runner(name, start_signal):
    print(f"{name}: waiting for the start signal")
    await start_signal.wait()
    print(f"{name}: go!")


async def consumer(name, cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print(f"{name}: took {items.pop(0)}")


async def main():
    start_signal = asyncio.Event()
    runners = [asyncio.create_task(runner(n, start_signal)) for n in ("ann", "bob")]
    await asyncio.sleep(0.5)
    print("main: setting the event")
    start_signal.set()
    await asyncio.gather(*runners)

    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(n, cond, items)) for n in ("c1", "c2")]
    await asyncio.sleep(0.1)
    for item in ("apple", "pear"):
        async with cond:
            items.append(item)
            print(f"main: added {item}, notifying one waiter")
            cond.notify()
        await asyncio.sleep(0.1)
    await asyncio.gather(*consumers)


asyncio.run(main())
