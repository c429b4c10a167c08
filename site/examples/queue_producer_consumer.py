# title: Queue: producers and consumers
# title.ko: Queue: 생산자와 소비자
# about: A producer puts jobs in a bounded Queue; two consumers take them; join() waits for all.
# about.ko: 생산자가 크기 제한이 있는 Queue에 일을 넣고, 소비자 둘이 꺼내 처리하며, join()이 모두 끝나기를 기다립니다.
# order: 110
# topic: Queue
import asyncio


async def producer(queue):
    for i in range(1, 6):
        await queue.put(f"job-{i}")      # waits while the queue is full
        print(f"produced job-{i} (queue size {queue.qsize()})")
    print("producer: done")


async def consumer(name, queue):
    while True:
        job = await queue.get()          # waits while the queue is empty
        print(f"{name}: working on {job}")
        await asyncio.sleep(0.3)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(f"consumer-{n}", queue)) for n in (1, 2)]
    await producer(queue)
    await queue.join()                   # every job taken and marked done
    print("all jobs done")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
