// `looplab trace`'s two exports of the event log, from a run of a small program: JSON lines (one
// record per line, fields named by the kind's operand spec) and Perfetto / Chrome Trace Event
// JSON (a track per task, flow arrows from awaiter to awaited).
#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/trace_export.h"
#include "loop/event_log.h"

namespace {

const char* kProgram =
    "import asyncio\n"
    "\n"
    "async def child():\n"
    "    await asyncio.sleep(1)\n"
    "    return 7\n"
    "\n"
    "async def main():\n"
    "    print(await asyncio.create_task(child()))\n"
    "\n"
    "asyncio.run(main())\n";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The keys of a flat JSON object's line (values are numbers or strings).
std::vector<std::string> keys_of(const std::string& line) {
  std::vector<std::string> keys;
  bool in_string = false, is_key = true;
  std::string cur;
  for (size_t i = 0; i < line.size(); i++) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        cur += line[++i];
      } else if (c == '"') {
        in_string = false;
        if (is_key) keys.push_back(cur);
      } else {
        cur += c;
      }
    } else if (c == '"') {
      in_string = true;
      cur.clear();
    } else if (c == ':') {
      is_key = false;
    } else if (c == ',') {
      is_key = true;
    }
  }
  return keys;
}

// The number after `"key":` in a line.
double number_field(const std::string& line, const std::string& key) {
  size_t at = line.find("\"" + key + "\":");
  REQUIRE(at != std::string::npos);
  return std::stod(line.substr(at + key.size() + 3));
}

struct Traced {
  looplab::Engine engine;
  std::string jsonl, perfetto;
  Traced() {
    engine.start(kProgram, "tr.py");
    engine.run_to_end();
    std::ostringstream a, b;
    looplab::write_trace_jsonl(engine.log(), a);
    looplab::write_trace_perfetto(engine.log(), b);
    jsonl = a.str();
    perfetto = b.str();
  }
};

}  // namespace

TEST_SUITE_BEGIN("trace_export");

TEST_CASE("JSON lines: one record per line, its fields named by the kind's operands, no key twice") {
  Traced t;
  CHECK(t.engine.stdout_text() == "7\n");
  std::vector<std::string> lines = lines_of(t.jsonl);
  REQUIRE(lines.size() == t.engine.log().size());
  for (size_t i = 0; i < lines.size(); i++) {
    std::vector<std::string> keys = keys_of(lines[i]);
    REQUIRE(keys.size() >= 3);
    CHECK(keys[0] == "i");
    CHECK(keys[1] == "t");
    CHECK(keys[2] == "kind");
    std::set<std::string> unique(keys.begin(), keys.end());
    INFO(lines[i]);
    CHECK(unique.size() == keys.size());
    CHECK(lines[i].rfind("{\"i\":" + std::to_string(i) + ",", 0) == 0);
  }
}

TEST_CASE("JSON lines: timestamps read back as the very times the log holds") {
  Traced t;
  std::vector<std::string> lines = lines_of(t.jsonl);
  REQUIRE(lines.size() == t.engine.log().size());
  // The clock advances by 25 ns an instruction from 1000 s: 7 significant digits would merge
  // every step of a run into one instant.
  std::set<double> distinct;
  for (size_t i = 0; i < lines.size(); i++) {
    double read = number_field(lines[i], "t");
    CHECK(read == t.engine.log()[i].t);
    distinct.insert(read);
  }
  CHECK(distinct.size() > 10);
}

TEST_CASE("JSON lines: the child task's life, in order") {
  Traced t;
  std::vector<std::string> want = {
      R"J("kind":"task_created","task":2,"future":2,"coro":"child()"})J",
      R"J("kind":"handle_queued","handle":2,"handle_kind":1,"target":2})J",
      R"J("kind":"task_renamed","task":2,"name":"Task-2"})J",
      R"J("kind":"step_end","task":1,"why":0,"future":2,"line":8})J",
      R"J("kind":"step_begin","task":2,"line":3,"thrown":0})J",
      R"J("kind":"future_created","future":3,"label":"sleep(1)","task":2})J",
      R"J("kind":"step_end","task":2,"why":0,"future":3,"line":4})J",
      R"J("kind":"await_chain","task":2,"chain":"child > sleep"})J",
      R"J("kind":"timer_due","handle":3})J",
      R"J("kind":"step_begin","task":2,"line":4,"thrown":0})J",
      R"J("kind":"step_end","task":2,"why":2,"future":0,"line":0})J",
      R"J("kind":"task_done","task":2,"state":2,"exception":""})J",
      R"J("kind":"output","stream":1,"text":"7\n"})J",
      R"J("kind":"task_done","task":1,"state":2,"exception":""})J",
      R"J("kind":"task_created","task":3,"future":4,"coro":"BaseEventLoop.shutdown_asyncgens()"})J",
  };
  size_t from = 0;
  for (const std::string& w : want) {
    size_t at = t.jsonl.find(w, from);
    INFO(w);
    REQUIRE(at != std::string::npos);
    from = at + w.size();
  }
  // The timer is due one virtual second after it was scheduled.
  std::vector<std::string> lines = lines_of(t.jsonl);
  for (const std::string& line : lines)
    if (line.find("\"kind\":\"timer_scheduled\"") != std::string::npos)
      CHECK(number_field(line, "deadline") == number_field(line, "t") + 1);
}

