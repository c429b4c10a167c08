#include "fold.h"

#include <algorithm>
#include <cstdio>

#include "modules/net_log.h"

namespace looplab::viz {

const char* task_state_name(TaskState s) {
  switch (s) {
    case TaskState::Created: return "created";
    case TaskState::Ready: return "ready";
    case TaskState::Running: return "running";
    case TaskState::Waiting: return "waiting";
    case TaskState::Done: return "done";
    case TaskState::Cancelled: return "cancelled";
    case TaskState::Failed: return "failed";
  }
  return "?";
}

namespace {

bool is_task_handle(HandleKind k) { return k == HandleKind::TaskStep || k == HandleKind::TaskWakeup; }

bool finished(TaskState s) { return s == TaskState::Done || s == TaskState::Cancelled || s == TaskState::Failed; }

void set_state(Model& m, uint32_t task, TaskState s, double t) {
  TaskView* tv = m.task(task);
  if (!tv || tv->state == s) return;
  if (finished(tv->state)) return;  // a finished task stays finished
  tv->state = s;
  tv->since = t;
}

template <class C, class P>
void erase_if(C& c, P pred) {
  c.erase(std::remove_if(c.begin(), c.end(), pred), c.end());
}

std::string future_words(const Model& m, const EventLog& log, uint32_t future, uint32_t* task_out) {
  *task_out = 0;
  auto it = m.futures.find(future);
  if (it == m.futures.end()) return "a future";
  if (it->second.task) {
    *task_out = it->second.task;
    const TaskView* tv = m.task(it->second.task);
    return tv ? tv->name : "a task";
  }
  (void)log;
  return it->second.label.empty() ? "a future" : it->second.label;
}

IoView* find_io(Model& m, uint32_t request) {
  for (IoView& v : m.io)
    if (v.request == request) return &v;
  return nullptr;
}

// Ended requests beyond the newest kIoKeptDone leave the model.
void prune_io(Model& m) {
  size_t done = 0;
  for (const IoView& v : m.io) done += v.in_flight() ? 0 : 1;
  for (size_t i = 0; i < m.io.size() && done > Model::kIoKeptDone;) {
    if (!m.io[i].in_flight()) {
      m.io.erase(m.io.begin() + long(i));
      done--;
    } else {
      i++;
    }
  }
}

void io_start(Model& m, const Event& e, const EventLog& log) {
  const std::string& label = log.str(e.b);
  if (IoView* v = find_io(m, e.a)) {
    // A socket's later operation: `task` waits on it now.
    v->task = e.c;
    v->waiting = label;
    return;
  }
  IoView v;
  v.request = e.a;
  size_t sp = label.find(' ');
  v.method = label.substr(0, sp);
  v.url = sp == std::string::npos ? "" : label.substr(sp + 1);
  v.state = v.method == "WS" ? "connecting" : "pending";
  v.task = e.c;
  v.started = e.t;
  m.io.push_back(std::move(v));
}

void io_done(Model& m, const Event& e) {
  IoView* v = find_io(m, e.a);
  if (!v || !v->in_flight()) return;
  uint32_t status = e.b;
  auto end = [&](const char* state) {
    v->state = state;
    v->finished = e.t;
    v->task = 0;
    v->waiting.clear();
  };
  if (v->method != "WS") {
    v->bytes = e.c;
    v->status = status;
    end(status == net::kIoFailed ? "failed" : status == net::kIoTimeout ? "timeout"
        : status == net::kIoAborted ? "aborted" : "done");
  } else if (status == net::kWsOpened) {
    v->state = "open";
    v->status = status;
    v->task = 0;
  } else if (status == net::kIoMessage) {
    v->bytes += e.c;
    v->messages++;
    if (v->waiting == "recv") {
      v->task = 0;
      v->waiting.clear();
    }
  } else if (status == net::kIoAborted) {
    if (v->state == "connecting") {
      end("aborted");
    } else {  // a recv was cancelled
      v->task = 0;
      v->waiting.clear();
    }
  } else if (status == net::kIoFailed || status == net::kIoTimeout) {
    end(status == net::kIoFailed ? "failed" : "timeout");
  } else {  // a close code
    v->status = status;
    v->bytes = e.c;
    end("closed");
  }
  prune_io(m);
}

}  // namespace

void apply(Model& m, const EventLog& log) {
  if (m.events >= log.size()) return;
  const Event& e = log[m.events];
  m.events++;
  if (e.t > m.clock) m.clock = e.t;
  if (m.blocked && e.t >= m.blocked_until && e.kind != EventKind::Blocked) m.blocked = false;

  switch (e.kind) {
    case EventKind::LoopStart:
      m.loop_running = true;
      m.phase = LoopPhase::Select;
      break;
    case EventKind::LoopStop:
      m.loop_running = false;
      m.running_task = 0;
      m.running_handle = 0;
      break;
    case EventKind::IterationStart:
      m.iteration = e.a;
      m.phase = LoopPhase::Select;
      break;
    case EventKind::Phase: m.phase = LoopPhase(e.a); break;
    case EventKind::HandleQueued: {
      HandleView h;
      h.id = e.a;
      h.kind = HandleKind(e.b);
      if (is_task_handle(h.kind)) {
        h.task = e.c;
        set_state(m, e.c, TaskState::Ready, e.t);
      } else {
        h.label = log.str(e.c);
      }
      m.ready.push_back(h);
      break;
    }
    case EventKind::HandleRun: {
      erase_if(m.ready, [&](const HandleView& h) { return h.id == e.a; });
      m.running_handle = e.a;
      if (is_task_handle(HandleKind(e.b))) {
        m.running_task = e.c;
        set_state(m, e.c, TaskState::Running, e.t);
      }
      break;
    }
    case EventKind::HandleDone:
      erase_if(m.ready, [&](const HandleView& h) { return h.id == e.a; });
      if (m.running_handle == e.a) {
        m.running_handle = 0;
        m.running_task = 0;
      }
      break;
    case EventKind::HandleCancelled:
      for (HandleView& h : m.ready)
        if (h.id == e.a) h.cancelled = true;
      for (TimerView& t : m.timers)
        if (t.id == e.a) t.cancelled = true;
      break;
    case EventKind::TimerScheduled: {
      TimerView t;
      t.id = e.a;
      t.deadline = e.f;
      t.label = log.str(e.b);
      t.task = e.c;
      m.timers.push_back(t);
      break;
    }
    case EventKind::TimerDue: {
      auto it = std::find_if(m.timers.begin(), m.timers.end(), [&](const TimerView& t) { return t.id == e.a; });
      HandleView h;
      h.id = e.a;
      h.kind = HandleKind::Callback;
      if (it != m.timers.end()) {
        h.label = it->label;
        h.cancelled = it->cancelled;
        m.timers.erase(it);
      }
      m.ready.push_back(h);
      break;
    }
    case EventKind::TimerDropped:
      erase_if(m.timers, [&](const TimerView& t) { return t.id == e.a; });
      break;
    case EventKind::TaskCreated: {
      if (m.tasks.size() < e.a) m.tasks.resize(e.a);
      TaskView& tv = m.tasks[e.a - 1];
      tv.id = e.a;
      tv.future = e.b;
      tv.coro = log.str(e.c);
      tv.name = "Task-?";
      tv.since = e.t;
      FutureView& f = m.futures[e.b];
      f.id = e.b;
      f.task = e.a;
      break;
    }
    case EventKind::TaskRenamed:
      if (TaskView* tv = m.task(e.a)) tv->name = log.str(e.b);
      break;
    case EventKind::TaskStepBegin:
      m.running_task = e.a;
      if (TaskView* tv = m.task(e.a)) {
        tv->line = int(e.b);
        tv->steps++;
        tv->awaiting_future = tv->awaiting_task = 0;
        tv->awaiting.clear();
      }
      set_state(m, e.a, TaskState::Running, e.t);
      break;
    case EventKind::TaskStepEnd: {
      TaskView* tv = m.task(e.a);
      if (m.running_task == e.a) m.running_task = 0;
      if (!tv) break;
      tv->line = int(e.f);
      StepEnd why = StepEnd(e.b);
      if (why == StepEnd::AwaitFuture) {
        tv->awaiting_future = e.c;
        tv->awaiting = future_words(m, log, e.c, &tv->awaiting_task);
        set_state(m, e.a, TaskState::Waiting, e.t);
      } else if (why == StepEnd::Yield) {
        tv->awaiting = "the next loop iteration";
      }
      break;
    }
    case EventKind::TaskDone: {
      TaskView* tv = m.task(e.a);
      if (!tv) break;
      FutureState s = FutureState(e.b);
      TaskState ts = s == FutureState::Cancelled ? TaskState::Cancelled
                     : e.c ? TaskState::Failed : TaskState::Done;
      tv->state = ts;
      tv->since = e.t;
      tv->exception = e.c ? log.str(e.c) : "";
      tv->awaiting.clear();
      tv->awaiting_future = tv->awaiting_task = 0;
      break;
    }
    case EventKind::TaskAwaitChain:
      if (TaskView* tv = m.task(e.a)) tv->chain = log.str(e.b);
      break;
    case EventKind::FutureCreated: {
      FutureView& f = m.futures[e.a];
      f.id = e.a;
      f.label = log.str(e.b);
      f.creator = e.c;
      break;
    }
    case EventKind::FutureDone: {
      auto it = m.futures.find(e.a);
      if (it == m.futures.end()) break;
      it->second.state = FutureState(e.b);
      it->second.waiters.clear();
      // Plain futures leave the model once done (tasks keep theirs for their names).
      if (!it->second.task) m.futures.erase(it);
      break;
    }
    case EventKind::FutureCallback: {
      FutureView& f = m.futures[e.a];
      f.id = e.a;
      if (e.b) f.waiters.push_back(e.b);
      else f.callbacks++;
      break;
    }
    case EventKind::SyncCreated: {
      SyncView& s = m.syncs[e.a];
      s.id = e.a;
      s.kind = SyncKind(e.b);
      s.label = log.str(e.c);
      break;
    }
    case EventKind::SyncOp: {
      SyncView& s = m.syncs[e.a];
      s.id = e.a;
      s.ops++;
      switch (SyncOpKind(e.b)) {
        case SyncOpKind::Acquire:
          s.owner = e.c;
          erase_if(s.waiters, [&](uint32_t t) { return t == e.c; });
          if (s.kind == SyncKind::Semaphore) s.value = e.f;
          break;
        case SyncOpKind::Release:
          s.owner = 0;
          if (s.kind == SyncKind::Semaphore) s.value = e.f;
          break;
        case SyncOpKind::Wait: s.waiters.push_back(e.c); break;
        case SyncOpKind::Wake:
          if (!s.waiters.empty()) s.waiters.erase(s.waiters.begin());
          break;
        case SyncOpKind::Set: s.value = 1; break;
        case SyncOpKind::Clear: s.value = 0; break;
        case SyncOpKind::Put:
        case SyncOpKind::Get:
          s.value = e.f;
          erase_if(s.waiters, [&](uint32_t t) { return t == e.c; });
          break;
        case SyncOpKind::Notify:
        case SyncOpKind::TaskDone: break;
      }
      break;
    }
    case EventKind::ExecutorSubmit: {
      if (m.workers.size() < e.b) m.workers.resize(e.b);
      WorkerView& w = m.workers[e.b - 1];
      w.worker = e.b;
      w.job = e.a;
      w.label = log.str(e.c);
      w.done_at = e.f;
      break;
    }
    case EventKind::ExecutorDone:
      if (e.b >= 1 && e.b <= m.workers.size() && m.workers[e.b - 1].job == e.a) m.workers[e.b - 1].job = 0;
      break;
    case EventKind::Blocked:
      m.blocked = true;
      m.blocked_until = e.t + e.f;
      m.blocked_line = int(e.b);
      m.blocked_task = e.a;
      if (m.blocked_until > m.clock) m.clock = m.blocked_until;
      break;
    case EventKind::ClockJump:
      if (e.f > m.clock) m.clock = e.f;
      break;
    case EventKind::Output: m.output_events++; break;
    case EventKind::Line:
      m.line_task = e.a;
      if (e.a == 0) m.module_line = int(e.b);
      else if (TaskView* tv = m.task(e.a)) tv->line = int(e.b);
      break;
    case EventKind::IoStart: io_start(m, e, log); break;
    case EventKind::IoDone: io_done(m, e); break;
    case EventKind::Warning: {
      WarningView w;
      w.event = m.events - 1;
      w.t = e.t;
      w.kind = WarningKind(e.a);
      w.message = log.str(e.b);
      w.task = e.c;
      m.warnings.push_back(w);
      break;
    }
    default: break;
  }
}

void fold_to(Model& m, const EventLog& log, size_t n) {
  if (n > log.size()) n = log.size();
  while (m.events < n) apply(m, log);
}

Model Timeline::at(const EventLog& log, size_t n) {
  if (n > log.size()) n = log.size();
  // Extend the checkpoints as far as the log goes.
  if (checkpoints_.empty()) checkpoints_.push_back(Model());
  while ((checkpoints_.size()) * interval_ <= log.size()) {
    Model next = checkpoints_.back();
    fold_to(next, log, checkpoints_.size() * interval_);
    checkpoints_.push_back(std::move(next));
  }
  Model m = checkpoints_[std::min(n / interval_, checkpoints_.size() - 1)];
  fold_to(m, log, n);
  return m;
}

// ---- JSON -----------------------------------------------------------------------------------

namespace {

void esc(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  out += '"';
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

const char* phase_name(LoopPhase p) {
  switch (p) {
    case LoopPhase::RunReady: return "run_ready";
    case LoopPhase::Select: return "select";
    case LoopPhase::Timers: return "timers";
  }
  return "?";
}

const char* handle_kind_name(HandleKind k) {
  switch (k) {
    case HandleKind::Callback: return "callback";
    case HandleKind::TaskStep: return "step";
    case HandleKind::TaskWakeup: return "wakeup";
    case HandleKind::SetResult: return "set_result";
    case HandleKind::ThreadDone: return "thread_done";
    case HandleKind::IoDone: return "io_done";
  }
  return "?";
}

const char* sync_kind_name(SyncKind k) {
  static const char* const n[] = {"lock", "event", "condition", "semaphore", "queue"};
  return size_t(k) < 5 ? n[size_t(k)] : "?";
}

}  // namespace

std::string to_json(const Model& m, const EventLog& log) {
  (void)log;
  std::string o = "{";
  o += "\"events\":" + std::to_string(m.events);
  o += ",\"clock\":" + num(m.clock);
  o += ",\"phase\":\"" + std::string(phase_name(m.phase)) + "\"";
  o += ",\"iteration\":" + std::to_string(m.iteration);
  o += ",\"loopRunning\":" + std::string(m.loop_running ? "true" : "false");
  o += ",\"blocked\":" + std::string(m.blocked ? "true" : "false");
  o += ",\"runningTask\":";
  const TaskView* rt = m.task(m.running_task);
  if (rt) esc(o, rt->name);
  else o += "null";
  o += ",\"tasks\":[";
  bool first = true;
  for (const TaskView& t : m.tasks) {
    if (!t.id) continue;
    if (!first) o += ",";
    first = false;
    o += "{\"id\":" + std::to_string(t.id) + ",\"name\":";
    esc(o, t.name);
    o += ",\"coro\":";
    esc(o, t.coro);
    o += ",\"state\":\"" + std::string(task_state_name(t.state)) + "\",\"line\":" + std::to_string(t.line);
    o += ",\"awaiting\":";
    if (t.awaiting.empty()) o += "null";
    else esc(o, t.awaiting);
    o += ",\"chain\":";
    esc(o, t.chain);
    if (!t.exception.empty()) {
      o += ",\"exception\":";
      esc(o, t.exception);
    }
    o += "}";
  }
  o += "],\"ready\":[";
  first = true;
  for (const HandleView& h : m.ready) {
    if (!first) o += ",";
    first = false;
    o += "{\"id\":" + std::to_string(h.id) + ",\"kind\":\"" + handle_kind_name(h.kind) + "\",\"label\":";
    const TaskView* tv = m.task(h.task);
    esc(o, tv ? tv->name : h.label);
    if (h.cancelled) o += ",\"cancelled\":true";
    o += "}";
  }
  o += "],\"timers\":[";
  std::vector<const TimerView*> timers;
  for (const TimerView& t : m.timers) timers.push_back(&t);
  std::stable_sort(timers.begin(), timers.end(), [](const TimerView* a, const TimerView* b) { return a->deadline < b->deadline; });
  first = true;
  for (const TimerView* t : timers) {
    if (!first) o += ",";
    first = false;
    o += "{\"id\":" + std::to_string(t->id) + ",\"deadline\":" + num(t->deadline) + ",\"in\":" + num(t->deadline - m.clock) +
         ",\"label\":";
    esc(o, t->label);
    if (t->cancelled) o += ",\"cancelled\":true";
    o += "}";
  }
  o += "],\"primitives\":[";
  first = true;
  for (const auto& [id, s] : m.syncs) {
    if (!first) o += ",";
    first = false;
    o += "{\"id\":" + std::to_string(id) + ",\"kind\":\"" + sync_kind_name(s.kind) + "\",\"label\":";
    esc(o, s.label);
    o += ",\"owner\":";
    const TaskView* ow = m.task(s.owner);
    if (ow) esc(o, ow->name);
    else o += "null";
    o += ",\"value\":" + num(s.value) + ",\"waiters\":[";
    for (size_t i = 0; i < s.waiters.size(); i++) {
      if (i) o += ",";
      const TaskView* w = m.task(s.waiters[i]);
      esc(o, w ? w->name : "?");
    }
    o += "]}";
  }
  o += "],\"workers\":[";
  first = true;
  for (const WorkerView& w : m.workers) {
    if (!first) o += ",";
    first = false;
    o += "{\"worker\":" + std::to_string(w.worker) + ",\"busy\":" + (w.job ? "true" : "false") + ",\"label\":";
    esc(o, w.job ? w.label : "");
    o += "}";
  }
  o += "],\"io\":[";
  first = true;
  for (const IoView& v : m.io) {
    if (!first) o += ",";
    first = false;
    o += "{\"request\":" + std::to_string(v.request) + ",\"method\":";
    esc(o, v.method);
    o += ",\"url\":";
    esc(o, v.url);
    o += ",\"state\":";
    esc(o, v.state);
    o += ",\"task\":";
    const TaskView* tv = m.task(v.task);
    if (tv) esc(o, tv->name);
    else o += "null";
    if (!v.waiting.empty()) {
      o += ",\"waiting\":";
      esc(o, v.waiting);
    }
    o += ",\"started\":" + num(v.started);
    o += ",\"elapsed\":" + num((v.in_flight() ? m.clock : v.finished) - v.started);
    o += ",\"status\":" + std::to_string(v.status) + ",\"bytes\":" + std::to_string(v.bytes);
    if (v.method == "WS") o += ",\"messages\":" + std::to_string(v.messages);
    o += "}";
  }
  o += "],\"warnings\":" + std::to_string(m.warnings.size());
  o += ",\"moduleLine\":" + std::to_string(m.module_line);
  o += "}";
  return o;
}

}  // namespace looplab::viz
