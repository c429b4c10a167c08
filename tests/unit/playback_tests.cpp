// The playhead over the event log (visualizer/playback.h): where each step kind stops, forward
// and back; seeks equal folding from scratch, also in a million-event log; the speeds; and the
// session that feeds it (an endless program stays bounded and Stop ends it).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "fold.h"
#include "loop/event_log.h"
#include "playback.h"
#include "session.h"

using namespace looplab;
using namespace looplab::viz;

namespace {

// Two workers sleeping 0.1 s and 0.2 s under a gather. Its log (without line tracing) has 167
// events; the positions the tests name are read off it: task steps end (their handle is done)
// at 24, 36, 44, 66, 94, 114, 137, 160; iterations start at 6, 25, 45, 55, 67, 73, 83, 95 ...
const char* kGather = R"(import asyncio

async def worker(n, d):
    await asyncio.sleep(d)
    return n

async def main():
    print(await asyncio.gather(worker(1, 0.1), worker(2, 0.2)))

asyncio.run(main())
)";

// Worker "a" (Task-2) runs lines 4 5 4 5 4 6; with line tracing its Line events are the log's
// events 34, 35, 52, 53, 72 and 73; the module's own lines (1 3 8 14) are events 0-3.
const char* kLines = R"(import asyncio

async def worker(name, n):
    for i in range(n):
        await asyncio.sleep(0)
    print(name, "done")

async def main():
    a = asyncio.create_task(worker("a", 2))
    b = asyncio.create_task(worker("b", 1))
    await a
    await b

asyncio.run(main())
)";

// A producer, two consumers, a bounded queue, a lock and timers, forever: a varied log of any
// length.
const char* kEndlessQueue = R"(import asyncio

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

// Keeps creating batches of short tasks: the model grows by every task it has seen.
const char* kManyTasks = R"(import asyncio

async def job(i):
    await asyncio.sleep(0.01 * (i % 7))
    return i

async def main():
    i = 0
    while True:
        await asyncio.gather(*[asyncio.create_task(job(i + k)) for k in range(50)])
        i += 50

asyncio.run(main())
)";

// Runs `source` until its log holds `events` events (the log's cap), then stops it.
void run_until_full(Engine& engine, const char* source) {
  engine.start(source, "<endless>");
  while (!engine.log().full() && engine.state() == RunState::Running) engine.run_slice(1'000'000);
  engine.stop();
}

EngineLimits capped(size_t events) {
  EngineLimits limits;
  limits.trace_lines = true;
  limits.log_events = events;
  return limits;
}

// A finished run of `source`.
struct Ran {
  explicit Ran(const char* source, bool lines = false) : engine(limits(lines)) {
    engine.start(source, "<test>");
    engine.run_to_end();
    playback.attach(&engine.log());
  }
  static EngineLimits limits(bool lines) {
    EngineLimits l;
    l.trace_lines = lines;
    return l;
  }
  Engine engine;
  Playback playback;
};

std::string scratch_json(const EventLog& log, size_t n) {
  Model m;
  fold_to(m, log, n);
  return to_json(m, log);
}

// The playheads `count` steps of `kind` visit, going `forward`.
std::vector<size_t> walk(Playback& p, StepKind kind, bool forward, int count) {
  std::vector<size_t> seen;
  for (int i = 0; i < count; i++) {
    p.step(kind, forward);
    seen.push_back(p.playhead());
  }
  return seen;
}

// A cheap deterministic shuffle source (tests must not depend on the platform's rand).
struct Lcg {
  uint64_t s = 0x9E3779B97F4A7C15u;
  size_t below(size_t n) {
    s = s * 6364136223846793005u + 1442695040888963407u;
    return size_t((s >> 33) % n);
  }
};

}  // namespace

TEST_SUITE_BEGIN("playback");

