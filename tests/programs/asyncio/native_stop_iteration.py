# Awaitables driven by hand (send/next) finish with StopIteration as CPython's do: args () for a
# None result, the result in .value and args otherwise. Covers the native coroutines (sleep,
# Lock.acquire, Future.__await__) that replace CPython's Python code.
import asyncio


def finish(step):
    try:
        step()
    except StopIteration as e:
        print("StopIteration", repr(e.value), e.args)
    else:
        print("still running")


c = asyncio.sleep(0)
print("first send:", c.send(None))
finish(lambda: c.send(None))
c = asyncio.sleep(0, result="done")
c.send(None)
finish(lambda: c.send(None))
w = asyncio.sleep(0, result=None).__await__()
next(w)
finish(lambda: next(w))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(42)
    it = fut.__await__()
    finish(lambda: next(it))
    fut = loop.create_future()
    fut.set_result(None)
    it = fut.__await__()
    finish(lambda: it.send(None))
    lock = asyncio.Lock()
    acq = lock.acquire()
    finish(lambda: acq.send(None))
    print("locked:", lock.locked())
    ev = asyncio.Event()
    ev.set()
    w = ev.wait()
    finish(lambda: w.send(None))


asyncio.run(main())
