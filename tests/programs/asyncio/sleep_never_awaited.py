# The classic mistake: asyncio.sleep() called without await. CPython warns at once, at the line
# that dropped the coroutine, and the program goes on without waiting.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    asyncio.sleep(1)
    print("waited:", loop.time() - start >= 1)
    await asyncio.sleep(0.01)
    print("end")


asyncio.run(main())
