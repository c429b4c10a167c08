# title: create_task: start now, await later
# title.ko: create_task: 지금 시작하고 나중에 await
# about: A created task starts at the caller's next await, and runs while the caller works on.
# about.ko: 만든 태스크는 호출한 쪽이 다음에 await 할 때 시작하고, 그동안 호출한 쪽도 계속 일합니다.
# order: 70
# topic: create_task
import asyncio


async def job(name, delay):
    print(f"  {name}: started")
    await asyncio.sleep(delay)
    print(f"  {name}: finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t1 = asyncio.create_task(job("job-1", 0.2))
    t2 = asyncio.create_task(job("job-2", 0.1))
    print("main: tasks created, none has run yet")
    await asyncio.sleep(0)
    print("main: after one await, both have started")
    print("main: doing my own work for 0.1 s")
    await asyncio.sleep(0.1)
    print("main: now waiting for the tasks")
    print("main: results", await t1, await t2, f"after {loop.time() - start:.1f} s")


asyncio.run(main())
