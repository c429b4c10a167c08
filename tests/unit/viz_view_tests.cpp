// The visualizer's view state, without drawing: tweens and fades follow wall time (so they look
// the same at any frame rate), the timeline's lanes folded as the log grows equal the lanes
// folded at once, lazily baked glyphs are noticed once, and task colours are stable.
#include <doctest/doctest.h>

#include <cmath>

#include "engine/engine.h"
#include "motion.h"
#include "panel_timeline.h"
#include "theme.h"

using namespace looplab;
using namespace looplab::viz;

TEST_SUITE_BEGIN("viz_view");

namespace {

bool near(ImVec2 a, ImVec2 b) { return std::fabs(a.x - b.x) < 0.01f && std::fabs(a.y - b.y) < 0.01f; }

// Where `key` is drawn at wall time `until` when frames come every `dt` seconds and the
// target jumps from (0,0) to (100,0) at t = 1.
ImVec2 tween_at(double dt, double until) {
  Motion m;
  const uint64_t key = motion_key(MotionKind::Handle, 7);
  ImVec2 at;
  for (double t = 0; t <= until + 1e-9; t += dt) {
    m.begin_frame(t);
    at = m.place(key, t < 1 ? ImVec2(0, 0) : ImVec2(100, 0));
  }
  return at;
}

const char* kGather = R"(import asyncio

async def worker(n, d):
    await asyncio.sleep(d)
    return n

async def main():
    print(await asyncio.gather(worker(1, 0.2), worker(2, 0.1), worker(3, 0.3)))

asyncio.run(main())
)";

}  // namespace

TEST_CASE("a move takes Motion::kDuration of wall time, whatever the frame rate") {
  ImVec2 mid60 = tween_at(1.0 / 64, 1.125), mid15 = tween_at(1.0 / 16, 1.125);
  CHECK(mid60.x > 10);
  CHECK(mid60.x < 100);
  CHECK(near(mid60, mid15));  // same place at the same wall time
  CHECK(near(tween_at(1.0 / 64, 1.0 + Motion::kDuration + 0.02), ImVec2(100, 0)));
}

TEST_CASE("a key seen first with a spawn point travels from there; without one it appears in place") {
  Motion m;
  ImVec2 spawn(0, 0);
  m.begin_frame(0);
  CHECK(near(m.place(1, ImVec2(50, 50), &spawn), ImVec2(0, 0)));
  CHECK(m.moving(1));
  CHECK(near(m.place(2, ImVec2(50, 50)), ImVec2(50, 50)));
  CHECK_FALSE(m.moving(2));
  m.begin_frame(1);
  CHECK(near(m.place(1, ImVec2(50, 50), &spawn), ImVec2(50, 50)));
  CHECK_FALSE(m.moving(1));
}

TEST_CASE("after a seek back, things jump (snap) instead of flying") {
  Motion m;
  m.begin_frame(0);
  m.place(1, ImVec2(0, 0));
  m.snap_next_frame();
  m.begin_frame(0.016);
  CHECK(near(m.place(1, ImVec2(80, 0)), ImVec2(80, 0)));
}

TEST_CASE("state colours fade over the same duration") {
  Motion m;
  const ImU32 red = IM_COL32(255, 0, 0, 255), blue = IM_COL32(0, 0, 255, 255);
  m.begin_frame(0);
  CHECK(m.color(3, red) == red);
  m.begin_frame(0.016);
  m.color(3, blue);
  m.begin_frame(0.016 + Motion::kDuration / 2);
  ImU32 mid = m.color(3, blue);
  CHECK(mid != red);
  CHECK(mid != blue);
  m.begin_frame(0.016 + Motion::kDuration + 0.01);
  CHECK(m.color(3, blue) == blue);
}

TEST_CASE("timeline lanes folded while the log grows equal the lanes folded at once") {
  Engine engine;
  engine.start(kGather, "main.py");
  TimelineLanes growing;
  int slices = 0;
  while (engine.state() == RunState::Running && slices < 100000) {
    engine.run_slice(50);  // small slices: the lanes see the log grow many times
    growing.sync(&engine.log());
    slices++;
  }
  REQUIRE(engine.state() == RunState::Finished);
  CHECK(slices > 3);
  TimelineLanes once;
  once.sync(&engine.log());
  REQUIRE(growing.lanes().size() == once.lanes().size());
  REQUIRE(once.lanes().size() >= 4);  // main and three workers (and asyncio.run's own)
  for (size_t i = 0; i < once.lanes().size(); i++) {
    const auto& a = growing.lanes()[i];
    const auto& b = once.lanes()[i];
    CHECK(a.state == b.state);
    REQUIRE(a.segments.size() == b.segments.size());
    for (size_t k = 0; k < a.segments.size(); k++) {
      CHECK(a.segments[k].t0 == b.segments[k].t0);
      CHECK(a.segments[k].state == b.segments[k].state);
      CHECK(a.segments[k].what == b.segments[k].what);
    }
  }
  // worker 2 (Task-3) waited on its sleep(0.1) timer, then finished.
  const auto& w2 = once.lanes()[2];
  CHECK(w2.state == TaskState::Done);
  bool waited = false;
  for (const auto& s : w2.segments)
    waited = waited || (s.state == TaskState::Waiting && engine.log().str(s.what) == "sleep(0.1)");
  CHECK(waited);
}

TEST_CASE("a time.sleep in a task is a band on the loop's lane") {
  Engine engine;
  engine.start(R"(import asyncio, time

async def main():
    time.sleep(0.5)

asyncio.run(main())
)", "main.py");
  engine.run_to_end();
  TimelineLanes lanes;
  lanes.sync(&engine.log());
  REQUIRE(!lanes.bands().empty());
  CHECK(lanes.bands()[0].sleep);
  CHECK(lanes.bands()[0].t1 - lanes.bands()[0].t0 == doctest::Approx(0.5));
  CHECK(lanes.bands()[0].line == 4);
}

TEST_CASE("Korean glyphs are noticed once; Latin text needs none") {
  GlyphNeeds g;
  CHECK_FALSE(g.note("worker(1) -> sleep"));
  CHECK_FALSE(g.has_hangul());
  CHECK(g.note("\xec\x9e\x91\xec\x97\x85"));  // "작업"
  CHECK(g.has_hangul());
  CHECK(g.extra().size() == 2);
  CHECK_FALSE(g.note("\xec\x9e\x91"));  // "작" again
}

TEST_CASE("a task keeps its colour; the page can index the same palette") {
  CHECK(task_color(5) == task_color(5));
  CHECK(task_color(1) != task_color(2));
  CHECK(task_palette_index(1) == 0);
  CHECK(task_palette_index(uint32_t(kTaskPaletteSize) + 1) == 0);
  CHECK(task_color(0) == palette::kTextDim);
}

TEST_SUITE_END();
