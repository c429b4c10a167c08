# title: Timeouts and cancellation
# title.ko: 타임아웃과 취소
# about: wait_for and asyncio.timeout cancel a slow task; task.cancel() raises CancelledError inside it.
# about.ko: wait_for와 asyncio.timeout은 느린 태스크를 취소하고, task.cancel()은 그 안에서 CancelledError를 일으킵니다.
# order: 120
# topic: cancellation
import asyncio


async def slow(name, delay):
    try:
        print(f"{name}: working for {delay} s")
        await asyncio.sleep(delay)
        return f"{name} finished"
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise


async def main():
    try:
        await asyncio.wait_for(slow("wait_for", 2), timeout=0.5)
    except TimeoutError:
        print("wait_for: timed out after 0.5 s")

    try:
        async with asyncio.timeout(0.3):
            await slow("timeout block", 1)
    except TimeoutError:
        print("asyncio.timeout: timed out after 0.3 s")

    task = asyncio.create_task(slow("task", 5))
    await asyncio.sleep(0.2)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task.cancelled():", task.cancelled())

    print(await asyncio.wait_for(slow("fast enough", 0.1), timeout=1))


asyncio.run(main())