TEST_CASE("step kinds have the names the page's API uses") {
  StepKind k = StepKind::Event;
  CHECK(parse_step_kind("task", &k));
  CHECK(k == StepKind::TaskStep);
  CHECK(parse_step_kind("iteration", &k));
  CHECK(k == StepKind::Iteration);
  CHECK(parse_step_kind("line", &k));
  CHECK(k == StepKind::Line);
  CHECK(parse_step_kind("event", &k));
  CHECK(k == StepKind::Event);
  CHECK_FALSE(parse_step_kind("frame", &k));
  CHECK(std::string(step_kind_name(StepKind::TaskStep)) == "task");
}

TEST_CASE("before any run the playhead is at 0 of an empty log") {
  Playback p;
  p.tick(1.0);
  CHECK(p.playhead() == 0);
  CHECK(p.events() == 0);
  p.step(StepKind::TaskStep);
  CHECK(p.playhead() == 0);
  CHECK(p.model().tasks.empty());
}

TEST_CASE("task steps stop when the step's handle is done, with the model as the loop was") {
  Ran r(kGather);
  REQUIRE(r.engine.stdout_text() == "[1, 2]\n");
  REQUIRE(r.playback.events() == 167);
  Playback& p = r.playback;
  p.seek(0);

  CHECK(walk(p, StepKind::TaskStep, true, 2) == std::vector<size_t>{24, 36});
  CHECK_FALSE(p.playing());
  // main awaits the gather; Task-2 sleeps 0.1 s; Task-3's first step is next in the ready queue.
  const Model& m = p.model();
  CHECK(m.events == 36);
  REQUIRE(m.tasks.size() == 3);
  CHECK(m.tasks[0].name == "Task-1");
  CHECK(m.tasks[0].state == TaskState::Waiting);
  CHECK(m.tasks[1].name == "Task-2");
  CHECK(m.tasks[1].state == TaskState::Waiting);
  CHECK(m.tasks[1].awaiting == "sleep(0.1)");
  CHECK(m.tasks[1].line == 4);
  CHECK(m.tasks[2].name == "Task-3");
  CHECK(m.tasks[2].state == TaskState::Ready);
  REQUIRE(m.ready.size() == 1);
  CHECK(m.ready[0].task == 3);
  REQUIRE(m.timers.size() == 1);
  CHECK(m.timers[0].label == "sleep(0.1)");
  CHECK(m.timers[0].deadline == r.engine.log()[31].f);
  CHECK(m.timers[0].deadline - r.engine.log()[31].t == doctest::Approx(0.1));

  // The third step: Task-3 sleeps too; two timers, nothing ready ("in" is from the clock, which
  // running code has moved on by 250 ns).
  p.step(StepKind::TaskStep);
  CHECK(p.playhead() == 44);
  CHECK(p.model().tasks[2].state == TaskState::Waiting);
  CHECK(p.model().ready.empty());
  std::string json = p.state_json();
  CHECK(json.find(R"J("ready":[],"timers":[{"id":4,"deadline":1000.10007,"in":0.09999975,"label":"sleep(0.1)"},)J"
                  R"J({"id":5,"deadline":1000.20007,"in":0.199999975,"label":"sleep(0.2)"}])J") != std::string::npos);

  // Then Task-2 returns: its step's handle is done once the task is.
  p.step(StepKind::TaskStep);
  CHECK(p.playhead() == 66);
  CHECK(p.model().tasks[1].state == TaskState::Done);

  CHECK(walk(p, StepKind::TaskStep, true, 5) == std::vector<size_t>{94, 114, 137, 160, 167});
  CHECK(walk(p, StepKind::TaskStep, false, 9) ==
        std::vector<size_t>{160, 137, 114, 94, 66, 44, 36, 24, 0});
}

TEST_CASE("iteration steps stop at each IterationStart, forward and back") {
  Ran r(kGather);
  Playback& p = r.playback;
  p.seek(0);
  CHECK(walk(p, StepKind::Iteration, true, 4) == std::vector<size_t>{6, 25, 45, 55});
  CHECK(p.model().iteration == 4);
  CHECK(p.model().phase == LoopPhase::Select);
  // Iteration 4 starts with Task-2's wakeup ready and Task-3's timer pending.
  REQUIRE(p.model().ready.size() == 1);
  CHECK(p.model().ready[0].kind == HandleKind::TaskWakeup);
  CHECK(p.model().ready[0].task == 2);
  CHECK(p.model().timers.size() == 1);
  // From between two stops, back goes to the one before and forward to the one after.
  p.seek(50);
  p.step(StepKind::Iteration, false);
  CHECK(p.playhead() == 45);
  p.seek(50);
  p.step(StepKind::Iteration, true);
  CHECK(p.playhead() == 55);
  CHECK(walk(p, StepKind::Iteration, false, 5) == std::vector<size_t>{45, 25, 6, 0, 0});
}

