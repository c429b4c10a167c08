# title: Future: a result that arrives later
# title.ko: Future: 나중에 도착하는 결과
# about: A Future is a box for a result; awaiting it suspends the task until someone fills it.
# about.ko: Future는 결과를 담을 상자입니다. await 하면 누군가 값을 넣을 때까지 태스크가 멈춥니다.
# order: 30
# topic: Future
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("new future, done?", fut.done())

    fut.add_done_callback(lambda f: print("callback sees result:", f.result()))
    # Someone else fills it in 0.5 s (a timer callback here; often a network answer).
    loop.call_later(0.5, fut.set_result, 42)

    print("awaiting the future...")
    value = await fut
    print("got", value, "- done?", fut.done())

    failing = loop.create_future()
    loop.call_soon(failing.set_exception, ValueError("no answer"))
    try:
        await failing
    except ValueError as e:
        print("the future raised:", repr(e))


asyncio.run(main())
