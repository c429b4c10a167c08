// The visualizer's model is a fold over the event log: given a log, the model at an index is
// exactly what the loop looked like then, and seeking (checkpoints) equals folding from scratch.
#include <doctest/doctest.h>

#include "engine/engine.h"
#include "fold.h"
#include "loop/event_log.h"

using namespace looplab;
using namespace looplab::viz;

namespace {

const char* kGather = R"(import asyncio

async def worker(n, d):
    await asyncio.sleep(d)
    return n

async def main():
    print(await asyncio.gather(worker(1, 0.2), worker(2, 0.1)))

asyncio.run(main())
)";

// The index just after the first event of `kind` for which pred holds.
template <class P>
size_t after_first(const EventLog& log, EventKind kind, P pred) {
  for (size_t i = 0; i < log.size(); i++)
    if (log[i].kind == kind && pred(log[i])) return i + 1;
  return log.size();
}

}  // namespace

TEST_SUITE_BEGIN("fold");

TEST_CASE("task states, ready queue and timers at chosen moments of a gather") {
  Engine engine;
  engine.start(kGather, "<gather>");
  REQUIRE(engine.run_to_end() == 0);
  CHECK(engine.stdout_text() == "[1, 2]\n");
  const EventLog& log = engine.log();

  // After main's first step: it awaits the gather future; both workers are queued to run.
  size_t i = after_first(log, EventKind::TaskStepEnd, [](const Event& e) { return e.a == 1; });
  Model m;
  fold_to(m, log, i);
  REQUIRE(m.tasks.size() == 3);
  CHECK(m.tasks[0].name == "Task-1");
  CHECK(m.tasks[0].coro == "main()");
  CHECK(m.tasks[0].state == TaskState::Waiting);
  CHECK(m.tasks[1].name == "Task-2");
  CHECK(m.tasks[1].state == TaskState::Ready);
  CHECK(m.tasks[2].name == "Task-3");
  CHECK(m.tasks[2].state == TaskState::Ready);
  REQUIRE(m.ready.size() == 2);
  CHECK(m.ready[0].task == 2);
  CHECK(m.ready[1].task == 3);
  CHECK(m.timers.empty());

  // After the second worker's first step: both sleep; two timers, 0.1 s then 0.2 s.
  i = after_first(log, EventKind::TaskStepEnd, [](const Event& e) { return e.a == 3; });
  m = Model();
  fold_to(m, log, i);
  CHECK(m.tasks[1].state == TaskState::Waiting);
  CHECK(m.tasks[1].awaiting == "sleep(0.2)");
  CHECK(m.tasks[2].state == TaskState::Waiting);
  CHECK(m.tasks[2].awaiting == "sleep(0.1)");
  REQUIRE(m.timers.size() == 2);
  CHECK(m.ready.empty());

  // At the end: every task done, nothing queued.
  m = Model();
  fold_to(m, log, log.size());
  for (const TaskView& t : m.tasks) CHECK(t.state == TaskState::Done);
  CHECK(m.ready.empty());
  CHECK(m.timers.empty());
  CHECK(m.clock >= 0.2);
}

TEST_CASE("seeking with checkpoints equals folding from scratch, back and forth") {
  Engine engine;
  engine.start(kGather, "<gather>");
  REQUIRE(engine.run_to_end() == 0);
  const EventLog& log = engine.log();
  Timeline timeline(7);  // a small interval so seeks cross many checkpoints
  for (size_t n : {log.size(), size_t(0), log.size() / 2, size_t(3), log.size() - 1, size_t(22), log.size() / 3}) {
    Model scratch;
    fold_to(scratch, log, n);
    Model seek = timeline.at(log, n);
    CHECK(seek.events == n);
    CHECK(to_json(seek, log) == to_json(scratch, log));
  }
  CHECK(timeline.checkpoints() > 1);
}

TEST_CASE("a blocking time.sleep marks the loop blocked for that long") {
  Engine engine;
  engine.start("import asyncio, time\nasync def main():\n    time.sleep(0.5)\nasyncio.run(main())\n", "<block>");
  REQUIRE(engine.run_to_end() == 0);
  const EventLog& log = engine.log();
  size_t i = after_first(log, EventKind::Blocked, [](const Event&) { return true; });
  REQUIRE(i <= log.size());
  Model m;
  fold_to(m, log, i);
  CHECK(m.blocked);
  CHECK(m.blocked_line == 3);
  CHECK(m.blocked_until - log[i - 1].t == doctest::Approx(0.5));
}

TEST_SUITE_END();
