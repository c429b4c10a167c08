// The network: the simulated servers' JSON and routes, the port's log records as the
// visualizer folds them, and real I/O through a host backend (a fake one here) with the loop
// waiting in wall-clock time.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "engine/engine.h"
#include "fold.h"
#include "loop/event_log.h"
#include "modules/net_backend.h"
#include "modules/net_json.h"
#include "modules/net_log.h"
#include "modules/net_sim.h"

using namespace looplab;

TEST_SUITE_BEGIN("net");

TEST_CASE("JSON: parse and dump as FastAPI sends it") {
  net::Json j;
  REQUIRE(net::json_parse(R"( {"a": [1, -2.5, true, null], "b": "x\"\u00e9\ud83d\ude00", "a": 3} )", &j));
  CHECK(net::json_dump(j) == "{\"a\":3,\"b\":\"x\\\"é😀\"}");
  REQUIRE(net::json_parse("[1e2, 0.1, 12345678901234567890, -0.0]", &j));
  CHECK(net::json_dump(j) == "[100.0,0.1,1.2345678901234567e+19,-0.0]");
  CHECK_FALSE(net::json_parse("{\"a\":}", &j));
  CHECK_FALSE(net::json_parse("[1,]", &j));
  CHECK_FALSE(net::json_parse("01", &j));
  CHECK_FALSE(net::json_parse("\"a\" x", &j));
  CHECK(net::json_dump(net::Json::string("tab\tnl\n\x01")) == "\"tab\\tnl\\n\\u0001\"");
}

TEST_CASE("py_float_repr matches Python's repr") {
  CHECK(net::py_float_repr(0.5) == "0.5");
  CHECK(net::py_float_repr(20.0) == "20.0");
  CHECK(net::py_float_repr(0.1 + 0.2) == "0.30000000000000004");
  CHECK(net::py_float_repr(1e-5) == "1e-05");
  CHECK(net::py_float_repr(0.0001) == "0.0001");
  CHECK(net::py_float_repr(1e16) == "1e+16");
  CHECK(net::py_float_repr(123456789012345.6) == "123456789012345.6");
  CHECK(net::py_float_repr(-2.5e-300) == "-2.5e-300");
}

TEST_CASE("URLs and the simulated API's routes") {
  net::Url u;
  REQUIRE(net::parse_url("SIM://Api:8080/users/1?x=a+b&y=%41&x=2#frag", &u));
  CHECK(u.scheme == "sim");
  CHECK(u.host == "api");
  CHECK(u.port == 8080);
  CHECK(u.path == "/users/1");
  REQUIRE(u.params.size() == 3);
  CHECK(u.params[0].second == "a b");
  CHECK(u.params[1].second == "A");

  net::SimNet sim;
  net::SimAnswer a = sim.http({"GET", "sim://api/users/2", {}, ""});
  CHECK(a.status == 200);
  CHECK(a.latency == doctest::Approx(0.1));
  CHECK(a.body == R"({"id":2,"name":"Alan Turing","username":"alan","email":"alan@example.com","city":"Manchester"})");
  a = sim.http({"GET", "sim://api/users/9?delay=2", {}, ""});
  CHECK(a.status == 404);
  CHECK(a.latency == doctest::Approx(2.0));
  CHECK(a.body == R"({"detail":"User 9 not found"})");
  a = sim.http({"POST", "sim://api/todos", {}, R"({"title":"t","id":1})"});
  CHECK(a.status == 201);
  CHECK(a.body == R"({"id":11,"title":"t"})");
  a = sim.http({"GET", "sim://api/todos?completed=false&user_id=1", {}, ""});
  CHECK(a.body == R"([{"id":2,"user_id":1,"title":"Publish the notes","completed":false}])");
  CHECK(sim.http({"GET", "sim://api/flaky", {}, ""}).status == 503);
  CHECK(sim.http({"GET", "sim://api/flaky", {}, ""}).status == 503);
  CHECK(sim.http({"GET", "sim://api/flaky", {}, ""}).status == 200);
  CHECK(sim.http({"GET", "sim://delay/0.25", {}, ""}).body == R"({"delay":0.25})");
  CHECK(sim.http({"GET", "sim://delay/0.25", {}, ""}).latency == doctest::Approx(0.25));
  CHECK(sim.http({"GET", "sim://status/418", {}, ""}).status == 418);
  CHECK(sim.http({"GET", "sim://down/", {}, ""}).kind == net::SimAnswer::Kind::Refused);
  CHECK(sim.http({"GET", "sim://blackhole/", {}, ""}).kind == net::SimAnswer::Kind::Never);
  CHECK(sim.http({"GET", "sim://elsewhere/", {}, ""}).kind == net::SimAnswer::Kind::NoHost);
  a = sim.http({"PUT", "sim://echo/p?k=1&k=2", {{"X-Token", "abc"}}, "{\"z\":1}"});
  CHECK(a.body ==
        R"({"method":"PUT","url":"sim://echo/p?k=1&k=2","path":"/p","args":{"k":["1","2"]},"headers":{"x-token":"abc"},"data":"{\"z\":1}","json":{"z":1}})");
  CHECK(sim.ws_handshake("sim://ws/echo").status == 101);
  CHECK(sim.ws_handshake("sim://ws/other").status == 404);
}

namespace {

const char* kRequests = R"(import asyncio
import httpx
import websockets

async def main():
    async with httpx.AsyncClient(base_url="sim://api") as client:
        a, b = await asyncio.gather(client.get("/users/1"), client.get("/posts", params={"delay": 0.3}))
        print(a.status_code, b.status_code)
        try:
            await asyncio.wait_for(client.get("/slow"), 0.5)
        except asyncio.TimeoutError:
            print("timeout")
    async with websockets.connect("sim://ws/echo") as ws:
        await ws.send("abc")
        print(await ws.recv())

asyncio.run(main())
)";

size_t first_index(const EventLog& log, EventKind kind, uint32_t a, uint32_t b = 0xFFFFFFFF) {
  for (size_t i = 0; i < log.size(); i++)
    if (log[i].kind == kind && log[i].a == a && (b == 0xFFFFFFFF || log[i].b == b)) return i + 1;
  return log.size();
}

}  // namespace

