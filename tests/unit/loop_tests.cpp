// The event loop driven from C++: ordering of ready handles, the timer heap's order for equal
// deadlines (CPython's heapq, not FIFO), iteration boundaries, cancellation and the virtual
// clock. Callbacks are natives that record their id.
#include <doctest/doctest.h>

#include <vector>

#include "lang/vm.h"
#include "loop/heapq.h"
#include "modules/asyncio_parts.h"
#include "modules/asyncio_runtime.h"

using namespace looplab;

namespace {

std::vector<int64_t>* g_order = nullptr;

Value record(VM& vm, CallArgs&) {
  g_order->push_back(vm.calling_native->data.i);
  return Value::none();
}

struct LoopFixture {
  VM vm;
  EventLog log;
  AsyncioRuntime rt{vm, &log};
  std::vector<int64_t> order;
  EventLoop* loop = nullptr;

  LoopFixture() {
    vm.host_context = &rt;
    g_order = &order;
    REQUIRE(!vm.import_module(vm.intern("_asyncio")).is_error());
    loop = new_event_loop(vm);
    vm.heap.add_roots([this](Tracer& t) {
      rt.trace(t);
      t.mark(loop);
    });
  }
  ~LoopFixture() { g_order = nullptr; }

  Value cb(int64_t id, const char* name = "cb") {
    NativeFunctionObj* f = vm.new_native(name, record);
    f->data = Value::integer(id);
    return Value::object(f);
  }

  // Runs the loop until it has nothing left to do (a "deadlock" here just means idle).
  void run_until_idle() {
    LoopRun run;
    run.loop = loop;
    start_loop_run(vm, run);
    for (int i = 0; i < 1000; i++) {
      RunStatus s = loop->run_slice(1'000'000);
      if (s != RunStatus::Running) break;
    }
    loop->running = false;
    rt.running_loop = nullptr;
  }
};

}  // namespace

TEST_SUITE_BEGIN("loop");

TEST_CASE("heapq port pops equal keys in CPython's order") {
  // Order computed with CPython's heapq on items comparing by key only.
  std::vector<std::pair<int, double>> heap;
  auto less = [](const std::pair<int, double>& a, const std::pair<int, double>& b) { return a.second < b.second; };
  for (int i = 0; i < 10; i++) heapq::heappush(heap, {i, 1.0}, less);
  std::vector<int> got;
  while (!heap.empty()) got.push_back(heapq::heappop(heap, less).first);
  CHECK(got == std::vector<int>{0, 2, 6, 9, 8, 5, 7, 4, 1, 3});

  double ws[] = {0.2, 0.1, 0.2, 0.1, 0.3, 0.1, 0.2};
  for (int i = 0; i < 7; i++) heapq::heappush(heap, {i, ws[i]}, less);
  got.clear();
  while (!heap.empty()) got.push_back(heapq::heappop(heap, less).first);
  CHECK(got == std::vector<int>{1, 5, 3, 2, 0, 6, 4});
}

TEST_CASE("call_soon runs callbacks in FIFO order") {
  LoopFixture f;
  for (int i = 1; i <= 5; i++) f.loop->call_soon(f.cb(i), nullptr);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{1, 2, 3, 4, 5});
}

TEST_CASE("timers with equal deadlines leave the heap in heapq order") {
  LoopFixture f;
  double when = f.loop->time() + 1.0;
  for (int i = 0; i < 10; i++) f.loop->call_at(when, f.cb(i), nullptr);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{0, 2, 6, 9, 8, 5, 7, 4, 1, 3});
}

TEST_CASE("call_later orders by deadline and the clock jumps when idle") {
  LoopFixture f;
  double start = f.loop->time();
  f.loop->call_later(0.3, f.cb(3), nullptr);
  f.loop->call_later(0.1, f.cb(1), nullptr);
  f.loop->call_later(0.2, f.cb(2), nullptr);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{1, 2, 3});
  CHECK(f.loop->time() - start == doctest::Approx(0.3).epsilon(1e-6));
}

TEST_CASE("a cancelled handle does not run") {
  LoopFixture f;
  f.loop->call_soon(f.cb(1), nullptr);
  HandleObj* h = f.loop->call_soon(f.cb(2), nullptr);
  HandleObj* t = f.loop->call_later(0.1, f.cb(3), nullptr);
  f.loop->call_soon(f.cb(4), nullptr);
  f.loop->cancel_handle(h);
  f.loop->cancel_handle(t);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{1, 4});
}

TEST_CASE("timers due are queued after the handles already ready") {
  LoopFixture f;
  // A timer due now goes behind callbacks that were ready at the start of the iteration.
  f.loop->call_at(f.loop->time() - 1, f.cb(10), nullptr);
  f.loop->call_soon(f.cb(1), nullptr);
  f.loop->call_soon(f.cb(2), nullptr);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{1, 2, 10});
}

TEST_CASE("future callbacks are scheduled with call_soon, not run inline") {
  LoopFixture f;
  FutureObj* fut = f.loop->create_future();
  f.loop->add_done_callback(fut, f.cb(7));
  f.loop->future_set_result(fut, Value::integer(42));
  CHECK(f.order.empty());  // only queued
  CHECK(f.loop->ready.size() == 1);
  f.loop->call_soon(f.cb(8), nullptr);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{7, 8});
  Value out;
  bool not_ready;
  CHECK(f.loop->future_result(fut, &out, &not_ready));
  CHECK(out.i == 42);
}

TEST_CASE("the log records timers, iterations and handle runs") {
  LoopFixture f;
  f.loop->call_later(0.5, f.cb(1), nullptr);
  f.run_until_idle();
  size_t scheduled = 0, due = 0, runs = 0, jumps = 0;
  for (size_t i = 0; i < f.log.size(); i++) {
    const Event& e = f.log[i];
    if (e.kind == EventKind::TimerScheduled) scheduled++;
    if (e.kind == EventKind::TimerDue) due++;
    if (e.kind == EventKind::HandleRun) runs++;
    if (e.kind == EventKind::ClockJump) jumps++;
  }
  CHECK(scheduled == 1);
  CHECK(due == 1);
  CHECK(runs == 1);
  CHECK(jumps == 1);
  CHECK(sizeof(Event) == 32);
}

TEST_CASE("once the log is full, callbacks still run but are no longer described into it") {
  LoopFixture f;
  f.loop->call_soon(f.cb(1), nullptr);
  f.run_until_idle();
  size_t strings = f.log.string_count();
  uint32_t first_label = 0;
  for (size_t i = 0; i < f.log.size(); i++)
    if (f.log[i].kind == EventKind::HandleQueued) first_label = f.log[i].c;
  CHECK(f.log.view(first_label) == "cb");
  f.log.set_limit(f.log.size() + 1);
  f.loop->call_soon(f.cb(2, "second"), nullptr);
  f.loop->call_soon(f.cb(3, "third"), nullptr);
  f.loop->call_soon(f.cb(4, "fourth"), nullptr);
  f.run_until_idle();
  CHECK(f.order == std::vector<int64_t>{1, 2, 3, 4});
  CHECK(f.log.full());
  // "second" (described while the log still had room: its record is the one that fills it)
  // and the notice that the log is full; "third" and "fourth" are not described.
  CHECK(f.log.string_count() == strings + 2);
}

TEST_SUITE_END();
