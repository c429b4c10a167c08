// The visualizer's model: what the loop looked like after the first N events of the log, as a
// pure fold (apply one event at a time). Playback, stepping, scrubbing, the timeline and the
// page's state() all read this; nothing reads live interpreter objects. No ImGui here.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "loop/event_log.h"

namespace looplab::viz {

enum class TaskState : uint8_t {
  Created,    // made, its first step not yet queued
  Ready,      // a step (or wakeup) is in the ready queue
  Running,    // its step is executing now
  Waiting,    // suspended on a future (awaiting, sleeping, on a lock ...)
  Done,       // returned
  Cancelled,  // ended by cancellation
  Failed,     // ended with an exception
};
const char* task_state_name(TaskState s);

struct TaskView {
  uint32_t id = 0;
  uint32_t future = 0;       // the task's own future id
  std::string name;          // "Task-2"
  std::string coro;          // "worker()"
  TaskState state = TaskState::Created;
  int line = 0;              // where its coroutine is (or was last) suspended / running
  uint32_t awaiting_future = 0;  // while Waiting: the future id it waits on
  uint32_t awaiting_task = 0;    // ... or the task it waits for (0 if not a task)
  std::string awaiting;      // what it waits on, in words ("sleep(1)", "Task-3", "Lock.acquire")
  std::string chain;         // "main > fetch > sleep"
  std::string exception;     // for Failed: the exception type
  double since = 0;          // virtual time of the last state change
  uint32_t steps = 0;        // steps run so far
};

struct HandleView {
  uint32_t id = 0;
  HandleKind kind = HandleKind::Callback;
  uint32_t task = 0;         // for task steps and wakeups
  std::string label;         // for callbacks: the callable's name
  bool cancelled = false;
};

struct TimerView {
  uint32_t id = 0;
  double deadline = 0;
  std::string label;
  uint32_t task = 0;         // the task that scheduled it (0: none)
  bool cancelled = false;
};

struct FutureView {
  uint32_t id = 0;
  std::string label;
  uint32_t task = 0;         // if this future is a task's, its task id
  uint32_t creator = 0;      // the task running when it was made
  FutureState state = FutureState::Pending;
  std::vector<uint32_t> waiters;  // tasks whose wakeup is registered
  uint32_t callbacks = 0;    // other done callbacks
};

struct SyncView {
  uint32_t id = 0;
  SyncKind kind = SyncKind::Lock;
  std::string label;
  uint32_t owner = 0;        // Lock: the task holding it
  double value = 0;          // Semaphore: its counter; Queue: its size; Event: 1 if set
  std::vector<uint32_t> waiters;  // tasks waiting, in order
  uint64_t ops = 0;
};

struct WorkerView {
  uint32_t worker = 0;
  uint32_t job = 0;          // 0 when idle
  std::string label;
  double done_at = 0;
};

struct WarningView {
  size_t event = 0;          // index in the log (to seek there)
  double t = 0;
  WarningKind kind = WarningKind::CallbackError;
  std::string message;
  uint32_t task = 0;
};

// A request or WebSocket leaving the engine, from IoStart/IoDone (modules/net_log.h says how the
// network port writes them).
struct IoView {
  uint32_t request = 0;
  std::string method;        // "GET", "POST", ... or "WS" for a WebSocket
  std::string url;
  std::string state;         // HTTP: pending, done, failed, timeout, aborted;
                             // WS: connecting, open, closed, failed, timeout, aborted
  uint32_t task = 0;         // the task waiting on it now (0: none)
  std::string waiting;       // WS: what that task waits for ("recv", "close"); HTTP: ""
  double started = 0;        // virtual time it started
  double finished = -1;      // when it ended (< 0: still in flight)
  uint32_t status = 0;       // HTTP status; WS: 101 once open, then the close code
  uint64_t bytes = 0;        // HTTP: body size; WS: bytes received so far
  uint32_t messages = 0;     // WS: messages received so far
  bool in_flight() const { return finished < 0; }
};

struct Model {
  size_t events = 0;         // how many log events are folded in
  double clock = 0;
  LoopPhase phase = LoopPhase::Select;
  uint64_t iteration = 0;
  bool loop_running = false;
  uint32_t running_task = 0;      // task whose step runs now (0: none)
  uint32_t running_handle = 0;    // handle being run now
  bool blocked = false;           // the loop is blocked (time.sleep / a long step)
  double blocked_until = 0;
  int blocked_line = 0;
  uint32_t blocked_task = 0;
  std::vector<TaskView> tasks;    // index = task id - 1
  std::deque<HandleView> ready;   // FIFO order
  std::vector<TimerView> timers;  // heap contents (unordered; sort by deadline to show)
  std::map<uint32_t, FutureView> futures;  // pending ones, and tasks' futures
  std::map<uint32_t, SyncView> syncs;
  std::vector<WorkerView> workers;
  std::vector<WarningView> warnings;
  std::vector<IoView> io;         // in start order: all in flight, and the last kIoKeptDone ended
  size_t output_events = 0;
  int module_line = 0;            // line tracing: where the module's own code is
  uint32_t line_task = 0;         // line tracing: whose line changed last (0: module code)
  static constexpr size_t kIoKeptDone = 32;

  TaskView* task(uint32_t id) { return id >= 1 && id <= tasks.size() ? &tasks[id - 1] : nullptr; }
  const TaskView* task(uint32_t id) const { return id >= 1 && id <= tasks.size() ? &tasks[id - 1] : nullptr; }
};

// Folds one more event (log[model.events]) into the model.
void apply(Model& m, const EventLog& log);
// Folds events until model.events == n.
void fold_to(Model& m, const EventLog& log, size_t n);

// Seeking anywhere fast: snapshots of the model every `interval` events.
class Timeline {
 public:
  explicit Timeline(size_t interval = 4096) : interval_(interval) {}
  void reset() { checkpoints_.clear(); }
  // The model after the first n events (n <= log.size()).
  Model at(const EventLog& log, size_t n);
  size_t checkpoints() const { return checkpoints_.size(); }

 private:
  size_t interval_;
  std::vector<Model> checkpoints_;  // checkpoints_[k] = model after k * interval_ events
};

// The model as JSON for window.looplab.state().
std::string to_json(const Model& m, const EventLog& log);

}  // namespace looplab::viz
