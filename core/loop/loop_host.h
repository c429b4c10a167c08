// What the event loop needs from the language, and nothing more: drive a coroutine one step,
// run a callback, make the few exceptions asyncio raises, and describe values for the log.
// The asyncio module implements it with the VM; the loop never includes the interpreter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace looplab {

struct TupleObj;

enum class Outcome : uint8_t {
  Yielded,    // the coroutine suspended, yielding `value`
  Returned,   // the coroutine returned (or the callback finished) with `value`
  Raised,     // `value` is the exception it raised (taken from the interpreter)
  Preempted,  // the budget ran out; `parked` continues it
};

struct StepResult {
  Outcome kind;
  Value value;
  void* parked = nullptr;
};

enum class LoopError : uint8_t { InvalidState, Runtime, Type };

class LoopHost {
 public:
  virtual ~LoopHost() = default;
  // Task.__step's coro.send(value) / coro.throw(value).
  virtual StepResult coro_send(Value coro, Value value, bool is_throw, uint64_t budget) = 0;
  // A callback handle: callable(*args), then `arg` when it is not Undef (a future's done
  // callback gets the future that way, without a tuple made for it).
  virtual StepResult call(Value callable, TupleObj* args, Value arg, uint64_t budget) = 0;
  virtual StepResult resume_parked(void* parked, uint64_t budget) = 0;
  virtual void trace_parked(void* parked, Tracer& t) = 0;

  virtual Value cancelled_error(Value message) = 0;  // CancelledError() or CancelledError(message)
  virtual Value loop_error(LoopError kind, std::string_view message) = 0;
  virtual bool is_cancelled_error(Value exc) = 0;
  virtual bool is_exit_exception(Value exc) = 0;     // SystemExit, KeyboardInterrupt
  virtual bool callbacks_equal(Value a, Value b) = 0;
  // future.cancel(msg=msg) through Python, for futures of Python subclasses.
  virtual bool cancel_future(Value future, Value msg) = 0;

  // loop.call_exception_handler's default: prints "message" and the exception's traceback.
  virtual void report_exception(std::string_view message, Value exc, Value subject) = 0;
  // Short text for the log and reprs: a callable's qualified name, a coroutine's name. In a
  // buffer the host keeps (valid until the next call): every task and callback is described for
  // the log, and building a std::string each time was most of that.
  virtual std::string_view describe_view(Value v) = 0;
  std::string describe(Value v) { return std::string(describe_view(v)); }
  // A number that determines describe_view(v) for the whole run (the address of the immortal
  // name it is made of), or 0: the log then finds the text's id without making the text.
  virtual uintptr_t label_key(Value v) { (void)v; return 0; }
  // format_helpers._format_callback_source: "cb(1, 'x') at main.py:6".
  virtual std::string format_callback_source(Value callable, TupleObj* args) = 0;
  // The line a coroutine is suspended at (its innermost frame), 0 if unknown.
  virtual int coro_line(Value coro) = 0;
  // "main > gather > fetch > sleep": the await chain of a suspended coroutine (valid until
  // the next call: it is built at every await, into a buffer the host keeps).
  virtual std::string_view await_chain(Value coro) = 0;
  // Between handles, where CPython's refcounting would free what the handle dropped: report
  // objects the collector found unreachable ("Task exception was never retrieved"); collect
  // first when `collect` (a task just ended, and CPython would free it right here). True when
  // something was reported.
  virtual bool after_handle(bool collect) { (void)collect; return false; }
};

}  // namespace looplab