TEST_CASE("event steps move one event and clamp at both ends") {
  Ran r(kGather);
  Playback& p = r.playback;
  p.seek(0);
  CHECK(walk(p, StepKind::Event, true, 3) == std::vector<size_t>{1, 2, 3});
  CHECK(walk(p, StepKind::Event, false, 4) == std::vector<size_t>{2, 1, 0, 0});
  p.seek(100000);
  CHECK(p.playhead() == 167);
  p.step(StepKind::Event, true);
  CHECK(p.playhead() == 167);
}

TEST_CASE("a step back then forward returns the identical model") {
  Ran r(kGather);
  Playback& p = r.playback;
  for (StepKind kind : {StepKind::Event, StepKind::TaskStep, StepKind::Iteration}) {
    CAPTURE(step_kind_name(kind));
    p.seek(0);
    for (int i = 0; i < 6; i++) {
      p.step(kind, true);
      size_t here = p.playhead();
      std::string before = p.state_json();
      p.step(kind, false);
      CHECK(p.playhead() < here);
      p.step(kind, true);
      CHECK(p.playhead() == here);
      CHECK(p.state_json() == before);
    }
  }
}

TEST_CASE("seeking anywhere, in any order, equals folding from scratch") {
  Ran r(kGather);
  Playback& p = r.playback;
  const EventLog& log = r.engine.log();
  std::vector<size_t> order;
  for (size_t i = 0; i <= log.size(); i++) order.push_back(i);
  Lcg rng;
  for (size_t i = order.size(); i > 1; i--) std::swap(order[i - 1], order[rng.below(i)]);
  for (size_t n : order) {
    p.seek(n);
    CHECK(p.playhead() == n);
    CHECK(p.model().events == n);
    CHECK(to_json(p.model(), log) == scratch_json(log, n));
  }
}

TEST_CASE("seek clamps to the log and pauses") {
  Ran r(kGather);
  Playback& p = r.playback;
  CHECK(p.playing());
  p.seek(12);
  CHECK(p.playhead() == 12);
  CHECK_FALSE(p.playing());
  p.seek(SIZE_MAX);  // (1 << 40 would not fit a 32-bit size_t under wasm)
  CHECK(p.playhead() == 167);
}

TEST_CASE("line steps follow the selected task's lines, or the module's") {
  Ran r(kLines, true);
  REQUIRE(r.engine.stdout_text() == "b done\na done\n");
  Playback& p = r.playback;
  p.seek(0);
  p.select_task(2);
  CHECK(p.selected_task() == 2);
  std::vector<int> lines;
  std::vector<size_t> at;
  for (int i = 0; i < 6; i++) {
    p.step(StepKind::Line);
    at.push_back(p.playhead());
    lines.push_back(p.model().task(2)->line);
    CHECK(p.model().line_task == 2);
  }
  CHECK(at == std::vector<size_t>{35, 36, 53, 54, 73, 74});
  CHECK(lines == std::vector<int>{4, 5, 4, 5, 4, 6});
  // No more lines of Task-2: forward goes to the end, back retraces them.
  p.step(StepKind::Line);
  CHECK(p.playhead() == p.events());
  CHECK(walk(p, StepKind::Line, false, 7) == std::vector<size_t>{74, 73, 54, 53, 36, 35, 0});

  p.select_task(0);
  std::vector<int> module_lines;
  for (int i = 0; i < 4; i++) {
    p.step(StepKind::Line);
    module_lines.push_back(p.model().module_line);
  }
  CHECK(p.playhead() == 4);
  CHECK(module_lines == std::vector<int>{1, 3, 8, 14});
}