TEST_CASE("the port's log records, folded: requests and a socket in flight") {
  Engine engine;
  engine.start(kRequests, "<net>");
  REQUIRE(engine.run_to_end() == 0);
  CHECK(engine.stdout_text() == "200 200\ntimeout\nabc\n");
  const EventLog& log = engine.log();

  // Both GETs are in flight once the second has started; main waits on the gather.
  viz::Model m;
  viz::fold_to(m, log, first_index(log, EventKind::IoStart, 2));
  REQUIRE(m.io.size() == 2);
  CHECK(m.io[0].method == "GET");
  CHECK(m.io[0].url == "sim://api/users/1");
  CHECK(m.io[0].state == "pending");
  CHECK(m.io[0].task == 2);
  CHECK(m.io[1].url == "sim://api/posts?delay=0.3");
  CHECK(m.io[1].task == 3);

  // The first answer: 200 and its body size, after 0.1 s; the other still pending.
  viz::fold_to(m, log, first_index(log, EventKind::IoDone, 1));
  CHECK(m.io[0].state == "done");
  CHECK(m.io[0].status == 200);
  CHECK(m.io[0].bytes == 89);
  CHECK(m.io[0].finished - m.io[0].started == doctest::Approx(0.1).epsilon(0.02));
  CHECK(m.io[1].in_flight());

  // The slow request is aborted by wait_for's timeout.
  viz::fold_to(m, log, first_index(log, EventKind::IoDone, 3));
  CHECK(m.io[2].url == "sim://api/slow");
  CHECK(m.io[2].state == "aborted");
  CHECK(m.io[2].status == net::kIoAborted);

  // The socket: open, a task waiting in recv, then one 3-byte message.
  viz::fold_to(m, log, first_index(log, EventKind::IoDone, 4, net::kWsOpened));
  CHECK(m.io[3].method == "WS");
  CHECK(m.io[3].url == "sim://ws/echo");
  CHECK(m.io[3].state == "open");
  viz::fold_to(m, log, first_index(log, EventKind::IoStart, 4) + 1);
  viz::fold_to(m, log, log.size());
  CHECK(m.io[3].state == "closed");
  CHECK(m.io[3].status == 1000);
  CHECK(m.io[3].bytes == 3);
  CHECK(m.io[3].messages == 1);
  std::string json = viz::to_json(m, log);
  CHECK(json.find(R"("io":[{"request":1,"method":"GET","url":"sim://api/users/1","state":"done","task":null,)") !=
        std::string::npos);
  CHECK(json.find(R"("method":"WS","url":"sim://ws/echo","state":"closed")") != std::string::npos);
}

TEST_CASE("a recv in progress shows its waiting task") {
  Engine engine;
  engine.start(R"(import asyncio, websockets
async def main():
    async with websockets.connect("sim://ws/ticker?n=1&interval=2") as ws:
        print(await ws.recv())
asyncio.run(main())
)", "<ws>");
  REQUIRE(engine.run_to_end() == 0);
  CHECK(engine.stdout_text() == "tick 1\n");
  const EventLog& log = engine.log();
  size_t recv = 0;
  for (size_t i = 0; i < log.size(); i++)
    if (log[i].kind == EventKind::IoStart && log.str(log[i].b) == "recv") recv = i + 1;
  REQUIRE(recv > 0);
  viz::Model m;
  viz::fold_to(m, log, recv);
  REQUIRE(m.io.size() == 1);
  CHECK(m.io[0].state == "open");
  CHECK(m.io[0].task == 1);
  CHECK(m.io[0].waiting == "recv");
  CHECK(viz::to_json(m, log).find(R"("task":"Task-1","waiting":"recv")") != std::string::npos);
}

TEST_CASE("a recv cancelled after its answer arrived keeps the message") {
  // The golden program tests/programs/net/ws_recv_cancel_race.py, checked at the log: the
  // message reached the recv's future (IoDone kIoMessage) before the task was cancelled, and the
  // cancel did not log an abort (the message went back to the inbox instead).
  Engine engine;
  engine.start(R"(import asyncio, websockets
async def main():
    loop = asyncio.get_running_loop()
    async with websockets.connect("sim://ws/echo") as ws:
        t0 = loop.time()
        await ws.send("kept")
        task = asyncio.create_task(ws.recv())
        loop.call_at(t0 + 0.1, task.cancel)
        try:
            await task
        except asyncio.CancelledError:
            print("cancelled")
        print(await ws.recv())
asyncio.run(main())
)", "<race>");
  REQUIRE(engine.run_to_end() == 0);
  CHECK(engine.stdout_text() == "cancelled\nkept\n");
  const EventLog& log = engine.log();
  int messages = 0, aborts = 0;
  for (size_t i = 0; i < log.size(); i++) {
    if (log[i].kind != EventKind::IoDone) continue;
    if (log[i].b == net::kIoMessage) messages++;
    if (log[i].b == net::kIoAborted) aborts++;
  }
  CHECK(messages == 1);
  CHECK(aborts == 0);
}

namespace {

// A host backend that answers when the test says so, as the browser's would between frames.
class FakeNet final : public net::RealNet {
 public:
  struct Pending {
    uint64_t handle;
    net::RealNetSink* sink;
    net::HttpRequest req;
  };
  std::vector<Pending> pending;
  std::vector<uint64_t> forgotten;
  uint64_t next = 0;

  uint64_t http_start(const net::HttpRequest& req, double, net::RealNetSink* sink) override {
    pending.push_back({++next, sink, req});
    return next;
  }
  uint64_t ws_open(std::string_view, const std::vector<std::string>&, net::RealNetSink*) override { return ++next; }
  void ws_send(uint64_t, std::string_view, bool) override {}
  void ws_close(uint64_t, int, std::string_view) override {}
  void forget(uint64_t handle) override { forgotten.push_back(handle); }

  void answer_all() {
    for (Pending& p : pending) {
      net::RealEvent ev;
      ev.handle = p.handle;
      if (p.req.url.find(":1/") != std::string::npos) {
        ev.kind = net::RealEvent::Kind::HttpError;
        ev.message = "the browser could not reach it";
      } else {
        ev.kind = net::RealEvent::Kind::HttpResponse;
        ev.status = 200;
        ev.headers = {{"content-type", "application/json"}};
        ev.body = "{\"method\":\"" + p.req.method + "\"}";
        ev.url = p.req.url;
      }
      p.sink->on_real_event(std::move(ev));
    }
    pending.clear();
  }
};

struct InstallFake {
  FakeNet fake;
  InstallFake() { net::set_real_net(&fake); }
  ~InstallFake() { net::set_real_net(nullptr); }
};

}  // namespace

TEST_CASE("real requests: the loop waits in wall-clock time and the clock follows it") {
  InstallFake install;
  Engine engine;
  engine.start(R"(import asyncio, httpx
async def main():
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient() as client:
        t0 = loop.time()
        r, bad = await asyncio.gather(client.post("http://127.0.0.1:8000/x", json={}),
                                      client.get("http://127.0.0.1:1/"), return_exceptions=True)
        print(r.status_code, r.json(), r.url, loop.time() - t0 >= 0.05)
        print(type(bad).__name__, bad)
asyncio.run(main())
)", "<real>");
  RunState s = RunState::Running;
  for (int i = 0; i < 1000 && s == RunState::Running; i++) s = engine.run_slice(100000);
  REQUIRE(s == RunState::WaitingIO);
  REQUIRE(install.fake.pending.size() == 2);
  CHECK(install.fake.pending[0].req.method == "POST");
  CHECK(install.fake.pending[0].req.body == "{}");
  // Still waiting: nothing arrived.
  CHECK(engine.run_slice(100000) == RunState::WaitingIO);
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  install.fake.answer_all();
  CHECK(engine.run_to_end() == 0);
  CHECK(engine.stdout_text() ==
        "200 {'method': 'POST'} http://127.0.0.1:8000/x True\nConnectError the browser could not reach it\n");
  CHECK(install.fake.forgotten.size() == 2);
}

TEST_CASE("real requests time out on the virtual clock that follows the wall clock") {
  InstallFake install;
  Engine engine;
  engine.start(R"(import asyncio, httpx
async def main():
    async with httpx.AsyncClient(timeout=0.05) as client:
        try:
            await client.get("http://127.0.0.1:8000/slow")
        except httpx.ReadTimeout as e:
            print("ReadTimeout", repr(str(e)))
asyncio.run(main())
)", "<timeout>");
  auto start = std::chrono::steady_clock::now();
  CHECK(engine.run_to_end() == 0);
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(engine.stdout_text() == "ReadTimeout ''\n");
  CHECK(waited >= 0.04);
  CHECK(install.fake.forgotten.size() == 1);
}

TEST_SUITE_END();
