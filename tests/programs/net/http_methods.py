# POST, PUT, PATCH and DELETE change the simulated API's data for the rest of the run.
import asyncio
import httpx


async def main():
    async with httpx.AsyncClient(base_url="sim://api/") as client:
        r = await client.post("/posts", json={"user_id": 1, "title": "Hello", "body": "née"})
        print(r.status_code, r.reason_phrase, r.json())
        print(r.request.headers["content-type"], r.request.headers["content-length"])
        new_id = r.json()["id"]

        r = await client.put(f"/posts/{new_id}", json={"title": "Replaced"})
        print(r.status_code, r.json())

        r = await client.patch("/posts/1", json={"title": "Patched", "id": 99})
        print(r.status_code, r.json())

        r = await client.delete("/posts/2")
        print(r.status_code, r.reason_phrase, repr(r.text), r.is_success)

        r = await client.get("/posts/2")
        print(r.status_code, r.json())

        r = await client.get("/posts", params={"user_id": 1})
        print([p["title"] for p in r.json()])

        r = await client.post("/todos", content=b"not json")
        print(r.status_code, r.reason_phrase, r.json())

        r = await client.delete("/users")
        print(r.status_code, r.json())

        r = await client.get("/nothing/here")
        print(r.status_code, r.json())

        r = await client.post("/users", data={"name": "Form", "tags": ["a", "b"]})
        print(r.status_code, r.request.headers["content-type"], r.request.content)


asyncio.run(main())