TEST_CASE("Perfetto: a named track per task, steps, the wait, and an arrow from awaiter to awaited") {
  Traced t;
  const std::string& p = t.perfetto;
  CHECK(p.rfind("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n", 0) == 0);
  CHECK(p.substr(p.size() - 4) == "\n]}\n");
  CHECK(p.find(R"J({"ph":"M","pid":1,"tid":1001,"name":"thread_name","args":{"name":"Task-1 (main())"}})J") !=
        std::string::npos);
  CHECK(p.find(R"J({"ph":"M","pid":1,"tid":1002,"name":"thread_name","args":{"name":"Task-2 (child())"}})J") !=
        std::string::npos);
  // main's first step ends awaiting the child task: a flow starts on main's track and ends on
  // the child's, with the same id.
  size_t s = p.find(R"J({"ph":"s","pid":1,"tid":1001,)J");
  size_t f = p.find(R"J({"ph":"f","bp":"e","pid":1,"tid":1002,)J");
  REQUIRE(s != std::string::npos);
  REQUIRE(f != std::string::npos);
  CHECK(s < f);
  std::string s_line = p.substr(s, p.find('\n', s) - s), f_line = p.substr(f, p.find('\n', f) - f);
  CHECK(number_field(s_line, "id") == 1);
  CHECK(number_field(f_line, "id") == 1);
  CHECK(number_field(s_line, "ts") == number_field(f_line, "ts"));
  // The child sleeps one virtual second; main waits on it a little longer.
  size_t sleep_wait = p.find(R"J("cat":"wait","name":"waiting on sleep(1)")J");
  size_t task_wait = p.find(R"J("cat":"wait","name":"waiting on Task-2")J");
  REQUIRE(sleep_wait != std::string::npos);
  REQUIRE(task_wait != std::string::npos);
  auto line_at = [&](size_t at) {
    size_t begin = p.rfind('\n', at) + 1;
    return p.substr(begin, p.find('\n', at) - begin);
  };
  CHECK(line_at(sleep_wait).find("\"tid\":1002,") != std::string::npos);
  CHECK(number_field(line_at(sleep_wait), "dur") == doctest::Approx(1e6).epsilon(1e-9));
  CHECK(line_at(task_wait).find("\"tid\":1001,") != std::string::npos);
  CHECK(number_field(line_at(task_wait), "dur") > number_field(line_at(sleep_wait), "dur"));
  CHECK(p.find(R"J("args":{"line":4,"ended":"await"})J") != std::string::npos);
  CHECK(p.find(R"J("cat":"output","name":"output","args":{"stream":1,"text":"7\n"})J") != std::string::npos);
}


TEST_CASE("the log labels each sleep's future with its delay, through many delays in turn") {
  // 300 distinct delays, twice over: each label is formatted once and found again by its delay.
  looplab::Engine engine;
  engine.start(
      "import asyncio\n"
      "async def main():\n"
      "    for _ in range(2):\n"
      "        for i in range(1, 301):\n"
      "            await asyncio.sleep(i / 1000)\n"
      "    await asyncio.sleep(2.5e-7)\n"
      "asyncio.run(main())\n",
      "sleeps.py");
  engine.run_to_end();
  const looplab::EventLog& log = engine.log();
  std::vector<std::string> labels;
  for (size_t i = 0; i < log.size(); i++)
    if (log[i].kind == looplab::EventKind::FutureCreated) labels.push_back(log.str(log[i].b));
  REQUIRE(labels.size() == 601);
  for (size_t k = 0; k < 600; k++) {
    char want[48];
    std::snprintf(want, sizeof want, "sleep(%g)", double(k % 300 + 1) / 1000);
    CHECK(labels[k] == want);
  }
  CHECK(labels[0] == "sleep(0.001)");
  CHECK(labels[299] == "sleep(0.3)");
  CHECK(labels[600] == "sleep(2.5e-07)");
}

TEST_SUITE_END();
