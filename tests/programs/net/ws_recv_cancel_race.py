# A recv cancelled after its message arrived but before its task woke up: the message is not
# lost, the next recv gets it.
import asyncio
import websockets


async def main():
    loop = asyncio.get_running_loop()
    async with websockets.connect("sim://ws/echo") as ws:
        t0 = loop.time()
        await ws.send("kept")
        task = asyncio.create_task(ws.recv())
        # Fires in the loop iteration that delivers the echo, after the answer is set on the
        # recv's future and before the task wakes up.
        loop.call_at(t0 + 0.1, task.cancel)
        try:
            await task
        except asyncio.CancelledError:
            print("recv cancelled:", task.cancelled())
        print(await ws.recv())
        await ws.send("next")
        print(await ws.recv())


asyncio.run(main())
