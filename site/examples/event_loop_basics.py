# title: The event loop and asyncio.run
# title.ko: 이벤트 루프와 asyncio.run
# about: asyncio.run starts a loop, runs main() as a task, and the loop runs callbacks in order.
# about.ko: asyncio.run이 루프를 만들고 main()을 태스크로 실행하며, 루프는 콜백을 순서대로 실행합니다.
# order: 10
# topic: event loop
#
# One loop per thread runs everything: each iteration it runs the handles in its ready queue,
# then moves timers that are due into it. Step one "loop iteration" at a time to watch it.
import asyncio


def callback(name):
    print(f"callback {name} runs at t={asyncio.get_running_loop().time() - start:.1f}")


async def main():
    global start
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("main() is running inside the loop")
    loop.call_later(0.2, callback, "later (0.2 s)")
    loop.call_soon(callback, "soon")
    loop.call_soon(callback, "soon, second")
    print("callbacks scheduled; main() now awaits")
    await asyncio.sleep(0.3)
    print("main() is done")


print("before asyncio.run: no loop is running")
asyncio.run(main())
print("after asyncio.run: the loop is closed")