TEST_CASE("instant speed follows the end of the log as it grows") {
  Engine engine;
  engine.start(kGather, "<test>");
  Playback p;
  p.attach(&engine.log());
  p.set_speed(0);
  CHECK(p.speed() == 0);
  CHECK(p.playing());
  int slices = 0;
  while (engine.state() == RunState::Running) {
    engine.run_slice(200);  // small slices: the log grows a little at a time
    p.tick(1.0 / 60);
    CHECK(p.playhead() == engine.log().size());
    slices++;
  }
  CHECK(slices > 3);
  CHECK(p.playhead() == 167);
  CHECK(p.model().events == 167);
}

TEST_CASE("at 0.5 events per second the playhead moves one event in 2 s of frames") {
  Ran r(kGather);
  Playback& p = r.playback;
  p.set_speed(0.5);
  for (int i = 0; i < 119; i++) p.tick(1.0 / 60);
  CHECK(p.playhead() == 0);
  p.tick(1.0 / 60);
  CHECK(p.playhead() == 1);
  for (int i = 0; i < 120; i++) p.tick(1.0 / 60);
  CHECK(p.playhead() == 2);
  // Paused, time passes without moving it; playing again picks up from there.
  p.pause();
  p.tick(10);
  CHECK(p.playhead() == 2);
  p.set_speed(10);
  p.play();
  p.tick(0.5);
  CHECK(p.playhead() == 7);
  // It never passes the end of the log.
  p.tick(1000);
  CHECK(p.playhead() == 167);
  CHECK(p.playing());
}

TEST_CASE("state_json is the model at the playhead with the playback's fields") {
  Ran r(kGather);
  Playback& p = r.playback;
  p.set_speed(2.5);
  p.step(StepKind::TaskStep);
  std::string json = p.state_json();
  CHECK(json.rfind(R"J({"playhead":24,"events":167,"speed":2.5,"playing":false,"stepKind":"task","selectedTask":0,)J"
                   R"J("clock":1000.00007,"phase":"run_ready","iteration":1,)J", 0) == 0);
  CHECK(json.find(R"J("tasks":[{"id":1,"name":"Task-1","coro":"main()","state":"waiting","line":8,"awaiting":"gather",)J") !=
        std::string::npos);
  CHECK(json.find(R"J("ready":[{"id":2,"kind":"step","label":"Task-2"},{"id":3,"kind":"step","label":"Task-3"}])J") !=
        std::string::npos);
  CHECK(json.find(R"J("primitives":[])J") != std::string::npos);
  CHECK(json.back() == '}');
}

TEST_CASE("random seeks in a million-event log equal folding from scratch") {
  Engine engine(capped(1'000'000));
  run_until_full(engine, kEndlessQueue);
  const EventLog& log = engine.log();
  REQUIRE(log.size() == 1'000'000);

  Playback p;
  p.attach(&log);
  p.tick(0);  // builds the checkpoints, as frames do while the log grows
  std::vector<size_t> targets{999'999, 1'000'000, 0, 4096, 4095, 4097, 500'000};
  Lcg rng;
  for (int i = 0; i < 12; i++) targets.push_back(rng.below(log.size() + 1));

  // From scratch: one pass in increasing order; the playback seeks in the order above.
  std::vector<size_t> sorted = targets;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::pair<size_t, std::string>> expected;
  Model scratch;
  for (size_t n : sorted) {
    fold_to(scratch, log, n);
    expected.emplace_back(n, to_json(scratch, log));
  }
  for (size_t n : targets) {
    p.seek(n);
    std::string want;
    for (auto& [at, json] : expected)
      if (at == n) want = json;
    CHECK(to_json(p.model(), log) == want);
  }
  CHECK(scratch.tasks.size() == 4);
  CHECK(scratch.syncs.size() >= 2);
}

