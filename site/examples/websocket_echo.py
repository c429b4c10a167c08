# title: Network: a WebSocket echo conversation
# title.ko: 네트워크: WebSocket 에코 대화
# about: Send messages over a WebSocket and read the echoes, with async for and a close handshake.
# about.ko: WebSocket으로 메시지를 보내고 되돌아온 메시지를 async for로 읽은 뒤 연결을 닫습니다.
# order: 220
# topic: network
#
# A WebSocket conversation with an echo server.
#
# sim://ws/echo sends back every message 0.1 s after it arrives. `async with` closes the socket
# at the end (a close handshake, another round trip). Try a real echo server in the browser,
# e.g. "wss://echo.websocket.org", if your network allows it.
import asyncio
import websockets


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with websockets.connect("sim://ws/echo") as ws:
        print(f"connected at {loop.time() - start:.1f} s")
        for word in ["hello", "event", "loop"]:
            await ws.send(word)
            reply = await ws.recv()
            print(f"sent {word!r}, got {reply!r} at {loop.time() - start:.1f} s")

        # Send three, then read three: the echoes were on their way meanwhile.
        for n in range(3):
            await ws.send(f"message {n}")
        replies = [await ws.recv() for _ in range(3)]
        print(replies, f"at {loop.time() - start:.1f} s")
    print(f"closed with code {ws.close_code} at {loop.time() - start:.1f} s")


asyncio.run(main())
