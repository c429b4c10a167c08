# title: TaskGroup: structured concurrency
# title.ko: TaskGroup: 구조화된 동시성
# about: All tasks of a TaskGroup finish inside its block; one failure cancels the rest.
# about.ko: TaskGroup의 태스크는 모두 블록 안에서 끝나고, 하나가 실패하면 나머지는 취소됩니다.
# order: 140
# topic: TaskGroup
import asyncio


async def step(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled by the group")
        raise
    if fail:
        raise RuntimeError(f"{name} broke")
    print(f"{name}: done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(step("one", 0.2))
        t2 = tg.create_task(step("two", 0.1))
    print("all finished:", t1.result(), t2.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("slow", 1.0))
            tg.create_task(step("broken", 0.2, fail=True))
            tg.create_task(step("quick", 0.1))
    except* RuntimeError as group:
        print("the group raised:", [str(e) for e in group.exceptions])


asyncio.run(main())
