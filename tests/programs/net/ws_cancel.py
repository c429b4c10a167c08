# Cancelling around WebSockets: a recv that times out loses nothing, a cancelled task closes its
# socket on the way out of `async with`; and how connecting fails.
import asyncio
import websockets


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with websockets.connect("sim://ws/echo") as ws:
        try:
            await asyncio.wait_for(ws.recv(), timeout=0.5)
        except asyncio.TimeoutError:
            print("nothing within 0.5 s; still open:", ws.open, round(loop.time() - t0, 2))
        await ws.send("ping")
        print(await ws.recv(), round(loop.time() - t0, 2))

    sockets = []

    async def listen():
        async with websockets.connect("sim://ws/echo") as ws:
            sockets.append(ws)
            await ws.recv()  # nothing ever comes

    task = asyncio.create_task(listen())
    await asyncio.sleep(1)
    print("before cancel:", sockets[0].open)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("after cancel:", sockets[0].closed, sockets[0].close_code, round(loop.time() - t0, 2))

    urls = ["sim://down", "sim://nowhere/ws", "sim://ws/nope", "sim://api/users",
            "http://example.com/", "ws://127.0.0.1:1/"]
    for url in urls:
        try:
            async with websockets.connect(url):
                pass
        except Exception as e:
            print(type(e).__name__, e)
    t1 = loop.time()
    try:
        await websockets.connect("sim://blackhole", open_timeout=2)
    except TimeoutError as e:
        print(type(e).__name__, repr(str(e)), round(loop.time() - t1, 2))
    try:
        await asyncio.wait_for(websockets.connect("sim://blackhole"), 0.5)
    except asyncio.TimeoutError:
        print("wait_for gave up")


asyncio.run(main())


async def refused():
    try:
        await websockets.connect("sim://down")
    except ConnectionRefusedError as e:
        print(e.errno, e.strerror, isinstance(e, OSError))
    await websockets.connect("sim://down")


asyncio.run(refused())
