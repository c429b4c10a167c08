# Two clients in the simulated chat room (with ada, its bot): who hears what, and when.
import asyncio
import websockets


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    alice = await websockets.connect("sim://ws/chat?name=alice")
    bob = await websockets.connect("sim://ws/chat?name=bob")
    await alice.send("hi bob")
    print("bob:", [await bob.recv() for _ in range(3)])
    await bob.send("hi alice, how are you?")
    print("alice:", [await alice.recv() for _ in range(7)])
    print(round(loop.time() - t0, 2))
    await bob.close()
    print("alice:", await alice.recv())
    await alice.close()
    print(round(loop.time() - t0, 2))

    async def chatter(name, lines):
        async with websockets.connect(f"sim://ws/chat?name={name}") as ws:
            heard = [await ws.recv()]
            for line in lines:
                await ws.send(line)
                await asyncio.sleep(0.25)
            while len(heard) < 6:
                heard.append(await ws.recv())
            return heard

    a, b = await asyncio.gather(chatter("cy", ["one", "two"]), chatter("di", ["three?"]))
    print(a)
    print(b)


asyncio.run(main())
