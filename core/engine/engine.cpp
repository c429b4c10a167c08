// The engine: compiles a program and runs it in slices. The module's code runs on the VM; when
// it calls asyncio.run (a host call), the engine drives the event loop in slices until the
// main coroutine is done, then hands the outcome back to the module's frame.
#include "engine/engine.h"

#include "loop/event_log.h"
#include "lang/compiler.h"
#include "lang/vm.h"
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
  std::unique_ptr<VM> vm;
  EventLog log;
  RunState state = RunState::Idle;
  int exit_code = 0;
  std::string out, err;
  size_t written = 0;
  bool output_capped = false;
  // What the next slice does: run (or continue) the module's code.
  bool started = false;
  CodeObj* module_code = nullptr;
  DictObj* globals = nullptr;

  void write(Stream s, std::string_view text) {
    if (output_capped) return;
    if (written + text.size() > limits.output_bytes) {
      output_capped = true;
      text = "\n[looplab: output limit reached; further output is dropped]\n";
      s = Stream::Stderr;
    }
    written += text.size();
    (s == Stream::Stdout ? out : err) += text;
    log.output(s == Stream::Stdout ? 1 : 2, text);
    if (sink) sink(s, text);
  }

  void fail_with_pending() {
    Value exc = vm->take_exception();
    // SystemExit ends the program quietly with its code.
    if (vm->isinstance(exc, vm->t.SystemExit)) {
      Value code = op_getattr_opt(*vm, exc, vm->n.code);
      vm->clear_exception();
      if (code.is_none() || code.is_undef()) exit_code = 0;
      else if (code.is_int()) exit_code = int(code.i);
      else {
        std::string s;
        if (str_text(*vm, code, s)) write(Stream::Stderr, s + "\n");
        vm->clear_exception();
        exit_code = 1;
      }
      state = exit_code == 0 ? RunState::Finished : RunState::Failed;
      return;
    }
    std::string text;
    format_exception(*vm, exc, text);
    vm->clear_exception();
    write(Stream::Stderr, text);
    exit_code = 1;
    state = RunState::Failed;
  }

  void handle(ExecResult r) {
    switch (r.status) {
      case ExecStatus::Returned:
        state = RunState::Finished;
        exit_code = 0;
        break;
      case ExecStatus::Raised: fail_with_pending(); break;
      case ExecStatus::Preempted: state = RunState::Running; break;
      case ExecStatus::Yielded:
      case ExecStatus::HostCall:
        // Host calls arrive with the event loop; until then they are an internal error.
        vm->raise(vm->t.SystemError, "unexpected host call");
        fail_with_pending();
        break;
    }
  }
};

Engine::Engine(EngineLimits limits) : impl_(new Impl) { impl_->limits = limits; }
Engine::~Engine() = default;

void Engine::set_output_sink(std::function<void(Stream, std::string_view)> sink) { impl_->sink = std::move(sink); }

void Engine::start(std::string_view source, std::string_view filename) {
  Impl& m = *impl_;
  m.vm = std::make_unique<VM>();
  m.vm->heap.limit = m.limits.heap_bytes;
  m.vm->recursion_limit = m.limits.recursion_limit;
  m.vm->write_output = [this](OutStream s, std::string_view text) {
    impl_->write(s == OutStream::Stdout ? Stream::Stdout : Stream::Stderr, text);
  };
  m.out.clear();
  m.err.clear();
  m.written = 0;
  m.output_capped = false;
  m.log.clear();
  m.started = false;
  m.exit_code = 0;
  m.state = RunState::Running;
  m.module_code = compile_module(*m.vm, source, filename);
  if (!m.module_code) {
    m.fail_with_pending();
    return;
  }
  m.globals = m.vm->new_dict();
  m.globals->set_str(m.vm->n.__name__, m.vm->str("__main__"));
  m.globals->set_str(m.vm->n.__file__, m.vm->str(filename));
  m.globals->set_str(m.vm->n.__builtins__, Value::object(m.vm->builtins));
  m.globals->set_str(m.vm->n.__doc__, Value::none());
  ModuleObj* main = m.vm->heap.make<ModuleObj>(m.vm->t.module, m.vm->intern("__main__"), m.globals);
  m.vm->modules->set_str(m.vm->intern("__main__"), Value::object(main));
  // Keep the program's objects alive between slices.
  m.vm->heap.add_roots([this](Tracer& t) {
    t.mark(impl_->module_code);
    t.mark(impl_->globals);
  });
}

RunState Engine::run_slice(uint64_t budget) {
  Impl& m = *impl_;
  if (m.state != RunState::Running) return m.state;
  if (budget == 0) budget = 1;
  if (!m.started) {
    m.started = true;
    m.handle(m.vm->run_module(m.module_code, m.globals, budget));
  } else if (m.vm->has_preempted()) {
    m.handle(m.vm->resume_preempted(budget));
  }
  return m.state;
}

int Engine::run_to_end() {
  while (impl_->state == RunState::Running || impl_->state == RunState::WaitingIO) run_slice(1'000'000);
  return exit_code();
}

void Engine::stop() {
  if (impl_->state == RunState::Running || impl_->state == RunState::WaitingIO) {
    impl_->state = RunState::Stopped;
    impl_->exit_code = 130;
  }
}

RunState Engine::state() const { return impl_->state; }
int Engine::exit_code() const { return impl_->exit_code; }
const std::string& Engine::stdout_text() const { return impl_->out; }
const std::string& Engine::stderr_text() const { return impl_->err; }
const EventLog& Engine::log() const { return impl_->log; }
double Engine::clock() const { return impl_->log.clock(); }

}  // namespace looplab
