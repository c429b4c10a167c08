// What CPython's finalizers print, and when: an exception nobody retrieved is reported as soon
// as its task (or future) is dropped, a referenced one at exit, and so are pending tasks and
// coroutines never awaited. Output is captured in the order the program wrote it.
#include <doctest/doctest.h>

#include <string>

#include "engine/engine.h"

using namespace looplab;

namespace {

// stdout lines as "o: ...", stderr lines as "e: ...", in the order written.
std::string run_interleaved(const char* source) {
  Engine engine;
  std::string out;
  engine.set_output_sink([&](Stream s, std::string_view text) {
    std::string prefix = s == Stream::Stdout ? "o: " : "e: ";
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
      out += prefix + std::string(text.substr(start, end - start));
      start = end;
    }
  });
  engine.start(source, "main.py");
  engine.run_to_end();
  return out;
}

}  // namespace

TEST_SUITE("finalizers") {

TEST_CASE("a dropped failed task is reported right after its step; a kept one at exit") {
  std::string got = run_interleaved(R"(import asyncio
async def bad(n):
    raise ValueError(n)
kept = None
async def main():
    global kept
    kept = asyncio.create_task(bad(2))
    asyncio.create_task(bad(1))
    await asyncio.sleep(0.1)
    print("after")
asyncio.run(main())
print("done")
)");
  CHECK(got ==
        "e: Task exception was never retrieved\n"
        "e: future: <Task finished name='Task-3' coro=<bad() done, defined at main.py:2> exception=ValueError(1)>\n"
        "e: Traceback (most recent call last):\n"
        "e:   File \"main.py\", line 3, in bad\n"
        "e:     raise ValueError(n)\n"
        "e: ValueError: 1\n"
        "o: after\n"
        "o: done\n"
        "e: Task exception was never retrieved\n"
        "e: future: <Task finished name='Task-2' coro=<bad() done, defined at main.py:2> exception=ValueError(2)>\n"
        "e: Traceback (most recent call last):\n"
        "e:   File \"main.py\", line 3, in bad\n"
        "e:     raise ValueError(n)\n"
        "e: ValueError: 2\n");
}

TEST_CASE("a future local to a finished task is reported when the task ends") {
  std::string got = run_interleaved(R"(import asyncio
async def main():
    f = asyncio.get_running_loop().create_future()
    f.set_exception(KeyError("k"))
    await asyncio.sleep(0)
    print("in main")
asyncio.run(main())
print("done")
)");
  CHECK(got ==
        "o: in main\n"
        "e: Future exception was never retrieved\n"
        "e: future: <Future finished exception=KeyError('k')>\n"
        "e: KeyError: 'k'\n"
        "o: done\n");
}

TEST_CASE("retrieved exceptions are not reported") {
  std::string got = run_interleaved(R"(import asyncio
async def bad():
    raise ValueError("x")
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print(type(t.exception()).__name__)
    print(await asyncio.gather(bad(), return_exceptions=True))
asyncio.run(main())
)");
  CHECK(got == "o: ValueError\no: [ValueError('x')]\n");
}

TEST_CASE("gc.collect reports at the moment it is called") {
  std::string got = run_interleaved(R"(import asyncio, gc
async def bad():
    raise ValueError("x")
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0)
    box = [t]
    box.append(box)  # a cycle: CPython too needs the collector to free the task
    t = box = None
    print("before")
    gc.collect()
    print("after", gc.isenabled())
asyncio.run(main())
)");
  CHECK(got ==
        "o: before\n"
        "e: Task exception was never retrieved\n"
        "e: future: <Task finished name='Task-2' coro=<bad() done, defined at main.py:2> exception=ValueError('x')>\n"
        "e: Traceback (most recent call last):\n"
        "e:   File \"main.py\", line 3, in bad\n"
        "e:     raise ValueError(\"x\")\n"
        "e: ValueError: x\n"
        "o: after True\n");
}

