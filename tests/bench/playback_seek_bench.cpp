// How long the playhead takes to move in a million-event log (issue 6: any seek < 50 ms).
// Runs two programs until their logs hold 1,000,000 events: a queue with a producer and two
// consumers (few tasks, a long run) and one that keeps creating short tasks (a model that grows).
// For each: the time to catch the checkpoints up with the whole log (frames do this a little at
// a time while the log grows), then random seeks, then steps that scan far.
//   build/<dir>/playback_seek_bench        (native)
//   node --no-experimental-fetch build/<wasm dir>/playback_seek_bench.js
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

#include "engine/engine.h"
#include "loop/event_log.h"
#include "playback.h"

using namespace looplab;
using namespace looplab::viz;

namespace {

const char* kQueue = R"(import asyncio

async def producer(q):
    i = 0
    while True:
        await q.put(i)
        i += 1
        await asyncio.sleep(0.001)

async def consumer(q, lock):
    while True:
        item = await q.get()
        async with lock:
            await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=3)
    lock = asyncio.Lock()
    await asyncio.gather(producer(q), consumer(q, lock), consumer(q, lock))

asyncio.run(main())
)";

const char* kManyTasks = R"(import asyncio

async def job(i):
    await asyncio.sleep(0.01 * (i % 7))
    return i

async def main():
    i = 0
    while True:
        batch = [asyncio.create_task(job(i + k)) for k in range(50)]
        await asyncio.gather(*batch)
        i += 50

asyncio.run(main())
)";

constexpr size_t kEvents = 1'000'000;

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time, which a busy machine (other builds) does not inflate as it does wall time.
double cpu_ms() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

void bench(const char* name, const char* source) {
  EngineLimits limits;
  limits.trace_lines = true;
  limits.log_events = kEvents;
  Engine engine(limits);
  auto t0 = std::chrono::steady_clock::now();
  engine.start(source, "<bench>");
  while (!engine.log().full() && engine.state() == RunState::Running) engine.run_slice(1'000'000);
  engine.stop();
  const EventLog& log = engine.log();
  std::printf("%s: %zu events in %.0f ms of running\n", name, log.size(), ms_since(t0));

  Playback p;
  p.attach(&log);
  t0 = std::chrono::steady_clock::now();
  p.tick(0);
  std::printf("  checkpoints for the whole log: %.1f ms (spread over frames as the log grows)\n", ms_since(t0));

  uint64_t s = 12345;
  std::vector<double> wall, cpu;
  size_t tasks = 0;
  for (int i = 0; i < 500; i++) {
    s = s * 6364136223846793005u + 1442695040888963407u;
    size_t target = size_t((s >> 33) % (log.size() + 1));
    t0 = std::chrono::steady_clock::now();
    double c0 = cpu_ms();
    p.seek(target);
    tasks = std::max(tasks, p.model().tasks.size());
    cpu.push_back(cpu_ms() - c0);
    wall.push_back(ms_since(t0));
  }
  for (auto* times : {&wall, &cpu}) {
    std::sort(times->begin(), times->end());
    double sum = 0;
    for (double t : *times) sum += t;
    std::printf("  500 random seeks (%s): mean %.2f ms, median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                times == &wall ? "wall" : "cpu", sum / double(times->size()), (*times)[times->size() / 2],
                (*times)[times->size() * 99 / 100], times->back());
  }
  std::printf("  models of up to %zu tasks; %zu checkpoints, about %.1f MB\n", tasks, p.checkpoints().snapshots(),
              double(p.checkpoints().bytes()) / 1e6);

  // Steps whose stop is far away scan the log: a Line step for a task that has no more lines.
  p.select_task(99'999);
  p.seek(0);
  t0 = std::chrono::steady_clock::now();
  p.step(StepKind::Line, true);
  p.model();
  std::printf("  a Line step scanning all of it forward: %.2f ms\n", ms_since(t0));
  t0 = std::chrono::steady_clock::now();
  p.step(StepKind::Line, false);
  p.model();
  std::printf("  ... and back: %.2f ms\n", ms_since(t0));
  p.seek(log.size() / 2);
  p.model();
  t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; i++) {
    p.step(StepKind::TaskStep, i % 2 == 0);
    p.model();
  }
  std::printf("  100 task steps back and forth: %.3f ms each\n", ms_since(t0) / 100);
}

}  // namespace

int main() {
  bench("queue (4 tasks)", kQueue);
  bench("short tasks", kManyTasks);
  return 0;
}
