# title: Network: two clients in a chat room
# title.ko: 네트워크: 채팅방의 두 클라이언트
# about: Two WebSocket clients, each its own task, talk in a simulated chat room.
# about.ko: 각자 태스크로 실행되는 WebSocket 클라이언트 둘이 가상 채팅방에서 대화합니다.
# order: 240
# topic: network
#
# Two clients in a chat room, concurrently.
#
# sim://ws/chat is a room shared by every socket of the run; ada, a bot, lives there. Each
# client runs as its own task: it says its lines, then listens for a while. Who hears what
# depends on who was in the room when it was said.
import asyncio
import websockets


async def chatter(name, lines, listen_for):
    heard = []
    async with websockets.connect(f"sim://ws/chat?name={name}") as ws:
        heard.append(await ws.recv())  # the welcome
        for line in lines:
            await ws.send(line)
            await asyncio.sleep(0.3)
        try:
            while True:
                heard.append(await asyncio.wait_for(ws.recv(), listen_for))
        except asyncio.TimeoutError:
            pass
    return name, heard


async def main():
    results = await asyncio.gather(
        chatter("alice", ["hi all", "anyone around?"], 0.5),
        chatter("bob", ["hey alice"], 0.5),
    )
    for name, heard in results:
        print(f"{name} heard:")
        for message in heard:
            print("   ", message)


asyncio.run(main())
