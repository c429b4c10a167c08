// The engine's public API as hosts see it: state names (the page and the runner print them)
// and a run that ends, whatever the engine can do yet.
#include <doctest/doctest.h>

#include <string>

#include "engine/engine.h"

using looplab::Engine;
using looplab::RunState;

TEST_SUITE_BEGIN("engine_api");

TEST_CASE("run_state_name gives the names the page's API documents") {
  CHECK(std::string(looplab::run_state_name(RunState::Idle)) == "idle");
  CHECK(std::string(looplab::run_state_name(RunState::Running)) == "running");
  CHECK(std::string(looplab::run_state_name(RunState::WaitingIO)) == "waiting_io");
  CHECK(std::string(looplab::run_state_name(RunState::Finished)) == "finished");
  CHECK(std::string(looplab::run_state_name(RunState::Failed)) == "failed");
  CHECK(std::string(looplab::run_state_name(RunState::Stopped)) == "stopped");
}

TEST_CASE("a new engine is idle") {
  Engine engine;
  CHECK(engine.state() == RunState::Idle);
}

TEST_CASE("a started program ends, and its output reaches the sink in order") {
  Engine engine;
  std::string seen;
  engine.set_output_sink([&](looplab::Stream, std::string_view text) { seen += text; });
  engine.start("print('hi')\n", "<test>");
  int slices = 0;
  while ((engine.state() == RunState::Running || engine.state() == RunState::WaitingIO) &&
         slices++ < 100000)
    engine.run_slice(10000);
  RunState end = engine.state();
  CHECK((end == RunState::Finished || end == RunState::Failed));
  // Interleaving is the sink's business; together the streams hold exactly what it saw.
  CHECK(seen.size() == engine.stdout_text().size() + engine.stderr_text().size());
}

TEST_CASE("flush=True and sys.stdout.flush() reach the flush sink, after the text they follow") {
  Engine engine;
  std::string seen;
  engine.set_output_sink([&](looplab::Stream s, std::string_view text) {
    seen += (s == looplab::Stream::Stdout ? "out:" : "err:") + std::string(text);
  });
  engine.set_flush_sink([&](looplab::Stream s) { seen += s == looplab::Stream::Stdout ? "|flush out|" : "|flush err|"; });
  engine.start(
      "import sys\n"
      "print('a', flush=True)\n"
      "print('b')\n"
      "print('c', flush=0)\n"
      "sys.stdout.flush()\n"
      "print('d', file=sys.stderr, flush=True)\n"
      "class Buffer:\n"
      "    def write(self, s): print('write', repr(s))\n"
      "    def flush(self): print('flush')\n"
      "print('e', file=Buffer(), flush=True)\n"
      "class NoFlush:\n"
      "    def write(self, s): pass\n"
      "try:\n"
      "    print('f', file=NoFlush(), flush=True)\n"
      "except AttributeError as e:\n"
      "    print(e)\n",
      "<test>");
  int slices = 0;
  while (engine.state() == RunState::Running && slices++ < 100000) engine.run_slice(10000);
  CHECK(engine.state() == RunState::Finished);
  CHECK(seen ==
        "out:a\n|flush out|out:b\nout:c\n|flush out|err:d\n|flush err|"
        "out:write 'e'\nout:write '\\n'\nout:flush\nout:'NoFlush' object has no attribute 'flush'\n");
}

TEST_CASE("stop() ends a run") {
  Engine engine;
  engine.start("while True:\n    pass\n", "<test>");
  engine.stop();
  CHECK(engine.state() != RunState::Running);
}

TEST_SUITE_END();

