# title: Exceptions in tasks
# title.ko: 태스크 안의 예외
# about: An exception waits in its task until awaited; gather raises the first or returns them all.
# about.ko: 예외는 await 될 때까지 태스크 안에 남아 있고, gather는 첫 예외를 던지거나 모두 돌려줍니다.
# order: 130
# topic: exceptions
import asyncio


async def work(name, fail_after=None):
    await asyncio.sleep(fail_after or 0.2)
    if fail_after is not None:
        raise ValueError(f"{name} failed")
    return f"{name} ok"


async def main():
    task = asyncio.create_task(work("lonely", fail_after=0.1))
    await asyncio.sleep(0.3)
    print("the task is done:", task.done(), "- its exception:", repr(task.exception()))

    try:
        await asyncio.gather(work("a"), work("b", fail_after=0.1), work("c"))
    except ValueError as e:
        print("gather raised:", e)

    results = await asyncio.gather(work("a"), work("b", fail_after=0.1), work("c"), return_exceptions=True)
    print("return_exceptions=True:", results)


asyncio.run(main())
