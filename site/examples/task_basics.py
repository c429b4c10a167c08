# title: Task: a coroutine the loop drives
# title.ko: Task: 루프가 실행하는 코루틴
# about: create_task wraps a coroutine in a Task (a Future) and schedules its first step.
# about.ko: create_task는 코루틴을 Task(일종의 Future)로 감싸고 첫 단계를 예약합니다.
# order: 40
# topic: Task
import asyncio


async def count(name, n):
    for i in range(1, n + 1):
        print(f"{name}: {i}")
        await asyncio.sleep(0.1)
    return f"{name} counted to {n}"


async def main():
    task = asyncio.create_task(count("worker", 3), name="worker")
    print("created", task.get_name(), "- done?", task.done())
    print("is a Task a Future?", isinstance(task, asyncio.Future))
    await asyncio.sleep(0)             # let the task take its first step
    print("main: the task is running on its own")
    result = await task
    print("result:", result, "- done?", task.done())


asyncio.run(main())
