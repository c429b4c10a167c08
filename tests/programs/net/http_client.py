# The client's plumbing: base_url and params merging, default and custom headers (seen by the
# echo server), form and raw bodies, URL/Headers/Timeout objects, event hooks.
import asyncio
import httpx


async def log_request(request):
    print("hook:", request.method, request.url)


async def main():
    print(httpx.Timeout(5.0), httpx.Timeout(5.0, connect=1.0), httpx.Limits(max_connections=10))
    url = httpx.URL("sim://echo/a b?x=1", params={"y": "two words", "z": True})
    print(url, url.scheme, url.host, url.path, url.params["y"], repr(url))
    h = httpx.Headers({"X-One": "1", "Accept": "text/plain"})
    h["x-one"] = "uno"
    print(h, h["X-ONE"], "accept" in h, list(h.keys()))
    print(httpx.codes.NOT_FOUND, httpx.codes.get_reason_phrase(418), httpx.codes.is_error(503))

    async with httpx.AsyncClient(base_url="sim://echo/v1", params={"key": "k"},
                                 headers={"Authorization": "Bearer t0ken"},
                                 event_hooks={"request": [log_request]}) as client:
        r = await client.get("/items", params={"page": 2}, headers={"X-Trace": "abc"})
        echo = r.json()
        print(echo["method"], echo["url"], echo["path"], echo["args"])
        print(echo["headers"])
        r = await client.post("form", data={"a": "1", "b": "x y"})
        print(r.json()["data"], r.json()["headers"]["content-type"])
        r = await client.put("/raw", content="héllo")
        print(repr(r.json()["data"]), r.json()["headers"]["content-length"], r.json()["json"])
        r = await client.request("OPTIONS", "sim://echo/other")
        print(r.json()["method"], r.json()["url"])
        print(r.request.headers)


asyncio.run(main())
