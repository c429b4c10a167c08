# title: Network: a FastAPI-style fan-out to several APIs
# title.ko: 네트워크: 여러 API로 동시에 요청하는 FastAPI 스타일 핸들러
# about: A handler fetches a user, then their todos and the weather at once with gather.
# about.ko: 핸들러가 사용자를 먼저 가져오고, 할 일 목록과 날씨는 gather로 동시에 가져옵니다.
# order: 230
# topic: network
#
# A FastAPI-style handler that fans out to several APIs at once.
#
# A dashboard endpoint needs a user, their todos and the weather in their city. The user comes
# first (the city depends on it); then the todos and the weather are independent, so they go
# out together with asyncio.gather. Three services, three latencies: the api answers in 0.1 s,
# the weather service in 0.25 s.
import asyncio
import httpx

API = "sim://api"
WEATHER = "sim://weather"


async def get_json(client, url, **params):
    response = await client.get(url, params=params)
    response.raise_for_status()
    return response.json()


# In FastAPI this would be: @app.get("/dashboard/{user_id}")
async def dashboard(client, user_id: int):
    user = await get_json(client, f"{API}/users/{user_id}")
    todos, weather = await asyncio.gather(
        get_json(client, f"{API}/todos", user_id=user_id),
        get_json(client, f"{WEATHER}/{user['city']}"),
    )
    open_todos = [t["title"] for t in todos if not t["completed"]]
    return {"name": user["name"], "city": user["city"], "weather": weather, "todo": open_todos}


async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient() as client:
        start = loop.time()
        board = await dashboard(client, 3)
        print(board)
        print(f"one dashboard: {loop.time() - start:.2f} s")

        # Five users' dashboards, all at once.
        start = loop.time()
        boards = await asyncio.gather(*(dashboard(client, uid) for uid in range(1, 6)))
        for b in boards:
            print(f"{b['name']:<17} {b['city']:<10} {b['weather']['temp_c']:>3} C  {b['todo']}")
        print(f"five dashboards: {loop.time() - start:.2f} s")

        try:
            await dashboard(client, 42)
        except httpx.HTTPStatusError as e:
            print("404:", e.response.json()["detail"])


asyncio.run(main())
