# Task names (automatic "Task-N" numbers, name=, Task(), set_name), the private fields asyncio's
# Python reads on futures, and callbacks beyond the first: all stored compactly by the loop.
import asyncio


async def c(x=0):
    await asyncio.sleep(x)
    return x


async def bad():
    raise ValueError("x")


class MyTask(asyncio.Task):
    def __init__(self, coro, **kw):
        super().__init__(coro, **kw)


async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(c())
    t2 = asyncio.create_task(c(), name="custom")
    t3 = asyncio.Task(c())
    t4 = loop.create_task(c())
    t5 = asyncio.create_task(c(), name=42)
    t6 = MyTask(c(), name="mine")
    print(t1.get_name(), t2.get_name(), t3.get_name(), t4.get_name(), t5.get_name(), t6.get_name())
    print(repr(t1).split(" coro=")[0])
    t1.set_name("renamed")
    print(t1.get_name(), t4._state, t4._must_cancel, hasattr(t4, "_name"), hasattr(t4, "_num_cancels_requested"))
    await asyncio.gather(t1, t2, t3, t4, t5, t6)
    print(repr(t4).split(" coro=")[0], t4.result(), t4._result, t4._exception)

    t7 = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print(t7.done(), repr(t7.exception()), t7._state)

    t8 = asyncio.create_task(c(1))
    await asyncio.sleep(0)
    print(t8._fut_waiter is not None, t8._asyncio_future_blocking)
    t8.cancel("why")
    try:
        await t8
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    print(repr(t8).split(" coro=")[0], t8._cancel_message)

    f = loop.create_future()
    print(f._state, f._result, f._exception, f._cancel_message, f._log_traceback, f._loop is loop)
    f.add_done_callback(lambda f: print("first"))
    f.add_done_callback(lambda f: print("second"))
    f.add_done_callback(repr)
    f.add_done_callback(lambda f: print("fourth"))
    print(f.remove_done_callback(repr), len(f._callbacks))
    f.set_exception(KeyError("k"))
    await asyncio.sleep(0)
    print(f.exception().args, f._state)
    try:
        f._state = "X"
    except AttributeError:
        print("_state is read-only")

    g = loop.create_future()
    g.cancel("stop")
    print(g.cancelled(), g._cancel_message)
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("result() raises CancelledError", e.args)


asyncio.run(main())
