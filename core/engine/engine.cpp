// The engine: compiles a program and runs it in slices. The module's code runs on the VM; when
// it hands the event loop to the host (loop.run_until_complete, which asyncio.run uses), the
// engine runs the loop in slices until it stops, then gives the outcome back to the module.
#include "engine/engine.h"

#include <chrono>

#include "lang/compiler.h"
#include "lang/frame.h"
#include "lang/generator.h"
#include "lang/vm.h"
#include "loop/event_log.h"
#include "modules/asyncio_runtime.h"
#include "runtime/exceptions_support.h"
#include "runtime/ops.h"

namespace looplab {

const char* run_state_name(RunState s) {
  switch (s) {
    case RunState::Idle: return "idle";
    case RunState::Running: return "running";
    case RunState::WaitingIO: return "waiting_io";
    case RunState::Finished: return "finished";
    case RunState::Failed: return "failed";
    case RunState::Stopped: return "stopped";
  }
  return "?";
}

struct Engine::Impl {
  EngineLimits limits;
  std::function<void(Stream, std::string_view)> sink;
  std::function<void(Stream)> flush_sink;
  EventLog log;
  std::unique_ptr<VM> vm;
  std::unique_ptr<AsyncioRuntime> rt;
  RunState state = RunState::Idle;
  int exit_code = 0;
  std::string out, err;
  size_t written = 0;
  bool output_capped = false;

  CodeObj* module_code = nullptr;
  DictObj* globals = nullptr;
  bool started = false;
  Frame* parked = nullptr;  // the module's frame chain, preempted or waiting on the loop
  bool loop_running = false;
  LoopRun run;              // the loop the host is running for the module
  // While the loop waits on real I/O, the virtual clock follows the wall clock from here.
  std::chrono::steady_clock::time_point waiting_since;
  bool waiting = false;

  ~Impl() { reset(); }

  void reset() {
    if (vm && parked) vm->discard_parked(parked);
    parked = nullptr;
    if (vm && run.loop)
      if (void* step_chain = run.loop->take_parked()) vm->discard_parked(static_cast<Frame*>(step_chain));
    loop_running = false;
    run = LoopRun();
    if (vm) vm->host_context = nullptr;
    rt.reset();
    vm.reset();
  }

  void write(Stream s, std::string_view text) {
    if (output_capped) return;
    if (written + text.size() > limits.output_bytes) {
      output_capped = true;
      text = "\n[looplab: output limit reached; further output is dropped]\n";
      s = Stream::Stderr;
    }
    written += text.size();
    (s == Stream::Stdout ? out : err) += text;
    if (rt) log.set_clock(rt->clock.now());
    log.output(s == Stream::Stdout ? 1 : 2, text);
    if (sink) sink(s, text);
  }

  // As CPython's warnings module prints it when an un-awaited coroutine is dropped.
  void warn_unawaited(std::string_view qualname) {
    Frame* f = vm->current_frame();
    std::string where = "sys:1";
    std::string src;
    if (f && f->code->source) {
      int line = f->line();
      where = f->code->source->filename + ":" + std::to_string(line);
      std::string_view l = f->code->source->line(line);
      size_t a = l.find_first_not_of(" \t");
      if (a != std::string_view::npos) src = "  " + std::string(l.substr(a)) + "\n";
    }
    std::string msg = "coroutine '" + std::string(qualname) + "' was never awaited";
    write(Stream::Stderr, where + ": RuntimeWarning: " + msg + "\n" + src +
                              "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    log.add(EventKind::Warning, rt ? rt->clock.now() : 0, uint32_t(WarningKind::NeverAwaited), log.intern(msg),
            rt && rt->running_loop && rt->running_loop->current_task ? rt->running_loop->current_task->task_id : 0);
  }

