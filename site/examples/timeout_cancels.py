# title: Network: a timeout cancels a slow request
# title.ko: 네트워크: 타임아웃이 느린 요청을 취소
# about: wait_for gives a 3-second request one second, then cancels it and aborts the request.
# about.ko: wait_for가 3초 걸리는 요청에 1초만 주고, 시간이 다 되면 태스크를 취소해 요청을 중단합니다.
# order: 210
# topic: network
#
# A timeout that cancels a slow request.
#
# sim://api/slow takes 3 seconds to answer. asyncio.wait_for gives it one second; when the time
# is up it cancels the task doing the request, which aborts the request (watch it leave the
# I/O panel), and raises TimeoutError in the caller. httpx's own timeout does the same job.
import asyncio
import httpx


async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(base_url="sim://api") as client:
        start = loop.time()
        try:
            response = await asyncio.wait_for(client.get("/slow"), timeout=1.0)
            print(response.json())
        except asyncio.TimeoutError:
            print(f"wait_for gave up after {loop.time() - start:.1f} s")

        start = loop.time()
        try:
            await client.get("/slow", timeout=2.0)
        except httpx.ReadTimeout:
            print(f"httpx gave up after {loop.time() - start:.1f} s")

        # With patience, the answer comes.
        response = await client.get("/slow", timeout=None)
        print(response.status_code, response.json())


asyncio.run(main())
