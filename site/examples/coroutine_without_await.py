# title: A coroutine called without await
# title.ko: await 없이 호출한 코루틴
# about: Calling an async function only makes a coroutine object; nothing runs until it is awaited.
# about.ko: async 함수를 호출하면 코루틴 객체만 만들어질 뿐, await 하기 전에는 아무것도 실행되지 않습니다.
# order: 20
# topic: coroutine
#
# Forgetting `await` is the most common asyncio bug: the call returns at once, the body never
# runs, and Python warns "coroutine ... was never awaited" (on stderr) when it is thrown away.
import asyncio


async def greet(name):
    print(f"hello, {name}")
    await asyncio.sleep(0.1)
    return f"greeted {name}"


async def main():
    coro = greet("forgotten")          # no await: nothing is printed
    print("calling greet() gave a", type(coro).__name__)
    print("is it a coroutine?", asyncio.iscoroutine(coro))
    result = await greet("awaited")    # await runs the body to its end
    print("await gave:", result)
    del coro                           # dropped unawaited: a RuntimeWarning on stderr


asyncio.run(main())
