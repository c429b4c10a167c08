# Status errors, connection failures, timeouts and bad URLs, with httpx's messages.
import asyncio
import httpx


async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient() as client:
        r = await client.get("sim://api/users/42")
        print(r, r.is_client_error, r.json())
        try:
            r.raise_for_status()
        except httpx.HTTPStatusError as e:
            print(type(e).__name__, e.response.status_code, e.request.url)
            print(e)

        r = await client.get("sim://api/error")
        print(r, r.is_server_error, r.headers["content-type"], r.text)
        try:
            r.raise_for_status()
        except httpx.HTTPError as e:
            print(e)

        ok = await client.get("sim://status/200")
        print(ok.raise_for_status() is ok, ok.content)

        for url in ["sim://down/", "sim://nowhere/x"]:
            t0 = loop.time()
            try:
                await client.get(url)
            except httpx.ConnectError as e:
                print(type(e).__name__, repr(str(e)), e.request.url, round(loop.time() - t0, 2))

        t0 = loop.time()
        try:
            await client.get("sim://delay/7")
        except httpx.TimeoutException as e:
            print(type(e).__name__, repr(str(e)), round(loop.time() - t0, 2))

        t0 = loop.time()
        try:
            await client.get("sim://blackhole/", timeout=1.5)
        except httpx.ConnectTimeout as e:
            print(type(e).__name__, isinstance(e, httpx.TimeoutException), round(loop.time() - t0, 2))

        r = await client.get("sim://delay/7", timeout=None)
        print(r.json(), round(loop.time() - t0, 2))

        for url in ["ftp://example.com/", "/relative"]:
            try:
                await client.get(url)
            except httpx.UnsupportedProtocol as e:
                print(type(e).__name__, e)

        try:
            await client.get("http://127.0.0.1:1/")
        except httpx.ConnectError as e:
            print(e)

    try:
        await client.get("sim://api/users")
    except RuntimeError as e:
        print(e)
    try:
        httpx.get("sim://api/users")
    except NotImplementedError as e:
        print(e)
    print(issubclass(httpx.ReadTimeout, httpx.TransportError), issubclass(httpx.HTTPStatusError, httpx.RequestError))


asyncio.run(main())
