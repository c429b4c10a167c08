# An ExceptionGroup from a TaskGroup escapes asyncio.run: exit status 1, the group's
# traceback on stderr.
import asyncio


async def fail(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"task {n} failed")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1))
        tg.create_task(asyncio.sleep(1))
    print("not reached")


try:
    asyncio.run(main())
finally:
    print("asyncio.run raised")
