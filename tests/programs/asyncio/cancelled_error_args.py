# The CancelledError a cancelled task raises and keeps: its args with and without a message,
# one object per cancellation, and a program's own CancelledError.__init__ still runs.
import asyncio


async def sleeper():
    await asyncio.sleep(10)


async def cancelled(msg=None):
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    if msg is None:
        t.cancel()
    else:
        t.cancel(msg)
    try:
        await t
    except asyncio.CancelledError as e:
        return t, e


async def main():
    t1, e1 = await cancelled()
    t2, e2 = await cancelled()
    t3, e3 = await cancelled("bye")
    print(repr(e1), e1.args, str(e1) == "", e1 is e2)
    print("args shared like CPython's ():", e1.args is e2.args)
    print(repr(e3), e3.args, str(e3))
    for t in (t1, t2, t3):
        try:
            t.result()
        except asyncio.CancelledError as e:
            print("result() raises", repr(e), e.args, type(e).__name__)
    e1.args = ("changed",)
    print(e1.args, e2.args)

    def init(self, *args):
        print("own __init__", args)
        BaseException.__init__(self, *args)

    asyncio.CancelledError.__init__ = init
    _, e4 = await cancelled("again")
    print(repr(e4), e4.args)
    _, e5 = await cancelled()
    print(repr(e5), e5.args)


asyncio.run(main())
