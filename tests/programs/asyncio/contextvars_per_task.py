# contextvars: every task runs in a copy of its creator's context, so a value set in one
# request handler is not seen by another; children inherit the parent's values; to_thread
# carries the context into the worker; Context.run, tokens and their errors.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


async def log(msg):
    await asyncio.sleep(0)
    print(f"[{request_id.get()}] {msg}")


async def child(n):
    await log(f"child {n} sees user={user.get('nobody')}")
    user.set(f"changed by child {n}")


async def handler(rid, delay):
    request_id.set(rid)
    user.set(f"user-{rid}")
    await asyncio.sleep(delay)
    await log("handling")
    await asyncio.gather(child(1), child(2))
    await log(f"after children user={user.get()}")
    return request_id.get()


def in_thread():
    return f"thread sees {request_id.get()}"


async def main():
    print("main starts with", request_id.get())
    results = await asyncio.gather(handler("r1", 0.02), handler("r2", 0.01))
    print("results:", results, "| main still sees", request_id.get())
    request_id.set("main")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(log("inside a TaskGroup task"))
    print(await asyncio.to_thread(in_thread))
    ctx = contextvars.Context()
    print("empty Context.run:", ctx.run(request_id.get), len(ctx))
    token = request_id.set("temp")
    print("set:", request_id.get(), "token.old_value:", token.old_value, token.var is request_id)
    request_id.reset(token)
    print("reset:", request_id.get())
    try:
        request_id.reset(token)
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" var=")[0] + ">")
    try:
        user.get()
    except LookupError:
        print("LookupError for a var with no value")
    snap = contextvars.copy_context()
    request_id.set("later")
    print("snapshot:", snap[request_id], request_id in snap, "now:", request_id.get())


asyncio.run(main())
print("module level:", request_id.get())