TEST_CASE("checkpoints of a growing model spread out to stay within their memory budget") {
  Engine engine(capped(200'000));
  run_until_full(engine, kManyTasks);
  const EventLog& log = engine.log();
  REQUIRE(log.size() == 200'000);
  Playback p;
  p.attach(&log);
  p.tick(0);
  const PlaybackCheckpoints& c = p.checkpoints();
  Model end;
  fold_to(end, log, log.size());
  CHECK(end.tasks.size() > 5000);
  // Every 4096 events would be 49 snapshots; the big models of the later part space them out.
  CHECK(c.snapshots() < 40);
  // Each snapshot is paid for by the events up to the next one; the last one's are still to come.
  CHECK(c.bytes() <= PlaybackCheckpoints::kBytesPerEvent * log.size() + estimated_bytes(end));
  for (size_t n : {size_t(199'999), size_t(150'001), size_t(7), size_t(100'000), size_t(200'000)}) {
    p.seek(n);
    CHECK(to_json(p.model(), log) == scratch_json(log, n));
  }
}

TEST_CASE("a session replays at its speed, restarts the playhead per run and pauses at the end") {
  Session s;
  s.playback().set_speed(0);
  s.run(kGather, "<gather>");
  CHECK(s.playback().playing());
  for (int i = 0; i < 100 && s.active(); i++) s.step(1.0 / 60);
  CHECK(s.run_state() == RunState::Finished);
  CHECK(s.playback().playhead() == s.playback().events());
  CHECK_FALSE(s.playback().playing());  // nothing more to play
  std::string state = s.state_json();
  CHECK(state.ends_with(R"J(,"runState":"finished","logFull":false})J"));
  // 176 events: the gather's 167 and its 9 Line events (playground runs trace lines).
  CHECK(s.status_json() ==
        R"J({"runState":"finished","playhead":176,"events":176,"playing":false,"speed":0,"clock":1000.20007,"logFull":false})J");

  // A new run: playhead 0, playing again, same speed; the log is a different one.
  s.playback().set_speed(1);
  s.run(kGather, "<gather>");
  CHECK(s.playback().playhead() == 0);
  CHECK(s.playback().playing());
  CHECK(s.playback().speed() == 1);
  CHECK(&s.playback().log() == &s.engine()->log());
}

TEST_CASE("an endless loop stays responsive and bounded, and Stop ends it") {
  SUBCASE("plain Python: while True") {
    Session s;
    EngineLimits limits = playground_limits();
    limits.log_events = 10'000;
    s.set_limits(limits);
    int ended = 0;
    RunState how = RunState::Idle;
    s.set_end_handler([&](RunState st) {
      ended++;
      how = st;
    });
    // Line tracing logs both lines on every turn: the log fills at once, the loop runs on.
    s.run("n = 0\nwhile True:\n    n += 1\n", "<spin>");
    for (int i = 0; i < 5; i++) s.step(1.0 / 60);  // each slice returns: the page keeps drawing
    CHECK(s.run_state() == RunState::Running);
    CHECK(s.engine()->log().full());
    CHECK(s.engine()->log().size() == 10'000);
    s.stop();
    s.step(1.0 / 60);
    CHECK(s.run_state() == RunState::Stopped);
    CHECK(s.engine()->exit_code() == 130);
    CHECK(ended == 1);
    CHECK(how == RunState::Stopped);
    CHECK_FALSE(s.active());
    CHECK(s.engine()->log().size() == 10'000);
  }
  SUBCASE("asyncio: the log fills to its cap and says so") {
    Session s;
    EngineLimits limits = playground_limits();
    limits.log_events = 5000;
    s.set_limits(limits);
    s.run("import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n",
          "<spin>");
    int slices = 0;
    while (!s.engine()->log().full() && slices < 200) {
      s.step(1.0 / 60);
      slices++;
    }
    CHECK(s.engine()->log().full());
    for (int i = 0; i < 5; i++) s.step(1.0 / 60);
    CHECK(s.run_state() == RunState::Running);
    CHECK(s.engine()->log().size() == 5000);
    CHECK(s.state_json().find(R"J("logFull":true)J") != std::string::npos);
    CHECK(s.status_json().find(R"J("logFull":true)J") != std::string::npos);
    s.stop();
    s.step(1.0 / 60);
    CHECK(s.run_state() == RunState::Stopped);
    CHECK(s.engine()->log().size() == 5000);
  }
}

TEST_SUITE_END();
