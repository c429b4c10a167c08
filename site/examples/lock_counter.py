# title: Lock: a race on shared state
# title.ko: Lock: 공유 상태의 경쟁 조건
# about: An await inside read-modify-write loses updates; an asyncio.Lock makes it one step.
# about.ko: 읽고-바꾸고-쓰는 사이에 await가 있으면 갱신이 사라집니다. asyncio.Lock으로 한 덩어리로 만듭니다.
# order: 80
# topic: Lock
import asyncio

balance = 0


async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.01)     # another task runs here and reads the old balance
    balance = current + amount


async def deposit_safe(lock, amount):
    global balance
    async with lock:              # one task at a time between acquire and release
        current = balance
        await asyncio.sleep(0.01)
        balance = current + amount


async def main():
    global balance
    await asyncio.gather(*(deposit_unsafe(10) for _ in range(5)))
    print("without a lock:", balance, "(expected 50)")

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit_safe(lock, 10) for _ in range(5)))
    print("with a lock:   ", balance)


asyncio.run(main())
