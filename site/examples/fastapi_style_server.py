# title: A FastAPI-style server: async vs blocking handlers
# title.ko: FastAPI 스타일 서버: async 핸들러와 블로킹 핸들러
# about: Five requests at once: async handlers overlap, a blocking one serialises them, a def one goes to a thread.
# about.ko: 요청 다섯 개가 동시에 옵니다. async 핸들러는 겹쳐 처리하고, 블로킹 핸들러는 줄을 세우며, def 핸들러는 스레드로 갑니다.
# order: 170
# topic: FastAPI
#
# A tiny stand-in for FastAPI: `serve` accepts requests concurrently and calls the route's
# handler. Like FastAPI, an `async def` handler runs on the event loop and a plain `def`
# handler runs in a thread pool (asyncio.to_thread here).
import asyncio
import time


async def query_db_async(user_id):
    await asyncio.sleep(0.2)             # an async driver: the loop serves others meanwhile
    return {"id": user_id}


def query_db_blocking(user_id):
    time.sleep(0.2)                      # a sync driver: the thread is stuck here
    return {"id": user_id}


async def async_handler(user_id):
    return await query_db_async(user_id)


async def blocking_in_async_handler(user_id):
    return query_db_blocking(user_id)    # the mistake: blocking call inside async def


def sync_handler(user_id):
    return query_db_blocking(user_id)    # fine in FastAPI: def handlers run in a thread pool


async def serve(handler, user_id):
    if asyncio.iscoroutinefunction(handler):
        return await handler(user_id)
    return await asyncio.to_thread(handler, user_id)


async def main():
    loop = asyncio.get_running_loop()
    for handler in (async_handler, blocking_in_async_handler, sync_handler):
        start = loop.time()
        responses = await asyncio.gather(*(serve(handler, i) for i in range(1, 6)))
        print(f"{handler.__name__:26} 5 requests in {loop.time() - start:.1f} s, ids {[r['id'] for r in responses]}")


asyncio.run(main())
