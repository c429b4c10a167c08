# Misused asyncio APIs raise CPython's TypeErrors: a def's messages for what CPython writes in
# Python (asyncio.sleep, create_task, BaseEventLoop methods), a C method's for Future's.

# --- module functions and a queue
import asyncio, math, json
async def main():
    for call in [lambda: asyncio.sleep(), lambda: asyncio.sleep(1, 2, 3), lambda: asyncio.sleep(0, result=5),
                 lambda: asyncio.sleep(delay=0), lambda: asyncio.sleep(0, 1, result=2), lambda: asyncio.sleep(0, bogus=1)]:
        try:
            c = call()
            print("ok", await c)
        except TypeError as e:
            print("TypeError:", e)
    q = asyncio.Queue()
    for call in [lambda: q.put_nowait(), lambda: q.put_nowait(1, 2), lambda: q.put_nowait(item=3)]:
        try:
            print("ok", call())
        except TypeError as e:
            print("TypeError:", e)
    print(q.qsize())
asyncio.run(main())
for call in [lambda: json.dumps(), lambda: json.dumps([1], indent=1), lambda: round(2.5, 0, 1), lambda: sorted([3, 1], key=None, reverse=True)]:
    try:
        print("ok", call())
    except TypeError as e:
        print("TypeError:", e)


# --- loop methods
loop = asyncio.new_event_loop()
for name, call in {
    "get_running_loop(1)": lambda: asyncio.get_running_loop(1),
    "_get_running_loop(1)": lambda: asyncio._get_running_loop(1),
    "set_event_loop()": lambda: asyncio.set_event_loop(),
    "new_event_loop(1)": lambda: asyncio.new_event_loop(1),
    "iscoroutine()": lambda: asyncio.iscoroutine(),
    "isfuture()": lambda: asyncio.isfuture(),
    "run_until_complete()": lambda: loop.run_until_complete(),
    "run_forever(1)": lambda: loop.run_forever(1),
    "set_exception_handler()": lambda: loop.set_exception_handler(),
    "get_exception_handler(1)": lambda: loop.get_exception_handler(1),
    "call_exception_handler()": lambda: loop.call_exception_handler(),
    "default_exception_handler()": lambda: loop.default_exception_handler(),
    "loop.create_task()": lambda: loop.create_task(),
    "loop.time(1)": lambda: loop.time(1),
    "all_tasks(1, 2)": lambda: asyncio.all_tasks(1, 2),
    "sleep(bad=1)": lambda: asyncio.sleep(1, bad=1),
    "sleep(1, delay=2)": lambda: asyncio.sleep(1, delay=2),
}.items():
    try:
        call()
        print(name, "ok")
    except TypeError as e:
        print(name, "TypeError:", e)
    except RuntimeError as e:
        print(name, "RuntimeError:", e)


# --- futures, tasks and primitives
async def c(): pass
async def main():
    lock = asyncio.Lock(); ev = asyncio.Event(); q = asyncio.Queue(); sem = asyncio.Semaphore()
    loop = asyncio.get_running_loop()
    calls = {
        "create_task()": lambda: asyncio.create_task(),
        "ensure_future()": lambda: asyncio.ensure_future(),
        "gather(x=1)": lambda: asyncio.gather(x=1),
        "wait_for()": lambda: asyncio.wait_for(),
        "lock.acquire(1)": lambda: lock.acquire(1),
        "ev.wait(1)": lambda: ev.wait(1),
        "ev.set(1)": lambda: ev.set(1),
        "q.put()": lambda: q.put(),
        "q.get(1)": lambda: q.get(1),
        "sem.release(1)": lambda: sem.release(1),
        "loop.call_soon()": lambda: loop.call_soon(),
        "loop.call_later(1)": lambda: loop.call_later(1),
        "loop.create_future(1)": lambda: loop.create_future(1),
        "current_task(1, 2)": lambda: asyncio.current_task(1, 2),
        "shield()": lambda: asyncio.shield(),
        "Future(1)": lambda: asyncio.Future(1),
        "fut.set_result()": lambda: loop.create_future().set_result(),
        "fut.cancel(1, 2)": lambda: loop.create_future().cancel(1, 2),
        "task.cancel(1, 2)": lambda: asyncio.current_task().cancel(1, 2),
    }
    for name, call in calls.items():
        try:
            r = call()
            print(name, "ok")
            if asyncio.iscoroutine(r): r.close()
        except TypeError as e:
            print(name, "TypeError:", e)
asyncio.run(main())
