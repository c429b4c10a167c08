# Cancellation thrown down a chain of awaits: caught deep inside, the coroutine goes on
# awaiting other futures; cancel messages, cancelling()/uncancel(), cancel before the first
# step, a task that refuses to die; the same for plain generators with throw().
import asyncio


async def leaf(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("  leaf caught", e.args)
        loop = asyncio.get_running_loop()
        f2 = loop.create_future()
        loop.call_later(0.02, f2.set_result, "f2 value")
        r = await f2
        print("  leaf then got", r)
        await asyncio.sleep(0)
        return "leaf result"


async def middle(fut):
    r = await leaf(fut)
    print("  middle got", r)
    return r + "!"


async def chain():
    print("caught deep in a chain:")
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(middle(fut))
    await asyncio.sleep(0.01)
    print("  cancel ->", t.cancel("deep"), "cancelling:", t.cancelling())
    print("  result:", await t, "| cancelled:", t.cancelled(), "cancelling:", t.cancelling())


async def refuses():
    print("a task that refuses twice:")
    n = 0

    async def stubborn():
        nonlocal n
        while True:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                n += 1
                print("  refused", n, "cancelling()", asyncio.current_task().cancelling())
                if n == 2:
                    asyncio.current_task().uncancel()
                    asyncio.current_task().uncancel()
                    return "gave up"

    t = asyncio.create_task(stubborn())
    for _ in range(2):
        await asyncio.sleep(0.01)
        t.cancel()
    print("  ->", await t, t.cancelling())


async def before_start():
    print("cancelled before its first step:")
    started = []

    async def never():
        started.append(1)

    t = asyncio.create_task(never())
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("  CancelledError", e.args, "started:", started)
    print("  cancel after done ->", t.cancel())


async def message_propagates():
    print("the message reaches the innermost await:")

    async def inner():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("  inner sees", e.args)
            raise

    async def outer():
        await inner()

    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    t.cancel(msg="shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("  awaiting the task:", e.args)


def generators():
    print("generators and throw():")

    def sub():
        try:
            yield "s1"
        except ValueError:
            yield "s-caught"
            return "s-ret"

    def outer():
        r = yield from sub()
        yield f"outer got {r}"
        return "done"

    g = outer()
    print("  ", next(g), g.throw(ValueError), next(g))
    try:
        next(g)
    except StopIteration as e:
        print("   StopIteration", e.value)

    def deep():
        r = yield from outer()
        yield f"deep got {r}"

    g = deep()
    print("  ", next(g), g.throw(ValueError), next(g), next(g))


async def main():
    await chain()
    await refuses()
    await before_start()
    await message_propagates()
    generators()


asyncio.run(main())
