# A WebSocket conversation with the echo server, then what a closed socket says.
import asyncio
import websockets
from websockets.exceptions import ConnectionClosed, ConnectionClosedOK


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with websockets.connect("sim://ws/echo") as ws:
        print("open", ws.open, ws.closed, ws.path, ws.close_code, round(loop.time() - t0, 2))
        for text in ["hello", "asyncio", "héllo"]:
            await ws.send(text)
            reply = await ws.recv()
            print(repr(reply), round(loop.time() - t0, 2))
        await ws.send(b"\x00\x01\xff")
        print(repr(await ws.recv()))
        await ws.send(bytearray(b"ab"))
        print(repr(await ws.recv()))
        await ws.send("one")
        await ws.send("two")
        await ws.send("three")
        print([await ws.recv() for _ in range(3)])
    print("closed", ws.open, ws.closed, ws.close_code, repr(ws.close_reason), round(loop.time() - t0, 2))
    try:
        await ws.recv()
    except ConnectionClosedOK as e:
        print(type(e).__name__, e, e.code, repr(e.reason))
        print(repr(e.rcvd), repr(e.sent), e.rcvd_then_sent)
    try:
        await ws.send("late")
    except ConnectionClosed as e:
        print(type(e).__name__, e)

    ws = await websockets.connect("sim://ws/echo")
    await ws.close(4000, "custom")
    await ws.close()
    try:
        await ws.recv()
    except ConnectionClosed as e:
        print(type(e).__name__, e)
    print(round(loop.time() - t0, 2))


asyncio.run(main())
