# asyncio.sleep's arguments: delay by position or keyword, ints, floats and bools, a result;
# what is not a number fails with the TypeError of tasks.py's `if delay <= 0:`.
import asyncio


async def main():
    print(await asyncio.sleep(0), await asyncio.sleep(0.0), await asyncio.sleep(True),
          await asyncio.sleep(0, "r"), await asyncio.sleep(delay=0, result=5),
          await asyncio.sleep(0.001, result=[1]))
    for bad in [("x",), (None,), ([1],), ()]:
        try:
            await asyncio.sleep(*bad)
        except TypeError as e:
            print("TypeError:", e)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.05)
    print(loop.time() - start >= 0.05)


asyncio.run(main())
