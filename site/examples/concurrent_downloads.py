# title: Network: concurrent downloads, gather vs sequential
# title.ko: 네트워크: 동시 다운로드, gather와 순차 실행
# about: Five sim:// downloads one after another, then all at once with asyncio.gather.
# about.ko: sim:// 다운로드 다섯 개를 차례로, 그리고 asyncio.gather로 한꺼번에 받습니다.
# order: 200
# topic: network
#
# Concurrent downloads: one after another vs all at once with asyncio.gather.
#
# Every sim:// URL is answered by Looplab's simulated network, offline, after a fixed virtual
# delay: here sim://delay/S answers after S seconds. Waiting for the network is exactly when
# async code shines: while one request is in flight, the loop runs the others.
import asyncio
import httpx

URLS = [f"sim://delay/{d}" for d in (0.4, 0.2, 0.6, 0.3, 0.5)]


async def download(client, url):
    response = await client.get(url)
    return response.json()["delay"]


async def sequential(client):
    return [await download(client, url) for url in URLS]


async def concurrent(client):
    return await asyncio.gather(*(download(client, url) for url in URLS))


async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient() as client:
        for way in (sequential, concurrent):
            start = loop.time()
            delays = await way(client)
            print(f"{way.__name__:>10}: {delays} in {loop.time() - start:.1f} s")
        # The sum of the delays, and the longest one:
        print(f"sum {sum(delays):.1f} s, max {max(delays):.1f} s")


asyncio.run(main())
