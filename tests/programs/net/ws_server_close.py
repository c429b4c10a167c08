# Servers that close the socket: async for ends quietly on a normal close and raises on an error.
import asyncio
import websockets
from websockets.exceptions import ConnectionClosed, ConnectionClosedError, ConnectionClosedOK


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with websockets.connect("sim://ws/ticker?n=3&interval=0.5") as ws:
        async for msg in ws:
            print(msg, round(loop.time() - t0, 2))
        print("server closed:", ws.close_code, repr(ws.close_reason))

    async with websockets.connect("sim://ws/echo?close_after=2") as ws:
        for i in range(3):
            await ws.send(f"m{i}")
        try:
            while True:
                print(await ws.recv())
        except ConnectionClosedOK as e:
            print("closed:", e)

    async with websockets.connect("sim://ws/close?code=1011&reason=oops") as ws:
        try:
            async for msg in ws:
                print(msg)
        except ConnectionClosedError as e:
            print(type(e).__name__, e, e.code, e.reason)

    ws = await websockets.connect("sim://ws/close?reason=bye")
    await asyncio.sleep(0.5)
    print(ws.closed, ws.close_code, ws.close_reason)
    try:
        await ws.send("anyone?")
    except ConnectionClosed as e:
        print(type(e).__name__, e)
    await ws.close()
    await ws.wait_closed()
    print(round(loop.time() - t0, 2))


asyncio.run(main())