  // What CPython says as the interpreter shuts down and frees what is left: futures whose
  // exception nobody retrieved, tasks still pending, coroutines never awaited.
  // What CPython says as the interpreter shuts down and frees what is left: coroutines never
  // awaited (freed as the module's names are cleared; the warnings machinery is gone by then,
  // hence no tracemalloc hint), then futures whose exception nobody retrieved and tasks still
  // pending (freed by the last collection, as they sit in reference cycles).
  void report_at_shutdown() {
    vm->prune_fresh_coroutines(false);
    std::vector<GenObj*> unawaited = std::move(vm->fresh_coroutines);
    vm->fresh_coroutines.clear();
    for (GenObj* g : unawaited) {
      g->awaited = true;
      std::string msg = "coroutine '" + g->qualname->str() + "' was never awaited";
      write(Stream::Stderr, "sys:1: RuntimeWarning: " + msg + "\n");
      log.add(EventKind::Warning, rt->clock.now(), uint32_t(WarningKind::NeverAwaited), log.intern(msg), 0);
    }
    report_at_exit(*rt);
  }

  void finish(int code) {
    exit_code = code;
    state = code == 0 ? RunState::Finished : RunState::Failed;
  }

  void fail_with_pending() {
    Value exc = vm->take_exception();
    // SystemExit ends the program quietly with its code.
    if (vm->isinstance(exc, vm->t.SystemExit)) {
      Value code = op_getattr_opt(*vm, exc, vm->n.code);
      vm->clear_exception();
      if (code.is_none() || code.is_undef()) return finish(0);
      if (code.is_int()) return finish(int(code.i));
      std::string s;
      if (str_text(*vm, code, s)) write(Stream::Stderr, s + "\n");
      vm->clear_exception();
      return finish(1);
    }
    std::string text;
    format_exception(*vm, exc, text);
    vm->clear_exception();
    write(Stream::Stderr, text);
    finish(1);
  }

  // What a run of the module's code ended with.
  void handle(ExecResult r) {
    parked = nullptr;
    switch (r.status) {
      case ExecStatus::Returned:
        finish(0);
        report_at_shutdown();
        break;
      case ExecStatus::Raised:
        fail_with_pending();
        report_at_shutdown();
        break;
      case ExecStatus::Preempted:
        parked = r.parked;
        state = RunState::Running;
        break;
      case ExecStatus::HostCall:
        parked = r.parked;
        if (!decode_loop_run(*vm, r.value, &run)) {
          vm->raise(vm->t.SystemError, "unknown host call");
          handle(vm->resume_host_call(parked, Value::error(), 1'000'000));
          break;
        }
        start_loop_run(*vm, run);
        loop_running = true;
        state = RunState::Running;
        break;
      case ExecStatus::Yielded:
        vm->raise(vm->t.SystemError, "module code yielded");
        fail_with_pending();
        break;
    }
  }

