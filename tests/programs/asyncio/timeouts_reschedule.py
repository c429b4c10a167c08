# asyncio.timeout / timeout_at: expiry, reschedule (later, earlier, to None), nested timeouts,
# a deadline already past, repr and misuse errors; asyncio.wait with a timeout.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def el():
        return round(loop.time() - start, 1)

    print("expiry:")
    try:
        async with asyncio.timeout(0.1) as cm:
            print("   when set:", cm.when() is not None, "expired:", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("   TimeoutError at", el(), "expired:", cm.expired(), type(e.__cause__).__name__)

    print("reschedule later, then off:")
    start = loop.time()
    async with asyncio.timeout(0.1) as cm:
        await asyncio.sleep(0.05)
        cm.reschedule(loop.time() + 0.2)
        await asyncio.sleep(0.1)
        cm.reschedule(None)
        print("   when:", cm.when())
        await asyncio.sleep(0.2)
    print("   survived until", el(), "expired:", cm.expired())

    print("reschedule earlier / into the past:")
    start = loop.time()
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() - 1)
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("   expired at once, at", el())

    print("nested: the inner one fires first and is the one that raises:")
    start = loop.time()
    try:
        async with asyncio.timeout(0.3):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("   inner TimeoutError at", el())
            await asyncio.sleep(1)
    except TimeoutError:
        print("   outer TimeoutError at", el())

    print("timeout_at and None:")
    start = loop.time()
    async with asyncio.timeout_at(loop.time() + 0.05) as cm:
        await asyncio.sleep(0.01)
    print("   no timeout:", cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print("   timeout(None) when:", cm.when())

    print("cancelled from outside while inside a timeout: CancelledError wins:")

    async def victim():
        async with asyncio.timeout(1):
            await asyncio.sleep(2)

    t = asyncio.create_task(victim())
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("   CancelledError; task cancelled:", t.cancelled())

    print("misuse:")
    cm = asyncio.timeout(1)
    print("  ", repr(cm).split(" when=")[0])
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("  ", e)
    async with cm:
        print("  ", repr(cm).split(" when=")[0])
    print("  ", repr(cm))
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("  ", e)
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print("  ", e)

    print("asyncio.wait with a timeout:")
    start = loop.time()
    ts = [asyncio.create_task(asyncio.sleep(d, result=d), name=f"s{d}") for d in (0.05, 0.1, 0.3)]
    done, pending = await asyncio.wait(ts, timeout=0.2)
    print("  ", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending), el())
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("  ", [t.result() for t in done], len(pending), el())
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("  ", e)
    try:
        await asyncio.wait(ts, return_when="SOMETIMES")
    except ValueError as e:
        print("  ", e)
    coro = asyncio.sleep(0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("  ", e)
    coro.close()


asyncio.run(main())
