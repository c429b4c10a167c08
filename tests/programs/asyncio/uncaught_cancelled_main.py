# The main task is cancelled: asyncio.run raises CancelledError, which is a BaseException and
# ends the program (exit 1).
import asyncio


async def main():
    task = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.02, task.cancel)
    try:
        await asyncio.sleep(1)
    finally:
        print("main cleaning up, cancelling() =", task.cancelling())


try:
    asyncio.run(main())
except Exception:
    print("not an Exception")
