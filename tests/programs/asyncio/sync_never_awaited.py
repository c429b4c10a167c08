# The classic slip: calling a lock's or a queue's coroutine method without await. CPython warns
# "coroutine 'Lock.acquire' was never awaited" at the line that drops it, and nothing happens.
import asyncio


async def main():
    lock = asyncio.Lock()
    q = asyncio.Queue()
    lock.acquire()
    print("locked after a dropped acquire():", lock.locked())
    q.put(1)
    print("size after a dropped put():", q.qsize())
    async with lock:
        print("async with still works:", lock.locked())


asyncio.run(main())