TEST_CASE("at exit: pending tasks and coroutines never awaited") {
  std::string got = run_interleaved(R"(import asyncio
async def forever():
    await asyncio.sleep(10)
loop = asyncio.new_event_loop()
t = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0))
loop.close()
c = forever()
print("done")
)");
  CHECK(got ==
        "o: done\n"
        "e: sys:1: RuntimeWarning: coroutine 'forever' was never awaited\n"
        "e: Task was destroyed but it is pending!\n"
        "e: task: <Task pending name='Task-1' coro=<forever() running at main.py:3> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n");
}

// The exit report walks every object still allocated, oldest first (Heap::for_each_object):
// never-awaited lock/queue coroutines, then pending tasks and unretrieved futures.
TEST_CASE("at exit: several of each kind, in the order they were made") {
  std::string got = run_interleaved(R"(import asyncio
kept = []
async def forever():
    await asyncio.sleep(100)
async def main():
    kept.append(asyncio.Lock().acquire())
    kept.append(asyncio.Queue().get())
    kept.append(asyncio.Event().wait())
    loop = asyncio.get_running_loop()
    for i in range(2):
        kept.append(asyncio.create_task(forever(), name=f"w{i}"))
    f = loop.create_future()
    f.set_exception(ValueError("kept"))
    kept.append(f)
    await asyncio.sleep(0)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("done")
)");
  CHECK(got ==
        "o: done\n"
        "e: sys:1: RuntimeWarning: coroutine 'Lock.acquire' was never awaited\n"
        "e: sys:1: RuntimeWarning: coroutine 'Queue.get' was never awaited\n"
        "e: sys:1: RuntimeWarning: coroutine 'Event.wait' was never awaited\n"
        "e: Task was destroyed but it is pending!\n"
        "e: task: <Task pending name='w0' coro=<forever() running at main.py:4> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n"
        "e: Task was destroyed but it is pending!\n"
        "e: task: <Task pending name='w1' coro=<forever() running at main.py:4> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n"
        "e: Future exception was never retrieved\n"
        "e: future: <Future finished exception=ValueError('kept')>\n"
        "e: ValueError: kept\n");
}

// A report at exit may run the loop's exception handler, which may fail a future still
// pending: that one is reported too, in its turn.
TEST_CASE("at exit: a future the exception handler fails is reported after it") {
  std::string got = run_interleaved(R"(import asyncio
kept = []
async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    a.set_exception(ValueError("a"))
    b = loop.create_future()
    def handler(loop, ctx):
        print("handler:", ctx["message"], repr(ctx.get("exception")))
        if not b.done():
            b.set_exception(KeyError("b"))
    loop.set_exception_handler(handler)
    kept.extend([a, b])
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("done")
)");
  CHECK(got ==
        "o: done\n"
        "o: handler: Future exception was never retrieved ValueError('a')\n"
        "o: handler: Future exception was never retrieved KeyError('b')\n");
}

// The classic mistake: asyncio.sleep() called without await. Dropped by its statement, it warns
// right there, as CPython does when it frees it; one kept in a variable warns at exit.
TEST_CASE("asyncio.sleep never awaited: dropped warns at its line, kept warns at exit") {
  std::string got = run_interleaved(R"(import asyncio
async def main():
    asyncio.sleep(1)
    print("after the dropped one")
    kept = asyncio.sleep(2)
    await asyncio.sleep(0)
    started = asyncio.sleep(0)
    await started
    print("end", kept is not None)
asyncio.run(main())
)");
  CHECK(got ==
        "e: main.py:3: RuntimeWarning: coroutine 'sleep' was never awaited\n"
        "e:   asyncio.sleep(1)\n"
        "e: RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        "o: after the dropped one\n"
        "o: end True\n"
        "e: sys:1: RuntimeWarning: coroutine 'sleep' was never awaited\n");
}

TEST_CASE("del of a coroutine never awaited warns at that line") {
  std::string got = run_interleaved("async def greet():\n    pass\ncoro = greet()\nprint(\"made\")\ndel coro\nprint(\"after\")\n");
  CHECK(got ==
        "o: made\n"
        "e: main.py:5: RuntimeWarning: coroutine 'greet' was never awaited\n"
        "e:   del coro\n"
        "e: RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        "o: after\n");
}

}  // TEST_SUITE
