# title: A deadlock: two locks, opposite order
# title.ko: 데드락: 두 개의 락을 반대 순서로
# about: Each task holds one lock and waits for the other's, forever; a timeout reveals it.
# about.ko: 각 태스크가 락 하나를 쥔 채 상대의 락을 영원히 기다립니다. 타임아웃으로 드러냅니다.
# order: 160
# topic: deadlock
import asyncio


async def transfer(name, first, second):
    async with first:
        print(f"{name}: holds one lock, wants the other")
        await asyncio.sleep(0.1)
        async with second:               # never acquired: the other task holds it
            print(f"{name}: got both")


async def main():
    lock_a, lock_b = asyncio.Lock(), asyncio.Lock()
    try:
        await asyncio.wait_for(
            asyncio.gather(transfer("task-1", lock_a, lock_b), transfer("task-2", lock_b, lock_a)),
            timeout=1.0,
        )
    except TimeoutError:
        print("deadlock: after 1 s neither task got both locks")

    # The fix: every task takes the locks in the same order.
    await asyncio.gather(transfer("task-1", lock_a, lock_b), transfer("task-2", lock_a, lock_b))


asyncio.run(main())
