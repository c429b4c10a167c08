# The build runs this once with the node runner to fill its code cache (wasm_node_code_cache.js):
# what it runs is what later runs find already optimized. So it touches what programs commonly
# do -- the loop and every asyncio primitive, the language's statements and built-in types,
# errors and tracebacks, the common modules -- each a few times, without dwelling on any.
import asyncio
import collections
import contextlib
import dataclasses
import functools
import itertools
import json
import math
import random
import sys
import time
import traceback


@dataclasses.dataclass
class Point:
    x: float
    y: float = 0.0

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


class Shape:
    sides = 0

    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self._name.title()

    def __repr__(self):
        return f"{type(self).__name__}({self._name!r})"

    def __eq__(self, other):
        return isinstance(other, Shape) and self._name == other._name

    def __hash__(self):
        return hash(self._name)

    @classmethod
    def make(cls, name):
        return cls(name)

    @staticmethod
    def describe(n):
        return "%d sides, %.1f%%" % (n, n * 12.5)


class Square(Shape):
    sides = 4

    def area(self, side):
        return super().describe(self.sides) + str(side ** 2)


def fib_gen(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b


def closures(n):
    def adder(k):
        return lambda x: x + k
    return [adder(i)(i) for i in range(n)]


def errors(n):
    caught = []
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise KeyError(i)
                if i % 3 == 1:
                    {}["missing"]
                [][i]
            finally:
                caught.append(i)
        except (KeyError, IndexError) as e:
            caught.append(type(e).__name__)
    try:
        1 / 0
    except ZeroDivisionError:
        caught.append(traceback.format_exc().count("\n"))
    return caught


def language(n):
    nums = list(range(n))
    squares = [i * i for i in nums if i % 2]
    table = {str(i): i for i in nums}
    seen = {i % 7 for i in nums}
    words = "the quick brown fox jumps over the lazy dog".split()
    text = ", ".join(sorted(words, key=lambda w: (len(w), w)))
    counts = collections.Counter(text)
    first, *rest = words
    shapes = {Square.make(w) for w in words}
    stats = (sum(squares), max(nums), min(table.values()), len(seen), sum(fib_gen(n)))
    floats = [round(math.sqrt(i) * math.pi, 3) for i in nums[:20]]
    big = 2 ** 100 // 7 + int("123456789" * 3)
    dq = collections.deque(maxlen=10)
    for i in nums:
        dq.append(i)
    grouped = collections.defaultdict(list)
    for k, g in itertools.groupby(sorted(words), key=len):
        grouped[k].extend(g)
    point = functools.reduce(lambda p, q: p + q, (Point(i, -i) for i in range(5)))
    return (stats, text.upper()[:20], counts.most_common(2), first, len(rest), len(shapes),
            floats[:3], big % 1000, list(dq)[:3], dict(grouped), point, closures(5),
            errors(9), f"{n:>8}|{3.14159:.2f}|{n:#x}|{'x' * 3!r}", Square("s").area(3),
            bytes(range(5)).hex(), tuple(zip(words, nums)), list(enumerate(words[:2])),
            json.loads(json.dumps({"a": [1, 2.5, None, True], "b": {"c": "d"}})),
            random.Random(5).randint(1, 100), time.monotonic() >= 0, sys.version_info[:1])


async def spinner(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def ping(queue_in, queue_out, n):
    for i in range(n):
        await queue_out.put(i)
        await queue_in.get()


async def pong(queue_in, queue_out, n):
    for _ in range(n):
        item = await queue_in.get()
        await queue_out.put(item)


async def locked(lock, cond, shared, n):
    for _ in range(n):
        async with lock:
            shared.append(1)
            await asyncio.sleep(0)
    async with cond:
        cond.notify_all()


async def timer(i, results):
    await asyncio.sleep(i * 0.001)
    results.append(i)


async def leaf(i):
    await asyncio.sleep(0.001 * (i % 3))
    if i == 7:
        raise ValueError("leaf 7")
    return i


async def tree(depth, width):
    if depth == 0:
        await asyncio.sleep(0)
        return 1
    return sum(await asyncio.gather(*(tree(depth - 1, width) for _ in range(width))))


def blocking(n):
    return sum(range(n))


async def loop_tour(n):
    await asyncio.gather(*(spinner(10) for _ in range(n)))
    a, b = asyncio.Queue(), asyncio.Queue(maxsize=1)
    await asyncio.gather(ping(a, b, n), pong(b, a, n))
    lock, cond, shared = asyncio.Lock(), asyncio.Condition(), []
    await asyncio.gather(*(locked(lock, cond, shared, 5) for _ in range(10)))
    timers = []
    await asyncio.gather(*(timer(i % 17, timers) for i in range(n)))
    leaves = await asyncio.gather(*(leaf(i) for i in range(10)), return_exceptions=True)
    sizes = await tree(3, 4)

    event, sem, bounded = asyncio.Event(), asyncio.Semaphore(2), asyncio.BoundedSemaphore(3)

    async def guarded(i):
        async with sem, bounded:
            await event.wait()
            return i

    waiting = [asyncio.create_task(guarded(i), name=f"guarded-{i}") for i in range(6)]
    await asyncio.sleep(0.01)
    event.set()
    done, pending = await asyncio.wait(waiting, return_when=asyncio.ALL_COMPLETED)
    first = await asyncio.wait_for(leaf(1), timeout=1)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        first += 100
    try:
        async with asyncio.timeout(0.01):
            await asyncio.Event().wait()
    except TimeoutError:
        first += 1000
    ordered = [await f for f in asyncio.as_completed([leaf(i) for i in (2, 1, 0)])]
    task = asyncio.create_task(spinner(100))
    await asyncio.sleep(0)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    shielded = await asyncio.shield(leaf(4))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(leaf(3))
            tg.create_task(leaf(7))
    except* ValueError as group:
        first += len(group.exceptions)
    prio = asyncio.PriorityQueue()
    for i in (3, 1, 2):
        prio.put_nowait((i, str(i)))
    lifo = asyncio.LifoQueue()
    lifo.put_nowait(1)
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.001, future.set_result, "later")
    threaded = await asyncio.to_thread(blocking, 1000)
    return (len(shared), sorted(timers)[:5], leaves[6:8], sizes, len(done), first, ordered,
            task.cancelled(), shielded, prio.get_nowait(), lifo.qsize(), await future, threaded,
            asyncio.current_task().get_name(), len(asyncio.all_tasks()))


async def main():
    for n in (50, 200):
        print(await loop_tour(n))
        print(language(n))


asyncio.run(main())
