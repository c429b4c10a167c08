# loop.set_exception_handler / get_exception_handler / call_exception_handler: the contexts a
# handler receives (callback error, a task exception never retrieved, a custom call), an error
# inside the handler, and the default handler called directly.
import asyncio
def handler(loop, context):
    message = context["message"].replace(__file__, "FILE")  # the path differs between checkouts
    print("handler:", message, type(context.get("exception")).__name__, sorted(context))
async def bad():
    raise ValueError("boom")
def cb():
    raise KeyError("cb")
async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print(e)
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(cb)
    await asyncio.sleep(0)
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "custom"})
    loop.set_exception_handler(lambda l, c: 1 / 0)
    loop.call_soon(cb)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    loop.default_exception_handler({"message": "direct"})
    print("end")
asyncio.run(main())
