# asyncio.run / Runner, get_event_loop outside a loop, run_until_complete, task numbering across
# runs, error messages of misuse, and the names the public classes carry.
import asyncio


async def answer(x=42):
    await asyncio.sleep(0.01)
    return x


async def names():
    t = asyncio.current_task()
    return t.get_name()


loop = asyncio.get_event_loop()
print("get_event_loop outside a loop:", type(loop).__name__, loop.is_running(), loop.is_closed())
print("same loop again:", asyncio.get_event_loop() is loop)
print("run_until_complete:", loop.run_until_complete(answer(7)))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, "from a callback")
print("run_until_complete(future):", loop.run_until_complete(fut))
print("task of run_until_complete:", loop.run_until_complete(names()))
loop.close()
print("closed:", loop.is_closed())
coro = answer()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()  # never awaited: closing it keeps CPython's warning (timed by refcounting) out

print("asyncio.run returns the result:", asyncio.run(answer()))
print("task names continue across runs:", asyncio.run(names()), asyncio.run(names()))


asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

new = asyncio.new_event_loop()
asyncio.set_event_loop(new)
print("set_event_loop:", asyncio.get_event_loop() is new)
new.close()

with asyncio.Runner() as runner:
    print("Runner.run twice:", runner.run(answer(1)), runner.run(answer(2)))
    print("Runner loop running:", runner.get_loop().is_running())
coro = answer()
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

coro = answer()
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
coro.close()


async def nested():
    inner = answer()
    try:
        asyncio.run(inner)
    except RuntimeError as e:
        print("RuntimeError:", e)
    inner.close()
    nap = asyncio.sleep(0)
    try:
        asyncio.get_running_loop().run_until_complete(nap)
    except RuntimeError as e:
        print("RuntimeError:", e)
    nap.close()

asyncio.run(nested())

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

for cls in (asyncio.CancelledError, asyncio.InvalidStateError, asyncio.TimeoutError,
            asyncio.QueueEmpty, asyncio.QueueFull, asyncio.Lock, asyncio.Event,
            asyncio.Semaphore, asyncio.BoundedSemaphore, asyncio.Condition, asyncio.Queue,
            asyncio.PriorityQueue, asyncio.LifoQueue, asyncio.TaskGroup, asyncio.Timeout,
            asyncio.Runner, asyncio.Future, asyncio.Task, asyncio.BrokenBarrierError,
            asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.Barrier):
    print(f"{cls.__module__}.{cls.__qualname__}")
print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.CancelledError, BaseException),
      issubclass(asyncio.CancelledError, Exception))
print(asyncio.iscoroutinefunction(answer), asyncio.iscoroutinefunction(print),
      asyncio.iscoroutine(answer), asyncio.FIRST_COMPLETED, asyncio.ALL_COMPLETED)
c = answer()
print(asyncio.iscoroutine(c), asyncio.isfuture(c))
c.close()
