# asyncio.run's shutdown: tasks still pending when main returns are cancelled and gathered
# (with return_exceptions=True) before the loop closes; shutdown_asyncgens and
# shutdown_default_executor run as tasks too, so task numbers go on across runs.
import asyncio


async def background(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name}: cancelled at shutdown, cancelling() =", asyncio.current_task().cancelling())
        raise
    finally:
        print(f"{name}: finally")


async def quiet():
    await asyncio.sleep(10)


async def main():
    asyncio.create_task(background("bg"))
    asyncio.create_task(quiet())
    await asyncio.sleep(0.01)
    print("main returns with", len(asyncio.all_tasks()) - 1, "tasks pending")
    return "main result"


async def name():
    return asyncio.current_task().get_name()


print(asyncio.run(main()))
print("next run's main task:", asyncio.run(name()))
