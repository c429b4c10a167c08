// The engine's public face: what every host (the command-line runner, the web glue, the native
// visualizer host, the tests) uses to run a Python program. Hosts never reach into the VM or the
// loop; they start a program, give it time in slices, and read its output and its event log.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace looplab {

class EventLog;

// Hard caps that turn runaway programs into clear Python errors or notices instead of a crash.
struct EngineLimits {
  size_t heap_bytes = size_t(512) << 20;   // beyond it: MemoryError
  size_t output_bytes = size_t(8) << 20;   // beyond it: output dropped, one notice on stderr
  size_t log_events = 4'000'000;           // beyond it: logging stops, one notice
  int recursion_limit = 1000;              // as CPython's sys.getrecursionlimit()
  bool gc_stress = false;                  // collect at every safe point (for tests)
  bool trace_lines = false;                // log a Line event each time the program's code
                                           // starts a new line (stepping line by line)
};

enum class RunState : uint8_t {
  Idle,       // nothing started
  Running,    // more work to do: call run_slice again
  WaitingIO,  // blocked on real I/O in flight: call run_slice again later (it returns at once)
  Finished,   // the program ended normally (exit code 0)
  Failed,     // an uncaught exception or SyntaxError ended it (exit code 1, traceback on stderr)
  Stopped,    // stop() was called
};

const char* run_state_name(RunState s);

enum class Stream : uint8_t { Stdout = 1, Stderr = 2 };

class Engine {
 public:
  explicit Engine(EngineLimits limits = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Called for every piece of output, in the order the program wrote it.
  void set_output_sink(std::function<void(Stream, std::string_view)> sink);
  // Called when the program flushes a stream (print(..., flush=True), sys.stdout.flush()): a
  // host that buffers the sink's output writes it out now.
  void set_flush_sink(std::function<void(Stream)> sink);

  // Compile `source` and make it ready to run. A SyntaxError ends the run at once (Failed).
  void start(std::string_view source, std::string_view filename = "<main>");

  // Run at most `instruction_budget` VM instructions, then return the state. A host that wants
  // to stay responsive calls this once per frame; the command-line runner calls it in a loop.
  RunState run_slice(uint64_t instruction_budget);

  // Run to the end (for the command-line runner and tests). Returns the exit code.
  int run_to_end();

  void stop();
  RunState state() const;
  int exit_code() const;  // 0 when Finished, 1 when Failed, 130 when Stopped

  const std::string& stdout_text() const;
  const std::string& stderr_text() const;

  // The loop's record of everything it did; the visualizer folds it.
  const EventLog& log() const;

  // The loop's virtual clock, in seconds.
  double clock() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace looplab
