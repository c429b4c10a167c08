# title: The old lifecycle: new_event_loop and run_until_complete
# title.ko: 예전 방식의 생명 주기: new_event_loop와 run_until_complete
# about: Create a loop, run coroutines on it with run_until_complete, shut down async generators, close it.
# about.ko: 루프를 만들고 run_until_complete로 코루틴을 실행한 뒤 비동기 제너레이터를 정리하고 닫습니다.
# order: 180
# topic: lifecycle
#
# Before asyncio.run (Python 3.7) programs managed the loop by hand. asyncio.run does all of
# this for you: a new loop, run main, cancel what is left, shut down, close.
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print(f"hello, {name}")
    return len(name)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("same loop from get_event_loop():", asyncio.get_event_loop() is loop)
print("running?", loop.is_running())

print("first run:", loop.run_until_complete(greet("world", 0.1)))
task = loop.create_task(greet("task", 0.2))
print("second run:", loop.run_until_complete(asyncio.gather(task, greet("gather", 0.1))))

loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
asyncio.set_event_loop(None)
print("closed?", loop.is_closed())