  void run_loop_slice(uint64_t budget) {
    if (waiting) {
      auto now = std::chrono::steady_clock::now();
      rt->clock.advance(std::chrono::duration<double>(now - waiting_since).count());
      waiting = false;
    }
    RunStatus s = run.loop->run_slice(budget);
    switch (s) {
      case RunStatus::Running: return;
      case RunStatus::WaitingIO:
        state = RunState::WaitingIO;
        waiting = true;
        waiting_since = std::chrono::steady_clock::now();
        return;
      case RunStatus::Deadlock: {
        loop_running = false;
        rt->running_loop = nullptr;
        run.loop->running = false;
        write(Stream::Stderr, run.loop->deadlock_report);
        vm->discard_parked(parked);
        parked = nullptr;
        finish(1);
        return;
      }
      case RunStatus::Stopped:
      case RunStatus::Raised: {
        loop_running = false;
        state = RunState::Running;
        Value result = finish_loop_run(*vm, run, s);
        Frame* chain = parked;
        parked = nullptr;
        handle(vm->resume_host_call(chain, result, budget));
        return;
      }
    }
  }
};

Engine::Engine(EngineLimits limits) : impl_(new Impl) { impl_->limits = limits; }
Engine::~Engine() = default;

void Engine::set_output_sink(std::function<void(Stream, std::string_view)> sink) { impl_->sink = std::move(sink); }
void Engine::set_flush_sink(std::function<void(Stream)> sink) { impl_->flush_sink = std::move(sink); }

void Engine::start(std::string_view source, std::string_view filename) {
  Impl& m = *impl_;
  m.reset();
  m.log.clear();
  m.log.set_limit(m.limits.log_events);
  m.vm = std::make_unique<VM>();
  VM& vm = *m.vm;
  vm.heap.limit = m.limits.heap_bytes;
  vm.heap.stress = m.limits.gc_stress;
  vm.recursion_limit = m.limits.recursion_limit;
  m.rt = std::make_unique<AsyncioRuntime>(vm, &m.log);
  vm.host_context = m.rt.get();
  vm.write_output = [this](OutStream s, std::string_view text) {
    impl_->write(s == OutStream::Stdout ? Stream::Stdout : Stream::Stderr, text);
  };
  vm.flush_output = [this](OutStream s) {
    if (impl_->flush_sink) impl_->flush_sink(s == OutStream::Stdout ? Stream::Stdout : Stream::Stderr);
  };
  vm.on_unawaited_coroutine = [this](std::string_view qualname) { impl_->warn_unawaited(qualname); };
  AsyncioRuntime* rt = m.rt.get();
  vm.heap.wants_finalizer = [rt](Obj* o) { return finalizer_wanted(*rt, o); };
  vm.trace_lines = m.limits.trace_lines;
  vm.line_hook = [this](Frame* f, int line) {
    Impl& mm = *impl_;
    // Only the program's own code: not the library modules written in Python.
    if (!mm.module_code || f->code->source != mm.module_code->source) return;
    EventLoop* loop = mm.rt ? mm.rt->running_loop : nullptr;
    uint32_t task = loop && loop->current_task ? loop->current_task->task_id : 0;
    mm.log.add(EventKind::Line, mm.rt->clock.now(), task, uint32_t(line));
  };
  vm.heap.add_roots([this](Tracer& t) {
    Impl& mm = *impl_;
    t.mark(mm.module_code);
    t.mark(mm.globals);
    if (mm.parked) VM::trace_parked(mm.parked, t);
    if (mm.rt) mm.rt->trace(t);
    t.mark(mm.run.loop);
    t.mark(mm.run.future);
  });
  m.out.clear();
  m.err.clear();
  m.written = 0;
  m.output_capped = false;
  m.started = false;
  m.exit_code = 0;
  m.state = RunState::Running;
  m.module_code = compile_module(vm, source, filename);
  if (!m.module_code) {
    m.fail_with_pending();
    return;
  }
  m.rt->program_source = m.module_code->source.get();
  m.globals = vm.new_dict();
  m.globals->set_str(vm.n.__name__, vm.str("__main__"));
  m.globals->set_str(vm.n.__file__, vm.str(filename));
  m.globals->set_str(vm.n.__builtins__, Value::object(vm.builtins));
  m.globals->set_str(vm.n.__doc__, Value::none());
  ModuleObj* main = vm.heap.make<ModuleObj>(vm.t.module, vm.intern("__main__"), m.globals);
  vm.modules->set_str(vm.intern("__main__"), Value::object(main));
}

RunState Engine::run_slice(uint64_t budget) {
  Impl& m = *impl_;
  if (m.state == RunState::WaitingIO) m.state = RunState::Running;
  if (m.state != RunState::Running) return m.state;
  if (budget == 0) budget = 1;
  if (m.loop_running) {
    m.run_loop_slice(budget);
  } else if (!m.started) {
    m.started = true;
    m.handle(m.vm->run_module(m.module_code, m.globals, budget));
  } else if (m.parked) {
    Frame* chain = m.parked;
    m.parked = nullptr;
    m.handle(m.vm->resume_parked(chain, budget));
  }
  return m.state;
}

int Engine::run_to_end() {
  while (impl_->state == RunState::Running || impl_->state == RunState::WaitingIO) run_slice(1'000'000);
  return exit_code();
}

void Engine::stop() {
  Impl& m = *impl_;
  if (m.state == RunState::Running || m.state == RunState::WaitingIO) {
    m.state = RunState::Stopped;
    m.exit_code = 130;
    m.log.add(EventKind::Notice, m.rt ? m.rt->clock.now() : 0, 0, m.log.intern("stopped by the user"));
  }
}

RunState Engine::state() const { return impl_->state; }
int Engine::exit_code() const { return impl_->exit_code; }
const std::string& Engine::stdout_text() const { return impl_->out; }
const std::string& Engine::stderr_text() const { return impl_->err; }
const EventLog& Engine::log() const { return impl_->log; }
double Engine::clock() const { return impl_->rt ? impl_->rt->clock.now() : 0; }

}  // namespace looplab
