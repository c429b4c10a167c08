// The event log's storage: records come back exactly as added (times, numbers and operands
// through the compact encoding of sealed blocks), count_until across blocks, the string table.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "loop/event_log.h"

using namespace looplab;

TEST_SUITE_BEGIN("event_log");

namespace {

bool same_bits(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

void check_equal(const Event& got, const Event& want) {
  CHECK(got.kind == want.kind);
  CHECK(same_bits(got.t, want.t));
  CHECK(same_bits(got.f, want.f));
  CHECK(got.a == want.a);
  CHECK(got.b == want.b);
  CHECK(got.c == want.c);
}

}  // namespace

TEST_CASE("records round-trip through sealed blocks") {
  EventLog log;
  std::vector<Event> want;
  double t = 1000.0;
  // Every encoding: same time, a later time, an earlier time (raw), negative and huge times;
  // f zero, equal to t, whole, fractional, negative zero, huge; operands zero and maximal.
  const double fs[] = {0.0, -0.0, 1.0, 42.0, 0.5, -3.0, 1e300, 9007199254740992.0, 123456789.0};
  const uint32_t ops[] = {0, 1, 127, 128, 16384, 0xFFFFFFFFu};
  for (int i = 0; i < 1000; i++) {
    Event e;
    e.kind = EventKind(i % int(EventKind::kCount));
    if (i % 7 == 1) t += 25e-9 * (i % 13);
    else if (i % 7 == 2) t += 10.0;
    else if (i % 97 == 3) t = -1.5;  // a time that goes back (never from the loop, but stored exactly)
    else if (i % 97 == 4) t = 1e12 + 0.25;
    e.t = t;
    e.f = i % 11 == 0 ? t : fs[i % 9];
    e.a = ops[i % 6];
    e.b = ops[(i / 6) % 6];
    e.c = ops[(i / 36) % 6];
    log.add_f(e.kind, e.t, e.f, e.a, e.b, e.c);
    want.push_back(e);
  }
  REQUIRE(log.size() == want.size());
  // Forward, backward and scattered reads (the block cache must not leak between blocks).
  for (size_t i = 0; i < want.size(); i++) check_equal(log[i], want[i]);
  for (size_t i = want.size(); i-- > 0;) check_equal(log[i], want[i]);
  for (size_t k = 0; k < want.size(); k++) {
    size_t i = (k * 389) % want.size();
    check_equal(log[i], want[i]);
  }
}

TEST_CASE("count_until finds the first record after a time, across blocks") {
  EventLog log;
  for (int i = 0; i < 300; i++) log.add(EventKind::Phase, 1000.0 + (i / 10) * 0.5, uint32_t(i));
  CHECK(log.count_until(999.0) == 0);
  CHECK(log.count_until(1000.0) == 10);
  CHECK(log.count_until(1000.25) == 10);
  CHECK(log.count_until(1003.0) == 70);
  CHECK(log.count_until(1014.5) == 300);
  CHECK(log.count_until(2000.0) == 300);
}

TEST_CASE("strings: interned once, texts kept apart, long ones whole") {
  EventLog log;
  CHECK(log.str(0).empty());
  CHECK(log.intern("") == 0);
  uint32_t a = log.intern("Task-1");
  CHECK(log.intern("Task-1") == a);
  CHECK(log.add_text("Task-1") != a);
  std::vector<uint32_t> ids;
  for (int i = 0; i < 5000; i++) ids.push_back(log.intern("name " + std::to_string(i)));
  for (int i = 0; i < 5000; i++) {
    CHECK(log.str(ids[i]) == "name " + std::to_string(i));
    CHECK(log.intern("name " + std::to_string(i)) == ids[i]);
  }
  std::string big(200000, 'x');
  big[1] = 'y';
  uint32_t b = log.add_text(big);
  uint32_t after = log.intern("after the big one");
  CHECK(log.str(b) == big);
  CHECK(log.str(after) == "after the big one");
  CHECK(log.str(a) == "Task-1");
}

TEST_CASE("strings interned under a key: the text is made once per key, shared with intern") {
  using looplab::KeySpace;
  EventLog log;
  int made = 0;
  auto text = [&](std::string_view s) {
    return [&made, s] {
      made++;
      return s;
    };
  };
  uint32_t before = log.intern("main()");
  CHECK(log.intern_keyed(KeySpace::Name, 0x1000, text("main()")) == before);  // same text: intern's id
  CHECK(log.intern_keyed(KeySpace::Name, 0x1000, text("ignored")) == before);  // a hit: not made
  CHECK(made == 1);
  uint32_t other = log.intern_keyed(KeySpace::Name, 0x1001, text("main"));
  CHECK(other != before);
  CHECK(log.str(other) == "main");
  // The same key in another space is another text.
  uint32_t sleep = log.intern_keyed(KeySpace::SleepDelay, 0x1000, text("sleep(1)"));
  CHECK(log.str(sleep) == "sleep(1)");
  CHECK(log.intern_keyed(KeySpace::Name, 0x1000, text("ignored")) == before);
  CHECK(made == 3);
  // Many keys: the table grows and every key keeps its id.
  std::vector<uint32_t> ids;
  for (uint64_t k = 1; k <= 3000; k++) {
    std::string s = "k" + std::to_string(k);
    ids.push_back(log.intern_keyed(KeySpace::SleepDelay, 0x100000 + k * 8, [&] { return std::string_view(s); }));
  }
  made = 0;
  for (uint64_t k = 1; k <= 3000; k++) {
    CHECK(log.intern_keyed(KeySpace::SleepDelay, 0x100000 + k * 8, text("miss")) == ids[k - 1]);
    CHECK(log.str(ids[k - 1]) == "k" + std::to_string(k));
  }
  CHECK(made == 0);
  // clear() forgets the keys with the strings.
  log.clear();
  CHECK(log.str(log.intern_keyed(KeySpace::Name, 0x1000, text("after clear"))) == "after clear");
  CHECK(made == 1);
}

TEST_CASE("a full log records one notice and drops the rest") {
  EventLog log;
  log.set_limit(100);
  for (int i = 0; i < 200; i++) log.add(EventKind::Phase, 1.0 + i, uint32_t(i));
  CHECK(log.full());
  REQUIRE(log.size() == 100);
  CHECK(log[98].a == 98);
  CHECK(log[99].kind == EventKind::Notice);
  CHECK(log.str(log[99].b) == "event log limit reached: later events are not recorded");
  CHECK(log.clock() == 200.0);
  log.clear();
  CHECK(log.size() == 0);
  CHECK(!log.full());
  log.add(EventKind::Phase, 5.0, 7);
  CHECK(log[0].a == 7);
}

TEST_SUITE_END();
