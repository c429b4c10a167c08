# GET JSON from the simulated REST API: one resource, a collection, a filter, nested routes.
import asyncio
import httpx


async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(base_url="sim://api") as client:
        t0 = loop.time()
        r = await client.get("/users/1")
        print(r)
        print(r.status_code, r.reason_phrase, r.is_success, r.is_error)
        print(r.url)
        print(r.headers["content-type"], r.headers.get("Content-Length"))
        print(r.text)
        user = r.json()
        print(user["name"], user["city"])
        print("took", round(loop.time() - t0, 2))

        users = (await client.get("/users")).json()
        print(len(users), [u["username"] for u in users])

        posts = (await client.get("/posts", params={"user_id": 3})).json()
        print([(p["id"], p["title"]) for p in posts])

        todos = (await client.get("/users/2/todos")).json()
        print([(t["title"], t["completed"]) for t in todos])

        r = await client.get("todos/5")
        print(r.request, r.json())
        print(repr(r.content[:20]))
        print(r.http_version, r.encoding)


asyncio.run(main())
